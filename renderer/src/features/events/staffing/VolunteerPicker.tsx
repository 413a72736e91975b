import { Button, Group, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../lib/api';
import { staffingKeys } from './queries';

/** Anyone from the registry, found by name as you type (for people the suggestions leave out). */
export function VolunteerPicker({
  roleName,
  onAssign,
  loading,
  disabled,
}: {
  roleName: string;
  onAssign: (volunteerId: number, name: string) => void;
  loading: boolean;
  disabled: boolean;
}) {
  const { t } = useTranslation('events');
  const [search, setSearch] = useState('');
  const [value, setValue] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const results = useQuery({
    queryKey: staffingKeys.people(debounced),
    queryFn: () => call('volunteers.list', { query: debounced, limit: 20 }),
    enabled: debounced.length > 0,
  });
  const data = (results.data?.rows ?? []).map((r) => ({ value: String(r.id), label: `${r.firstName} ${r.lastName}` }));
  const picked = data.find((d) => d.value === value);
  return (
    <Group align="flex-end" gap="xs" wrap="wrap" data-testid="volunteer-picker">
      <Select
        label={t('staffing.someoneElse')}
        placeholder={t('staffing.someoneElsePlaceholder')}
        data={data}
        value={value}
        onChange={setValue}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        // The registry's search already matched accents and parts of names.
        filter={({ options }) => options}
        nothingFoundMessage={debounced ? (results.isFetching ? t('staffing.searching') : t('staffing.nobodyFound')) : undefined}
        clearable
        style={{ flex: '1 1 260px', maxWidth: 360 }}
        comboboxProps={{ withinPortal: true }}
        disabled={disabled}
      />
      <Button
        variant="default"
        disabled={disabled || !picked}
        loading={loading}
        onClick={() => {
          if (!picked) return;
          onAssign(Number(picked.value), picked.label);
          setValue(null);
          setSearch('');
        }}
        aria-label={picked ? t('staffing.assignLabel', { name: picked.label, role: roleName }) : undefined}
      >
        {t('staffing.assign')}
      </Button>
    </Group>
  );
}

import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';
import { eventKeys } from './queries';

/**
 * Facilitators chosen by searching the registry as you type (the volunteers' own search, archived
 * people left out). Names of people already chosen come from the record being edited.
 */
export function FacilitatorPicker({
  value,
  onChange,
  known,
  error,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  /** Names of the people already chosen, by id. */
  known: Record<string, string>;
  error?: string;
}) {
  const { t } = useTranslation('events');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [names, setNames] = useState<Record<string, string>>(known);
  const results = useQuery({
    queryKey: eventKeys.facilitators(debounced),
    queryFn: () => call('volunteers.list', { query: debounced, limit: 20 }),
  });
  const found = (results.data?.rows ?? []).map((r) => ({ value: String(r.id), label: `${r.firstName} ${r.lastName}` }));
  const all = { ...known, ...names };
  const chosen = value.map((id) => ({ value: id, label: all[id] ?? `#${id}` }));
  const data = [...chosen, ...found.filter((f) => !value.includes(f.value))];
  return (
    <MultiSelect
      label={t('form.facilitators')}
      description={t('form.facilitatorsHint')}
      placeholder={value.length ? undefined : t('form.facilitatorsPlaceholder')}
      data={data}
      value={value}
      onChange={(ids) => {
        setNames((prev) => ({ ...prev, ...Object.fromEntries(found.map((f) => [f.value, f.label])) }));
        onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The registry's search already matched accents and parts of names.
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('form.searching') : t('form.nobodyFound')}
      hidePickedOptions
      clearable
      maxValues={20}
      error={error}
      data-path="facilitatorIds"
      comboboxProps={{ withinPortal: true }}
    />
  );
}

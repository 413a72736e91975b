import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';

export interface Person {
  id: number;
  name: string;
}

/** The registry's own search (accents, first or last name), twenty answers at a time. */
function useSearch(search: string, skip: string) {
  const [query] = useDebouncedValue(search, 150);
  const typed = query === skip ? '' : query;
  return useQuery({
    queryKey: ['volunteers', 'pick', typed],
    queryFn: () => call('volunteers.list', { query: typed, limit: 20 }),
    placeholderData: keepPreviousData,
  });
}

const options = (rows: { id: number; firstName: string; lastName: string }[] | undefined, keep: readonly Person[]) => {
  const list = (rows ?? []).map((r) => ({ value: String(r.id), label: `${r.firstName} ${r.lastName}` }));
  for (const p of keep) if (!list.some((o) => o.value === String(p.id))) list.unshift({ value: String(p.id), label: p.name });
  return list;
};

export function VolunteerField({ value, onChange, error }: { value: Person | null; onChange: (p: Person | null) => void; error?: string }) {
  const { t } = useTranslation('certificates');
  const [search, setSearch] = useState('');
  const found = useSearch(search, value?.name ?? '');
  const data = useMemo(() => options(found.data?.rows, value ? [value] : []), [found.data, value]);
  return (
    <Select
      label={t('form.volunteer')}
      placeholder={t('form.volunteerPlaceholder')}
      withAsterisk
      searchable
      clearable
      size="md"
      data={data}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t('form.searching') : t('form.nobody')}
      onChange={(id, option) => onChange(id ? { id: Number(id), name: option?.label ?? '' } : null)}
      error={error}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('form.clearVolunteer') }}
      data-testid="certificate-volunteer"
    />
  );
}

export function VolunteersField({ value, onChange, error }: { value: Person[]; onChange: (p: Person[]) => void; error?: string }) {
  const { t } = useTranslation('certificates');
  const [search, setSearch] = useState('');
  const found = useSearch(search, '');
  const data = useMemo(() => options(found.data?.rows, value), [found.data, value]);
  return (
    <MultiSelect
      label={t('several.volunteers')}
      description={t('several.volunteersHint')}
      placeholder={value.length ? undefined : t('form.volunteerPlaceholder')}
      searchable
      clearable
      size="md"
      data={data}
      value={value.map((p) => String(p.id))}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t('form.searching') : t('form.nobody')}
      onChange={(ids) => {
        const known = new Map([...value.map((p) => [String(p.id), p.name] as const), ...data.map((o) => [o.value, o.label] as const)]);
        onChange(ids.map((id) => ({ id: Number(id), name: known.get(id) ?? id })));
      }}
      error={error}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('form.clearVolunteer') }}
      data-testid="certificate-volunteers"
    />
  );
}

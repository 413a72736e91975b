import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';

export interface PickedPerson {
  id: number;
  name: string;
}

/** The registry's own search (accents, first or last name), twenty answers at a time. */
function useFound(search: string) {
  const [query] = useDebouncedValue(search, 150);
  return useQuery({
    queryKey: ['volunteers', 'pick', query],
    queryFn: () => call('volunteers.list', { query, limit: 20 }),
    placeholderData: keepPreviousData,
  });
}

const toOption = (p: PickedPerson) => ({ value: String(p.id), label: p.name });

interface Common {
  label: string;
  description?: string;
  error?: string;
  withAsterisk?: boolean;
  'data-testid'?: string;
}

/**
 * Several volunteers chosen by typing part of a name (participants, trainers). The people already
 * chosen keep their names even when the current search does not find them.
 */
export function VolunteersField({ value, onChange, ...field }: Common & { value: PickedPerson[]; onChange: (v: PickedPerson[]) => void }) {
  const { t } = useTranslation('trainings');
  const [search, setSearch] = useState('');
  const found = useFound(search);
  const options = useMemo(() => {
    const out = value.map(toOption);
    for (const r of found.data?.rows ?? []) if (!value.some((v) => v.id === r.id)) out.push(toOption({ id: r.id, name: `${r.firstName} ${r.lastName}` }));
    return out;
  }, [found.data, value]);
  return (
    <MultiSelect
      {...field}
      size="md"
      placeholder={value.length ? undefined : t('sessionForm.searchPlaceholder')}
      searchable
      data={options}
      value={value.map((v) => String(v.id))}
      searchValue={search}
      onSearchChange={setSearch}
      // The registry already searched: show what it answered.
      filter={({ options: all }) => all}
      hidePickedOptions
      nothingFoundMessage={t('sessionForm.nothingFound')}
      onChange={(ids) => onChange(ids.map((id) => ({ id: Number(id), name: options.find((o) => o.value === id)?.label ?? id })))}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** One volunteer chosen by typing part of a name. */
export function VolunteerField({ value, onChange, ...field }: Common & { value: PickedPerson | null; onChange: (v: PickedPerson | null) => void }) {
  const { t } = useTranslation('trainings');
  const [search, setSearch] = useState(value?.name ?? '');
  // Once someone is chosen the field shows their name: that is not a new search.
  const found = useFound(value && search === value.name ? '' : search);
  const options = useMemo(() => {
    const out = (found.data?.rows ?? []).map((r) => toOption({ id: r.id, name: `${r.firstName} ${r.lastName}` }));
    if (value && !out.some((o) => o.value === String(value.id))) out.unshift(toOption(value));
    return out;
  }, [found.data, value]);
  return (
    <Select
      {...field}
      size="md"
      placeholder={t('sessionForm.searchPlaceholder')}
      searchable
      data={options}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('sessionForm.nothingFound')}
      onChange={(id, option) => onChange(id ? { id: Number(id), name: option?.label ?? String(id) } : null)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

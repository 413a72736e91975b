import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/api';

export interface PickedVolunteer {
  id: number;
  name: string;
}

/**
 * Choose one volunteer by typing part of a name: the registry's own search (`volunteers.list`),
 * twenty answers at a time, so it stays quick with a hundred thousand records.
 */
export function VolunteerPicker({
  label,
  value,
  onChange,
  error,
  exclude = [],
  withAsterisk,
  description,
  w,
}: {
  label: string;
  value: PickedVolunteer | null;
  onChange: (v: PickedVolunteer | null) => void;
  error?: string;
  exclude?: readonly number[];
  withAsterisk?: boolean;
  description?: string;
  w?: number | string;
}) {
  const { t } = useTranslation('hours');
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 150);
  // Once someone is chosen the field shows their name: that is not a new search.
  const typed = value && query === value.name ? '' : query;
  const found = useQuery({
    queryKey: ['volunteers', 'pick', typed],
    queryFn: () => call('volunteers.list', { query: typed, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const options = useMemo(() => {
    const skip = new Set(exclude);
    const rows = (found.data?.rows ?? []).filter((r) => !skip.has(r.id)).map((r) => ({ value: String(r.id), label: `${r.firstName} ${r.lastName}` }));
    if (value && !rows.some((r) => r.value === String(value.id))) rows.unshift({ value: String(value.id), label: value.name });
    return rows;
  }, [found.data, exclude, value]);

  return (
    <Select
      label={label}
      description={description}
      withAsterisk={withAsterisk}
      placeholder={t('picker.placeholder')}
      searchable
      clearable
      data={options}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      // The registry already searched (accents, first or last name): show what it answered.
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t('picker.searching') : t('picker.nothing')}
      onChange={(id, option) => onChange(id ? { id: Number(id), name: option?.label ?? '' } : null)}
      error={error}
      w={w}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('picker.clear') }}
    />
  );
}

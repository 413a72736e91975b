import { Select, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, useFieldErrors } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { SectionHeader } from './SectionHeader';
import { useSetTimeZone, useSettingsView } from './api';

/** This computer's zone, as the browser engine reads it. */
const computerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** « UTC+01:00 » today in that zone (« UTC » when there is no offset). */
function offsetNow(zone: string): string {
  try {
    const name = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ?? '';
    return name.replace(/^GMT/, 'UTC').replace(/^UTC[+-]00:00$/, 'UTC') || 'UTC';
  } catch {
    return '';
  }
}

/**
 * Every zone this engine knows, grouped by region (« Europe », « America »…), each labelled with its
 * offset today so « Paris » or « new york » finds it. The zones in use (chosen, computer's) are
 * always offered even where this engine spells them otherwise.
 */
export function zoneOptions(current: string): { group: string; items: { value: string; label: string }[] }[] {
  const zones = new Set<string>(Intl.supportedValuesOf('timeZone'));
  zones.add(current);
  zones.add(computerZone());
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const zone of [...zones].sort()) {
    const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : 'UTC';
    const offset = offsetNow(zone);
    const label = `${zone.replace(/_/g, ' ')}${offset && offset !== zone ? ` (${offset})` : ''}`;
    if (!groups.has(region)) groups.set(region, []);
    groups.get(region)!.push({ value: zone, label });
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** Settings: the zone new events are planned in, saved as soon as it is chosen. */
export function TimeZoneSection() {
  const { t } = useTranslation('settings');
  const { timeZone } = useSettingsView();
  const setTimeZone = useSetTimeZone();
  const notify = useNotify();
  const options = useMemo(() => zoneOptions(timeZone), [timeZone]);
  const errors = useFieldErrors(setTimeZone.error);

  const choose = (zone: string | null) => {
    if (!zone || zone === timeZone) return;
    setTimeZone.mutate({ timeZone: zone }, { onSuccess: (view) => notify.success(t('timeZone.saved', { zone: view.timeZone })) });
  };

  return (
    <Stack gap="md" maw={560} data-testid="time-zone">
      <SectionHeader title={t('timeZone.title')} intro={t('timeZone.intro')} />
      <Select
        size="md"
        label={t('timeZone.label')}
        description={t('timeZone.computer', { zone: computerZone() })}
        placeholder={t('timeZone.placeholder')}
        nothingFoundMessage={t('timeZone.nothingFound')}
        data={options}
        value={timeZone}
        onChange={choose}
        searchable
        allowDeselect={false}
        disabled={setTimeZone.isPending}
        maxDropdownHeight={320}
        error={errors('timeZone')}
      />
      {setTimeZone.isError && errors.paths.length === 0 ? <ErrorAlert error={setTimeZone.error} /> : null}
      <Text size="sm" c="dark.6">
        {t('timeZone.keep')}
      </Text>
    </Stack>
  );
}

import { Anchor, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HourCategory, HourGrouping, HourGroup } from '../../../../shared/api';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert, useFieldErrors } from '../../components/errors';
import { useFormat } from '../../lib/format';
import { useHourTotals } from './queries';

// recharts is heavy: loaded when a chart is first shown, not at start-up (DESIGN §10).
const HoursChart = lazy(() => import('./HoursChart'));

const GROUPINGS = ['month', 'category', 'programme', 'volunteer'] as const satisfies readonly HourGrouping[];
const PERIODS = ['year', 'twelveMonths', 'all', 'custom'] as const;
type Period = (typeof PERIODS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

function range(period: Period, custom: { from: string; to: string }): { from: string | null; to: string | null } {
  const today = new Date();
  if (period === 'year') return { from: `${today.getFullYear()}-01-01`, to: `${today.getFullYear()}-12-31` };
  if (period === 'twelveMonths') return { from: isoDay(new Date(today.getFullYear(), today.getMonth() - 11, 1)), to: isoDay(today) };
  if (period === 'custom') return { from: custom.from || null, to: custom.to || null };
  return { from: null, to: null };
}

/** « novembre 2026 » from « 2026-11 ». */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Counted hours (approved) grouped by month, category, programme or volunteer over a period: a table, and a chart. */
export function TotalsTab() {
  const { t } = useTranslation('hours');
  const fmt = useFormat();
  const [grouping, setGrouping] = useState<HourGrouping>('month');
  const [period, setPeriod] = useState<Period>('twelveMonths');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const q = useHourTotals({ grouping, ...range(period, custom), limit: 200 });
  const errors = useFieldErrors(q.error);

  const labelOf = (g: HourGroup): string => {
    if (grouping === 'month') return monthLabel(String(g.key), fmt.locale);
    if (grouping === 'category') return t(`categories.${g.key as HourCategory}`);
    if (grouping === 'programme') return g.key === null ? t('totals.noProgramme') : g.label ?? String(g.key);
    return g.label ?? `#${String(g.key)}`;
  };

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="lg" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={4} id="totals-grouping">
            {t('totals.groupBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="totals-grouping"
            value={grouping}
            onChange={(v) => setGrouping(v as HourGrouping)}
            data={GROUPINGS.map((g) => ({ value: g, label: t(`totals.groupings.${g}`) }))}
          />
        </div>
        <div>
          <Text size="sm" fw={500} mb={4} id="totals-period">
            {t('totals.period')}
          </Text>
          <SegmentedControl aria-labelledby="totals-period" value={period} onChange={(v) => setPeriod(v as Period)} data={PERIODS.map((p) => ({ value: p, label: t(`totals.periods.${p}`) }))} />
        </div>
        {period === 'custom' ? (
          <Group gap="sm" align="flex-start">
            <DateField label={t('list.from')} value={custom.from} onChange={(from) => setCustom((c) => ({ ...c, from }))} error={errors('from')} />
            <DateField label={t('list.to')} value={custom.to} onChange={(to) => setCustom((c) => ({ ...c, to }))} error={errors('to')} />
          </Group>
        ) : null}
      </Group>

      {q.isError && errors.paths.length === 0 ? <ErrorAlert error={q.error} /> : null}
      {!q.data ? (
        q.isError ? null : <Loader aria-label={t('tabs.totals')} />
      ) : q.data.groups.length === 0 ? (
        <EmptyState title={t('totals.emptyTitle')} description={t('totals.emptyText')} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" maw={640}>
            <Paper withBorder radius="md" p="md">
              <Text size="sm" c="gray.7" fw={500}>
                {t('totals.total')}
              </Text>
              <Text fz={28} fw={700} data-testid="totals-total">
                {fmt.minutes(q.data.totalMinutes)}
              </Text>
            </Paper>
            <Paper withBorder radius="md" p="md">
              <Text size="sm" c="gray.7" fw={500}>
                {t('totals.entries')}
              </Text>
              <Text fz={28} fw={700}>
                {fmt.number(q.data.entries)}
              </Text>
            </Paper>
          </SimpleGrid>
          {grouping !== 'volunteer' ? (
            <Paper withBorder radius="md" p="md">
              <Title order={2} size="h5" mb="sm">
                {t(`totals.chartTitles.${grouping}`)}
              </Title>
              <Suspense fallback={<Loader size="sm" />}>
                <HoursChart data={q.data.groups.map((g) => ({ label: labelOf(g), minutes: g.minutes }))} format={fmt.minutes} number={fmt.number} hoursLabel={t('totals.hoursAxis')} />
              </Suspense>
            </Paper>
          ) : null}
          {grouping === 'volunteer' && q.data.groupCount > q.data.groups.length ? (
            <Text size="sm" c="gray.7">
              {t('totals.topOnly', { shown: q.data.groups.length, count: q.data.groupCount })}
            </Text>
          ) : null}
          <Table.ScrollContainer minWidth={480}>
            <Table striped verticalSpacing="sm" aria-label={t('totals.tableLabel')} data-testid="totals-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t(`totals.groupings.${grouping}`)}</Table.Th>
                  <Table.Th ta="right">{t('columns.hours')}</Table.Th>
                  <Table.Th ta="right">{t('columns.entries')}</Table.Th>
                  <Table.Th ta="right">{t('columns.share')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.groups.map((g) => (
                  <Table.Tr key={String(g.key)}>
                    <Table.Td>
                      {grouping === 'volunteer' ? (
                        <Anchor component={Link} to={`/volunteers/${String(g.key)}`}>
                          {labelOf(g)}
                        </Anchor>
                      ) : (
                        labelOf(g)
                      )}
                    </Table.Td>
                    <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {fmt.minutes(g.minutes)}
                    </Table.Td>
                    <Table.Td ta="right">{fmt.number(g.entries)}</Table.Td>
                    <Table.Td ta="right">{new Intl.NumberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 0 }).format(q.data.totalMinutes ? g.minutes / q.data.totalMinutes : 0)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>{t('totals.total')}</Table.Th>
                  <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {fmt.minutes(q.data.totalMinutes)}
                  </Table.Th>
                  <Table.Th ta="right">{fmt.number(q.data.entries)}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm" c="gray.7">
            {t('totals.definition')}
          </Text>
        </>
      )}
    </Stack>
  );
}

import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Category, Overview } from '../../../../shared/api';
import { useFormat } from '../../lib/format';
import { categoryLabel } from './labels';

/**
 * The dashboard's charts (recharts, loaded on demand). Amounts stay integer cents in the data;
 * only the labels turn them into money, in the app's language: « 1 234,50 € » in French,
 * "€1,234.50" in English, and compact on the axes (« 12 k€ », "€12K").
 */

// Colours with at least 3:1 against white (WCAG 1.4.11), told apart by the legend's words too.
const BUDGET = '#868e96';
const SPENT = '#0c8599';
const IN = '#2b8a3e';
const OUT = '#c92a2a';
const SLICES = ['#1864ab', '#2b8a3e', '#e8590c', '#862e9c', '#0b7285', '#5c940d', '#a61e4d', '#495057'];

function useMoneyLabels() {
  const fmt = useFormat();
  return useMemo(() => {
    const compact = new Intl.NumberFormat(fmt.locale, { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 });
    return {
      full: (cents: number) => fmt.money(cents),
      // An axis label only: the value is shown, never computed with.
      axis: (cents: number) => compact.format(cents / 100),
    };
  }, [fmt]);
}

function ChartCard({ title, children, testId, summary }: { title: string; children: React.ReactNode; testId: string; summary: string }) {
  return (
    <Paper withBorder radius="md" p="md" className="finance-card" data-testid={testId}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <div role="img" aria-label={summary}>
        {children}
      </div>
    </Paper>
  );
}

export default function FinanceCharts({ overview, categories }: { overview: Overview; categories: Map<number, Category> }) {
  const { t } = useTranslation('finance');
  const fmt = useFormat();
  const money = useMoneyLabels();
  const name = (id: number) => categoryLabel(t, categories.get(id) ?? { key: null, name: '' });

  const spending = overview.byCategory
    .filter((r) => r.direction === 'expense' && (r.actualCents > 0 || r.budgetCents !== null))
    .map((r) => ({ name: name(r.categoryId), budget: r.budgetCents ?? 0, actual: r.actualCents }));
  const funding = overview.byCategory.filter((r) => r.direction === 'income' && r.actualCents > 0).map((r) => ({ name: name(r.categoryId), value: r.actualCents }));
  const monthName = new Intl.DateTimeFormat(fmt.locale, { month: 'short', timeZone: 'UTC' });
  const monthly = overview.monthly.map((m) => ({ month: monthName.format(new Date(`${m.month}-01T00:00:00Z`)), in: m.inCents, out: m.outCents }));
  const tooltip = { formatter: (v: unknown) => money.full(Number(v)), contentStyle: { fontSize: 14 } };

  return (
    <Stack gap="lg">
      <ChartCard
        testId="chart-spending"
        title={t('overview.charts.byCategory')}
        summary={spending.map((s) => `${s.name}: ${money.full(s.actual)} / ${money.full(s.budget)}`).join('; ')}
      >
        {spending.length === 0 ? (
          <Text c="gray.7">{t('overview.charts.noSpending')}</Text>
        ) : (
          <ResponsiveContainer width="100%" height={Math.max(160, 46 * spending.length + 60)}>
            <BarChart data={spending} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid horizontal={false} stroke="#dee2e6" />
              <XAxis type="number" tickFormatter={money.axis} fontSize={13} stroke="#495057" />
              <YAxis type="category" dataKey="name" width={190} fontSize={13} stroke="#495057" interval={0} />
              <Tooltip {...tooltip} />
              <Legend wrapperStyle={{ fontSize: 14 }} />
              <Bar dataKey="budget" name={t('overview.charts.budget')} fill={BUDGET} isAnimationActive={false} barSize={14} />
              <Bar dataKey="actual" name={t('overview.charts.actual')} fill={SPENT} isAnimationActive={false} barSize={14} />
            </BarChart>
          </ResponsiveContainer>
        )}
      </ChartCard>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ChartCard testId="chart-funding" title={t('overview.charts.funding')} summary={funding.map((f) => `${f.name}: ${money.full(f.value)}`).join('; ')}>
          {funding.length === 0 ? (
            <Text c="gray.7">{t('overview.charts.noIncome')}</Text>
          ) : (
            <Group align="flex-start" wrap="nowrap" gap="md">
              <ResponsiveContainer width="55%" height={240}>
                <PieChart>
                  <Pie data={funding} dataKey="value" nameKey="name" innerRadius={55} outerRadius={95} paddingAngle={1} isAnimationActive={false}>
                    {funding.map((f, i) => (
                      <Cell key={f.name} fill={SLICES[i % SLICES.length]} />
                    ))}
                  </Pie>
                  <Tooltip {...tooltip} />
                </PieChart>
              </ResponsiveContainer>
              <Stack gap={6} style={{ flex: 1 }}>
                {funding.map((f, i) => (
                  <Group key={f.name} gap={8} wrap="nowrap" justify="space-between">
                    <Group gap={8} wrap="nowrap">
                      <span aria-hidden style={{ width: 12, height: 12, borderRadius: 2, background: SLICES[i % SLICES.length], flexShrink: 0 }} />
                      <Text size="sm">{f.name}</Text>
                    </Group>
                    <Text size="sm" fw={600} className="finance-amount">
                      {money.full(f.value)}
                    </Text>
                  </Group>
                ))}
                {overview.funders.length ? (
                  <>
                    <Text size="sm" fw={700} mt="sm">
                      {t('overview.charts.funders')}
                    </Text>
                    <Table verticalSpacing={2} fz="sm">
                      <Table.Tbody>
                        {overview.funders.slice(0, 6).map((f) => (
                          <Table.Tr key={f.funder}>
                            <Table.Td>{f.funder}</Table.Td>
                            <Table.Td className="finance-amount">{money.full(f.cents)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </>
                ) : null}
              </Stack>
            </Group>
          )}
        </ChartCard>
        <ChartCard
          testId="chart-monthly"
          title={t('overview.charts.monthly')}
          summary={monthly.map((m) => `${m.month}: +${money.full(m.in)} −${money.full(m.out)}`).join('; ')}
        >
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={monthly} margin={{ left: 8, right: 8 }}>
              <CartesianGrid vertical={false} stroke="#dee2e6" />
              <XAxis dataKey="month" fontSize={12} stroke="#495057" interval={0} />
              <YAxis tickFormatter={money.axis} fontSize={12} stroke="#495057" width={70} />
              <Tooltip {...tooltip} />
              <Legend wrapperStyle={{ fontSize: 14 }} />
              <Bar dataKey="in" name={t('overview.charts.in')} fill={IN} isAnimationActive={false} />
              <Bar dataKey="out" name={t('overview.charts.out')} fill={OUT} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
      </SimpleGrid>
    </Stack>
  );
}

import { Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Overview } from '../../../../shared/api';
import { divideRoundHalfUp } from '../../../../shared/money';
import { ErrorAlert } from '../../components/errors';
import { useFormat } from '../../lib/format';
import { categoryLabel, percentText } from './labels';
import { useFinanceOptions, useOverview } from './queries';
import { ScopePickers } from './ScopePickers';

// recharts is large: it loads when the dashboard is first shown, not at start-up (DESIGN §10).
const FinanceCharts = lazy(() => import('./FinanceCharts'));

interface Props {
  year: number;
  onYear: (year: number) => void;
  scope: number | null;
  onScope: (scope: number | null) => void;
}

function Figure({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="md" className="finance-card" data-testid={testId}>
      <Text size="sm" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} className="finance-amount" ta="left">
        {value}
      </Text>
      {detail ? (
        <Text size="sm" c="gray.7">
          {detail}
        </Text>
      ) : null}
    </Paper>
  );
}

function BudgetTable({ overview, categories }: { overview: Overview; categories: Map<number, Category> }) {
  const { t } = useTranslation('finance');
  const fmt = useFormat();
  const section = (direction: 'expense' | 'income') => {
    const rows = overview.byCategory.filter((r) => r.direction === direction && (r.actualCents > 0 || r.budgetCents !== null));
    if (rows.length === 0) return null;
    return (
      <>
        <Table.Tr>
          <Table.Th colSpan={6} bg="gray.0">
            {direction === 'expense' ? t('overview.table.expenses') : t('overview.table.income')}
          </Table.Th>
        </Table.Tr>
        {rows.map((r) => {
          const c = categories.get(r.categoryId)!;
          const over = direction === 'expense' && r.budgetCents !== null && r.actualCents > r.budgetCents;
          const used = r.budgetCents ? divideRoundHalfUp(r.actualCents * 100, r.budgetCents) : null;
          return (
            <Table.Tr key={r.categoryId}>
              <Table.Td>{categoryLabel(t, c)}</Table.Td>
              <Table.Td>{c.account}</Table.Td>
              <Table.Td className="finance-amount">{r.budgetCents === null ? '—' : fmt.money(r.budgetCents)}</Table.Td>
              <Table.Td className="finance-amount">{fmt.money(r.actualCents)}</Table.Td>
              <Table.Td className="finance-amount">{r.budgetCents === null ? '—' : fmt.money(r.budgetCents - r.actualCents)}</Table.Td>
              <Table.Td className="finance-amount">
                {used === null ? '—' : percentText(used, fmt.lang)}{' '}
                {over ? (
                  <Badge color="red" variant="light" tt="none" size="sm">
                    {t('overview.table.over')}
                  </Badge>
                ) : null}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </>
    );
  };
  return (
    <Paper withBorder radius="md" p="md" className="finance-card">
      <Title order={2} size="h4" mb="sm">
        {t('overview.table.title')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" data-testid="budget-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('overview.table.category')}</Table.Th>
              <Table.Th>{t('overview.table.account')}</Table.Th>
              <Table.Th className="finance-amount">{t('overview.table.budget')}</Table.Th>
              <Table.Th className="finance-amount">{t('overview.table.actual')}</Table.Th>
              <Table.Th className="finance-amount">{t('overview.table.difference')}</Table.Th>
              <Table.Th className="finance-amount">{t('overview.table.used')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {section('expense')}
            {section('income')}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The year at a glance: what was spent and received against the budget, three charts, the table behind them. */
export function OverviewTab({ year, onYear, scope, onScope }: Props) {
  const { t } = useTranslation('finance');
  const fmt = useFormat();
  const options = useFinanceOptions();
  const q = useOverview({ year, programmeId: scope });
  const categories = new Map((options.data?.categories ?? []).map((c) => [c.id, c]));
  const scopeName =
    scope === null ? t('pickers.allProgrammes') : scope === 0 ? t('pickers.noProgramme') : (options.data?.programmes.find((p) => p.id === scope)?.name ?? '');

  if (q.isError) return <ErrorAlert error={q.error} />;
  const o = q.data;
  const empty = o && o.totals.expenseCents === 0 && o.totals.incomeCents === 0 && o.totals.budgetExpenseCents === 0;
  return (
    // At most about an A4 landscape page wide, so the charts drawn on screen fit the printed page.
    <Stack gap="lg" data-finance-report maw={1000}>
      <Group justify="space-between" align="flex-end">
        <ScopePickers year={year} onYear={onYear} scope={scope} onScope={onScope} />
        <Button variant="default" size="md" onClick={() => window.print()} className="finance-no-print" title={t('overview.printHint')}>
          {t('overview.print')}
        </Button>
      </Group>
      <div className="finance-print-only">
        <Title order={1} size="h2">
          {t('overview.reportTitle', { year, scope: scopeName })}
        </Title>
        <Text c="gray.7">{t('overview.printedOn', { date: fmt.date(new Date().toISOString().slice(0, 10)) })}</Text>
      </div>
      {!o ? (
        <Loader aria-label={t('tabs.overview')} />
      ) : (
        <>
          {!o.hasBudget ? (
            <Alert color="yellow" variant="light" data-testid="no-budget">
              {t('overview.noBudget', { year })}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Figure
              testId="figure-spent"
              label={t('overview.spent')}
              value={fmt.money(o.totals.expenseCents)}
              detail={o.totals.budgetExpenseCents ? t('overview.ofBudget', { amount: fmt.money(o.totals.budgetExpenseCents) }) : t('overview.noBudgetFigure')}
            />
            <Figure
              testId="figure-received"
              label={t('overview.received')}
              value={fmt.money(o.totals.incomeCents)}
              detail={o.totals.budgetIncomeCents ? t('overview.ofBudget', { amount: fmt.money(o.totals.budgetIncomeCents) }) : undefined}
            />
            <Figure testId="figure-balance" label={t('overview.balance')} value={fmt.money(o.totals.incomeCents - o.totals.expenseCents)} />
          </SimpleGrid>
          {empty ? (
            <Text c="gray.7">{t('overview.empty', { year })}</Text>
          ) : (
            <Suspense fallback={<Loader aria-label={t('overview.charts.loading')} />}>
              <FinanceCharts overview={o} categories={categories} />
            </Suspense>
          )}
          <BudgetTable overview={o} categories={categories} />
        </>
      )}
    </Stack>
  );
}

import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api';
import { centsToInput } from '../../../../shared/money';
import { ErrorAlert, translateIssue, useFieldErrors } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { call } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { categoryLabel, readMoney, type MoneyField } from './labels';
import { MoneyInput } from './MoneyInput';
import { financeKeys, useBudget, useFinanceMutation, useFinanceOptions } from './queries';
import { ScopePickers } from './ScopePickers';

type Budget = Output<'finance.budget'>;

/** A budget column being edited: one amount field per category, saved together. */
function BudgetForm({ year, programmeId, budget }: { year: number; programmeId: number | null; budget: Budget }) {
  const { t } = useTranslation('finance');
  const fmt = useFormat();
  const notify = useNotify();
  const qc = useQueryClient();
  const options = useFinanceOptions();
  const categories = new Map((options.data?.categories ?? []).map((c) => [c.id, c]));
  const fieldsOf = (b: Budget) => new Map(b.rows.map((r) => [r.categoryId, readMoney(r.budgetCents === null ? '' : centsToInput(r.budgetCents, fmt.lang), fmt.lang, true)]));
  const [fields, setFields] = useState<Map<number, MoneyField>>(() => fieldsOf(budget));
  const [submitted, setSubmitted] = useState(false);
  const save = useFinanceMutation((cells: { categoryId: number; amountCents: number | null }[]) => call('finance.saveBudget', { year, programmeId, cells }));
  const fe = useFieldErrors(save.error);

  const copyPrevious = async () => {
    const previous = await qc.fetchQuery({ queryKey: financeKeys.budget({ year: year - 1, programmeId: programmeId ?? 0 }), queryFn: () => call('finance.budget', { year: year - 1, programmeId: programmeId ?? 0 }) });
    setFields((current) => {
      const next = new Map(current);
      for (const r of previous.rows) if (r.budgetCents !== null && next.has(r.categoryId)) next.set(r.categoryId, readMoney(centsToInput(r.budgetCents, fmt.lang), fmt.lang, true));
      return next;
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const cells: { categoryId: number; amountCents: number | null }[] = [];
    for (const r of budget.rows) {
      const categoryId = r.categoryId;
      const f = fields.get(categoryId) ?? readMoney('', fmt.lang, true);
      if (f.error && f.error !== 'empty') return;
      cells.push({ categoryId, amountCents: f.error === 'empty' ? null : f.cents });
    }
    save.mutate(cells, { onSuccess: () => notify.success(t('budgets.saved', { year })) });
  };

  const section = (direction: 'expense' | 'income') => {
    const rows = budget.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.direction === direction);
    const total = rows.reduce((n, { r }) => n + (fields.get(r.categoryId)?.cents ?? 0), 0);
    const actual = rows.reduce((n, { r }) => n + r.actualCents, 0);
    return (
      <>
        <Table.Tr>
          <Table.Th colSpan={4} bg="gray.0">
            {direction === 'expense' ? t('budgets.expenses') : t('budgets.income')}
          </Table.Th>
        </Table.Tr>
        {rows.map(({ r }) => {
          const c = categories.get(r.categoryId);
          const name = c ? categoryLabel(t, c) : '';
          // A category added since the form opened has no field yet: it starts empty.
          const f = fields.get(r.categoryId) ?? readMoney('', fmt.lang, true);
          const cellIssue = fe.paths.find((p) => p.startsWith(`cells.`) && budgetIndex(p) === budget.rows.findIndex((x) => x.categoryId === r.categoryId));
          return (
            <Table.Tr key={r.categoryId}>
              <Table.Td>
                {name} <Text span c="gray.7" size="sm">({c?.account})</Text>
              </Table.Td>
              <Table.Td>
                <MoneyInput
                  label={t('budgets.budgetFor', { category: name })}
                  size="sm"
                  w={170}
                  hiddenLabel
                  allowZero
                  value={f}
                  onChange={(v) => setFields((m) => new Map(m).set(r.categoryId, v))}
                  showError={submitted}
                  error={cellIssue ? fe(cellIssue) : undefined}
                  data-testid={`budget-${c?.key ?? r.categoryId}`}
                />
              </Table.Td>
              <Table.Td className="finance-amount">{fmt.money(r.actualCents)}</Table.Td>
              <Table.Td className="finance-amount">{f.cents === null ? '—' : fmt.money(f.cents - r.actualCents)}</Table.Td>
            </Table.Tr>
          );
        })}
        <Table.Tr fw={700}>
          <Table.Td>{t('budgets.total')}</Table.Td>
          <Table.Td className="finance-amount" pr="xl">
            {fmt.money(total)}
          </Table.Td>
          <Table.Td className="finance-amount">{fmt.money(actual)}</Table.Td>
          <Table.Td className="finance-amount">{fmt.money(total - actual)}</Table.Td>
        </Table.Tr>
      </>
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {!budget.hasBudget ? <Text c="gray.7">{t('budgets.noBudgetYet', { year })}</Text> : null}
        <Table verticalSpacing="xs" data-testid="budget-form" styles={{ td: { verticalAlign: 'middle' } }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('budgets.category')}</Table.Th>
              <Table.Th>{t('budgets.budget')}</Table.Th>
              <Table.Th className="finance-amount">{t('budgets.actual')}</Table.Th>
              <Table.Th className="finance-amount">{t('budgets.remaining')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {section('expense')}
            {section('income')}
          </Table.Tbody>
        </Table>
        {save.error && !fe.paths.length ? <ErrorAlert error={save.error} /> : null}
        {fe.paths.length ? (
          <Alert color="red" variant="light" role="alert">
            {fe.paths.map((p) => fe(p)).filter(Boolean).join(' ') || translateIssue(t, { key: 'invalid' })}
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button type="submit" size="md" loading={save.isPending}>
            {t('budgets.save')}
          </Button>
          <Button variant="default" size="md" onClick={() => void copyPrevious()}>
            {t('budgets.copyFrom', { year: year - 1 })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const budgetIndex = (path: string) => Number(path.split('.')[1]);

/** Budgets per year × programme × category: one column at a time (the general budget, or a programme). */
export function BudgetsTab({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const { t } = useTranslation('finance');
  const [column, setColumn] = useState<number>(0);
  const q = useBudget({ year, programmeId: column });
  return (
    <Stack gap="md">
      <ScopePickers year={year} onYear={onYear} scope={column} onScope={(s) => setColumn(s ?? 0)} budgetColumns />
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4">
          {t('budgets.title', { year })}
        </Title>
        <Text c="gray.7" size="sm" mb="md">
          {t('budgets.intro')}
        </Text>
        {q.isError ? <ErrorAlert error={q.error} /> : !q.data ? <Loader aria-label={t('tabs.budgets')} /> : <BudgetForm key={`${year}-${column}`} year={year} programmeId={column === 0 ? null : column} budget={q.data} />}
      </Paper>
    </Stack>
  );
}

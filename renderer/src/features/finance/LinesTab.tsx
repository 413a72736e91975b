import { Button, Group, Menu, SegmentedControl, Select, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Direction, FileFormat, Input, MoneyLine } from '../../../../shared/api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/errors';
import { IconCoins, IconPlus } from '../../components/icons';
import { useNotify } from '../../components/notify';
import { call } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { categoryLabel } from './labels';
import { LineForm } from './LineForm';
import { LINES_PAGE, linesPageOptions, useFinanceMutation, useFinanceOptions, useLinesFirstPage } from './queries';
import { ScopePickers } from './ScopePickers';

const ROW = 56;
const COLUMNS = '100px minmax(190px, 2.4fr) minmax(130px, 1.3fr) minmax(110px, 1.1fr) 128px 108px';

interface Props {
  year: number;
  onYear: (year: number) => void;
  scope: number | null;
  onScope: (scope: number | null) => void;
}

/** Every expense and income of the year, newest first; only the rows in view are in the page. */
export function LinesTab({ year, onYear, scope, onScope }: Props) {
  const { t } = useTranslation('finance');
  const fmt = useFormat();
  const notify = useNotify();
  const options = useFinanceOptions();
  const [direction, setDirection] = useState<'all' | Direction>('all');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<'any' | 'with' | 'without'>('any');
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const [editing, setEditing] = useState<{ line: MoneyLine | null; direction: Direction } | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const q: Omit<Input<'finance.listLines'>, 'offset' | 'limit'> = {
    year,
    programmeId: scope,
    direction: direction === 'all' ? null : direction,
    categoryId: categoryId === null ? null : Number(categoryId),
    receipt,
    query,
  };
  const first = useLinesFirstPage(q);
  const total = first.data?.total ?? 0;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const firstPage = Math.floor((items[0]?.index ?? 0) / LINES_PAGE);
  const lastPage = Math.floor((items[items.length - 1]?.index ?? 0) / LINES_PAGE);
  const pages: number[] = [];
  for (let p = firstPage; p <= lastPage; p++) pages.push(p);
  const results = useQueries({ queries: pages.map((p) => ({ ...linesPageOptions(q, p), placeholderData: keepPreviousData })) });
  const rowAt = (index: number) => {
    const p = Math.floor(index / LINES_PAGE);
    const at = pages.indexOf(p);
    return at < 0 ? undefined : results[at]?.data?.rows[index - p * LINES_PAGE];
  };

  const categories = new Map((options.data?.categories ?? []).map((c) => [c.id, c]));
  const exportJournal = useFinanceMutation((format: FileFormat) => call('finance.exportJournal', { year, format }));
  const show = useFinanceMutation((lineId: number) => call('finance.openReceipt', { lineId }));
  const doExport = (format: FileFormat) =>
    exportJournal.mutate(format, { onSuccess: (r) => r.saved && r.fileName && notify.success(t('export.saved', { name: r.fileName })), onError: notify.error });

  const filtered = direction !== 'all' || categoryId !== null || receipt !== 'any' || query !== '';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <ScopePickers year={year} onYear={onYear} scope={scope} onScope={onScope} />
        <Group gap="sm">
          <Button size="md" leftSection={<IconPlus size={18} />} onClick={() => setEditing({ line: null, direction: 'expense' })}>
            {t('lines.newExpense')}
          </Button>
          <Button size="md" variant="light" leftSection={<IconPlus size={18} />} onClick={() => setEditing({ line: null, direction: 'income' })}>
            {t('lines.newIncome')}
          </Button>
        </Group>
      </Group>
      <Group gap="md" align="flex-end">
        <SegmentedControl
          aria-label={t('lines.direction')}
          value={direction}
          onChange={(v) => setDirection(v as 'all' | Direction)}
          data={[
            { value: 'all', label: t('lines.allDirections') },
            { value: 'expense', label: t('directions.expense') },
            { value: 'income', label: t('directions.income') },
          ]}
        />
        <Select
          label={t('lines.category')}
          w={200}
          clearable
          placeholder={t('lines.allCategories')}
          data={(options.data?.categories ?? []).filter((c) => direction === 'all' || c.direction === direction).map((c) => ({ value: String(c.id), label: categoryLabel(t, c) }))}
          value={categoryId}
          onChange={setCategoryId}
        />
        <Select
          label={t('lines.receipts')}
          w={170}
          allowDeselect={false}
          data={(['any', 'with', 'without'] as const).map((k) => ({ value: k, label: t(`lines.receiptFilter.${k}`) }))}
          value={receipt}
          onChange={(v) => v && setReceipt(v as typeof receipt)}
        />
        <TextInput label={t('lines.search')} placeholder={t('lines.searchPlaceholder')} w={230} value={search} onChange={(e) => setSearch(e.currentTarget.value)} type="search" />
      </Group>
      {first.isError ? <ErrorAlert error={first.error} /> : null}
      <Group justify="space-between" align="center">
        {first.data ? (
          <Text c="gray.8" data-testid="lines-summary">
            {t('lines.summary', { count: total, expense: fmt.money(first.data.expenseCents), income: fmt.money(first.data.incomeCents) })}
          </Text>
        ) : (
          <span />
        )}
        <Menu position="bottom-end">
            <Menu.Target>
              <Button size="md" variant="default" loading={exportJournal.isPending}>
                {t('lines.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => doExport('xlsx')}>{t('lines.exportXlsx', { year })}</Menu.Item>
              <Menu.Item onClick={() => doExport('csv')}>{t('lines.exportCsv', { year })}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
      </Group>
      {first.data && total === 0 ? (
        filtered ? (
          <Text c="gray.7">{t('lines.noMatch')}</Text>
        ) : (
          <EmptyState icon={<IconCoins size={28} />} title={t('lines.emptyTitle')} description={t('lines.emptyText')} />
        )
      ) : (
        <div role="table" aria-label={t('lines.tableLabel')} aria-rowcount={total + 1} data-testid="lines-table" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'hidden' }}>
          <div role="row" style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 12, padding: '10px 14px', background: 'var(--mantine-color-gray-0)', fontWeight: 700 }}>
            <span role="columnheader">{t('lines.columns.date')}</span>
            <span role="columnheader">{t('lines.columns.label')}</span>
            <span role="columnheader">{t('lines.columns.category')}</span>
            <span role="columnheader">{t('lines.columns.programme')}</span>
            <span role="columnheader" className="finance-amount">
              {t('lines.columns.amount')}
            </span>
            <span role="columnheader">{t('lines.columns.receipt')}</span>
          </div>
          <div ref={scrollRef} style={{ height: Math.min(560, Math.max(ROW, total * ROW)), overflowY: 'auto' }}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const r = rowAt(item.index);
                const c = r ? categories.get(r.categoryId) : undefined;
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 2}
                    style={{
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: ROW,
                      transform: `translateY(${item.start}px)`,
                      display: 'grid',
                      gridTemplateColumns: COLUMNS,
                      gap: 12,
                      alignItems: 'center',
                      padding: '0 14px',
                      borderTop: '1px solid var(--mantine-color-gray-2)',
                    }}
                  >
                    {r ? (
                      <>
                        <span role="cell">{fmt.date(r.occurredOn, 'short')}</span>
                        <span role="cell" style={{ minWidth: 0 }}>
                          <UnstyledButton onClick={() => setEditing({ line: r, direction: r.direction })} fw={600} c="blue.9" style={{ textDecoration: 'underline', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '100%' }}>
                            {r.label}
                          </UnstyledButton>
                          {r.funder ? (
                            <Text size="xs" c="gray.7" truncate>
                              {r.funder}
                              {r.reference ? ` · ${r.reference}` : ''}
                            </Text>
                          ) : null}
                        </span>
                        <span role="cell" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                          {c ? categoryLabel(t, c) : ''}
                        </span>
                        <span role="cell" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                          {r.programmeName ?? ''}
                        </span>
                        <span role="cell" className="finance-amount" style={{ fontWeight: 600, color: r.direction === 'income' ? '#1b6e2f' : undefined }}>
                          {r.direction === 'income' ? '+\u202f' : '−\u202f'}
                          {fmt.money(r.amountCents)}
                        </span>
                        <span role="cell">
                          {r.receipt ? (
                            <Button size="compact-sm" variant="subtle" aria-label={t('lines.showReceiptOf', { label: r.label })} onClick={() => show.mutate(r.id, { onError: notify.error })}>
                              {t('lines.showReceipt')}
                            </Button>
                          ) : (
                            <Text span c="gray.6" aria-hidden>
                              —
                            </Text>
                          )}
                        </span>
                      </>
                    ) : (
                      <span role="cell" style={{ gridColumn: '1 / -1', color: 'var(--mantine-color-gray-6)' }}>
                        …
                      </span>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
      {editing ? <LineForm opened onClose={() => setEditing(null)} line={editing.line} direction={editing.direction} /> : null}
    </Stack>
  );
}

import { Button, Checkbox, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { useFormat } from '../../lib/format';
import { Pager } from '../privacy/Pager';
import { EntryCells } from './EntryRows';
import { useHourList, useHourMutations } from './queries';

const PAGE = 100;

/** Hours reported and waiting: approve or reject them one by one or a page at a time. */
export function ApprovalsTab() {
  const { t } = useTranslation('hours');
  const fmt = useFormat();
  const notify = useNotify();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const q = useHourList({ approval: 'pending', offset: (page - 1) * PAGE, limit: PAGE });
  const { approve, reject } = useHourMutations();
  // Deciding the last entries of the last page leaves it empty: step back to one that has rows.
  useEffect(() => {
    if (q.data && q.data.rows.length === 0 && page > 1) setPage(Math.max(1, Math.ceil(q.data.total / PAGE)));
  }, [q.data, page]);

  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loader aria-label={t('tabs.approvals')} />;
  const { rows, total } = q.data;
  if (total === 0) return <EmptyState title={t('approvals.emptyTitle')} description={t('approvals.emptyText')} />;

  const onPage = rows.map((r) => r.id);
  const chosen = onPage.filter((id) => selected.has(id));
  const all = chosen.length === onPage.length;
  const toggle = (id: number, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const decide = (kind: 'approve' | 'reject', ids: number[]) =>
    (kind === 'approve' ? approve : reject).mutate(ids, {
      onSuccess: (r) => {
        notify.success(t(kind === 'approve' ? 'approvals.approved' : 'approvals.rejected', { count: r.updated }));
        setSelected((s) => new Set([...s].filter((id) => !ids.includes(id))));
      },
      onError: (e) => notify.error(e),
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Text c="gray.7" data-testid="pending-count">
          {t('approvals.summary', { count: total, n: fmt.number(total) })}
        </Text>
        <Group gap="sm">
          <Button variant="default" color="red" disabled={chosen.length === 0} loading={reject.isPending} onClick={() => decide('reject', chosen)}>
            {t('approvals.rejectSelected', { count: chosen.length })}
          </Button>
          <Button disabled={chosen.length === 0} loading={approve.isPending} onClick={() => decide('approve', chosen)}>
            {t('approvals.approveSelected', { count: chosen.length })}
          </Button>
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={820}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('approvals.tableLabel')} data-testid="approvals-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>
                <Checkbox
                  aria-label={t('approvals.selectPage')}
                  checked={all}
                  indeterminate={!all && chosen.length > 0}
                  onChange={(e) => setSelected(e.currentTarget.checked ? new Set([...selected, ...onPage]) : new Set([...selected].filter((id) => !onPage.includes(id))))}
                />
              </Table.Th>
              <Table.Th>{t('columns.date')}</Table.Th>
              <Table.Th>{t('columns.volunteer')}</Table.Th>
              <Table.Th>{t('columns.duration')}</Table.Th>
              <Table.Th>{t('columns.category')}</Table.Th>
              <Table.Th>{t('columns.where')}</Table.Th>
              <Table.Th>{t('columns.decision')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => {
              const label = { name: e.volunteerName, date: fmt.date(e.workedOn), duration: fmt.minutes(e.minutes) };
              return (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Checkbox aria-label={t('approvals.selectRow', label)} checked={selected.has(e.id)} onChange={(ev) => toggle(e.id, ev.currentTarget.checked)} />
                  </Table.Td>
                  <EntryCells e={e} />
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="light" onClick={() => decide('approve', [e.id])} aria-label={t('approvals.approveLabel', label)}>
                        {t('approvals.approve')}
                      </Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => decide('reject', [e.id])} aria-label={t('approvals.rejectLabel', label)}>
                        {t('approvals.reject')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager total={total} pageSize={PAGE} page={page} onChange={setPage} />
    </Stack>
  );
}

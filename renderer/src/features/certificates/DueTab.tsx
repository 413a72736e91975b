import { Badge, Center, Checkbox, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueItem } from '../../../../shared/api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/errors';
import { IconAward } from '../../components/icons';
import { useFormat } from '../../lib/format';
import { BatchForm } from './BatchForm';
import { useDue } from './queries';

const keyOf = (d: DueItem) => `${d.volunteerId}:${d.milestone}`;
const ROW = 48;

/**
 * Who crossed a milestone (hours or years of service) and has not received its certificate yet:
 * all ticked to start with, issued together as recognition certificates.
 */
export function DueTab() {
  const { t } = useTranslation('certificates');
  const fmt = useFormat();
  const due = useDue();
  const items = useMemo(() => due.data?.items ?? [], [due.data]);
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  useEffect(() => setUnticked(new Set()), [due.data]);
  const chosen = items.filter((d) => !unticked.has(keyOf(d)));
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 10 });

  if (due.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label={t('due.title')} />
      </Center>
    );
  }
  if (due.isError) return <ErrorAlert error={due.error} />;
  if (items.length === 0) return <EmptyState title={t('due.emptyTitle')} description={t('due.emptyText')} icon={<IconAward size={28} />} />;

  const toggle = (k: string) =>
    setUnticked((s) => {
      const next = new Set(s);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
  const all = unticked.size === 0;
  const milestone = (d: DueItem) => t(`milestones.${d.kind}`, { count: d.threshold });
  const virtual = rows.getVirtualItems();
  const padTop = virtual[0]?.start ?? 0;
  const padBottom = rows.getTotalSize() - (virtual.at(-1)?.end ?? 0);

  return (
    <Stack gap="lg">
      <Text c="gray.7" maw={760}>
        {t('due.intro', { count: items.length })}
      </Text>
      <ScrollArea.Autosize mah={480} viewportRef={scroller} type="auto">
        <Table stickyHeader verticalSpacing="sm" highlightOnHover data-testid="due-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>
                <Checkbox
                  aria-label={t('due.all')}
                  checked={all}
                  indeterminate={!all && unticked.size < items.length}
                  onChange={() => setUnticked(all ? new Set(items.map(keyOf)) : new Set())}
                />
              </Table.Th>
              <Table.Th>{t('due.columns.name')}</Table.Th>
              <Table.Th>{t('due.columns.milestone')}</Table.Th>
              <Table.Th>{t('due.columns.hours')}</Table.Th>
              <Table.Th>{t('due.columns.joinedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {padTop > 0 ? <tr style={{ height: padTop }} /> : null}
            {virtual.map((v) => {
              const d = items[v.index]!;
              const name = `${d.firstName} ${d.lastName}`;
              return (
                <Table.Tr key={keyOf(d)} style={{ height: ROW }}>
                  <Table.Td>
                    <Checkbox aria-label={t('due.tick', { name })} checked={!unticked.has(keyOf(d))} onChange={() => toggle(keyOf(d))} />
                  </Table.Td>
                  <Table.Td fw={500}>{name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={d.kind === 'hours' ? 'teal' : 'indigo'} size="lg" radius="sm" tt="none">
                      {milestone(d)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{fmt.minutes(d.minutes)}</Table.Td>
                  <Table.Td>{fmt.date(d.joinedOn)}</Table.Td>
                </Table.Tr>
              );
            })}
            {padBottom > 0 ? <tr style={{ height: padBottom }} /> : null}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <BatchForm template="recognition" items={chosen.map((d) => ({ volunteerId: d.volunteerId, milestone: d.milestone }))} />
    </Stack>
  );
}

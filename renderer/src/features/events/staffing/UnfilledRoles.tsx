import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/errors';
import { useFormat } from '../../../lib/format';
import { useLang } from '../../volunteers/labels';
import { clock, longDay } from '../dates';
import { useUnfilledRoles } from './queries';

const PAGE = 25;

/** Roles still short of people across the events to come, soonest first, a page at a time. */
export function UnfilledRoles() {
  const { t } = useTranslation('events');
  const lang = useLang();
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const query = useUnfilledRoles(offset, PAGE);
  if (query.isPending) return <Loader aria-label={t('staffing.unfilled.loading')} />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const { total, rows } = query.data;
  if (total === 0) return <EmptyState title={t('staffing.unfilled.emptyTitle')} description={t('staffing.unfilled.emptyText')} titleOrder={2} />;
  return (
    <Stack gap="sm" data-testid="unfilled-roles">
      <div>
        <Title order={2} size="h3">
          {t('staffing.unfilled.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('staffing.unfilled.intro')}
        </Text>
      </div>
      <Text fw={500} aria-live="polite">
        {t('staffing.unfilled.count', { total: format.number(total) })}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staffing.unfilled.when')}</Table.Th>
              <Table.Th>{t('staffing.unfilled.event')}</Table.Th>
              <Table.Th>{t('staffing.unfilled.role')}</Table.Th>
              <Table.Th>{t('staffing.unfilled.filled')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const to = `/events/${r.eventId}?tab=staffing`;
              return (
                <Table.Tr key={r.roleId} data-testid="unfilled-row">
                  <Table.Td>
                    {longDay(r.startLocal, lang)}, {clock(r.startLocal.slice(11, 16), lang)}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={to}>
                      {r.eventTitle}
                    </Anchor>
                    <Text size="xs" c="gray.7">
                      {t(`kinds.${r.eventKind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.roleName}</Table.Td>
                  <Table.Td>
                    <Badge color="orange" variant="light" size="lg" tt="none">
                      {t('staffing.filled', { filled: r.filled, needed: r.needed })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button component={Link} to={to} variant="light" size="sm" aria-label={t('staffing.unfilled.staffLabel', { role: r.roleName, event: r.eventTitle })}>
                      {t('staffing.unfilled.staff')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > PAGE ? (
        <Group justify="space-between">
          <Text size="sm" c="gray.7">
            {t('staffing.unfilled.range', { from: format.number(offset + 1), to: format.number(offset + rows.length), total: format.number(total) })}
          </Text>
          <Group gap="xs">
            <Button variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('staffing.unfilled.previous')}
            </Button>
            <Button variant="default" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
              {t('staffing.unfilled.next')}
            </Button>
          </Group>
        </Group>
      ) : null}
    </Stack>
  );
}

import { Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionSummary } from '../../../../shared/api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/errors';
import { IconBook, IconPlus } from '../../components/icons';
import { useFormat } from '../../lib/format';
import { DotBadge } from './DotBadge';
import { STATUS_COLOR, localToday, personName, sessionStatus, trainingName } from './labels';
import { useSessions } from './queries';
import { SessionFormModal } from './SessionFormModal';

/** The trainers of a session in one line: volunteers first, then the outside trainer. */
export function trainersLine(s: Pick<SessionSummary, 'trainers' | 'trainerName'>): string {
  return [...s.trainers.map(personName), ...(s.trainerName ? [s.trainerName] : [])].join(', ');
}

/** Sessions, most recent first, each with its day, trainer, participants, cost and where it stands. */
export function SessionsTab() {
  const { t } = useTranslation(['trainings', 'common']);
  const fmt = useFormat();
  const sessions = useSessions();
  const [adding, setAdding] = useState(false);
  const today = localToday();
  const rows = sessions.data?.rows ?? [];

  const add = (
    <Button leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)} style={{ flexShrink: 0 }}>
      {t('trainings:sessionsTab.add')}
    </Button>
  );

  return (
    <Stack gap="md">
      <ErrorAlert error={sessions.error} />
      {sessions.isPending ? <Text c="gray.7">{t('trainings:sessionsTab.loading')}</Text> : null}
      {sessions.data && rows.length === 0 ? (
        <EmptyState title={t('trainings:sessionsTab.emptyTitle')} description={t('trainings:sessionsTab.emptyText')} icon={<IconBook size={28} />} action={add} />
      ) : null}
      {rows.length > 0 ? (
        <>
          <Group justify="flex-end">{add}</Group>
          <Paper withBorder radius="md">
            <Table verticalSpacing="sm" horizontalSpacing="md" fz="md" highlightOnHover data-testid="sessions-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('trainings:sessionsTab.date')}</Table.Th>
                  <Table.Th>{t('trainings:sessionsTab.session')}</Table.Th>
                  <Table.Th>{t('trainings:sessionsTab.trainer')}</Table.Th>
                  <Table.Th>{t('trainings:sessionsTab.participants')}</Table.Th>
                  <Table.Th ta="right">{t('trainings:sessionsTab.cost')}</Table.Th>
                  <Table.Th>{t('trainings:sessionsTab.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((s) => {
                  const status = sessionStatus(s, today);
                  const date = fmt.date(s.startLocal.slice(0, 10));
                  const training = trainingName(t, { key: s.trainingKey, name: s.trainingName });
                  return (
                    <Table.Tr key={s.eventId} data-testid="session-row">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {date}
                        <Text size="sm" c="gray.7">
                          {s.startLocal.slice(11, 16)}–{s.endLocal.slice(11, 16)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/trainings/sessions/${s.eventId}`} fw={600} aria-label={t('trainings:sessionsTab.openLabel', { title: s.title, date })}>
                          {s.title}
                        </Anchor>
                        {s.title !== training ? (
                          <Text size="sm" c="gray.7">
                            {training}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{trainersLine(s) || <Text span c="gray.7">—</Text>}</Table.Td>
                      <Table.Td>
                        {s.completedOn
                          ? t('trainings:sessionsTab.completedOf', { completed: fmt.number(s.completedCount), total: fmt.number(s.participantCount) })
                          : t('trainings:sessionsTab.enrolled', { count: s.participantCount })}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {fmt.money(s.costCents)}
                      </Table.Td>
                      <Table.Td>
                        <DotBadge color={STATUS_COLOR[status]}>
                          {t(`trainings:status.${status}`)}
                        </DotBadge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
          {sessions.data && sessions.data.total > rows.length ? (
            <Text size="sm" c="gray.7">
              {t('trainings:sessionsTab.shown', { shown: fmt.number(rows.length), total: fmt.number(sessions.data.total) })}
            </Text>
          ) : null}
        </>
      ) : null}
      <SessionFormModal session={adding ? null : undefined} onClose={() => setAdding(false)} />
    </Stack>
  );
}

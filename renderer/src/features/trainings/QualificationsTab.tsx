import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QualificationRow } from '../../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { IconPlus } from '../../components/icons';
import { useFormat } from '../../lib/format';
import { daysBetween, personName, trainingName } from './labels';
import { useExpired, useExpiring } from './queries';
import { QualificationFormModal } from './QualificationFormModal';

/** More rows than this are not drawn (DESIGN §7); a line says how many there are. */
const MAX_ROWS = 1000;

type View = 'expiring' | 'expired';

/** Qualifications to renew: those expiring within 60 days, and those already expired. */
export function QualificationsTab() {
  const { t } = useTranslation(['trainings', 'common']);
  const [view, setView] = useState<View>('expiring');
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <SegmentedControl
          size="md"
          value={view}
          onChange={(v) => setView(v as View)}
          aria-label={t('trainings:qualificationsTab.view')}
          data={[
            { value: 'expiring', label: t('trainings:qualificationsTab.expiring') },
            { value: 'expired', label: t('trainings:qualificationsTab.expired') },
          ]}
        />
        <Button leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)}>
          {t('trainings:qualificationsTab.add')}
        </Button>
      </Group>
      {view === 'expiring' ? <ExpiringList /> : <ExpiredList />}
      <QualificationFormModal opened={adding} person={null} onClose={() => setAdding(false)} />
    </Stack>
  );
}

function ExpiringList() {
  const { t } = useTranslation(['trainings']);
  const q = useExpiring();
  return <QualificationTable query={q} empty={t('trainings:qualificationsTab.emptyExpiring')} expired={false} />;
}

function ExpiredList() {
  const { t } = useTranslation(['trainings']);
  const q = useExpired();
  return <QualificationTable query={q} empty={t('trainings:qualificationsTab.emptyExpired')} expired />;
}

function QualificationTable({
  query,
  empty,
  expired,
}: {
  query: ReturnType<typeof useExpiring>;
  empty: string;
  expired: boolean;
}) {
  const { t } = useTranslation(['trainings', 'common']);
  const fmt = useFormat();
  if (query.isError) return <ErrorAlert error={query.error} />;
  if (query.isPending) return <Text c="gray.7">{t('trainings:qualificationsTab.loading')}</Text>;
  const { rows, onDate, total } = query.data;
  if (rows.length === 0) return <Text c="gray.7">{empty}</Text>;
  const when = (r: QualificationRow) => {
    const days = daysBetween(onDate, r.expiresOn!);
    if (days === 0) return t('trainings:qualificationsTab.today');
    return days > 0 ? t('trainings:qualificationsTab.inDays', { count: days }) : t('trainings:qualificationsTab.daysAgo', { count: -days });
  };
  return (
    <>
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md" fz="md" highlightOnHover data-testid={expired ? 'expired-table' : 'expiring-table'}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trainings:qualificationsTab.volunteer')}</Table.Th>
              <Table.Th>{t('trainings:qualificationsTab.training')}</Table.Th>
              <Table.Th>{t('trainings:qualificationsTab.obtainedOn')}</Table.Th>
              <Table.Th>{t(expired ? 'trainings:qualificationsTab.expiredOn' : 'trainings:qualificationsTab.expiresOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, MAX_ROWS).map((r) => (
              <Table.Tr key={r.id} data-testid="qualification-row">
                <Table.Td>
                  <Anchor component={Link} to={`/volunteers/${r.volunteerId}`} fw={600}>
                    {personName(r)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{trainingName(t, { key: r.trainingKey, name: r.trainingName })}</Table.Td>
                <Table.Td>{fmt.date(r.obtainedOn)}</Table.Td>
                <Table.Td>
                  {fmt.date(r.expiresOn!)}
                  <Text size="sm" c={expired ? 'red.9' : 'gray.8'} fw={600}>
                    {when(r)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {total > MAX_ROWS ? (
        <Text size="sm" c="gray.7">
          {t('trainings:qualificationsTab.shown', { shown: fmt.number(MAX_ROWS), total: fmt.number(total) })}
        </Text>
      ) : null}
    </>
  );
}

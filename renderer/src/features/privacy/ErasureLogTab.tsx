import { Anchor, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/errors';
import { useFormat } from '../../lib/format';
import { useErasureLog } from './queries';

/** When each erasure happened, by record number: no personal data, the same facts as erasures.json. */
export function ErasureLogTab() {
  const { t } = useTranslation('privacy');
  const fmt = useFormat();
  const q = useErasureLog();
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loader aria-label={t('tabs.erasures')} />;
  const { entries } = q.data;
  return (
    <Stack gap="md">
      <Text c="gray.7" maw={760}>
        {t('log.text')}
      </Text>
      {entries.length === 0 ? (
        <EmptyState title={t('log.emptyTitle')} description={t('log.emptyText')} />
      ) : (
        <Table striped verticalSpacing="sm" aria-label={t('log.tableLabel')} data-testid="erasure-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('log.columns.date')}</Table.Th>
              <Table.Th>{t('log.columns.record')}</Table.Th>
              <Table.Th>{t('log.columns.reapplied')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.volunteerId}>
                <Table.Td>{fmt.dateTime(e.erasedAt)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/volunteers/${e.volunteerId}`}>
                    {e.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{e.reappliedAt ? t('log.reappliedOn', { date: fmt.dateTime(e.reappliedAt) }) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

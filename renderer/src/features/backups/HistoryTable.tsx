import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../shared/api';
import { useFormat } from '../../lib/format';
import { formatBytes } from './messages';
import { useShowBackup } from './queries';

/** The latest backups Relais made or took before a restore, newest first, each restorable. */
export function HistoryTable({ status, onRestore, disabled }: { status: BackupStatus; onRestore: (id: string) => void; disabled: boolean }) {
  const { t } = useTranslation(['backups', 'common']);
  const fmt = useFormat();
  const show = useShowBackup();
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('backups:history.title')}
        </Title>
        {status.history.length === 0 ? (
          <Text c="gray.8">{t('backups:history.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" striped highlightOnHover>
              <Table.Caption>{t('backups:history.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('backups:history.date')}</Table.Th>
                  <Table.Th>{t('backups:history.kind')}</Table.Th>
                  <Table.Th>{t('backups:history.file')}</Table.Th>
                  <Table.Th ta="right">{t('backups:history.size')}</Table.Th>
                  <Table.Th>{t('backups:history.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {status.history.slice(0, 20).map((h) => (
                  <Table.Tr key={h.id} data-testid="backup-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(h.at)}</Table.Td>
                    <Table.Td>{t(`backups:history.kinds.${h.kind}`)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {h.name}
                      </Text>
                      <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                        {h.folder}
                      </Text>
                      <Group gap={6} mt={4}>
                        {h.encrypted ? <Badge variant="light" color="teal" size="sm">{t('backups:history.encrypted')}</Badge> : null}
                        {h.external ? <Badge variant="light" color="blue" size="sm">{t('backups:history.external')}</Badge> : null}
                        {!h.present ? <Badge variant="light" color="gray" size="sm">{t('backups:history.missing')}</Badge> : null}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatBytes(h.bytes, fmt.locale)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => onRestore(h.id)} disabled={disabled || !h.present} aria-label={`${t('backups:history.restore')} ${h.name}`}>
                          {t('backups:history.restore')}
                        </Button>
                        <Button size="xs" variant="subtle" onClick={() => show.mutate({ id: h.id })} disabled={!h.present} aria-label={`${t('backups:history.show')} ${h.name}`}>
                          {t('backups:history.show')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

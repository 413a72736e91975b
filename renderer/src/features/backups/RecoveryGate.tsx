import { Alert, Button, Center, Code, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import type { BackupStatus } from '../../../../shared/api';
import { useFormat } from '../../lib/format';
import { JobProgress } from './JobProgress';
import { backupErrorMessage, formatBytes } from './messages';
import { useBackupStatus, useDismissRecovery, useShowBackup } from './queries';
import { useRestoreFlow } from './RestoreCard';
import { RestoreDialog } from './RestoreDialog';

/**
 * The database failed to open at start and was set aside: before anything else, say so and offer
 * to restore a backup. Starting with empty data is a choice the person makes, never silent.
 */
function RecoveryScreen({ status }: { status: BackupStatus }) {
  const { t } = useTranslation(['backups', 'common']);
  const fmt = useFormat();
  const flow = useRestoreFlow();
  const show = useShowBackup();
  const dismiss = useDismissRecovery();
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const known = status.history.filter((h) => h.present).slice(0, 8);
  const recovery = status.recovery!;

  return (
    <Center mih="100vh" p="xl">
      <Stack maw={760} w="100%" gap="lg">
        <Stack gap="xs">
          <Title order={1}>{t('backups:recovery.title')}</Title>
          <Text size="lg">{t('backups:recovery.body')}</Text>
        </Stack>
        <Paper withBorder radius="md" p="lg">
          <Stack gap="xs" align="flex-start">
            <Text fw={600}>{t('backups:recovery.folder')}</Text>
            <Code block fz="sm" w="100%" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {recovery.folder}
            </Code>
            <Button variant="subtle" onClick={() => show.mutate({ which: 'quarantine' })}>
              {t('backups:recovery.openFolder')}
            </Button>
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="lg">
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h3">
              {t('backups:recovery.restoreTitle')}
            </Title>
            <Text c="gray.8">{t('backups:recovery.restoreIntro')}</Text>
            {known.length > 0 ? (
              <Stack gap={6} w="100%">
                <Text fw={600}>{t('backups:recovery.known')}</Text>
                {known.map((h) => (
                  <Group key={h.id} justify="space-between" wrap="nowrap" gap="sm">
                    <div style={{ minWidth: 0 }}>
                      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {fmt.dateTime(h.at)} — {t(`backups:history.kinds.${h.kind}`)}
                      </Text>
                      <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                        {h.name} · {formatBytes(h.bytes, fmt.locale)}
                      </Text>
                    </div>
                    <Button variant="light" onClick={() => flow.start(h.id)} loading={flow.inspect.isPending && flow.inspect.variables?.id === h.id}>
                      {t('backups:history.restore')}
                    </Button>
                  </Group>
                ))}
              </Stack>
            ) : (
              <Text c="gray.8">{t('backups:recovery.none')}</Text>
            )}
            <Button size="md" onClick={() => flow.start()} loading={flow.inspect.isPending && !flow.inspect.variables?.id}>
              {t('backups:recovery.choose')}
            </Button>
            <JobProgress active={flow.inspect.isPending} />
            {flow.inspect.isError ? (
              <Alert color="red" variant="light" role="alert" w="100%">
                {backupErrorMessage(t, flow.inspect.error)}
              </Alert>
            ) : null}
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="lg">
          <Stack gap="xs" align="flex-start">
            <Title order={2} size="h4">
              {t('backups:recovery.emptyTitle')}
            </Title>
            <Text c="gray.8">{t('backups:recovery.emptyIntro')}</Text>
            <Button variant="default" onClick={() => setConfirmEmpty(true)}>
              {t('backups:recovery.empty')}
            </Button>
          </Stack>
        </Paper>
      </Stack>
      <RestoreDialog summary={flow.summary} onClose={flow.close} />
      <Modal opened={confirmEmpty} onClose={() => setConfirmEmpty(false)} title={t('backups:recovery.emptyConfirmTitle')} closeButtonProps={{ 'aria-label': t('common:actions.close') }}>
        <Stack gap="md">
          <Text>{t('backups:recovery.emptyConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmEmpty(false)}>
              {t('common:actions.cancel')}
            </Button>
            <Button color="orange.9" loading={dismiss.isPending} onClick={() => dismiss.mutate(undefined, { onSuccess: () => setConfirmEmpty(false) })}>
              {t('backups:recovery.emptyAction')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Center>
  );
}

/** Wraps every screen: the recovery screen comes first while the data is set aside. */
export function RecoveryGate() {
  const { t } = useTranslation('common');
  const status = useBackupStatus();
  if (status.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('status.loading')} />
      </Center>
    );
  }
  // Backups' own status failing must not lock the person out of their data: carry on.
  if (status.data?.recovery) return <RecoveryScreen status={status.data} />;
  return <Outlet />;
}

import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus, BackupSummary } from '../../../../shared/api';
import { useNotify } from '../../components/notify';
import { useFormat } from '../../lib/format';
import { JobProgress } from './JobProgress';
import { backupErrorMessage } from './messages';
import { useInspectBackup, useUndoRestore } from './queries';
import { RestoreDialog } from './RestoreDialog';

/** Checks a backup (from the file dialog, or one of the list by id) and opens the restore dialog. */
export function useRestoreFlow() {
  const inspect = useInspectBackup();
  const [summary, setSummary] = useState<BackupSummary | null>(null);
  const start = (id?: string) => {
    inspect.reset();
    inspect.mutate(id ? { id } : {}, { onSuccess: (s) => setSummary(s) });
  };
  return { start, inspect, summary, close: () => setSummary(null) };
}

export function RestoreCard({ status, disabled, flow }: { status: BackupStatus; disabled: boolean; flow: ReturnType<typeof useRestoreFlow> }) {
  const { t } = useTranslation(['backups', 'common']);
  const fmt = useFormat();
  const notify = useNotify();
  const undo = useUndoRestore();
  const [confirmUndo, setConfirmUndo] = useState(false);
  const last = status.lastRestore;

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h3">
          {t('backups:restore.title')}
        </Title>
        <Text c="gray.8">{t('backups:restore.intro')}</Text>
        <Button size="md" variant="outline" onClick={() => flow.start()} loading={flow.inspect.isPending} disabled={disabled}>
          {t('backups:restore.choose')}
        </Button>
        <JobProgress active={flow.inspect.isPending} />
        {flow.inspect.isError ? (
          <Alert color="red" variant="light" role="alert" w="100%" data-testid="restore-error">
            {backupErrorMessage(t, flow.inspect.error)}
          </Alert>
        ) : null}
        {last?.undoAvailable ? (
          <Stack gap={6} mt="sm" align="flex-start">
            <Text size="sm" c="gray.8">
              {t('backups:restore.undoHint', { date: fmt.dateTime(last.at), source: last.source })}
            </Text>
            <Button variant="default" onClick={() => setConfirmUndo(true)} disabled={disabled}>
              {t('backups:restore.undo')}
            </Button>
          </Stack>
        ) : null}
      </Stack>
      <RestoreDialog summary={flow.summary} onClose={flow.close} />
      <Modal opened={confirmUndo} onClose={() => !undo.isPending && setConfirmUndo(false)} title={t('backups:restore.undoTitle')} closeButtonProps={{ 'aria-label': t('common:actions.close') }}>
        <Stack gap="md">
          <Text>{t('backups:restore.undoExplain')}</Text>
          {undo.isError ? (
            <Alert color="red" variant="light" role="alert">
              {backupErrorMessage(t, undo.error)}
            </Alert>
          ) : null}
          <JobProgress active={undo.isPending} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmUndo(false)} disabled={undo.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color="orange.9"
              loading={undo.isPending}
              onClick={() =>
                undo.mutate(undefined, {
                  onSuccess: () => {
                    setConfirmUndo(false);
                    notify.success(t('backups:restore.undone'));
                  },
                })
              }
            >
              {t('backups:restore.undoConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

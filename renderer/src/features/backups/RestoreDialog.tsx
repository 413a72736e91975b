import { Alert, Button, Group, Modal, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSummary } from '../../../../shared/api';
import { useNotify } from '../../components/notify';
import { useFormat } from '../../lib/format';
import { JobProgress } from './JobProgress';
import { backupErrorMessage, backupReason, formatBytes, isCancelled } from './messages';
import { useRestoreBackup } from './queries';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}

/**
 * What a checked backup holds, the passphrase when it has one, and a plain word on what restoring
 * does (the current data is kept as an undo copy). Nothing changes until "Restore" is pressed;
 * a wrong passphrase is said under the field and the dialog stays.
 */
export function RestoreDialog({ summary, onClose, onRestored }: { summary: BackupSummary | null; onClose: () => void; onRestored?: () => void }) {
  const { t } = useTranslation(['backups', 'common']);
  const fmt = useFormat();
  const notify = useNotify();
  const restore = useRestoreBackup();
  const [passphrase, setPassphrase] = useState('');
  const reason = backupReason(restore.error);
  const passphraseError = reason === 'wrong-passphrase' || reason === 'passphrase-required' ? backupErrorMessage(t, restore.error) : undefined;
  const otherError = restore.isError && !passphraseError && !isCancelled(restore.error) ? backupErrorMessage(t, restore.error) : null;

  const close = () => {
    if (restore.isPending) return;
    setPassphrase('');
    restore.reset();
    onClose();
  };
  const confirm = () => {
    if (!summary) return;
    restore.mutate(
      { token: summary.token, passphrase: summary.encrypted ? passphrase : null },
      {
        onSuccess: () => {
          notify.success(t('backups:restore.done'));
          setPassphrase('');
          restore.reset();
          onRestored?.();
          onClose();
        },
        onError: (err) => {
          if (isCancelled(err)) notify.success(t('backups:restore.cancelled'));
        },
      },
    );
  };
  const unknown = t('backups:restore.unknown');
  const volunteers = summary?.counts?.volunteers;

  return (
    <Modal opened={summary !== null} onClose={close} title={t('backups:restore.dialogTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common:actions.close') }}>
      {summary ? (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Fact label={t('backups:restore.file')} value={summary.name} />
            <Fact label={t('backups:restore.association')} value={summary.association ?? unknown} />
            <Fact label={t('backups:restore.made')} value={summary.createdAt ? fmt.dateTime(summary.createdAt) : unknown} />
            <Fact label={t('backups:restore.volunteers')} value={volunteers !== undefined ? fmt.number(volunteers) : unknown} />
            <Fact label={t('backups:restore.size')} value={formatBytes(summary.bytes, fmt.locale)} />
          </SimpleGrid>
          {summary.appVersion ? (
            <Text size="sm" c="gray.7">
              {t('backups:restore.madeBy', { version: summary.appVersion })}
            </Text>
          ) : null}
          {summary.source === 'database' ? <Text c="gray.8">{t('backups:restore.rawDatabase')}</Text> : null}
          {summary.encrypted ? (
            <PasswordInput
              label={t('backups:restore.passphrase')}
              description={t('backups:restore.encrypted')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              error={passphraseError}
              autoComplete="off"
              data-autofocus
              disabled={restore.isPending}
            />
          ) : null}
          <Alert color="yellow" variant="light">
            {t('backups:restore.explain')}
          </Alert>
          {otherError ? (
            <Alert color="red" variant="light" role="alert">
              {otherError}
            </Alert>
          ) : null}
          <JobProgress active={restore.isPending} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={restore.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button color="orange.9" onClick={confirm} loading={restore.isPending} disabled={summary.encrypted && passphrase.length === 0}>
              {t('backups:restore.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

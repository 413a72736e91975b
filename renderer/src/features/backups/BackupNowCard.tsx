import { Alert, Button, Checkbox, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN } from '../../../../shared/api';
import { useNotify } from '../../components/notify';
import { JobProgress } from './JobProgress';
import { backupErrorMessage, isCancelled, passphraseStrength } from './messages';
import { useCreateBackup } from './queries';

const STRENGTH_COLOR = { weak: 'red.8', fair: 'orange.9', good: 'teal.8', strong: 'teal.9' } as const;

/** "Back up now": where to (the system dialog), with an optional passphrase typed twice. */
export function BackupNowCard({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation(['backups', 'common']);
  const notify = useNotify();
  const create = useCreateBackup();
  const [protect, setProtect] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);

  const tooShort = protect && passphrase.length < PASSPHRASE_MIN;
  const mismatch = protect && confirm !== passphrase;
  const strength = passphraseStrength(passphrase);

  const start = () => {
    setTried(true);
    if (tooShort || mismatch) return;
    create.mutate(
      { passphrase: protect ? passphrase : null },
      {
        onSuccess: (made) => {
          if (!made) return;
          notify.success(t('backups:now.done', { name: made.name, folder: made.folder }));
          setPassphrase('');
          setConfirm('');
          setTried(false);
        },
        onError: (err) => {
          if (isCancelled(err)) notify.success(t('backups:now.cancelled'));
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h3">
          {t('backups:now.title')}
        </Title>
        <Text c="gray.8">{t('backups:now.intro')}</Text>
        <Checkbox
          label={t('backups:now.protect')}
          description={t('backups:now.protectHint')}
          checked={protect}
          onChange={(e) => setProtect(e.currentTarget.checked)}
          disabled={disabled || create.isPending}
        />
        {protect ? (
          <Stack gap="xs" w="100%" maw={420}>
            <PasswordInput
              label={t('backups:now.passphrase')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              error={tried && tooShort ? t('backups:now.tooShort', { min: PASSPHRASE_MIN }) : undefined}
              description={
                passphrase ? (
                  <Text span size="sm" c={STRENGTH_COLOR[strength]} data-testid="passphrase-strength">
                    {t('backups:now.strengthLabel', { level: t(`backups:now.strength.${strength}`) })}
                  </Text>
                ) : (
                  t('backups:now.tooShort', { min: PASSPHRASE_MIN })
                )
              }
              autoComplete="new-password"
              disabled={create.isPending}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <PasswordInput
              label={t('backups:now.confirm')}
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={tried && !tooShort && mismatch ? t('backups:now.mismatch') : undefined}
              autoComplete="new-password"
              disabled={create.isPending}
            />
          </Stack>
        ) : null}
        <Button size="md" onClick={start} loading={create.isPending} disabled={disabled}>
          {t('backups:now.action')}
        </Button>
        <JobProgress active={create.isPending} />
        {create.isError && !isCancelled(create.error) ? (
          <Alert color="red" variant="light" role="alert" w="100%">
            {backupErrorMessage(t, create.error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

import { Alert, Button, Code, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../shared/api';
import { useFieldErrors } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { backupErrorMessage } from './messages';
import { useChooseFolder, useSaveBackupSettings, useShowBackup } from './queries';

/** Where automatic backups go, whether they are made, and when to remind about an outside copy. */
export function AutomaticCard({ status }: { status: BackupStatus }) {
  const { t } = useTranslation(['backups', 'common']);
  const notify = useNotify();
  const save = useSaveBackupSettings();
  const choose = useChooseFolder();
  const show = useShowBackup();
  const [days, setDays] = useState<number | string>(status.reminderDays);
  useEffect(() => setDays(status.reminderDays), [status.reminderDays]);
  const fieldError = useFieldErrors(save.error);

  const submit = (automatic: boolean, resetFolder = false) =>
    save.mutate(
      { automatic, reminderDays: typeof days === 'number' ? days : Number(days), resetFolder },
      { onSuccess: () => notify.success(t('backups:automatic.saved')) },
    );

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h3">
          {t('backups:automatic.title')}
        </Title>
        <Text c="gray.8">{t('backups:automatic.intro')}</Text>
        <Switch size="md" label={t('backups:automatic.enabled')} checked={status.automatic} onChange={(e) => submit(e.currentTarget.checked)} disabled={save.isPending} />
        <Stack gap={4} w="100%">
          <Text fw={600}>{t('backups:automatic.folder')}</Text>
          <Code block fz="sm" data-testid="automatic-folder" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {status.folder}
          </Code>
          {status.folderIsDefault ? (
            <Text size="sm" c="gray.8">
              {t('backups:automatic.defaultHint')}
            </Text>
          ) : null}
        </Stack>
        <Group gap="sm">
          <Button variant="outline" onClick={() => choose.mutate()} loading={choose.isPending}>
            {t('backups:automatic.change')}
          </Button>
          {!status.folderIsDefault ? (
            <Button variant="subtle" onClick={() => submit(status.automatic, true)} disabled={save.isPending}>
              {t('backups:automatic.reset')}
            </Button>
          ) : null}
          <Button variant="subtle" onClick={() => show.mutate({ which: 'automatic' })}>
            {t('backups:automatic.open')}
          </Button>
        </Group>
        {choose.isError ? (
          <Alert color="red" variant="light" role="alert" w="100%">
            {backupErrorMessage(t, choose.error)}
          </Alert>
        ) : null}
        <Group align="flex-end" gap="sm" mt="xs">
          <NumberInput
            label={t('backups:automatic.reminderDays')}
            rightSection={<Text size="sm" c="gray.7" pr="md">{t('backups:automatic.days')}</Text>}
            rightSectionWidth={72}
            min={1}
            max={365}
            allowDecimal={false}
            value={days}
            onChange={setDays}
            error={fieldError('reminderDays')}
            w={420}
          />
          <Button onClick={() => submit(status.automatic)} loading={save.isPending}>
            {t('backups:automatic.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

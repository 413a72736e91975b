import { Alert, Center, Code, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { useFormat } from '../../lib/format';
import { AutomaticCard } from './AutomaticCard';
import { BackupNowCard } from './BackupNowCard';
import { HistoryTable } from './HistoryTable';
import { useBackupStatus } from './queries';
import { RestoreCard, useRestoreFlow } from './RestoreCard';

/** The warnings that come before anything else: sample data, a risky data folder, an old outside copy. */
function Warnings({ status }: { status: BackupStatus }) {
  const { t } = useTranslation('backups');
  const fmt = useFormat();
  return (
    <>
      {status.mode === 'demo' ? (
        <Alert color="yellow" variant="light" data-testid="backups-demo">
          {t('demo')}
        </Alert>
      ) : null}
      {status.dataDirSynced ? (
        <Alert color="orange" variant="light" title={t('synced.title')} data-testid="synced-warning">
          <Stack gap={6}>
            <Text size="sm">{t('synced.body', { where: t(`synced.kinds.${status.dataDirSynced}`) })}</Text>
            <Text size="sm" fw={600}>
              {t('synced.dataDir')}
            </Text>
            <Code block fz="sm" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {status.dataDir}
            </Code>
          </Stack>
        </Alert>
      ) : null}
      {status.reminderDue && status.mode === 'real' ? (
        <Alert color="blue" variant="light" title={t('reminder.title')} data-testid="backup-reminder">
          {status.lastExternalAt ? t('reminder.old', { date: fmt.dateTime(status.lastExternalAt) }) : t('reminder.never')}
        </Alert>
      ) : null}
    </>
  );
}

/** Backups: make one now, restore one, automatic backups and their folder, the latest ones. */
export function BackupsPage() {
  const { t } = useTranslation('backups');
  const status = useBackupStatus();
  const flow = useRestoreFlow();
  if (status.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label={t('title')} />
      </Center>
    );
  }
  if (status.isError) return <ErrorAlert error={status.error} />;
  const s = status.data;
  const demo = s.mode === 'demo';
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="gray.7" mt={4}>
          {t('intro')}
        </Text>
      </div>
      <Warnings status={s} />
      <BackupNowCard disabled={demo} />
      <RestoreCard status={s} disabled={demo} flow={flow} />
      <AutomaticCard status={s} />
      <HistoryTable status={s} onRestore={(id) => flow.start(id)} disabled={demo} />
    </Stack>
  );
}

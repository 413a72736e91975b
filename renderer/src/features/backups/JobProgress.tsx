import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCancelJob, useJobProgress } from './queries';

/**
 * The progress of the running backup or restore, with a Cancel button while it can still stop
 * (a restore cannot once the swap has begun). Shown only while `active`.
 */
export function JobProgress({ active }: { active: boolean }) {
  const { t } = useTranslation('backups');
  const progress = useJobProgress(active);
  const cancel = useCancelJob();
  const job = progress.data;
  // Nothing while the system dialog is still open (no job yet) or once it is over.
  if (!active || !job) return null;
  const percent = Math.round(job.fraction * 100);
  return (
    <Stack gap={6} w="100%" data-testid="backup-progress">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="gray.8" aria-live="polite">
          {t(`progress.phases.${job.phase}`)}
        </Text>
        <Button size="xs" variant="subtle" color="gray" onClick={() => cancel.mutate()} disabled={!job.cancellable} loading={cancel.isPending}>
          {t('progress.cancel')}
        </Button>
      </Group>
      <Progress value={percent} animated aria-label={t('progress.label')} size="lg" radius="xl" />
    </Stack>
  );
}

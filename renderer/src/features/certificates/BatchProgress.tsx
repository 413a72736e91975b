import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBatchProgress, useCancelBatch } from './queries';

/** The running batch: which step, how many of how many, and Cancel while it can still stop. */
export function BatchProgress({ active }: { active: boolean }) {
  const { t } = useTranslation('certificates');
  const progress = useBatchProgress(active);
  const cancel = useCancelBatch();
  const job = progress.data;
  if (!active || !job) return null;
  return (
    <Stack gap={6} w="100%" data-testid="batch-progress">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="gray.8" aria-live="polite">
          {t(`batch.phases.${job.phase}`, { done: job.done, total: job.total })}
        </Text>
        <Button size="xs" variant="default" onClick={() => cancel.mutate()} disabled={!job.cancellable} loading={cancel.isPending}>
          {t('batch.cancel')}
        </Button>
      </Group>
      <Progress value={Math.round(job.fraction * 100)} animated aria-label={t('batch.label')} size="lg" radius="xl" />
    </Stack>
  );
}

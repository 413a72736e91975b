import { Modal, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_VALIDITY_MONTHS, type Training } from '../../../../shared/api';
import { useNotify } from '../../components/notify';
import { FormFooter } from './FormFooter';
import { trainingName, useIssues } from './labels';
import { useTrainingMutations } from './queries';

function TrainingForm({ training, onClose }: { training: Training | null; onClose: () => void }) {
  const { t } = useTranslation(['trainings', 'common']);
  const notify = useNotify();
  const { save } = useTrainingMutations();
  const issues = useIssues(save.error);
  const seeded = training?.key != null;
  const [name, setName] = useState(training ? trainingName(t, training) : '');
  const [description, setDescription] = useState(training?.description ?? '');
  const [validity, setValidity] = useState<string | number>(training?.validityMonths ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        ...(training ? { id: training.id } : {}),
        name: seeded ? null : name,
        description,
        // An empty field: never expires. Anything else goes as typed, and core says what is wrong.
        validityMonths: validity === '' ? null : (validity as number),
      },
      {
        onSuccess: () => {
          notify.success(t('trainings:trainingForm.saved'));
          onClose();
        },
      },
    );
  };

  const others = issues.others(['name', 'description', 'validityMonths']);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          size="md"
          label={t('trainings:trainingForm.name')}
          placeholder={t('trainings:trainingForm.namePlaceholder')}
          withAsterisk={!seeded}
          disabled={seeded}
          description={seeded ? t('trainings:trainingForm.builtInName') : undefined}
          data-autofocus={!seeded || undefined}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={issues('name')}
        />
        <Textarea
          size="md"
          label={t('trainings:trainingForm.description')}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={issues('description')}
        />
        <NumberInput
          size="md"
          w={260}
          label={t('trainings:trainingForm.validityMonths')}
          description={t('trainings:trainingForm.validityHint')}
          data-autofocus={seeded || undefined}
          min={1}
          max={MAX_VALIDITY_MONTHS}
          allowDecimal={false}
          clampBehavior="none"
          value={validity}
          onChange={setValidity}
          error={issues('validityMonths')}
        />
        <FormFooter error={save.error} others={others} saving={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}

/** Add a training (training = null) or edit one; undefined: closed. */
export function TrainingFormModal({ training, onClose }: { training: Training | null | undefined; onClose: () => void }) {
  const { t } = useTranslation(['trainings', 'common']);
  return (
    <Modal
      opened={training !== undefined}
      onClose={onClose}
      title={t(training ? 'trainings:trainingForm.editTitle' : 'trainings:trainingForm.addTitle')}
      size="lg"
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {training !== undefined ? <TrainingForm key={training?.id ?? 'new'} training={training} onClose={onClose} /> : null}
    </Modal>
  );
}

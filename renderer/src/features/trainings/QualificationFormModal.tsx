import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { useNotify } from '../../components/notify';
import { useLanguage } from '../../lib/format';
import { FormFooter } from './FormFooter';
import { trainingName, useIssues } from './labels';
import { useCatalogue, useQualificationMutations } from './queries';
import { VolunteerField, type PickedPerson } from './VolunteerSearch';

/** A qualification obtained elsewhere: who, which training, when, until when, and the certificate. */
function QualificationForm({ person, onClose }: { person: PickedPerson | null; onClose: () => void }) {
  const { t } = useTranslation(['trainings', 'common']);
  const lang = useLanguage();
  const notify = useNotify();
  const catalogue = useCatalogue();
  const { add } = useQualificationMutations();
  const issues = useIssues(add.error);
  const [volunteer, setVolunteer] = useState<PickedPerson | null>(person);
  const [trainingId, setTrainingId] = useState<string | null>(null);
  const [obtainedOn, setObtainedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [note, setNote] = useState('');

  const trainings = (catalogue.data ?? [])
    .filter((x) => !x.archived)
    .map((x) => ({ value: String(x.id), label: trainingName(t, x) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { volunteerId: volunteer?.id ?? 0, trainingId: trainingId ? Number(trainingId) : 0, obtainedOn, expiresOn, certificateNote: note },
      {
        onSuccess: () => {
          notify.success(t('trainings:qualificationForm.saved'));
          onClose();
        },
      },
    );
  };

  const others = issues.others(['volunteerId', 'trainingId', 'obtainedOn', 'expiresOn', 'certificateNote']);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {person ? null : (
          <VolunteerField label={t('trainings:qualificationForm.volunteer')} withAsterisk value={volunteer} onChange={setVolunteer} error={issues('volunteerId')} />
        )}
        <Select
          size="md"
          label={t('trainings:qualificationForm.training')}
          placeholder={t('trainings:sessionForm.trainingPlaceholder')}
          withAsterisk
          data-autofocus={person ? true : undefined}
          data={trainings}
          value={trainingId}
          onChange={setTrainingId}
          allowDeselect={false}
          error={issues('trainingId')}
          comboboxProps={{ withinPortal: true }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <DateField label={t('trainings:qualificationForm.obtainedOn')} withAsterisk value={obtainedOn} onChange={setObtainedOn} error={issues('obtainedOn')} />
          <DateField
            label={t('trainings:qualificationForm.expiresOn')}
            description={t('trainings:qualificationForm.expiresHint')}
            value={expiresOn}
            onChange={setExpiresOn}
            error={issues('expiresOn')}
          />
        </SimpleGrid>
        <TextInput
          size="md"
          label={t('trainings:qualificationForm.certificateNote')}
          placeholder={t('trainings:qualificationForm.certificateNotePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={issues('certificateNote')}
        />
        <FormFooter error={add.error} others={others} saving={add.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}

/** Opened with a person (from their record) or without (from the qualifications list). */
export function QualificationFormModal({ opened, person, onClose }: { opened: boolean; person: PickedPerson | null; onClose: () => void }) {
  const { t } = useTranslation(['trainings', 'common']);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={person ? `${t('trainings:qualificationForm.title')} — ${person.name}` : t('trainings:qualificationForm.title')}
      size="lg"
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {opened ? <QualificationForm person={person} onClose={onClose} /> : null}
    </Modal>
  );
}

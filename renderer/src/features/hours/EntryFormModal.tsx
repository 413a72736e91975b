import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HOUR_CATEGORIES, type HourCategory } from '../../../../shared/api';
import { DateField } from '../../components/DateField';
import { ErrorAlert, useFieldErrors } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { useFormat } from '../../lib/format';
import { DurationInput } from './DurationInput';
import { useHourMutations, useProgrammes, type HourEntryOut } from './queries';
import { VolunteerPicker, type PickedVolunteer } from './VolunteerPicker';

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Add hours done outside events (skills donation, admin…) or correct an entry. An entry written by
 * attendance keeps the event's day and programme: only its duration, category and note change here.
 */
export function EntryFormModal({
  opened,
  onClose,
  entry,
  volunteer,
}: {
  opened: boolean;
  onClose: () => void;
  /** The entry to edit; none: a new one. */
  entry?: HourEntryOut | null;
  /** A new entry for this person (from their record). */
  volunteer?: PickedVolunteer | null;
}) {
  const { t } = useTranslation('hours');
  const fmt = useFormat();
  const notify = useNotify();
  const { create, update } = useHourMutations();
  const programmes = useProgrammes();
  const editing = entry ?? null;
  const fromAttendance = editing?.source === 'attendance';

  const [who, setWho] = useState<PickedVolunteer | null>(null);
  const [workedOn, setWorkedOn] = useState('');
  const [minutes, setMinutes] = useState<number | null>(null);
  const [category, setCategory] = useState<HourCategory | null>(null);
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [approved, setApproved] = useState(true);

  useEffect(() => {
    if (!opened) return;
    create.reset();
    update.reset();
    setWho(editing ? { id: editing.volunteerId, name: editing.volunteerName } : volunteer ?? null);
    setWorkedOn(editing?.workedOn ?? localToday());
    setMinutes(editing?.minutes ?? 60);
    setCategory(editing?.category ?? null);
    setProgrammeId(editing?.programmeId ? String(editing.programmeId) : null);
    setNote(editing?.note ?? '');
    setApproved(true);
    // Reset only when the dialog opens on another entry.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, editing?.id, volunteer?.id]);

  const mutation = editing ? update : create;
  const errors = useFieldErrors(mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Missing values go to core as they are: its answer names the fields, in the user's language.
    const common = {
      minutes: minutes as number,
      category: category as HourCategory,
      note,
    };
    if (editing) {
      update.mutate(
        { id: editing.id, ...common, ...(fromAttendance ? {} : { workedOn, programmeId: programmeId ? Number(programmeId) : null }) },
        { onSuccess: (r) => { notify.success(t('form.saved', { duration: fmt.minutes(r.minutes), name: r.volunteerName })); onClose(); } },
      );
    } else {
      create.mutate(
        {
          ...common,
          volunteerId: who?.id as number,
          workedOn,
          programmeId: programmeId ? Number(programmeId) : null,
          approval: approved ? 'approved' : 'pending',
        },
        { onSuccess: (r) => { notify.success(t('form.added', { duration: fmt.minutes(r.minutes), name: r.volunteerName })); onClose(); } },
      );
    }
  };
  const programmeOptions = (programmes.data ?? [])
    .filter((p) => !p.archived || String(p.id) === programmeId)
    .map((p) => ({ value: String(p.id), label: p.name }));
  const generalError = mutation.isError ? mutation.error : null;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={editing ? t('form.editTitle') : t('form.addTitle')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}
    >
      <form onSubmit={submit} noValidate data-testid="hour-entry-form">
        <Stack gap="md">
          {fromAttendance ? (
            <Alert color="blue" variant="light">
              {t('form.fromAttendance', { event: editing?.eventTitle ?? '', date: editing ? fmt.date(editing.workedOn) : '' })}
            </Alert>
          ) : null}
          {editing ? null : (
            <VolunteerPicker label={t('form.volunteer')} value={who} onChange={setWho} error={errors('volunteerId')} withAsterisk />
          )}
          {fromAttendance ? null : (
            <DateField label={t('form.workedOn')} value={workedOn} onChange={setWorkedOn} error={errors('workedOn')} withAsterisk />
          )}
          <DurationInput label={t('form.duration')} value={minutes} onChange={setMinutes} error={errors('minutes')} withAsterisk />
          <Select
            label={t('form.category')}
            withAsterisk
            data={HOUR_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            value={category}
            onChange={(v) => setCategory(v as HourCategory | null)}
            error={errors('category')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          {fromAttendance ? null : (
            <Select
              label={t('form.programme')}
              description={t('form.programmeHint')}
              data={programmeOptions}
              value={programmeId}
              onChange={setProgrammeId}
              clearable
              error={errors('programmeId')}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Textarea label={t('form.note')} autosize minRows={2} maxRows={6} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors('note')} />
          {editing ? null : (
            <Checkbox
              label={t('form.approvedNow')}
              description={t('form.approvedNowHint')}
              checked={approved}
              onChange={(e) => setApproved(e.currentTarget.checked)}
            />
          )}
          {generalError ? <ErrorAlert error={generalError} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {editing ? t('form.save') : t('form.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

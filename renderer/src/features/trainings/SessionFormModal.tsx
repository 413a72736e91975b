import { Modal, NativeSelect, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SESSION_FORMATS, type SessionDetail } from '../../../../shared/api';
import { centsToInput, parseMoney, type MoneyParseError } from '../../../../shared/money';
import { DateField } from '../../components/DateField';
import { useNotify } from '../../components/notify';
import { useLanguage } from '../../lib/format';
import { FormFooter } from './FormFooter';
import { issueText, localToday, personName, trainingName, useIssues } from './labels';
import { useCatalogue, useProgrammes, useSessionMutations } from './queries';
import { VolunteersField, type PickedPerson } from './VolunteerSearch';

const MONEY_ISSUE: Record<MoneyParseError, string> = {
  empty: 'cost',
  invalid: 'cost',
  negative: 'costNegative',
  tooManyDecimals: 'costTooManyDecimals',
  tooLarge: 'costTooHigh',
};

const people = (xs: { volunteerId: number; firstName: string; lastName: string }[]): PickedPerson[] =>
  xs.map((p) => ({ id: p.volunteerId, name: personName(p) }));

/**
 * Record a training session (or change one): which training, when and where, who trains, what it
 * is planned to cost, who takes part. Times are typed on the wall clock; core places them in the
 * association's time zone.
 */
function SessionForm({ session, onClose }: { session: SessionDetail | null; onClose: () => void }) {
  const { t } = useTranslation(['trainings', 'common']);
  const lang = useLanguage();
  const notify = useNotify();
  const navigate = useNavigate();
  const catalogue = useCatalogue();
  const programmes = useProgrammes();
  const { create, update } = useSessionMutations();
  const mutation = session ? update : create;
  const issues = useIssues(mutation.error);

  const [trainingId, setTrainingId] = useState<string | null>(session ? String(session.trainingId) : null);
  const [title, setTitle] = useState(session?.title ?? '');
  const [date, setDate] = useState(session?.startLocal.slice(0, 10) ?? localToday());
  const [start, setStart] = useState(session?.startLocal.slice(11, 16) ?? '09:00');
  const [end, setEnd] = useState(session?.endLocal.slice(11, 16) ?? '17:00');
  const [place, setPlace] = useState(session?.place ?? '');
  const [format, setFormat] = useState<(typeof SESSION_FORMATS)[number]>(session?.format ?? 'in_person');
  const [programmeId, setProgrammeId] = useState<string | null>(session?.programmeId ? String(session.programmeId) : null);
  const [trainers, setTrainers] = useState<PickedPerson[]>(session ? people(session.trainers) : []);
  const [trainerName, setTrainerName] = useState(session?.trainerName ?? '');
  const [cost, setCost] = useState(session ? centsToInput(session.costCents, lang) : '');
  const [costError, setCostError] = useState<string | null>(null);
  const [capacity, setCapacity] = useState<string | number>(session?.capacity ?? '');
  const [participants, setParticipants] = useState<PickedPerson[]>(session ? people(session.participants) : []);

  const trainings = (catalogue.data ?? [])
    .filter((x) => !x.archived || String(x.id) === trainingId)
    .map((x) => ({ value: String(x.id), label: trainingName(t, x) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Money never goes through floating point: the typed text becomes cents here, digit by digit.
    const parsed = cost.trim() === '' ? ({ ok: true, cents: 0 } as const) : parseMoney(cost, lang);
    if (!parsed.ok) {
      setCostError(issueText(t, { key: MONEY_ISSUE[parsed.error] }));
      return;
    }
    setCostError(null);
    const data = {
      trainingId: trainingId ? Number(trainingId) : 0,
      title,
      startLocal: date ? `${date}T${start}` : '',
      endLocal: date ? `${date}T${end}` : '',
      place,
      format,
      programmeId: programmeId ? Number(programmeId) : null,
      capacity: capacity === '' ? null : (capacity as number),
      trainerVolunteerIds: trainers.map((p) => p.id),
      trainerName,
      costCents: parsed.cents,
      participantIds: participants.map((p) => p.id),
    };
    if (session) {
      update.mutate(
        { eventId: session.eventId, data },
        {
          onSuccess: () => {
            notify.success(t('trainings:sessionForm.saved'));
            onClose();
          },
        },
      );
    } else {
      create.mutate(data, {
        onSuccess: (created) => {
          notify.success(t('trainings:sessionForm.created'));
          onClose();
          navigate(`/trainings/sessions/${created.eventId}`);
        },
      });
    }
  };

  const shown = ['trainingId', 'title', 'startLocal', 'endLocal', 'place', 'format', 'programmeId', 'capacity', 'trainerVolunteerIds', 'trainerName', 'costCents', 'participantIds'];
  const others = issues.others(shown);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Select
          size="md"
          label={t('trainings:sessionForm.training')}
          placeholder={t('trainings:sessionForm.trainingPlaceholder')}
          withAsterisk
          data-autofocus
          data={trainings}
          value={trainingId}
          onChange={setTrainingId}
          allowDeselect={false}
          error={issues('trainingId')}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          size="md"
          label={t('trainings:sessionForm.title')}
          description={t('trainings:sessionForm.titleHint')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={issues('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <DateField label={t('trainings:sessionForm.date')} withAsterisk value={date} onChange={setDate} error={issues('startLocal')} />
          <TimeField label={t('trainings:sessionForm.start')} value={start} onChange={setStart} />
          <TimeField label={t('trainings:sessionForm.end')} value={end} onChange={setEnd} error={issues('endLocal')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput size="md" label={t('trainings:sessionForm.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} error={issues('place')} />
          <NativeSelect
            size="md"
            label={t('trainings:sessionForm.format')}
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as (typeof SESSION_FORMATS)[number])}
            data={SESSION_FORMATS.map((f) => ({ value: f, label: t(`trainings:sessionForm.formats.${f}`) }))}
          />
        </SimpleGrid>
        {(programmes.data ?? []).length > 0 ? (
          <Select
            size="md"
            label={t('trainings:sessionForm.programme')}
            clearable
            data={(programmes.data ?? []).filter((p) => !p.archived || String(p.id) === programmeId).map((p) => ({ value: String(p.id), label: p.name }))}
            value={programmeId}
            onChange={setProgrammeId}
            error={issues('programmeId')}
            comboboxProps={{ withinPortal: true }}
            clearButtonProps={{ 'aria-label': t('trainings:sessionForm.clearProgramme') }}
          />
        ) : null}
        <VolunteersField
          label={t('trainings:sessionForm.trainers')}
          description={t('trainings:sessionForm.trainersHint')}
          value={trainers}
          onChange={setTrainers}
          error={issues('trainerVolunteerIds') ?? firstUnder(issues, 'trainerVolunteerIds', trainers.length)}
          data-testid="trainers-field"
        />
        <TextInput
          size="md"
          label={t('trainings:sessionForm.trainerName')}
          placeholder={t('trainings:sessionForm.trainerNamePlaceholder')}
          value={trainerName}
          onChange={(e) => setTrainerName(e.currentTarget.value)}
          error={issues('trainerName')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            size="md"
            label={t('trainings:sessionForm.cost')}
            description={t('trainings:sessionForm.costHint')}
            inputMode="decimal"
            value={cost}
            onChange={(e) => setCost(e.currentTarget.value)}
            error={costError ?? issues('costCents')}
          />
          <NumberInput
            size="md"
            label={t('trainings:sessionForm.capacity')}
            min={1}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={capacity}
            onChange={setCapacity}
            error={issues('capacity')}
          />
        </SimpleGrid>
        <VolunteersField
          label={t('trainings:sessionForm.participants')}
          description={t('trainings:sessionForm.participantsHint')}
          value={participants}
          onChange={setParticipants}
          error={issues('participantIds') ?? firstUnder(issues, 'participantIds', participants.length)}
          data-testid="participants-field"
        />
        <FormFooter error={mutation.error} others={others} saving={mutation.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}

/**
 * A wall-clock time, always on 24 hours whatever the computer's regional settings (a native time
 * field would follow them, and show AM/PM in a French screen).
 */
function TimeField({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation('trainings');
  return (
    <TimePicker
      size="md"
      label={label}
      withAsterisk
      format="24h"
      value={value}
      onChange={onChange}
      error={error}
      hoursInputLabel={t('sessionForm.hoursOf', { field: label })}
      minutesInputLabel={t('sessionForm.minutesOf', { field: label })}
    />
  );
}

/** The first message about one of a list's items (`participantIds.2`), for the list's field. */
function firstUnder(issues: ReturnType<typeof useIssues>, field: string, count: number): string | undefined {
  for (let i = 0; i < count; i++) {
    const m = issues(`${field}.${i}`);
    if (m) return m;
  }
  return undefined;
}

/** Record a session (session = null) or edit one; undefined: closed. */
export function SessionFormModal({ session, onClose }: { session: SessionDetail | null | undefined; onClose: () => void }) {
  const { t } = useTranslation(['trainings', 'common']);
  return (
    <Modal
      opened={session !== undefined}
      onClose={onClose}
      title={t(session ? 'trainings:sessionForm.editTitle' : 'trainings:sessionForm.addTitle')}
      size="xl"
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {session !== undefined ? <SessionForm key={session?.eventId ?? 'new'} session={session} onClose={onClose} /> : null}
    </Modal>
  );
}


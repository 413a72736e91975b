import { Alert, Button, Checkbox, Fieldset, Group, List, NumberInput, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EVENT_FORMATS, EVENT_KINDS, FREQUENCIES, MONTH_ORDINALS, planningGuidance, type Adjustment, type Programme, type Skill } from '../../../../shared/api';
import { DateField } from '../../components/DateField';
import { translateError, useFieldErrors } from '../../components/errors';
import { useLeaveGuard } from '../../components/LeaveGuard';
import { useNotify } from '../../components/notify';
import { ApiError } from '../../lib/api';
import { useLang } from '../volunteers/labels';
import { adjustmentSentence } from './adjustments';
import { weekday as weekdayOf, weekdayNames } from './dates';
import { FacilitatorPicker } from './FacilitatorPicker';
import { hasChanges, ruleInput, toEventInput, toSeriesInput, typedDuration, type EventFormValues } from './formModel';
import { GuidanceNotes } from './GuidanceNotes';
import { ProgrammeDialog } from './ProgrammesPanel';
import { usePlanningMutations } from './queries';
import { RolesEditor } from './RolesEditor';
import { SeriesPreview } from './SeriesPreview';
import { TimeField } from './TimeField';

const LEGEND = { legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)', padding: '0 6px' } };

/** What the form is for. */
export type FormTarget =
  | { kind: 'create' }
  | { kind: 'event'; eventId: number; inSeries: boolean }
  | { kind: 'series'; seriesId: number; eventId: number; position: number };

/** Paths the form shows under a field; anything else is listed at the top. */
const FIELD_OF: Record<string, string> = {
  start: 'startTime',
  end: 'endTime',
  count: 'count',
  untilOn: 'untilOn',
};

interface Props {
  target: FormTarget;
  initial: EventFormValues;
  catalogue: Skill[];
  programmes: Programme[];
  /** Names of the facilitators already chosen. */
  knownPeople: Record<string, string>;
  /** A series edit: the day of the session it starts from, and the series' own first day. */
  occurrenceDate?: string;
  seriesStartsOn?: string;
  /** The series' own number of sessions (null: it ends on a date), and what remains from the session. */
  seriesCount?: { all: number | null; remaining: number | null };
  onCancel: () => void;
}

export function EventForm({ target, initial, catalogue, programmes, knownPeople, occurrenceDate, seriesStartsOn, seriesCount, onCancel }: Props) {
  const { t } = useTranslation('events');
  const lang = useLang();
  const navigate = useNavigate();
  const notify = useNotify();
  const m = usePlanningMutations();
  const [values, setValues] = useState<EventFormValues>(initial);
  const set = <K extends keyof EventFormValues>(key: K, v: EventFormValues[K]) => setValues((prev) => ({ ...prev, [key]: v }));
  const [scope, setScope] = useState<'this_and_following' | 'all'>('this_and_following');
  const [newProgramme, setNewProgramme] = useState(false);
  const [extraProgrammes, setExtraProgrammes] = useState<Programme[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  const mutation = target.kind === 'series' ? m.updateSeries : target.kind === 'event' ? m.update : values.mode === 'series' ? m.createSeries : m.create;
  const fe = useFieldErrors(mutation.error);
  // A series edit sends its fields under `data`.
  const err = (path: string) => fe(path) ?? fe(`data.${path}`);
  const errUnder = (prefix: string) => {
    const p = fe.paths.find((x) => [prefix, `data.${prefix}`].some((q) => x === q || x.startsWith(`${q}.`)));
    return p ? fe(p) : undefined;
  };
  const { dialog: leaveDialog, allowLeaving } = useLeaveGuard(hasChanges(values, initial));

  useEffect(() => {
    if (target.kind === 'create') titleRef.current?.focus();
  }, [target.kind]);

  // After a refusal, take the person to the first field to correct.
  useEffect(() => {
    if (!(mutation.error instanceof ApiError) || mutation.error.error.code !== 'VALIDATION') return;
    const wanted = fe.paths.map((p) => p.replace(/^data\./, '')).map((p) => FIELD_OF[p] ?? p);
    for (const el of formRef.current?.querySelectorAll<HTMLElement>('[data-path]') ?? []) {
      const path = el.dataset.path!;
      if (wanted.some((w) => w === path || w.startsWith(`${path}.`))) {
        const focusable = el.matches('input, textarea, select, button') ? el : el.querySelector<HTMLElement>('input, textarea, select, button');
        focusable?.focus();
        focusable?.scrollIntoView?.({ block: 'center' });
        return;
      }
    }
    formRef.current?.querySelector<HTMLElement>('[role="alert"]')?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mutation.error]);

  const shownPaths = new Set(['title', 'kind', 'programmeId', 'place', 'videoLink', 'format', 'capacity', 'description', 'confidentialityRequired', 'facilitatorIds', 'start', 'end', 'frequency', 'startsOn', 'weekday', 'monthOrdinal', 'startTime', 'endTime', 'untilOn', 'count', 'roles']);
  const strayPaths = fe.paths.filter((p) => !shownPaths.has(p.replace(/^data\./, '').split('.')[0]!));

  const isSeries = values.mode === 'series';
  const duration = typedDuration(values);
  const guidance = planningGuidance({ kind: values.kind, capacity: values.capacity === '' ? null : Number(values.capacity), durationMinutes: duration ?? 0 });
  const showRoles = target.kind !== 'event';

  const tellAdjustments = (adjustments: Adjustment[]) => {
    if (!adjustments.length) return;
    notifications.show({
      color: 'yellow',
      autoClose: false,
      title: t('adjustments.title'),
      message: adjustments.map((a) => adjustmentSentence(t, a, lang)).join(' '),
    });
  };

  const leaveTo = (path: string, message: string) => {
    notify.success(message);
    allowLeaving();
    navigate(path);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const title = values.title.trim();
    if (target.kind === 'event') {
      m.update.mutate(
        { id: target.eventId, data: toEventInput(values, false) },
        { onSuccess: (r) => (tellAdjustments(r.adjustments), leaveTo(`/events/${r.event.id}`, t('form.saved', { title }))) },
      );
    } else if (target.kind === 'series') {
      m.updateSeries.mutate(
        { seriesId: target.seriesId, scope, fromEventId: scope === 'this_and_following' ? target.eventId : null, data: toSeriesInput(values) },
        { onSuccess: (r) => (tellAdjustments(r.adjustments), leaveTo(`/events/${target.eventId}`, t('form.seriesSaved', { title, count: r.series.occurrences.length }))) },
      );
    } else if (isSeries) {
      m.createSeries.mutate(toSeriesInput(values), {
        onSuccess: (r) => {
          tellAdjustments(r.adjustments);
          const next = r.series.occurrences.find((o) => !o.past) ?? r.series.occurrences[0]!;
          leaveTo(`/events/${next.id}`, t('form.seriesCreated', { title, count: r.series.occurrences.length }));
        },
      });
    } else {
      m.create.mutate(toEventInput(values, true), {
        onSuccess: (r) => (tellAdjustments(r.adjustments), leaveTo(`/events/${r.event.id}`, t('form.created', { title }))),
      });
    }
  };

  const programmeOptions = [...programmes, ...extraProgrammes.filter((p) => !programmes.some((q) => q.id === p.id))]
    .filter((p) => !p.archived || String(p.id) === initial.programmeId)
    .map((p) => ({ value: String(p.id), label: p.name }));
  const days = weekdayNames(lang);
  const ruleWeekday = values.weekday ?? (values.startsOn ? String(weekdayOf(values.startsOn)) : null);

  return (
    <>
      <form ref={formRef} onSubmit={submit} noValidate aria-label={t(`form.titles.${target.kind === 'create' ? 'create' : target.kind}`)}>
        <Stack gap="md" maw={960}>
          {mutation.isError ? (
            <Alert color="red" variant="light" role="alert" tabIndex={-1} data-testid="form-error">
              {translateError(t, mutation.error)}
              {strayPaths.length ? (
                <List size="sm" mt={4}>
                  {strayPaths.map((p) => (
                    <List.Item key={p}>{fe(p)}</List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}

          {target.kind === 'event' && target.inSeries ? (
            <Alert color="blue" variant="light" styles={{ message: { color: 'var(--mantine-color-gray-9)' } }}>
              {t('form.detachNote')}
            </Alert>
          ) : null}

          {target.kind === 'series' ? (
            <Fieldset legend={t('form.scope')} radius="md" styles={LEGEND}>
              <Radio.Group
                value={scope}
                onChange={(v) => {
                  const next = v as typeof scope;
                  setScope(next);
                  // The first date follows the choice: this session's day, or the series' own.
                  // The first date and the number of sessions follow the choice: from this session, or the whole series.
                  if (next === 'this_and_following' && occurrenceDate) set('startsOn', occurrenceDate);
                  if (next === 'all' && seriesStartsOn) set('startsOn', seriesStartsOn);
                  const count = next === 'all' ? seriesCount?.all : seriesCount?.remaining;
                  if (count !== null && count !== undefined) set('count', count);
                }}
              >
                <Stack gap="xs">
                  <Radio value="this_and_following" label={t('form.scopeFollowing')} description={t('form.scopeFollowingHint')} size="md" />
                  <Radio value="all" label={t('form.scopeAll')} description={t('form.scopeAllHint')} size="md" />
                </Stack>
              </Radio.Group>
            </Fieldset>
          ) : null}

          <Fieldset legend={t('form.sections.what')} radius="md" styles={LEGEND}>
            <Stack gap="md">
              <TextInput ref={titleRef} label={t('form.title')} withAsterisk value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={err('title')} data-path="title" autoComplete="off" />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Select
                  label={t('form.kind')}
                  data={EVENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
                  value={values.kind}
                  onChange={(v) => set('kind', (v ?? 'community') as EventFormValues['kind'])}
                  allowDeselect={false}
                  error={err('kind')}
                  data-path="kind"
                  comboboxProps={{ withinPortal: true }}
                />
                <Stack gap={4}>
                  <Select
                    label={t('form.programme')}
                    placeholder={t('form.noProgramme')}
                    data={programmeOptions}
                    value={values.programmeId}
                    onChange={(v) => set('programmeId', v)}
                    clearable
                    searchable
                    error={err('programmeId')}
                    data-path="programmeId"
                    comboboxProps={{ withinPortal: true }}
                  />
                  <Group>
                    <Button variant="subtle" size="compact-sm" onClick={() => setNewProgramme(true)}>
                      {t('form.newProgramme')}
                    </Button>
                  </Group>
                </Stack>
              </SimpleGrid>
              {target.kind === 'create' ? (
                <Radio.Group label={t('form.repeat')} value={values.mode} onChange={(v) => set('mode', v as EventFormValues['mode'])}>
                  <Group gap="lg" mt={6}>
                    <Radio value="once" label={t('form.once')} size="md" />
                    <Radio value="series" label={t('form.recurring')} size="md" />
                  </Group>
                </Radio.Group>
              ) : null}
            </Stack>
          </Fieldset>

          <Fieldset legend={t('form.sections.when')} radius="md" styles={LEGEND}>
            {isSeries ? (
              <Stack gap="md">
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                  <Select
                    label={t('form.frequency')}
                    data={FREQUENCIES.map((f) => ({ value: f, label: t(`frequencies.${f}`) }))}
                    value={values.frequency}
                    onChange={(v) => set('frequency', (v ?? 'weekly') as EventFormValues['frequency'])}
                    allowDeselect={false}
                    error={err('frequency')}
                    data-path="frequency"
                    comboboxProps={{ withinPortal: true }}
                  />
                  {values.frequency === 'monthly' ? (
                    <Select
                      label={t('form.monthOrdinal')}
                      data={MONTH_ORDINALS.map((o) => ({ value: String(o), label: t(`ordinals.${String(o) as '1'}`) }))}
                      value={values.monthOrdinal}
                      onChange={(v) => set('monthOrdinal', v ?? '1')}
                      allowDeselect={false}
                      error={err('monthOrdinal')}
                      data-path="monthOrdinal"
                      comboboxProps={{ withinPortal: true }}
                    />
                  ) : null}
                  <Select
                    label={t('form.weekday')}
                    data={days.map((d, i) => ({ value: String(i + 1), label: d }))}
                    value={ruleWeekday}
                    onChange={(v) => set('weekday', v)}
                    allowDeselect={false}
                    error={err('weekday')}
                    data-path="weekday"
                    comboboxProps={{ withinPortal: true }}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                  <DateField label={t('form.startsOn')} withAsterisk value={values.startsOn} onChange={(v) => set('startsOn', v)} error={err('startsOn')} data-path="startsOn" />
                  <TimeField label={t('form.startTime')} withAsterisk value={values.startTime} onChange={(v) => set('startTime', v)} error={err('startTime')} data-path="startTime" />
                  <TimeField label={t('form.endTime')} withAsterisk value={values.endTime} onChange={(v) => set('endTime', v)} error={err('endTime')} data-path="endTime" />
                </SimpleGrid>
                <Radio.Group label={t('form.ends')} value={values.endKind} onChange={(v) => set('endKind', v as EventFormValues['endKind'])}>
                  <Group gap="lg" mt={6}>
                    <Radio value="count" label={t('form.endsAfter')} size="md" />
                    <Radio value="until" label={t('form.endsOn')} size="md" />
                  </Group>
                </Radio.Group>
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                  {values.endKind === 'count' ? (
                    <NumberInput label={t('form.count')} value={values.count} onChange={(v) => set('count', v)} min={1} allowDecimal={false} error={err('count') ?? (err('untilOn') && !values.untilOn ? err('untilOn') : undefined)} data-path="count" />
                  ) : (
                    <DateField label={t('form.untilOn')} value={values.untilOn} onChange={(v) => set('untilOn', v)} error={err('untilOn')} data-path="untilOn" />
                  )}
                </SimpleGrid>
                <SeriesPreview rule={ruleInput(values)} />
              </Stack>
            ) : (
              <Stack gap="md">
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                  <DateField label={t('form.date')} withAsterisk value={values.date} onChange={(v) => setValues((p) => ({ ...p, date: v, endDate: p.endsOtherDay ? p.endDate : v }))} data-path="date" />
                  <TimeField label={t('form.startTime')} withAsterisk value={values.startTime} onChange={(v) => set('startTime', v)} error={err('start')} data-path="startTime" />
                  <TimeField label={t('form.endTime')} withAsterisk value={values.endTime} onChange={(v) => set('endTime', v)} error={err('end')} data-path="endTime" />
                </SimpleGrid>
                <Checkbox label={t('form.endsOtherDay')} checked={values.endsOtherDay} onChange={(e) => set('endsOtherDay', e.currentTarget.checked)} />
                {values.endsOtherDay ? (
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                    <DateField label={t('form.endDate')} value={values.endDate} onChange={(v) => set('endDate', v)} data-path="endDate" />
                  </SimpleGrid>
                ) : null}
              </Stack>
            )}
            {values.timeZone ? (
              <Text size="sm" c="gray.7" mt="xs">
                {t('form.timeZone', { zone: values.timeZone })}
              </Text>
            ) : null}
          </Fieldset>

          <Fieldset legend={t('form.sections.where')} radius="md" styles={LEGEND}>
            <Stack gap="md">
              <Radio.Group label={t('form.format')} value={values.format} onChange={(v) => set('format', v as EventFormValues['format'])} error={err('format')} data-path="format">
                <Group gap="lg" mt={6}>
                  {EVENT_FORMATS.map((f) => (
                    <Radio key={f} value={f} label={t(`formats.${f}`)} size="md" />
                  ))}
                </Group>
              </Radio.Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {values.format !== 'virtual' ? <TextInput label={t('form.place')} value={values.place} onChange={(e) => set('place', e.currentTarget.value)} error={err('place')} data-path="place" /> : null}
                {values.format !== 'in_person' ? (
                  <TextInput label={t('form.videoLink')} description={t('form.videoLinkHint')} value={values.videoLink} onChange={(e) => set('videoLink', e.currentTarget.value)} error={err('videoLink')} data-path="videoLink" type="url" />
                ) : null}
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('form.sections.who')} radius="md" styles={LEGEND}>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <NumberInput
                  label={t('form.capacity')}
                  description={values.kind === 'support_group' ? t('form.capacityGroupHint') : t('form.capacityHint')}
                  value={values.capacity}
                  onChange={(v) => set('capacity', v)}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  error={err('capacity')}
                  data-path="capacity"
                />
                <FacilitatorPicker value={values.facilitatorIds} onChange={(ids) => set('facilitatorIds', ids)} known={knownPeople} error={errUnder('facilitatorIds')} />
              </SimpleGrid>
              {values.kind === 'support_group' ? (
                <Checkbox
                  label={t('form.confidentiality')}
                  description={t('form.confidentialityHint')}
                  checked={values.confidentialityRequired}
                  onChange={(e) => set('confidentialityRequired', e.currentTarget.checked)}
                  size="md"
                  data-path="confidentialityRequired"
                />
              ) : null}
              <Textarea label={t('form.description')} autosize minRows={3} maxRows={10} value={values.description} onChange={(e) => set('description', e.currentTarget.value)} error={err('description')} data-path="description" />
            </Stack>
          </Fieldset>

          <GuidanceNotes guidance={guidance} />

          {showRoles ? (
            <Fieldset legend={isSeries ? t('form.sections.rolesSeries') : t('form.sections.roles')} radius="md" styles={LEGEND}>
              <RolesEditor eventStart={values.startTime} eventEnd={values.endTime} rows={values.roles} onChange={(rows) => set('roles', rows)} catalogue={catalogue} error={(p) => err(p)} />
            </Fieldset>
          ) : (
            <Text size="sm" c="gray.7">
              {t('form.rolesElsewhere')}
            </Text>
          )}

          <Group
            justify="flex-end"
            gap="sm"
            py="sm"
            style={{ position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Button variant="default" onClick={onCancel} disabled={mutation.isPending}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {target.kind === 'create' ? (isSeries ? t('form.createSeries') : t('form.create')) : t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ProgrammeDialog
        editing={newProgramme ? 'new' : null}
        onClose={() => setNewProgramme(false)}
        onSaved={(p) => {
          setExtraProgrammes((xs) => [...xs, p]);
          set('programmeId', String(p.id));
        }}
      />
      {leaveDialog}
    </>
  );
}

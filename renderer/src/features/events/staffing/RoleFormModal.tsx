import { ActionIcon, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SKILL_CATEGORIES, type Skill } from '../../../../../shared/api';
import { ErrorAlert, useFieldErrors } from '../../../components/errors';
import { useNotify } from '../../../components/notify';
import { RoleTrainingRequirement } from '../../trainings/RoleTrainingRequirement';
import { skillLabel } from '../../volunteers/labels';
import { useStaffingMutations, type StaffingOut, type StaffingRoleOut } from './queries';
import { offsetOf, timeAt } from './time';

interface SkillRow {
  uid: number;
  skillId: string | null;
  minLevel: '1' | '2' | '3';
}

let uid = 0;
const row = (skillId: string | null = null, minLevel: SkillRow['minLevel'] = '1'): SkillRow => ({ uid: ++uid, skillId, minLevel });

/**
 * Adds or edits one role: its name, how many people, its time window (the whole event or two
 * wall-clock times inside it), the skills it needs with a minimum level and the training the person
 * on it must hold. Core checks the window, the skills and the training; its messages show under the
 * fields they concern.
 */
export function RoleFormModal({
  event,
  role,
  catalogue,
  opened,
  onClose,
}: {
  event: StaffingOut['event'];
  /** The role being edited; null to add one. */
  role: StaffingRoleOut | null;
  catalogue: Skill[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('events');
  const { t: tv } = useTranslation('volunteers');
  const notify = useNotify();
  const { addRole, updateRole } = useStaffingMutations();
  const eventEnd = timeAt(event.startLocal, event.minutes);
  const eventStart = event.startLocal.slice(11, 16);

  const [name, setName] = useState('');
  const [needed, setNeeded] = useState<number | string>(1);
  const [whole, setWhole] = useState(true);
  const [from, setFrom] = useState(eventStart);
  const [to, setTo] = useState(eventEnd);
  const [skills, setSkills] = useState<SkillRow[]>([]);
  const [trainingId, setTrainingId] = useState<number | null>(null);

  useEffect(() => {
    if (!opened) return;
    addRole.reset();
    updateRole.reset();
    setName(role?.name ?? '');
    setNeeded(role?.needed ?? 1);
    const isWhole = !role || (role.startOffset === 0 && role.endOffset === event.minutes);
    setWhole(isWhole);
    setFrom(role ? timeAt(event.startLocal, role.startOffset) : eventStart);
    setTo(role ? timeAt(event.startLocal, role.endOffset) : eventEnd);
    setSkills(role ? role.skills.map((s) => row(String(s.skillId), String(s.minLevel) as SkillRow['minLevel'])) : []);
    setTrainingId(role?.requiredTraining?.id ?? null);
    // Only when the dialog opens: typing must not be reset by a refresh behind it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const mutation = role ? updateRole : addRole;
  const errors = useFieldErrors(mutation.error);
  const fieldError = (path: string) => errors(`role.${path}`);

  const submit = () => {
    const startOffset = whole ? 0 : offsetOf(event.startLocal, event.endLocal, from);
    const endOffset = whole ? null : offsetOf(event.startLocal, event.endLocal, to);
    const data = {
      name,
      needed: typeof needed === 'number' ? needed : Number.NaN,
      // An unreadable time goes as NaN so core names the field; it never reaches the file.
      startOffset: startOffset ?? Number.NaN,
      endOffset: whole ? null : (endOffset ?? Number.NaN),
      skills: skills.filter((s) => s.skillId !== null).map((s) => ({ skillId: Number(s.skillId), minLevel: Number(s.minLevel) })),
      requiredTrainingId: trainingId,
    };
    const done = (saved: { name: string }) => {
      notify.success(t(role ? 'staffing.form.saved' : 'staffing.form.added', { name: saved.name }));
      onClose();
    };
    if (role) updateRole.mutate({ roleId: role.id, role: data }, { onSuccess: done });
    else addRole.mutate({ eventId: event.id, role: data }, { onSuccess: done });
  };

  const dataFor = (current: string | null) => {
    const taken = new Set(skills.map((s) => s.skillId).filter((id) => id !== current));
    return SKILL_CATEGORIES.map((cat) => ({
      group: tv(`categories.${cat}`),
      items: catalogue
        .filter((s) => s.category === cat && !taken.has(String(s.id)) && (!s.archived || String(s.id) === current))
        .map((s) => ({ value: String(s.id), label: skillLabel(tv, s) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    })).filter((g) => g.items.length > 0);
  };
  const put = (i: number, patch: Partial<SkillRow>) => setSkills((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Modal opened={opened} onClose={onClose} title={t(role ? 'staffing.form.editTitle' : 'staffing.form.addTitle')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
        data-testid="role-form"
      >
        <Stack gap="md">
          <Group align="flex-start" grow>
            <TextInput
              label={t('staffing.form.name')}
              placeholder={t('staffing.form.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError('name')}
              withAsterisk
              data-autofocus
              data-path="role.name"
            />
            <NumberInput
              label={t('staffing.form.needed')}
              value={needed}
              onChange={setNeeded}
              min={1}
              max={100}
              // Out-of-range numbers go to core, which says what is expected (no silent change).
              clampBehavior="none"
              allowDecimal={false}
              error={fieldError('needed')}
              data-path="role.needed"
            />
          </Group>
          <Checkbox label={t('staffing.form.wholeEvent')} checked={whole} onChange={(e) => setWhole(e.currentTarget.checked)} />
          {whole ? null : (
            <Stack gap={4}>
              <Group align="flex-start" grow>
                <TimeInput label={t('staffing.form.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={fieldError('startOffset')} data-path="role.startOffset" />
                <TimeInput label={t('staffing.form.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={fieldError('endOffset')} data-path="role.endOffset" />
              </Group>
              <Text size="sm" c="gray.7">
                {t('staffing.form.windowHint', { from: eventStart, to: eventEnd })}
              </Text>
            </Stack>
          )}
          <Stack gap="xs" data-path="role.skills">
            <div>
              <Text fw={600}>{t('staffing.form.skills')}</Text>
              <Text size="sm" c="gray.7">
                {skills.length ? t('staffing.form.skillsHint') : t('staffing.form.noSkills')}
              </Text>
            </div>
            {skills.map((s, i) => (
              <Group key={s.uid} align="flex-start" gap="xs" wrap="nowrap">
                <Select
                  label={t('staffing.form.skill', { n: i + 1 })}
                  placeholder={t('staffing.form.chooseSkill')}
                  data={dataFor(s.skillId)}
                  value={s.skillId}
                  onChange={(v) => put(i, { skillId: v })}
                  searchable
                  error={fieldError(`skills.${i}.skillId`)}
                  data-path={`role.skills.${i}.skillId`}
                  style={{ flex: 2 }}
                  comboboxProps={{ withinPortal: true }}
                />
                <Select
                  label={t('staffing.form.minLevel', { n: i + 1 })}
                  data={(['1', '2', '3'] as const).map((l) => ({ value: l, label: tv(`levels.${l}`) }))}
                  value={s.minLevel}
                  onChange={(v) => put(i, { minLevel: (v ?? '1') as SkillRow['minLevel'] })}
                  allowDeselect={false}
                  error={fieldError(`skills.${i}.minLevel`)}
                  data-path={`role.skills.${i}.minLevel`}
                  style={{ flex: 1 }}
                  comboboxProps={{ withinPortal: true }}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  mt={28}
                  aria-label={t('staffing.form.removeSkill', { n: i + 1 })}
                  title={t('staffing.form.removeSkill', { n: i + 1 })}
                  onClick={() => setSkills((rows) => rows.filter((_, j) => j !== i))}
                >
                  <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden focusable="false">
                    <path d="M6 6 L18 18 M18 6 L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                  </svg>
                </ActionIcon>
              </Group>
            ))}
            {fieldError('skills') ? (
              <Text c="red.8" size="sm" role="alert">
                {fieldError('skills')}
              </Text>
            ) : null}
            <Group>
              <Button variant="default" onClick={() => setSkills((rows) => [...rows, row()])}>
                {t('staffing.form.addSkill')}
              </Button>
            </Group>
          </Stack>
          <RoleTrainingRequirement value={trainingId} onChange={setTrainingId} error={fieldError('requiredTrainingId')} data-path="role.requiredTrainingId" />
          {/* Errors without a field (the event cancelled meanwhile, the role removed) read on their own. */}
          {mutation.error && errors.paths.length === 0 ? <ErrorAlert error={mutation.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('staffing.form.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('staffing.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

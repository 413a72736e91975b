import { ActionIcon, Button, Card, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Skill } from '../../../../shared/api';
import { RoleTrainingRequirement } from '../trainings/RoleTrainingRequirement';
import { skillLabel } from '../volunteers/labels';
import { newRoleRow, type RoleRow } from './formModel';
import { TimeField } from './TimeField';

/**
 * The roles (shifts) planned with an event or on every session of a series: a name, how many
 * people, an optional time window inside the event, the skills it needs with a minimum level, and
 * the training the person on it must hold (copied onto every session of a series).
 */
export function RolesEditor({
  rows,
  onChange,
  catalogue,
  error,
  eventStart,
  eventEnd,
}: {
  /** The event's own times: an empty role window means all of it. */
  eventStart: string;
  eventEnd: string;
  rows: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  catalogue: Skill[];
  /** The message for a path under `roles.<i>`, if any. */
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation('events');
  const { t: tv } = useTranslation('volunteers');
  const skillOptions = catalogue
    .filter((s) => !s.archived)
    .map((s) => ({ value: String(s.id), label: skillLabel(tv, s) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const put = (i: number, row: Partial<RoleRow>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...row } : r)));
  return (
    <Stack gap="sm" data-path="roles">
      <Text size="sm" c="gray.7">
        {t('form.rolesHint')}
      </Text>
      {rows.map((row, i) => {
        const n = i + 1;
        return (
          <Card key={row.key} withBorder radius="md" padding="sm" data-testid="role-row">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={700}>{t('form.roleN', { n })}</Text>
                <Button variant="subtle" color="red" size="compact-sm" onClick={() => onChange(rows.filter((_, k) => k !== i))} aria-label={t('form.removeRole', { n })}>
                  {t('form.remove')}
                </Button>
              </Group>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <TextInput label={t('form.roleNameShort')} aria-label={t('form.roleName', { n })} value={row.name} onChange={(e) => put(i, { name: e.currentTarget.value })} error={error(`roles.${i}.name`)} data-path={`roles.${i}.name`} style={{ flex: '2 1 200px' }} withAsterisk />
                <NumberInput label={t('form.roleNeededShort')} aria-label={t('form.roleNeeded', { n })} value={row.needed} onChange={(v) => put(i, { needed: v })} min={1} max={100} allowDecimal={false} error={error(`roles.${i}.needed`)} data-path={`roles.${i}.needed`} style={{ flex: '1 1 110px' }} />
                <TimeField label={t('form.roleFromShort')} aria-label={t('form.roleFrom', { n })} value={row.from} placeholder={eventStart} onChange={(v) => put(i, { from: v })} error={error(`roles.${i}.startOffset`)} data-path={`roles.${i}.startOffset`} style={{ flex: '1 1 120px' }} />
                <TimeField label={t('form.roleToShort')} aria-label={t('form.roleTo', { n })} value={row.to} placeholder={eventEnd} onChange={(v) => put(i, { to: v })} error={error(`roles.${i}.endOffset`)} data-path={`roles.${i}.endOffset`} style={{ flex: '1 1 120px' }} />
              </Group>
              {row.skills.map((s, j) => (
                <Group key={j} gap="sm" align="flex-start" wrap="wrap" pl="md">
                  <Select
                    label={t('form.roleSkillShort', { m: j + 1 })}
                    aria-label={t('form.roleSkill', { n, m: j + 1 })}
                    data={skillOptions}
                    value={s.skillId}
                    onChange={(v) => put(i, { skills: row.skills.map((x, k) => (k === j ? { ...x, skillId: v } : x)) })}
                    searchable
                    error={error(`roles.${i}.skills.${j}.skillId`)}
                    data-path={`roles.${i}.skills.${j}.skillId`}
                    style={{ flex: '2 1 220px' }}
                    comboboxProps={{ withinPortal: true }}
                  />
                  <Select
                    label={t('form.roleSkillLevelShort')}
                    aria-label={t('form.roleSkillLevel', { n, m: j + 1 })}
                    data={(['1', '2', '3'] as const).map((l) => ({ value: l, label: tv(`levels.${l}`) }))}
                    value={s.minLevel}
                    onChange={(v) => put(i, { skills: row.skills.map((x, k) => (k === j ? { ...x, minLevel: (v ?? '1') as '1' | '2' | '3' } : x)) })}
                    allowDeselect={false}
                    style={{ flex: '1 1 160px' }}
                    comboboxProps={{ withinPortal: true }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mt={26}
                    onClick={() => put(i, { skills: row.skills.filter((_, k) => k !== j) })}
                    aria-label={t('form.removeSkill', { n, m: j + 1 })}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group pl="md">
                <Button variant="subtle" size="compact-sm" onClick={() => put(i, { skills: [...row.skills, { skillId: null, minLevel: '1' }] })}>
                  {t('form.addSkill')}
                </Button>
              </Group>
              <RoleTrainingRequirement
                value={row.requiredTrainingId}
                onChange={(v) => put(i, { requiredTrainingId: v })}
                ariaLabel={t('form.roleTraining', { n })}
                withDescription={false}
                error={error(`roles.${i}.requiredTrainingId`)}
                data-path={`roles.${i}.requiredTrainingId`}
                style={{ maxWidth: 420 }}
              />
            </Stack>
          </Card>
        );
      })}
      {error('roles') ? (
        <Text c="red.8" size="sm" role="alert">
          {error('roles')}
        </Text>
      ) : null}
      <Group>
        <Button variant="light" onClick={() => onChange([...rows, newRoleRow()])}>
          {t('form.addRole')}
        </Button>
      </Group>
    </Stack>
  );
}

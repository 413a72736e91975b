import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SKILL_CATEGORIES, type Skill } from '../../../../shared/api';
import { newSkillRow, type Level, type SkillRow } from './formModel';
import { skillLabel } from './labels';

interface Props {
  rows: SkillRow[];
  onChange: (rows: SkillRow[]) => void;
  catalogue: Skill[];
  /** Message for the whole list (e.g. a skill listed twice). */
  error?: string;
  /** Message for one line's skill or level, by form line. */
  rowError: (row: number, part: 'skillId' | 'level') => string | undefined;
}

/** One line per skill: which skill (from the catalogue) and how well, 1 to 3. */
export function SkillsEditor({ rows, onChange, catalogue, error, rowError }: Props) {
  const { t } = useTranslation('volunteers');
  const set = (i: number, patch: Partial<SkillRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const dataFor = (current: number | null) => {
    const taken = new Set(rows.map((r) => r.skillId).filter((id) => id !== current));
    return SKILL_CATEGORIES.map((cat) => ({
      group: t(`categories.${cat}`),
      items: catalogue
        .filter((s) => s.category === cat && !taken.has(s.id) && (!s.archived || s.id === current))
        .map((s) => ({ value: String(s.id), label: skillLabel(t, s) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    })).filter((g) => g.items.length > 0);
  };

  return (
    <Stack gap="xs" data-path="skills">
      {rows.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('form.noSkills')}
        </Text>
      ) : null}
      {rows.map((r, i) => (
        <Group key={r.uid} align="flex-start" gap="xs" wrap="nowrap">
          <Select
            label={t('form.skillN', { n: i + 1 })}
            placeholder={t('form.chooseSkill')}
            data={dataFor(r.skillId)}
            value={r.skillId === null ? null : String(r.skillId)}
            onChange={(v) => set(i, { skillId: v ? Number(v) : null })}
            searchable
            nothingFoundMessage={t('filters.noSkill')}
            error={rowError(i, 'skillId')}
            data-path={`skills.${i}.skillId`}
            style={{ flex: 2 }}
          />
          <Select
            label={t('form.levelN', { n: i + 1 })}
            data={([1, 2, 3] as const).map((l) => ({ value: String(l), label: t(`levels.${l}`) }))}
            value={String(r.level)}
            onChange={(v) => set(i, { level: (v === '2' ? 2 : v === '3' ? 3 : 1) as Level })}
            allowDeselect={false}
            error={rowError(i, 'level')}
            data-path={`skills.${i}.level`}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            mt={28}
            aria-label={t('form.removeSkill', { n: i + 1 })}
            title={t('form.removeSkill', { n: i + 1 })}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden focusable="false">
              <path d="M6 6 L18 18 M18 6 L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </ActionIcon>
        </Group>
      ))}
      {error ? (
        <Text c="red.8" size="sm">
          {error}
        </Text>
      ) : null}
      <Group>
        <Button variant="default" onClick={() => onChange([...rows, newSkillRow()])}>
          {t('form.addSkill')}
        </Button>
      </Group>
    </Stack>
  );
}

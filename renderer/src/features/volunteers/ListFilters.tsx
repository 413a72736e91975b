import { Button, Group, MultiSelect, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DAYS, DAY_PARTS, FORMATS, ROLES, SKILL_CATEGORIES, STATUSES, type Format, type Role, type Slot, type Status } from '../../../../shared/api';
import { skillLabel } from './labels';
import { DEFAULT_LIST_STATE, type ListState } from './listState';
import { useSkills } from './queries';

interface Props {
  state: ListState;
  onChange: (patch: Partial<ListState>) => void;
}

/** Status, role, skill and level, availability, format and archived: each narrows the list. */
export function ListFilters({ state, onChange }: Props) {
  const { t } = useTranslation('volunteers');
  const skills = useSkills();

  const skillData = SKILL_CATEGORIES.map((cat) => ({
    group: t(`categories.${cat}`),
    items: (skills.data ?? [])
      .filter((s) => s.category === cat && (!s.archived || s.id === state.skillId))
      .map((s) => ({ value: String(s.id), label: skillLabel(t, s) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  })).filter((g) => g.items.length > 0);

  const slotData = DAYS.map((d) => ({
    group: t(`days.${d}`),
    items: DAY_PARTS.map((p) => ({ value: `${d}.${p}`, label: t('availability.slot', { day: t(`days.${d}`), part: t(`parts.${p}`) }) })),
  }));

  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
      <MultiSelect
        label={t('filters.status')}
        placeholder={state.statuses.length ? undefined : t('filters.any')}
        data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={state.statuses}
        onChange={(v) => onChange({ statuses: v as Status[] })}
        clearable
      />
      <MultiSelect
        label={t('filters.role')}
        placeholder={state.roles.length ? undefined : t('filters.any')}
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={state.roles}
        onChange={(v) => onChange({ roles: v as Role[] })}
        clearable
      />
      <Select
        label={t('filters.skill')}
        placeholder={t('filters.anySkill')}
        data={skillData}
        value={state.skillId === null ? null : String(state.skillId)}
        onChange={(v) => onChange({ skillId: v ? Number(v) : null, minLevel: v ? state.minLevel : 1 })}
        searchable
        clearable
        nothingFoundMessage={t('filters.noSkill')}
      />
      <Select
        label={t('filters.minLevel')}
        data={([1, 2, 3] as const).map((l) => ({ value: String(l), label: t(`levels.${l}`) }))}
        value={String(state.minLevel)}
        onChange={(v) => onChange({ minLevel: v === '2' ? 2 : v === '3' ? 3 : 1 })}
        allowDeselect={false}
        disabled={state.skillId === null}
      />
      <Select
        label={t('filters.slot')}
        placeholder={t('filters.anyTime')}
        data={slotData}
        value={state.slot}
        onChange={(v) => onChange({ slot: (v as Slot | null) ?? null })}
        searchable
        clearable
      />
      <Select
        label={t('filters.format')}
        placeholder={t('filters.any')}
        data={FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) }))}
        value={state.format}
        onChange={(v) => onChange({ format: (v as Format | null) ?? null })}
        clearable
      />
      <Select
        label={t('filters.archived')}
        data={(['hide', 'only', 'include'] as const).map((a) => ({ value: a, label: t(`filters.archivedOptions.${a}`) }))}
        value={state.archived}
        onChange={(v) => onChange({ archived: v === 'only' || v === 'include' ? v : 'hide' })}
        allowDeselect={false}
      />
      <Group align="flex-end">
        <Button
          variant="subtle"
          onClick={() =>
            onChange({
              statuses: DEFAULT_LIST_STATE.statuses,
              roles: DEFAULT_LIST_STATE.roles,
              skillId: null,
              minLevel: 1,
              slot: null,
              format: null,
              archived: 'hide',
            })
          }
        >
          {t('filters.reset')}
        </Button>
      </Group>
    </SimpleGrid>
  );
}

import { Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SKILL_CATEGORIES, type Skill, type SkillCategory } from '../../../../shared/api';
import { ErrorAlert, useFieldErrors, type AnyT } from '../../components/errors';
import { IconPlus } from '../../components/icons';
import { useNotify } from '../../components/notify';
import { SectionHeader } from './SectionHeader';
import { useArchiveSkill, useSaveSkill, useSkillsCatalogue } from './api';

/** A seeded skill shows its translated key; one the association added shows its own name. */
export function skillName(t: AnyT, skill: Pick<Skill, 'key' | 'name'>): string {
  if (!skill.key) return skill.name ?? '';
  const loose = t as unknown as (k: string, o: Record<string, unknown>) => string;
  return loose(`volunteers:skills.${skill.key}`, { defaultValue: skill.name ?? skill.key });
}

function SkillEditor({ skill, onClose }: { skill: Skill | null; onClose: () => void }) {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const notify = useNotify();
  const save = useSaveSkill();
  const errors = useFieldErrors(save.error);
  const [name, setName] = useState(skill?.name ?? '');
  const [category, setCategory] = useState<SkillCategory>(skill?.category ?? 'other');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { ...(skill ? { id: skill.id } : {}), name, category },
      {
        onSuccess: () => {
          notify.success(t('settings:skills.saved'));
          onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          size="md"
          label={t('settings:skills.name')}
          placeholder={t('settings:skills.namePlaceholder')}
          withAsterisk
          aria-required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors('name')}
        />
        <NativeSelect
          size="md"
          label={t('settings:skills.category')}
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value as SkillCategory)}
          data={SKILL_CATEGORIES.map((c) => ({ value: c, label: t(`settings:skills.categories.${c}`) }))}
          error={errors('category')}
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SkillsSection() {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const notify = useNotify();
  const catalogue = useSkillsCatalogue();
  const archive = useArchiveSkill();
  const [showArchived, setShowArchived] = useState(false);
  // undefined: closed; null: a new skill; a skill: renaming it.
  const [editing, setEditing] = useState<Skill | null | undefined>(undefined);

  const skills = (catalogue.data ?? []).filter((s) => showArchived || !s.archived);
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

  const toggleArchive = (s: Skill) =>
    archive.mutate(
      { id: s.id, archived: !s.archived },
      {
        onSuccess: () => notify.success(t(s.archived ? 'settings:skills.unarchivedDone' : 'settings:skills.archivedDone')),
        onError: notify.error,
      },
    );

  return (
    <Stack gap="lg">
      <SectionHeader
        title={t('settings:skills.title')}
        intro={t('settings:skills.intro')}
        action={
          <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing(null)} style={{ flexShrink: 0 }}>
            {t('settings:skills.add')}
          </Button>
        }
      />
      <Switch
        size="md"
        label={t('settings:skills.showArchived')}
        checked={showArchived}
        onChange={(e) => setShowArchived(e.currentTarget.checked)}
      />
      <ErrorAlert error={catalogue.error} />
      {catalogue.isPending ? <Text c="dimmed">{t('common:status.loading')}</Text> : null}
      {catalogue.data
        ? SKILL_CATEGORIES.map((category) => {
            const inCategory = skills
              .filter((s) => s.category === category)
              .map((s) => ({ skill: s, label: skillName(t, s) }))
              .sort((a, b) => collator.compare(a.label, b.label));
            if (inCategory.length === 0) return null;
            const headingId = `skills-${category}`;
            return (
              <Paper key={category} withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid={`skills-${category}`}>
                <Group justify="space-between" mb="xs">
                  <Title order={3} size="h4" id={headingId}>
                    {t(`settings:skills.categories.${category}`)}
                  </Title>
                  <Text c="dimmed" size="sm">
                    {t('settings:skills.inCategory', { count: inCategory.length })}
                  </Text>
                </Group>
                <Table verticalSpacing="xs" fz="md" highlightOnHover>
                  <Table.Tbody>
                    {inCategory.map(({ skill: s, label }) => (
                      <Table.Tr key={s.id} data-testid="skill-row" c={s.archived ? 'dark.4' : undefined}>
                        <Table.Td fw={600}>{label}</Table.Td>
                        <Table.Td w={180}>
                          <Text size="sm" c="dark.6">
                            {t('settings:skills.volunteers', { count: s.volunteerCount })}
                          </Text>
                        </Table.Td>
                        <Table.Td w={200}>
                          <Group gap={6}>
                            <Badge variant="light" color={s.key ? 'gray' : 'teal'} size="lg" tt="none" fw={600}>
                              {s.key ? t('settings:skills.builtIn') : t('settings:skills.own')}
                            </Badge>
                            {s.archived ? (
                              <Badge variant="outline" color="gray" size="lg" tt="none" fw={600}>
                                {t('common:status.archived')}
                              </Badge>
                            ) : null}
                          </Group>
                        </Table.Td>
                        <Table.Td w={220}>
                          <Group gap="xs" justify="flex-end" wrap="nowrap">
                            {s.key ? null : (
                              <Button variant="default" size="sm" onClick={() => setEditing(s)} aria-label={`${t('common:actions.rename')} — ${label}`}>
                                {t('common:actions.rename')}
                              </Button>
                            )}
                            <Button
                              variant="subtle"
                              size="sm"
                              color={s.archived ? 'teal' : 'red'}
                              onClick={() => toggleArchive(s)}
                              aria-label={`${t(s.archived ? 'common:actions.unarchive' : 'common:actions.archive')} — ${label}`}
                            >
                              {t(s.archived ? 'common:actions.unarchive' : 'common:actions.archive')}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            );
          })
        : null}
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={t(editing ? 'settings:skills.renameTitle' : 'settings:skills.addTitle')}
        size="lg"
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        {editing !== undefined ? <SkillEditor key={editing?.id ?? 'new'} skill={editing} onClose={() => setEditing(undefined)} /> : null}
      </Modal>
    </Stack>
  );
}

import { Badge, Button, Group, Paper, Stack, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Training } from '../../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { IconPlus } from '../../components/icons';
import { useNotify } from '../../components/notify';
import { useFormat } from '../../lib/format';
import { errorText, trainingName } from './labels';
import { useCatalogue, useTrainingMutations } from './queries';
import { TrainingFormModal } from './TrainingFormModal';

/** The catalogue: each training with its validity, how many sessions and how many people qualified today. */
export function CatalogueTab() {
  const { t } = useTranslation(['trainings', 'common']);
  const fmt = useFormat();
  const notify = useNotify();
  const catalogue = useCatalogue();
  const { archive } = useTrainingMutations();
  const [showArchived, setShowArchived] = useState(false);
  // undefined: closed; null: a new training; a training: editing it.
  const [editing, setEditing] = useState<Training | null | undefined>(undefined);

  const collator = new Intl.Collator(fmt.locale, { sensitivity: 'base' });
  const rows = (catalogue.data ?? [])
    .filter((x) => showArchived || !x.archived)
    .map((x) => ({ training: x, label: trainingName(t, x) }))
    .sort((a, b) => Number(a.training.archived) - Number(b.training.archived) || collator.compare(a.label, b.label));

  const toggle = (x: Training, label: string) =>
    archive.mutate(
      { id: x.id, archived: !x.archived },
      {
        onSuccess: () => notify.success(t(x.archived ? 'trainings:catalogueTab.unarchivedDone' : 'trainings:catalogueTab.archivedDone', { name: label })),
        onError: (err) => notify.error(err),
      },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text c="gray.7" maw={720}>
          {t('trainings:catalogueTab.intro')}
        </Text>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing(null)} style={{ flexShrink: 0 }}>
          {t('trainings:catalogueTab.add')}
        </Button>
      </Group>
      <Switch size="md" label={t('trainings:catalogueTab.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
      <ErrorAlert error={catalogue.error} />
      {archive.error ? <Text c="red.9" role="alert">{errorText(t, archive.error)}</Text> : null}
      {catalogue.isPending ? <Text c="gray.7">{t('trainings:catalogueTab.loading')}</Text> : null}
      {catalogue.data && rows.length === 0 ? <Text c="gray.7">{t('trainings:catalogueTab.empty')}</Text> : null}
      {rows.length > 0 ? (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" horizontalSpacing="md" fz="md" highlightOnHover data-testid="catalogue-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trainings:catalogueTab.name')}</Table.Th>
                <Table.Th>{t('trainings:catalogueTab.validity')}</Table.Th>
                <Table.Th ta="right">{t('trainings:catalogueTab.sessions')}</Table.Th>
                <Table.Th ta="right">{t('trainings:catalogueTab.qualified')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('trainings:catalogueTab.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ training: x, label }) => (
                <Table.Tr key={x.id} data-testid="training-row">
                  <Table.Td>
                    <Text fw={600} c={x.archived ? 'gray.7' : undefined}>
                      {label}
                    </Text>
                    {x.description ? (
                      <Text size="sm" c="gray.7">
                        {x.description}
                      </Text>
                    ) : null}
                    <Group gap={6} mt={4}>
                      {x.key ? (
                        <Badge variant="light" color="gray" tt="none" fw={600} styles={{ label: { color: 'var(--mantine-color-gray-8)' } }}>
                          {t('trainings:catalogueTab.builtIn')}
                        </Badge>
                      ) : null}
                      {x.archived ? (
                        <Badge variant="outline" color="gray" tt="none" fw={600} styles={{ label: { color: 'var(--mantine-color-gray-8)' } }}>
                          {t('common:status.archived')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{x.validityMonths === null ? t('trainings:validity.none') : t('trainings:validity.months', { count: x.validityMonths })}</Table.Td>
                  <Table.Td ta="right">{fmt.number(x.sessionCount)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(x.qualifiedCount)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button variant="default" size="sm" onClick={() => setEditing(x)} aria-label={t('trainings:catalogueTab.editLabel', { name: label })}>
                        {t('trainings:catalogueTab.edit')}
                      </Button>
                      <Button
                        variant="subtle"
                        size="sm"
                        color={x.archived ? 'teal' : 'red'}
                        onClick={() => toggle(x, label)}
                        aria-label={t(x.archived ? 'trainings:catalogueTab.unarchiveLabel' : 'trainings:catalogueTab.archiveLabel', { name: label })}
                      >
                        {t(x.archived ? 'trainings:catalogueTab.unarchive' : 'trainings:catalogueTab.archive')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
      <TrainingFormModal training={editing} onClose={() => setEditing(undefined)} />
    </Stack>
  );
}

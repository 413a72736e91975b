import { Badge, Button, Card, Checkbox, Group, Modal, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../../../shared/api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert, useFieldErrors } from '../../components/errors';
import { IconFolder } from '../../components/icons';
import { useNotify } from '../../components/notify';
import { useProgrammeMutations, useProgrammes } from './queries';

/** Programmes: named projects events belong to (finance reports on them later). */
export function ProgrammesPanel() {
  const { t } = useTranslation('events');
  const [showArchived, setShowArchived] = useState(false);
  const programmes = useProgrammes(true);
  const { archive } = useProgrammeMutations();
  const notify = useNotify();
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);
  if (programmes.isError) return <ErrorAlert error={programmes.error} />;
  const all = programmes.data ?? [];
  const shown = all.filter((p) => showArchived || !p.archived);
  return (
    <Stack gap="md" maw={820}>
      <Text c="gray.7">{t('programmes.intro')}</Text>
      <Group justify="space-between">
        <Checkbox label={t('programmes.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
        <Button onClick={() => setEditing('new')}>{t('programmes.new')}</Button>
      </Group>
      {programmes.isSuccess && shown.length === 0 ? (
        <EmptyState icon={<IconFolder size={28} />} title={t('programmes.emptyTitle')} description={t('programmes.emptyText')} titleOrder={3} />
      ) : (
        <Card withBorder radius="md" padding={0}>
          <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="programmes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('programmes.name')}</Table.Th>
                <Table.Th>{t('programmes.events')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('programmes.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    {p.name}{' '}
                    {p.archived ? (
                      <Badge color="gray" variant="light" tt="none" styles={{ label: { color: 'var(--mantine-color-gray-8)' } }}>
                        {t('programmes.archived')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{p.eventCount}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button size="xs" variant="default" onClick={() => setEditing(p)} aria-label={t('programmes.renameNamed', { name: p.name })}>
                        {t('programmes.rename')}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={p.archived ? t('programmes.restoreNamed', { name: p.name }) : t('programmes.archiveNamed', { name: p.name })}
                        onClick={() => archive.mutate({ id: p.id, archived: !p.archived }, { onError: notify.error })}
                      >
                        {p.archived ? t('programmes.restore') : t('programmes.archive')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <ProgrammeDialog editing={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}

/** Creates or renames a programme; answers the programme saved. */
export function ProgrammeDialog({ editing, onClose, onSaved }: { editing: Programme | 'new' | null; onClose: () => void; onSaved?: (p: Programme) => void }) {
  const { t } = useTranslation('events');
  const { t: tc } = useTranslation('common');
  const { create, rename } = useProgrammeMutations();
  const mutation = editing === 'new' ? create : rename;
  const [name, setName] = useState('');
  const [opened, setOpened] = useState<typeof editing>(null);
  if (editing !== opened) {
    // A fresh field each time the dialog opens.
    setOpened(editing);
    setName(editing && editing !== 'new' ? editing.name : '');
    create.reset();
    rename.reset();
  }
  const fe = useFieldErrors(mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const done = (p: Programme) => {
      onSaved?.(p);
      onClose();
    };
    if (editing === 'new') create.mutate(name, { onSuccess: done });
    else if (editing) rename.mutate({ id: editing.id, name }, { onSuccess: done });
  };
  return (
    <Modal opened={editing !== null} onClose={onClose} title={editing === 'new' ? t('programmes.new') : t('programmes.rename')} centered closeButtonProps={{ 'aria-label': tc('actions.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label={t('programmes.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fe('name')} data-autofocus withAsterisk />
          {mutation.isError && !fe('name') ? <ErrorAlert error={mutation.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {tc('actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

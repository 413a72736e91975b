import { Badge, Button, Group, Modal, NativeSelect, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_TYPES, type CustomField, type CustomFieldType } from '../../../../shared/api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert, useFieldErrors } from '../../components/errors';
import { IconPlus } from '../../components/icons';
import { useNotify } from '../../components/notify';
import { SectionHeader } from './SectionHeader';
import { useArchiveCustomField, useSaveCustomField, useSettingsView } from './api';

const toLines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

function CustomFieldEditor({ field, onClose }: { field: CustomField | null; onClose: () => void }) {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const notify = useNotify();
  const save = useSaveCustomField();
  const errors = useFieldErrors(save.error);
  const [label, setLabel] = useState(field?.label ?? '');
  const [type, setType] = useState<CustomFieldType>(field?.type ?? 'text');
  const [options, setOptions] = useState((field?.options ?? []).join('\n'));

  const optionsError = errors('options') ?? errors.paths.filter((p) => p.startsWith('options.')).map(errors)[0];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { ...(field ? { id: field.id } : {}), label, type, options: type === 'choice' ? toLines(options) : [] },
      {
        onSuccess: () => {
          notify.success(t('settings:customFields.saved'));
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
          label={t('settings:customFields.label')}
          placeholder={t('settings:customFields.labelPlaceholder')}
          withAsterisk
          aria-required
          data-autofocus
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={errors('label')}
        />
        <NativeSelect
          size="md"
          label={t('settings:customFields.type')}
          description={field ? t('settings:customFields.typeHint') : undefined}
          value={type}
          onChange={(e) => setType(e.currentTarget.value as CustomFieldType)}
          data={CUSTOM_FIELD_TYPES.map((v) => ({ value: v, label: t(`settings:customFields.types.${v}`) }))}
          error={errors('type')}
        />
        {type === 'choice' ? (
          <Textarea
            size="md"
            label={t('settings:customFields.options')}
            description={t('settings:customFields.optionsHint')}
            withAsterisk
            autosize
            minRows={3}
            maxRows={10}
            value={options}
            onChange={(e) => setOptions(e.currentTarget.value)}
            error={optionsError}
          />
        ) : null}
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

export function CustomFieldsSection() {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const notify = useNotify();
  const { customFields } = useSettingsView();
  const archive = useArchiveCustomField();
  // undefined: closed; null: a new field; a field: editing it.
  const [editing, setEditing] = useState<CustomField | null | undefined>(undefined);
  const fields = [...customFields].sort((a, b) => Number(a.archived) - Number(b.archived) || a.position - b.position);

  const toggleArchive = (f: CustomField) =>
    archive.mutate(
      { id: f.id, archived: !f.archived },
      {
        onSuccess: () => notify.success(t(f.archived ? 'settings:customFields.unarchivedDone' : 'settings:customFields.archivedDone')),
        onError: notify.error,
      },
    );

  const addButton = (
    <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing(null)} style={{ flexShrink: 0 }}>
      {t('settings:customFields.add')}
    </Button>
  );

  return (
    <Stack gap="lg">
      <SectionHeader title={t('settings:customFields.title')} intro={t('settings:customFields.intro')} action={fields.length ? addButton : undefined} />
      {fields.length === 0 ? (
        <EmptyState titleOrder={3} title={t('settings:customFields.empty.title')} description={t('settings:customFields.empty.body')} action={addButton} />
      ) : (
        <Table verticalSpacing="sm" horizontalSpacing="md" fz="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings:customFields.columns.label')}</Table.Th>
              <Table.Th>{t('settings:customFields.columns.type')}</Table.Th>
              <Table.Th>{t('settings:customFields.columns.options')}</Table.Th>
              <Table.Th>{t('settings:customFields.columns.status')}</Table.Th>
              <Table.Th>
                <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }}>
                  {t('settings:customFields.columns.actions')}
                </span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f) => (
              <Table.Tr key={f.id} data-testid="custom-field-row" c={f.archived ? 'dark.4' : undefined}>
                <Table.Td fw={600}>{f.label}</Table.Td>
                <Table.Td>{t(`settings:customFields.types.${f.type}`)}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {f.type === 'choice' ? f.options.join(', ') : '—'}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge color={f.archived ? 'gray' : 'teal'} variant="light" size="lg" tt="none" fw={600} style={{ overflow: 'visible' }}>
                    {f.archived ? t('common:status.archived') : t('common:status.active')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button variant="default" size="sm" onClick={() => setEditing(f)} aria-label={`${t('common:actions.edit')} — ${f.label}`}>
                      {t('common:actions.edit')}
                    </Button>
                    <Button
                      variant="subtle"
                      size="sm"
                      color={f.archived ? 'teal' : 'red'}
                      onClick={() => toggleArchive(f)}
                      aria-label={`${t(f.archived ? 'common:actions.unarchive' : 'common:actions.archive')} — ${f.label}`}
                    >
                      {t(f.archived ? 'common:actions.unarchive' : 'common:actions.archive')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={t(editing ? 'settings:customFields.editTitle' : 'settings:customFields.addTitle')}
        size="lg"
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        {editing !== undefined ? <CustomFieldEditor key={editing?.id ?? 'new'} field={editing} onClose={() => setEditing(undefined)} /> : null}
      </Modal>
    </Stack>
  );
}

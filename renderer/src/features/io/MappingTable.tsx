import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField, ImportPreview, ImportTarget } from '../../../../shared/api';
import { FIELD_GROUPS, targetLabel } from './labels';

/** One line per column of the file: its header, a few values, and the field it fills (or none). */
export function MappingTable({
  preview,
  customFields,
  onChange,
  onReset,
  disabled,
}: {
  preview: ImportPreview;
  customFields: readonly CustomField[];
  onChange: (index: number, target: ImportTarget | null) => void;
  onReset: (() => void) | null;
  disabled: boolean;
}) {
  const { t } = useTranslation('io');
  const data = useMemo(() => {
    const usable = customFields.filter((f) => !f.archived);
    return [
      { value: '', label: t('mapping.notImported') },
      ...FIELD_GROUPS.map((g) => ({
        group: t(`mapping.groups.${g.group}`),
        items: g.fields.map((f) => ({ value: f, label: targetLabel(t, f, customFields) })),
      })),
      ...(usable.length ? [{ group: t('mapping.groups.custom'), items: usable.map((f) => ({ value: `custom:${f.id}`, label: f.label })) }] : []),
    ];
  }, [t, customFields]);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} size="h4">
            {t('mapping.title')}
          </Title>
          <Text size="sm" c="gray.7" maw={760}>
            {t('mapping.intro')}
          </Text>
        </div>
        {onReset ? (
          <Button variant="subtle" onClick={onReset} disabled={disabled}>
            {t('mapping.reset')}
          </Button>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" striped data-testid="io-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t('mapping.column')}</Table.Th>
              <Table.Th>{t('mapping.examples')}</Table.Th>
              <Table.Th w={320}>{t('mapping.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.columns.map((c) => {
              const header = c.header || t('mapping.empty');
              return (
                <Table.Tr key={c.index}>
                  <Table.Td fw={600}>{header}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="gray.7" lineClamp={2} style={{ whiteSpace: 'pre-line' }}>
                      {c.samples.join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('mapping.fieldFor', { header })}
                      data={data}
                      value={preview.mapping[c.index] ?? ''}
                      onChange={(v) => onChange(c.index, v ? (v as ImportTarget) : null)}
                      allowDeselect={false}
                      searchable
                      disabled={disabled}
                      maxDropdownHeight={320}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

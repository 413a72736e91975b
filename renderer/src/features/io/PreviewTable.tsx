import { Badge, Checkbox, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField, ImportPreview, PreviewRow } from '../../../../shared/api';
import { useFormat } from '../../lib/format';
import { issueMessage, targetLabel } from './labels';
import classes from './PreviewTable.module.css';

const ACTION_COLOR: Record<PreviewRow['action'], string> = { create: 'teal', merge: 'blue', skip: 'gray', invalid: 'red' };

/** The rows as they will be written, their action, and every problem under the row it belongs to. */
export function PreviewTable({ preview, customFields }: { preview: ImportPreview; customFields: readonly CustomField[] }) {
  const { t, i18n } = useTranslation(['io', 'validation']);
  const fmt = useFormat();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const exists = (k: string) => i18n.exists(k);
  const rows = onlyProblems ? preview.rows.filter((r) => r.action === 'invalid' || r.duplicate) : preview.rows;
  const date = (iso: string | undefined) => (iso ? fmt.date(iso, 'short') : '');
  const c = preview.counts;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} size="h4">
            {t('preview.title')}
          </Title>
          <Text size="sm" c="gray.7" data-testid="io-counts">
            {t('preview.counts', { rows: fmt.number(c.rows), create: fmt.number(c.create), merge: fmt.number(c.merge), skip: fmt.number(c.skip), invalid: fmt.number(c.invalid) })}
          </Text>
        </div>
        <Checkbox label={t('preview.onlyProblems')} checked={onlyProblems} onChange={(e) => setOnlyProblems(e.currentTarget.checked)} />
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" aria-label={t('preview.tableLabel')} data-testid="io-preview" className={classes.table}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('preview.row')}</Table.Th>
              <Table.Th>{t('preview.name')}</Table.Th>
              <Table.Th>{t('preview.email')}</Table.Th>
              <Table.Th>{t('preview.phone')}</Table.Th>
              <Table.Th>{t('preview.place')}</Table.Th>
              <Table.Th>{t('preview.joinedOn')}</Table.Th>
              <Table.Th w={180}>{t('preview.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text c="gray.7">{t('preview.noRows')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {rows.map((r) => {
              const v = r.values;
              const notes: string[] = r.issues.map((i) =>
                t('preview.issue', { field: targetLabel(t, i.field, customFields), message: issueMessage(t, exists, i) }),
              );
              if (r.duplicate) {
                const reason = t(`preview.reasons.${r.duplicate.reason}`);
                notes.push(
                  r.duplicate.rowNumber !== null
                    ? t('preview.duplicateRow', { reason, row: r.duplicate.rowNumber, name: r.duplicate.name })
                    : t('preview.duplicateExisting', { reason, name: r.duplicate.name }),
                );
              }
              return (
                <Fragment key={r.rowNumber}>
                  <Table.Tr data-action={r.action} className={r.action === 'invalid' ? classes.invalid : undefined} data-testid={`io-row-${r.rowNumber}`}>
                    <Table.Td>{r.rowNumber}</Table.Td>
                    <Table.Td fw={600}>{[v.firstName, v.lastName].filter(Boolean).join(' ') || '—'}</Table.Td>
                    <Table.Td>{v.email ?? ''}</Table.Td>
                    <Table.Td>{v.phone ?? ''}</Table.Td>
                    <Table.Td>{[v.postalCode, v.city].filter(Boolean).join(' ')}</Table.Td>
                    <Table.Td>{date(v.joinedOn)}</Table.Td>
                    <Table.Td>
                      <Badge color={ACTION_COLOR[r.action]} variant={r.action === 'invalid' ? 'filled' : 'light'}>
                        {t(`preview.actions.${r.action}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                  {notes.length ? (
                    <Table.Tr className={r.action === 'invalid' ? classes.invalidNotes : classes.notes} data-testid={`io-row-${r.rowNumber}-notes`}>
                      <Table.Td />
                      <Table.Td colSpan={6}>
                        <List size="sm" spacing={2} c={r.action === 'invalid' ? 'red.9' : 'gray.8'}>
                          {notes.map((n, i) => (
                            <List.Item key={i}>{n}</List.Item>
                          ))}
                        </List>
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {preview.counts.rows > preview.rows.length ? (
        <Text size="sm" c="gray.7">
          {t('preview.shown')}
        </Text>
      ) : null}
    </Stack>
  );
}

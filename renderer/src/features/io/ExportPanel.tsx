import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExportResult, FileFormat } from '../../../../shared/api';
import { useNotify } from '../../components/notify';
import { useFormat } from '../../lib/format';
import { useExportTables, useExportVolunteers } from './queries';

/** Exports: the volunteer list (every field) and every table, to CSV or XLSX. */
export function ExportPanel() {
  const { t } = useTranslation('io');
  const fmt = useFormat();
  const notify = useNotify();
  const list = useExportVolunteers();
  const tables = useExportTables();

  const exportList = (format: FileFormat) =>
    list.mutate(
      { format },
      {
        onSuccess: (r: ExportResult) => r.saved && notify.success(t('export.saved', { count: r.rows, name: r.fileName })),
        onError: notify.error,
      },
    );
  const exportTables = (format: FileFormat) =>
    tables.mutate(
      { format },
      {
        onSuccess: (r: ExportResult) => r.saved && notify.success(t('export.savedTables', { files: r.files, rows: fmt.number(r.rows), name: r.fileName })),
        onError: notify.error,
      },
    );

  return (
    <Stack gap="lg" maw={900}>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm" align="flex-start">
          <Title order={2} size="h3">
            {t('export.listTitle')}
          </Title>
          <Text c="gray.8">{t('export.listIntro')}</Text>
          <Group>
            <Button size="md" onClick={() => exportList('csv')} loading={list.isPending && list.variables?.format === 'csv'} disabled={list.isPending}>
              {t('export.csv')}
            </Button>
            <Button size="md" variant="default" onClick={() => exportList('xlsx')} loading={list.isPending && list.variables?.format === 'xlsx'} disabled={list.isPending}>
              {t('export.xlsx')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm" align="flex-start">
          <Title order={2} size="h3">
            {t('export.allTitle')}
          </Title>
          <Text c="gray.8">{t('export.allIntro')}</Text>
          <Group>
            <Button size="md" variant="default" onClick={() => exportTables('xlsx')} loading={tables.isPending && tables.variables?.format === 'xlsx'} disabled={tables.isPending}>
              {t('export.allXlsx')}
            </Button>
            <Button size="md" variant="default" onClick={() => exportTables('csv')} loading={tables.isPending && tables.variables?.format === 'csv'} disabled={tables.isPending}>
              {t('export.allCsv')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Text size="sm" c="gray.7">
        {t('export.safety')}
      </Text>
    </Stack>
  );
}

import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FileFormat, Input } from '../../../../shared/api';
import { useNotify } from '../../components/notify';
import { useExportVolunteers } from './queries';

type ListQuery = Pick<Input<'io.exportVolunteers'>, 'query' | 'filters' | 'sort'>;

/** « Export this list »: the volunteers the list shows (same search, filters and order), to CSV or XLSX. */
export function ExportListButton({ query, disabled }: { query: ListQuery; disabled?: boolean }) {
  const { t } = useTranslation('io');
  const notify = useNotify();
  const exporter = useExportVolunteers();
  const go = (format: FileFormat) =>
    exporter.mutate(
      { ...query, format },
      {
        onSuccess: (r) => r.saved && notify.success(t('export.saved', { count: r.rows, name: r.fileName })),
        onError: notify.error,
      },
    );
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" loading={exporter.isPending} disabled={disabled}>
          {t('export.thisList')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => go('csv')}>{t('export.thisListCsv')}</Menu.Item>
        <Menu.Item onClick={() => go('xlsx')}>{t('export.thisListXlsx')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

import { Badge, Button, Group, Loader, Modal, Pagination, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATES, type IssuedCertificate, type Template } from '../../../../shared/api';
import { EmptyState } from '../../components/EmptyState';
import { IconSearch } from '../../components/icons';
import { useNotify } from '../../components/notify';
import { useFormat } from '../../lib/format';
import { DocumentPreview } from './DocumentPreview';
import { certificateError, useCertificateErrorNotice } from './messages';
import { useExportRegistry, useIssuedView, useRegistry, useReprint } from './queries';

const PAGE = 50;

function ViewDialog({ row, onClose }: { row: IssuedCertificate | null; onClose: () => void }) {
  const { t } = useTranslation('certificates');
  const view = useIssuedView(row?.id ?? null);
  return (
    <Modal opened={row !== null} onClose={onClose} size="70rem" title={row ? t('registry.viewTitle', { number: row.number, name: row.volunteerName }) : ''}>
      {view.isPending ? <Loader aria-label={t('preview.title')} /> : null}
      {view.isError ? <Text c="red">{certificateError(t, view.error)}</Text> : null}
      {view.data ? <DocumentPreview html={view.data.html} orientation={view.data.orientation} title={t('preview.frameTitle')} /> : null}
    </Modal>
  );
}

/** Every document issued, newest first: search by name or number, reprint as issued, export. */
export function RegistryTab() {
  const { t } = useTranslation('certificates');
  const fmt = useFormat();
  const notify = useNotify();
  const notifyError = useCertificateErrorNotice();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 200);
  const [year, setYear] = useState<number | null>(null);
  const [template, setTemplate] = useState<Template | null>(null);
  const [page, setPage] = useState(1);
  const [viewing, setViewing] = useState<IssuedCertificate | null>(null);
  const filter = { query, year, template };
  const list = useRegistry({ ...filter, offset: (page - 1) * PAGE, limit: PAGE });
  const reprint = useReprint();
  const exporter = useExportRegistry();

  const doReprint = (row: IssuedCertificate) =>
    reprint.mutate(row.id, {
      onSuccess: (r) => r.status === 'saved' && notify.success(t('registry.reprinted', { number: row.number, path: r.path })),
      onError: notifyError,
    });
  const doExport = (format: 'csv' | 'xlsx') =>
    exporter.mutate({ ...filter, format }, { onSuccess: (r) => r.status === 'saved' && notify.success(t('registry.exported', { path: r.path })), onError: notifyError });

  const data = list.data;
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('registry.search')}
          placeholder={t('registry.searchPlaceholder')}
          leftSection={<IconSearch size={18} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          size="md"
          w={320}
          data-testid="registry-search"
        />
        <Select
          label={t('registry.year')}
          placeholder={t('registry.allYears')}
          data={(data?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))}
          value={year === null ? null : String(year)}
          onChange={(v) => {
            setYear(v ? Number(v) : null);
            setPage(1);
          }}
          clearable
          size="md"
          w={160}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('registry.template')}
          placeholder={t('registry.allTemplates')}
          data={TEMPLATES.map((k) => ({ value: k, label: t(`templates.${k}`) }))}
          value={template}
          onChange={(v) => {
            setTemplate(v as Template | null);
            setPage(1);
          }}
          clearable
          size="md"
          w={280}
          comboboxProps={{ withinPortal: true }}
        />
        <Group gap="xs" ml="auto">
          <Button variant="default" size="md" onClick={() => doExport('csv')} loading={exporter.isPending && exporter.variables?.format === 'csv'}>
            {t('registry.exportCsv')}
          </Button>
          <Button variant="default" size="md" onClick={() => doExport('xlsx')} loading={exporter.isPending && exporter.variables?.format === 'xlsx'}>
            {t('registry.exportXlsx')}
          </Button>
        </Group>
      </Group>
      {data && data.total === 0 && !query && year === null && template === null ? (
        <EmptyState title={t('registry.emptyTitle')} description={t('registry.emptyText')} />
      ) : (
        <>
          <Text size="sm" c="gray.7" aria-live="polite">
            {data ? t('registry.count', { count: data.total }) : ''}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="registry-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('registry.columns.number')}</Table.Th>
                  <Table.Th>{t('registry.columns.date')}</Table.Th>
                  <Table.Th>{t('registry.columns.volunteer')}</Table.Th>
                  <Table.Th>{t('registry.columns.document')}</Table.Th>
                  <Table.Th>{t('registry.columns.hours')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('registry.columns.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(data?.rows ?? []).map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td ff="monospace" fw={600}>
                      {r.number}
                    </Table.Td>
                    <Table.Td>{fmt.date(r.issuedOn)}</Table.Td>
                    <Table.Td>
                      {r.volunteerName}
                      {r.erased ? (
                        <Badge ml="xs" color="gray" variant="light" tt="none">
                          {t('registry.erased')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {t(`templates.${r.template}`)} <Text span c="gray.7" size="sm">({r.language.toUpperCase()})</Text>
                    </Table.Td>
                    <Table.Td>{r.minutes === null ? '—' : fmt.minutes(r.minutes)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="sm" variant="subtle" onClick={() => setViewing(r)} disabled={r.erased} aria-label={t('registry.viewOne', { number: r.number })}>
                          {t('registry.view')}
                        </Button>
                        <Button
                          size="sm"
                          variant="light"
                          onClick={() => doReprint(r)}
                          disabled={r.erased}
                          loading={reprint.isPending && reprint.variables === r.id}
                          aria-label={t('registry.reprintOne', { number: r.number })}
                        >
                          {t('registry.reprint')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data && data.total > PAGE ? <Pagination total={Math.ceil(data.total / PAGE)} value={page} onChange={setPage} /> : null}
        </>
      )}
      <ViewDialog row={viewing} onClose={() => setViewing(null)} />
    </Stack>
  );
}

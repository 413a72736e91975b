import { Alert, Badge, Button, Group, Loader, Menu, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CEC_ROLES, type CecStatus, type FileFormat } from '../../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { call } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { loose } from './labels';
import { useCec, useFinanceMutation } from './queries';
import { ScopePickers } from './ScopePickers';

/** Rows per page: a large association has thousands of board members and supervisors over the years. */
const PAGE = 100;

const STATUS_COLOR: Record<CecStatus, string> = { both: 'teal', oneAssociation: 'blue', below: 'gray' };

/** Compte d'engagement citoyen: the year's hours of board members and supervisors, for the association's validator. */
export function CecTab({ year, onYear }: { year: number; onYear: (y: number) => void }) {
  const { t } = useTranslation('finance');
  const fmt = useFormat();
  const notify = useNotify();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [year]);
  const q = useCec({ year, offset: (page - 1) * PAGE, limit: PAGE });
  const exportCec = useFinanceMutation((format: FileFormat) => call('finance.exportCec', { year, format }));
  const doExport = (format: FileFormat) =>
    exportCec.mutate(format, { onSuccess: (r) => r.saved && r.fileName && notify.success(t('export.saved', { name: r.fileName })), onError: notify.error });
  const rows = q.data?.rows ?? [];
  const total = q.data?.total ?? 0;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <ScopePickers year={year} onYear={onYear} />
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" size="md" loading={exportCec.isPending}>
              {t('cec.export')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => doExport('xlsx')}>{t('cec.exportXlsx')}</Menu.Item>
            <Menu.Item onClick={() => doExport('csv')}>{t('cec.exportCsv')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4">
          {t('cec.title', { year })}
        </Title>
        <Text size="sm" c="gray.7" mt={4} maw={860}>
          {t('cec.intro')}
        </Text>
        <Alert color="blue" variant="light" mt="md" maw={860}>
          {t('cec.oneAssociation')}
        </Alert>
      </Paper>
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      {!q.data ? (
        <Loader aria-label={t('tabs.cec')} />
      ) : total === 0 ? (
        <Text c="gray.7">{t('cec.empty')}</Text>
      ) : (
        <>
          <Text data-testid="cec-summary">{t('cec.summary', { both: q.data.counts.both, one: q.data.counts.oneAssociation })}</Text>
          <Table.ScrollContainer minWidth={700}>
            <Table striped verticalSpacing="xs" data-testid="cec-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cec.name')}</Table.Th>
                  <Table.Th>{t('cec.roles')}</Table.Th>
                  <Table.Th className="finance-amount">{t('cec.hours')}</Table.Th>
                  <Table.Th>{t('cec.statusColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const cecRoles = r.roles.filter((x) => (CEC_ROLES as readonly string[]).includes(x));
                  return (
                    <Table.Tr key={r.volunteerId}>
                      <Table.Td fw={600}>
                        {r.lastName} {r.firstName}
                      </Table.Td>
                      <Table.Td>{cecRoles.length ? cecRoles.map((x) => loose(t)(`volunteers:roles.${x}`)).join(', ') : <Text span c="gray.7">{t('cec.noRole')}</Text>}</Table.Td>
                      <Table.Td className="finance-amount">{fmt.minutes(r.minutes)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={STATUS_COLOR[r.status]} tt="none" size="lg" styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}>
                          {t(`cec.status.${r.status}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {total > PAGE ? <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} /> : null}
        </>
      )}
    </Stack>
  );
}

import { Button, Group, Loader, Modal, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { APPROVALS, HOUR_CATEGORIES, HOUR_SOURCES, type Approval, type HourCategory, type HourSource } from '../../../../shared/api';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert, useFieldErrors } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { call } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { Pager } from '../privacy/Pager';
import { EntryCells, ApprovalBadge } from './EntryRows';
import { EntryFormModal } from './EntryFormModal';
import { useHourList, useHourMutations, useProgrammes, type HourEntryOut } from './queries';
import { VolunteerPicker, type PickedVolunteer } from './VolunteerPicker';

const PAGE = 50;

/** Every entry, newest first, with filters (person, category, approval, origin, programme, period). */
export function EntriesTab() {
  const { t } = useTranslation('hours');
  const fmt = useFormat();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const fromUrl = Number(params.get('volunteer'));
  const preset = useQuery({
    queryKey: ['volunteers', 'detail', fromUrl],
    queryFn: () => call('volunteers.get', { id: fromUrl }),
    enabled: Number.isInteger(fromUrl) && fromUrl > 0,
  });
  const [who, setWho] = useState<PickedVolunteer | null>(null);
  useEffect(() => {
    if (preset.data) setWho({ id: preset.data.id, name: `${preset.data.firstName} ${preset.data.lastName}` });
  }, [preset.data]);
  const [category, setCategory] = useState<HourCategory | null>(null);
  const [approval, setApproval] = useState<Approval | null>(null);
  const [source, setSource] = useState<HourSource | null>(null);
  const [programme, setProgramme] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<HourEntryOut | null>(null);
  const [removing, setRemoving] = useState<HourEntryOut | null>(null);
  const programmes = useProgrammes();
  const { remove } = useHourMutations();

  const filters = {
    volunteerId: who?.id ?? null,
    category,
    approval,
    source,
    programmeId: programme === 'none' ? ('none' as const) : programme ? Number(programme) : null,
    from: from || null,
    to: to || null,
  };
  const q = useHourList({ ...filters, offset: (page - 1) * PAGE, limit: PAGE });
  const errors = useFieldErrors(q.error);
  // Any filter change starts again from the first page.
  const filterKey = JSON.stringify(filters);
  useEffect(() => setPage(1), [filterKey]);

  const pickVolunteer = (v: PickedVolunteer | null) => {
    setWho(v);
    if (params.has('volunteer')) {
      const next = new URLSearchParams(params);
      next.delete('volunteer');
      setParams(next, { replace: true });
    }
  };
  const doRemove = () =>
    removing &&
    remove.mutate(removing.id, {
      onSuccess: () => {
        notify.success(t('list.removed'));
        setRemoving(null);
      },
      onError: (e) => notify.error(e),
    });

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('list.filters')}>
        <VolunteerPicker label={t('list.volunteer')} value={who} onChange={pickVolunteer} w={240} />
        <Select
          label={t('list.category')}
          placeholder={t('list.any')}
          data={HOUR_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          value={category}
          onChange={(v) => setCategory(v as HourCategory | null)}
          clearable
          w={200}
        />
        <Select
          label={t('list.approval')}
          placeholder={t('list.any')}
          data={APPROVALS.map((a) => ({ value: a, label: t(`approval.${a}`) }))}
          value={approval}
          onChange={(v) => setApproval(v as Approval | null)}
          clearable
          w={160}
        />
        <Select
          label={t('list.source')}
          placeholder={t('list.any')}
          data={HOUR_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
          value={source}
          onChange={(v) => setSource(v as HourSource | null)}
          clearable
          w={180}
        />
        <Select
          label={t('list.programme')}
          placeholder={t('list.anyProgramme')}
          data={[{ value: 'none', label: t('list.noProgramme') }, ...(programmes.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
          value={programme}
          onChange={setProgramme}
          clearable
          w={200}
        />
        <DateField label={t('list.from')} value={from} onChange={setFrom} error={errors('from')} />
        <DateField label={t('list.to')} value={to} onChange={setTo} error={errors('to')} />
      </Group>

      {q.isError && errors.paths.length === 0 ? <ErrorAlert error={q.error} /> : null}
      {!q.data ? (
        q.isError ? null : <Loader aria-label={t('tabs.entries')} />
      ) : q.data.total === 0 ? (
        <EmptyState title={t('list.emptyTitle')} description={t('list.emptyText')} />
      ) : (
        <>
          <Text c="gray.7" data-testid="entries-count">
            {t('list.count', { count: q.data.total, n: fmt.number(q.data.total) })}
          </Text>
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('list.tableLabel')} data-testid="entries-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.date')}</Table.Th>
                  <Table.Th>{t('columns.volunteer')}</Table.Th>
                  <Table.Th>{t('columns.duration')}</Table.Th>
                  <Table.Th>{t('columns.category')}</Table.Th>
                  <Table.Th>{t('columns.where')}</Table.Th>
                  <Table.Th>{t('columns.approval')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('columns.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.rows.map((e) => (
                  <Table.Tr key={e.id}>
                    <EntryCells e={e} />
                    <Table.Td>
                      <ApprovalBadge approval={e.approval} />
                      {e.source === 'attendance' ? (
                        <Text size="xs" c="gray.7" mt={2}>
                          {t('sources.attendance')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {e.source === 'manual' ? (
                          <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(e)} aria-label={t('list.removeLabel', { name: e.volunteerName, date: fmt.date(e.workedOn) })}>
                            {t('list.remove')}
                          </Button>
                        ) : null}
                        <Button size="xs" variant="subtle" onClick={() => setEditing(e)} aria-label={t('list.editLabel', { name: e.volunteerName, date: fmt.date(e.workedOn) })}>
                          {t('list.edit')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={q.data.total} pageSize={PAGE} page={page} onChange={setPage} />
        </>
      )}

      <EntryFormModal opened={editing !== null} onClose={() => setEditing(null)} entry={editing} />
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('list.removeTitle')} centered closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}>
        <Stack gap="md">
          <Text>
            {removing ? t('list.removeText', { duration: fmt.minutes(removing.minutes), name: removing.volunteerName, date: fmt.date(removing.workedOn) }) : null}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('form.cancel')}
            </Button>
            <Button color="red" onClick={doRemove} loading={remove.isPending} data-autofocus>
              {t('list.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

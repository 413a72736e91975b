import { Anchor, Badge, Button, Checkbox, Group, Loader, NumberInput, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RETENTION_YEARS } from '../../../../shared/api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert, useFieldErrors } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { useFormat } from '../../lib/format';
import { EraseDialog, type ErasablePerson } from './EraseDialog';
import { Pager } from './Pager';
import { useRetention, useSetRetentionYears } from './queries';

const PAGE = 50;

function RetentionSetting({ years }: { years: number }) {
  const { t } = useTranslation('privacy');
  const notify = useNotify();
  const save = useSetRetentionYears();
  const errors = useFieldErrors(save.error);
  const [value, setValue] = useState<string | number>(years);
  useEffect(() => setValue(years), [years]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // An empty field goes to core as it is, which answers with the translated message.
    save.mutate(typeof value === 'number' ? value : (null as unknown as number), {
      onSuccess: (r) => notify.success(t('retention.saved', { years: t('retention.yearsSuffix', { count: r.years }) })),
    });
  };

  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={submit} noValidate>
      <Title order={2} size="h4" mb="xs">
        {t('retention.settingTitle')}
      </Title>
      <Text size="sm" c="gray.7" mb="md" maw={720}>
        {t('retention.why')}
      </Text>
      <Group align="flex-start" gap="sm">
        <NumberInput
          size="md"
          w={220}
          label={t('retention.yearsLabel')}
          min={RETENTION_YEARS.min}
          max={RETENTION_YEARS.max}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={value}
          onChange={setValue}
          error={errors('years')}
        />
        <Button type="submit" size="md" mt={27} loading={save.isPending}>
          {t('retention.save')}
        </Button>
      </Group>
    </Paper>
  );
}

/** People who left longer ago than the chosen period: to review and erase, one by one or together. */
export function RetentionTab() {
  const { t } = useTranslation('privacy');
  const fmt = useFormat();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Map<number, ErasablePerson>>(new Map());
  // The list stays while the dialog closes, so its title does not change under the animation.
  const [erasing, setErasing] = useState<ErasablePerson[]>([]);
  const [confirming, setConfirming] = useState(false);
  const askErase = (people: ErasablePerson[]) => {
    setErasing(people);
    setConfirming(true);
  };
  const q = useRetention({ offset: (page - 1) * PAGE, limit: PAGE });
  // Erasing the last people of the last page leaves it empty: step back to one that has rows.
  useEffect(() => {
    if (q.data && q.data.rows.length === 0 && page > 1) setPage(Math.max(1, Math.ceil(q.data.total / PAGE)));
  }, [q.data, page]);

  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loader aria-label={t('tabs.retention')} />;
  const { years, cutoff, total, rows } = q.data;
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (p: ErasablePerson, on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      if (on) next.set(p.id, p);
      else next.delete(p.id);
      return next;
    });
  const togglePage = (on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      for (const r of rows) {
        if (on) next.set(r.id, r);
        else next.delete(r.id);
      }
      return next;
    });
  const erased = (ids: number[]) =>
    setSelected((s) => {
      const next = new Map(s);
      for (const id of ids) next.delete(id);
      return next;
    });

  return (
    <Stack gap="lg">
      <RetentionSetting years={years} />
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h4">
              {t('retention.listTitle')}
            </Title>
            {total > 0 ? (
              <Text c="gray.7" data-testid="retention-summary">
                {t('retention.summary', { count: total, date: fmt.date(cutoff) })}
              </Text>
            ) : null}
          </div>
          {total > 0 ? (
            <Button color="red" disabled={selected.size === 0} onClick={() => askErase([...selected.values()])}>
              {t('retention.eraseSelected', { count: selected.size })}
            </Button>
          ) : null}
        </Group>
        {total === 0 ? (
          <EmptyState title={t('retention.emptyTitle')} description={t('retention.emptyText')} />
        ) : (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('retention.tableLabel')} data-testid="retention-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={48}>
                      <Checkbox aria-label={t('retention.selectAll')} checked={allOnPage} indeterminate={!allOnPage && rows.some((r) => selected.has(r.id))} onChange={(e) => togglePage(e.currentTarget.checked)} />
                    </Table.Th>
                    <Table.Th>{t('retention.columns.name')}</Table.Th>
                    <Table.Th>{t('retention.columns.joinedOn')}</Table.Th>
                    <Table.Th>{t('retention.columns.leftOn')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('retention.columns.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => {
                    const name = `${r.firstName} ${r.lastName}`;
                    return (
                      <Table.Tr key={r.id}>
                        <Table.Td>
                          <Checkbox aria-label={t('retention.selectRow', { name })} checked={selected.has(r.id)} onChange={(e) => toggle(r, e.currentTarget.checked)} />
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs">
                            <Anchor component={Link} to={`/volunteers/${r.id}`} fw={500}>
                              {r.lastName} {r.firstName}
                            </Anchor>
                            {r.archived ? (
                              <Badge variant="default" tt="none" size="sm">
                                {t('retention.archived')}
                              </Badge>
                            ) : null}
                          </Group>
                        </Table.Td>
                        <Table.Td>{fmt.date(r.joinedOn, 'short')}</Table.Td>
                        <Table.Td>
                          {r.leftOn ? (
                            fmt.date(r.leftOn, 'short')
                          ) : (
                            <Text span c="red.9" fs="italic">
                              {t('retention.unknownDate')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">
                          <Button size="xs" variant="subtle" color="red" aria-label={t('retention.eraseOneLabel', { name })} onClick={() => askErase([r])}>
                            {t('retention.eraseOne')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager total={total} pageSize={PAGE} page={page} onChange={setPage} />
          </>
        )}
      </Stack>
      <EraseDialog people={erasing} opened={confirming} onClose={() => setConfirming(false)} onDone={erased} />
    </Stack>
  );
}

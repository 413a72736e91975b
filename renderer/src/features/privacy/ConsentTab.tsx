import { Anchor, Badge, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ConsentGap } from '../../../../shared/api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/errors';
import { useFormat } from '../../lib/format';
import { Pager } from './Pager';
import { useConsentOverview } from './queries';

const PAGE = 50;
type Filter = ConsentGap | 'all';

function Stat({ label, value, hint, more, active, onClick, testId }: { label: string; value: string; hint: string; more?: string; active: boolean; onClick: () => void; testId: string }) {
  const { t } = useTranslation('privacy');
  return (
    <UnstyledButton onClick={onClick} aria-pressed={active} data-testid={testId} style={{ display: 'block', height: '100%' }}>
      <Paper withBorder radius="md" p="md" h="100%" style={{ borderColor: active ? 'var(--mantine-color-teal-7)' : undefined, borderWidth: active ? 2 : 1 }}>
        <Text size="sm" fw={600} c="gray.8">
          {label}
        </Text>
        <Text fz={28} fw={700} lh={1.3}>
          {value}
        </Text>
        <Text size="sm" c="gray.7">
          {hint}
        </Text>
        {more ? (
          <Text size="sm" c="gray.7">
            {more}
          </Text>
        ) : null}
        <Text size="sm" c="teal.9" mt={6} fw={500}>
          {t('consent.cards.show')}
        </Text>
      </Paper>
    </UnstyledButton>
  );
}

/** Who has no recorded consent, no photo consent, no confidentiality agreement: counts, then the people. */
export function ConsentTab() {
  const { t } = useTranslation(['privacy', 'volunteers']);
  const fmt = useFormat();
  const [scope, setScope] = useState<'current' | 'all'>('current');
  const [filter, setFilter] = useState<Filter>('consent');
  const [page, setPage] = useState(1);
  const q = useConsentOverview({ scope, missing: filter === 'all' ? null : filter, offset: (page - 1) * PAGE, limit: PAGE });
  const choose = (f: Filter) => {
    setFilter(f);
    setPage(1);
  };

  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loader aria-label={t('privacy:tabs.consent')} />;
  const { counts, total, rows } = q.data;
  const n = (x: number) => fmt.number(x);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={4} id="consent-scope">
            {t('privacy:consent.scopeLabel')}
          </Text>
          <SegmentedControl
            aria-labelledby="consent-scope"
            value={scope}
            onChange={(v) => {
              setScope(v as 'current' | 'all');
              setPage(1);
            }}
            data={[
              { value: 'current', label: t('privacy:consent.scope.current') },
              { value: 'all', label: t('privacy:consent.scope.all') },
            ]}
          />
        </div>
        <Text c="gray.7">{t('privacy:consent.people', { count: counts.people })}</Text>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Stat
          testId="card-consent"
          label={t('privacy:consent.cards.noConsent')}
          value={n(counts.noConsent)}
          hint={t('privacy:consent.cards.noConsentHint')}
          active={filter === 'consent'}
          onClick={() => choose('consent')}
        />
        <Stat
          testId="card-photo"
          label={t('privacy:consent.cards.photo')}
          value={t('privacy:consent.cards.photoValue', { yes: n(counts.photoYes), no: n(counts.photoNo) })}
          hint={t('privacy:consent.cards.photoHint')}
          active={filter === 'photo'}
          onClick={() => choose('photo')}
        />
        <Stat
          testId="card-confidentiality"
          label={t('privacy:consent.cards.confidentiality')}
          value={n(counts.confidentialityMissing)}
          hint={t('privacy:consent.cards.confidentialityHint', { required: n(counts.confidentialityRequired) })}
          more={t('privacy:consent.cards.confidentialitySigned', { count: counts.confidentialitySigned })}
          active={filter === 'confidentiality'}
          onClick={() => choose('confidentiality')}
        />
      </SimpleGrid>

      <Group gap="sm" align="center">
        <Text size="sm" fw={500} id="consent-filter">
          {t('privacy:consent.filterLabel')}
        </Text>
        <SegmentedControl
          aria-labelledby="consent-filter"
          value={filter}
          onChange={(v) => choose(v as Filter)}
          data={(['all', 'consent', 'photo', 'confidentiality'] as const).map((f) => ({ value: f, label: t(`privacy:consent.filter.${f}`) }))}
        />
      </Group>

      {counts.people === 0 ? (
        <EmptyState title={t('privacy:consent.noPeople')} />
      ) : total === 0 ? (
        <EmptyState title={t('privacy:consent.emptyTitle')} description={t('privacy:consent.emptyText')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('privacy:consent.tableLabel')} data-testid="consent-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('privacy:consent.columns.name')}</Table.Th>
                  <Table.Th>{t('privacy:consent.columns.status')}</Table.Th>
                  <Table.Th>{t('privacy:consent.columns.roles')}</Table.Th>
                  <Table.Th>{t('privacy:consent.columns.consent')}</Table.Th>
                  <Table.Th>{t('privacy:consent.columns.photo')}</Table.Th>
                  <Table.Th>{t('privacy:consent.columns.confidentiality')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const confidant = r.roles.includes('facilitator') || r.roles.includes('supervisor');
                  return (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/volunteers/${r.id}`} fw={500}>
                          {r.lastName} {r.firstName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`volunteers:status.${r.status}`)}</Table.Td>
                      <Table.Td>{r.roles.map((x) => t(`volunteers:roles.${x}`)).join(', ')}</Table.Td>
                      <Table.Td>
                        {r.consentOn && r.consentBasis ? (
                          t('privacy:consent.consentValue', { basis: t(`volunteers:consentBases.${r.consentBasis}`), date: fmt.date(r.consentOn, 'short') })
                        ) : (
                          <Badge color="orange" variant="light" tt="none" styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}>
                            {t('privacy:consent.notRecorded')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{r.photoConsent ? t('privacy:export.yes') : t('privacy:export.no')}</Table.Td>
                      <Table.Td>
                        {r.confidentialitySignedOn ? (
                          fmt.date(r.confidentialitySignedOn, 'short')
                        ) : confidant ? (
                          <Badge color="orange" variant="light" tt="none" styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}>
                            {t('privacy:consent.notSigned')}
                          </Badge>
                        ) : (
                          <Text span c="gray.7" aria-label={t('privacy:consent.notSigned')}>
                            {t('privacy:consent.notNeeded')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between">
            <Text size="sm" c="gray.7">
              {t('privacy:consent.people', { count: total })}
            </Text>
            <Pager total={total} pageSize={PAGE} page={page} onChange={setPage} />
          </Group>
        </>
      )}
    </Stack>
  );
}

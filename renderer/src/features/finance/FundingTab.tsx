import { Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { divideRoundHalfUp } from '../../../../shared/money';
import { ErrorAlert } from '../../components/errors';
import { useFormat } from '../../lib/format';
import { percentText } from './labels';
import { useFunders, useTrainingCosts } from './queries';
import { ScopePickers } from './ScopePickers';

function Funders({ year }: { year: number }) {
  const { t } = useTranslation('finance');
  const fmt = useFormat();
  const q = useFunders(year);
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loader aria-label={t('tabs.funding')} />;
  if (q.data.length === 0) return <Text c="gray.7">{t('funders.empty', { year })}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" data-testid="funders-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funders.funder')}</Table.Th>
            <Table.Th>{t('funders.programme')}</Table.Th>
            <Table.Th className="finance-amount">{t('funders.given')}</Table.Th>
            <Table.Th className="finance-amount">{t('funders.programmeSpent')}</Table.Th>
            <Table.Th className="finance-amount">{t('funders.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.map((f) =>
            f.programmes.map((p, i) => (
              <Table.Tr key={`${f.funder}-${p.programmeId}`}>
                {i === 0 ? (
                  <Table.Td rowSpan={f.programmes.length} style={{ verticalAlign: 'top' }}>
                    <Text fw={600}>{f.funder}</Text>
                    <Text size="sm" c="gray.7">
                      {fmt.money(f.totalCents)}
                      {f.references.length ? ` · ${t('funders.referencesList', { list: f.references.join(', ') })}` : ''}
                    </Text>
                  </Table.Td>
                ) : null}
                <Table.Td>{p.programmeName ?? t('pickers.noProgramme')}</Table.Td>
                <Table.Td className="finance-amount">{fmt.money(p.cents)}</Table.Td>
                <Table.Td className="finance-amount">{p.programmeExpenseCents === null ? '—' : fmt.money(p.programmeExpenseCents)}</Table.Td>
                <Table.Td className="finance-amount">
                  {p.programmeExpenseCents ? percentText(divideRoundHalfUp(Math.min(p.cents, p.programmeExpenseCents) * 100, p.programmeExpenseCents), fmt.lang) : '—'}
                </Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TrainingCosts({ year }: { year: number }) {
  const { t } = useTranslation('finance');
  const fmt = useFormat();
  const q = useTrainingCosts(year);
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loader aria-label={t('tabs.funding')} />;
  if (q.data.length === 0) return <Text c="gray.7">{t('trainingCosts.empty', { year })}</Text>;
  const total = q.data.reduce((n, r) => n + r.costCents, 0);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" data-testid="training-costs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('trainingCosts.session')}</Table.Th>
            <Table.Th>{t('trainingCosts.date')}</Table.Th>
            <Table.Th className="finance-amount">{t('trainingCosts.cost')}</Table.Th>
            <Table.Th className="finance-amount">{t('trainingCosts.participants')}</Table.Th>
            <Table.Th className="finance-amount">{t('trainingCosts.perParticipant')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.map((r) => (
            <Table.Tr key={r.eventId}>
              <Table.Td>
                <Text fw={600}>{r.title}</Text>
                {r.programmeName ? (
                  <Text size="sm" c="gray.7">
                    {r.programmeName}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{fmt.date(r.date, 'short')}</Table.Td>
              <Table.Td className="finance-amount">
                {r.costSource === 'none' ? '—' : fmt.money(r.costCents)}
                {r.costSource === 'planned' ? (
                  <Text span size="sm" c="gray.7">
                    {' '}({t('trainingCosts.planned')})
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td className="finance-amount">
                {fmt.number(r.participants)}
                {r.participantSource === 'attendance' ? (
                  <Text span size="sm" c="gray.7">
                    {' '}({t('trainingCosts.fromAttendance')})
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td className="finance-amount">{r.perParticipantCents === null ? '—' : fmt.money(r.perParticipantCents)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td colSpan={2}>{t('trainingCosts.total')}</Table.Td>
            <Table.Td className="finance-amount">{fmt.money(total)}</Table.Td>
            <Table.Td />
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What each funder financed, and what each training session cost per participant. */
export function FundingTab({ year, onYear }: { year: number; onYear: (year: number) => void }) {
  const { t } = useTranslation('finance');
  return (
    <Stack gap="lg">
      <ScopePickers year={year} onYear={onYear} />
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4">
          {t('funders.title', { year })}
        </Title>
        <Text size="sm" c="gray.7" mb="sm">
          {t('funders.intro')}
        </Text>
        <Funders year={year} />
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4">
          {t('trainingCosts.title', { year })}
        </Title>
        <Text size="sm" c="gray.7" mb="sm">
          {t('trainingCosts.intro')}
        </Text>
        <TrainingCosts year={year} />
      </Paper>
    </Stack>
  );
}

import { Alert, Button, Checkbox, Group, List, Loader, Menu, Modal, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HOUR_CATEGORIES,
  ROLES,
  type FileFormat,
  type HourCategory,
  type ValuationBasis,
  type ValuationMethod,
  type ValuationMethodInput,
  type ValuationWarning,
} from '../../../../shared/api';
import { centsToInput } from '../../../../shared/money';
import { ErrorAlert, useFieldErrors } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { call } from '../../lib/api';
import { useFormat, type Formatters } from '../../lib/format';
import { loose, readMoney, type MoneyField } from './labels';
import { MoneyInput } from './MoneyInput';
import { useFinanceMutation, useValuation, useValuationMethods } from './queries';
import { ScopePickers } from './ScopePickers';

type TF = ReturnType<typeof useTranslation<'finance'>>['t'];

const hourCategory = (t: TF, c: string) => loose(t)(`hours:categories.${c}`);
const roleName = (t: TF, r: string) => loose(t)(`volunteers:roles.${r}`);

function warningText(t: TF, w: ValuationWarning, fmt: Formatters): string {
  if (w.key === 'highRate') return t('warnings.highRate', { rate: fmt.money(Number(w.params.rateCents)) });
  return t(`warnings.${w.key}`, { year: w.params.year });
}

function rateSummary(t: TF, m: ValuationMethod, fmt: Formatters): string {
  const per = (cents: number) => t('valuation.perHour', { amount: fmt.money(cents) });
  if (m.basis === 'single') return per(m.rates.all!);
  const name = m.basis === 'category' ? (k: string) => hourCategory(t, k) : (k: string) => roleName(t, k);
  return Object.entries(m.rates)
    .map(([k, v]) => `${name(k)} ${per(v)}`)
    .join(' · ');
}

/** The method form: from a year on, one of the three bases with its rates and the activities left out. */
function MethodForm({ methods, defaultYear }: { methods: ValuationMethod[]; defaultYear: number }) {
  const { t } = useTranslation('finance');
  const fmt = useFormat();
  const notify = useNotify();
  const start = [...methods].reverse().find((m) => m.effectiveYear <= defaultYear) ?? methods.at(-1) ?? null;
  const [effectiveYear, setEffectiveYear] = useState<number | string>(defaultYear);
  const [basis, setBasis] = useState<ValuationBasis>(start?.basis ?? 'single');
  const money = (cents: number | undefined) => readMoney(cents === undefined ? '' : centsToInput(cents, fmt.lang), fmt.lang);
  const [rates, setRates] = useState<Record<string, MoneyField>>(() => {
    const out: Record<string, MoneyField> = { all: money(start?.basis === 'single' ? start.rates.all : undefined) };
    for (const k of [...HOUR_CATEGORIES, ...ROLES]) out[k] = money(start?.rates[k]);
    return out;
  });
  const [excluded, setExcluded] = useState<HourCategory[]>(start?.excluded ?? ['governance']);
  const [submitted, setSubmitted] = useState(false);
  const [warnings, setWarnings] = useState<ValuationWarning[] | null>(null);
  const save = useFinanceMutation((input: ValuationMethodInput) => call('finance.saveValuationMethod', input));
  const fe = useFieldErrors(save.error);

  const keys = basis === 'single' ? ['all'] : basis === 'category' ? HOUR_CATEGORIES.filter((c) => !excluded.includes(c)) : [...ROLES];
  const input = (confirmed: boolean): ValuationMethodInput | null => {
    const out: Record<string, number> = {};
    for (const k of keys) {
      const f = rates[k]!;
      // An empty or unreadable rate is left out: core then names the missing one under its field.
      if (f.cents !== null) out[k] = f.cents;
      else if (f.error && f.error !== 'empty') return null;
    }
    return { effectiveYear: typeof effectiveYear === 'number' ? effectiveYear : Number(effectiveYear), basis, rates: out, excluded, confirmed };
  };
  const send = (confirmed: boolean) => {
    const i = input(confirmed);
    if (!i) return;
    save.mutate(i, {
      onSuccess: (r) => {
        if (r.saved) {
          setWarnings(null);
          notify.success(t('valuation.saved', { year: i.effectiveYear }));
        } else setWarnings(r.warnings);
      },
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    send(false);
  };
  const rateField = (k: string, label: string) => (
    <MoneyInput
      key={k}
      label={label}
      value={rates[k]!}
      onChange={(v) => setRates((r) => ({ ...r, [k]: v }))}
      error={fe(`rates.${k}`)}
      showError={submitted}
      w={200}
      data-testid={`rate-${k}`}
    />
  );
  const toggle = (c: HourCategory, on: boolean) => setExcluded((xs) => (on ? [...xs, c] : xs.filter((x) => x !== c)));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Group align="flex-end" gap="lg">
          <NumberInput
            label={t('valuation.effectiveYear')}
            size="md"
            w={230}
            min={1900}
            max={2100}
            allowDecimal={false}
            value={effectiveYear}
            onChange={setEffectiveYear}
            error={fe('effectiveYear')}
          />
          <SegmentedControl
            aria-label={t('valuation.basis')}
            size="md"
            value={basis}
            onChange={(v) => setBasis(v as ValuationBasis)}
            data={(['single', 'category', 'role'] as const).map((b) => ({ value: b, label: t(`valuation.bases.${b}`) }))}
          />
        </Group>
        {basis === 'single' ? rateField('all', t('valuation.rate')) : null}
        {basis === 'role' ? (
          <>
            <Text size="sm" c="gray.7">
              {t('valuation.roleHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>{ROLES.map((r) => rateField(r, t('valuation.rateFor', { name: roleName(t, r) })))}</SimpleGrid>
          </>
        ) : null}
        <Stack gap="xs">
          <Text fw={600}>{basis === 'category' ? t('valuation.byCategory') : t('valuation.excludedTitle')}</Text>
          <Text size="sm" c="gray.7">
            {t('valuation.excludedHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: basis === 'category' ? 2 : 4 }} spacing="sm">
            {HOUR_CATEGORIES.map((c) => (
              <Group key={c} gap="sm" align="flex-end" wrap="nowrap">
                {basis === 'category' && !excluded.includes(c) ? rateField(c, t('valuation.rateFor', { name: hourCategory(t, c) })) : null}
                <Checkbox
                  label={basis === 'category' ? t('valuation.excludedFor', { name: hourCategory(t, c) }) : hourCategory(t, c)}
                  checked={excluded.includes(c)}
                  onChange={(e) => toggle(c, e.currentTarget.checked)}
                  mb={basis === 'category' && !excluded.includes(c) ? 10 : 0}
                />
              </Group>
            ))}
          </SimpleGrid>
          {fe('excluded') ? (
            <Text c="red.8" size="sm" role="alert">
              {fe('excluded')}
            </Text>
          ) : null}
        </Stack>
        {save.error && !fe.paths.length ? <ErrorAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" size="md" loading={save.isPending && !warnings}>
            {t('valuation.save')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={warnings !== null} onClose={() => setWarnings(null)} title={t('valuation.confirmTitle')} centered size="lg" closeButtonProps={{ 'aria-label': t('valuation.confirmNo') }}>
        <Stack>
          <List spacing="sm">
            {(warnings ?? []).map((w) => (
              <List.Item key={w.key}>{warningText(t, w, fmt)}</List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWarnings(null)}>
              {t('valuation.confirmNo')}
            </Button>
            <Button color="orange" loading={save.isPending} onClick={() => send(true)}>
              {t('valuation.confirmYes')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}

function Figures({ year, scope }: { year: number; scope: number | null }) {
  const { t } = useTranslation('finance');
  const fmt = useFormat();
  const notify = useNotify();
  const q = useValuation({ year, programmeId: scope });
  const exportSheet = useFinanceMutation((format: FileFormat) => call('finance.exportTimesheet', { year, programmeId: scope, format }));
  const doExport = (format: FileFormat) =>
    exportSheet.mutate(format, { onSuccess: (r) => r.saved && r.fileName && notify.success(t('export.saved', { name: r.fileName })), onError: notify.error });
  if (q.isError) return <ErrorAlert error={q.error} />;
  const v = q.data;
  if (!v) return <Loader aria-label={t('tabs.valuation')} />;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="md" radius="md" data-testid="valuation-hours">
          <Text size="sm" c="gray.7" fw={600}>
            {t('valuation.hours')}
          </Text>
          <Text fz={26} fw={700}>
            {fmt.minutes(v.countedMinutes)}
          </Text>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="gray.7" fw={600}>
            {t('valuation.valuedHours')}
          </Text>
          <Text fz={26} fw={700}>
            {fmt.minutes(v.valuedMinutes)}
          </Text>
        </Paper>
        <Paper withBorder p="md" radius="md" data-testid="valuation-total">
          <Text size="sm" c="gray.7" fw={600}>
            {t('valuation.value')}
          </Text>
          <Text fz={26} fw={700}>
            {fmt.money(v.totalCents)}
          </Text>
        </Paper>
      </SimpleGrid>
      {v.method ? <Text>{t('valuation.accounts', { amount: fmt.money(v.totalCents) })}</Text> : <Alert color="yellow" variant="light">{t('valuation.noMethod')}</Alert>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Table verticalSpacing={4} data-testid="valuation-by-category">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('valuation.activity')}</Table.Th>
              <Table.Th className="finance-amount">{t('valuation.rateColumn')}</Table.Th>
              <Table.Th className="finance-amount">{t('valuation.hoursColumn')}</Table.Th>
              <Table.Th className="finance-amount">{t('valuation.valueColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {v.byCategory
              .filter((c) => c.minutes > 0)
              .map((c) => (
                <Table.Tr key={c.category}>
                  <Table.Td>{hourCategory(t, c.category)}</Table.Td>
                  <Table.Td className="finance-amount">{c.excluded ? t('valuation.notValued') : c.rateCents === null ? '—' : t('valuation.perHour', { amount: fmt.money(c.rateCents) })}</Table.Td>
                  <Table.Td className="finance-amount">{fmt.minutes(c.minutes)}</Table.Td>
                  <Table.Td className="finance-amount">{fmt.money(c.cents)}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
        <Stack gap="md">
          <Table verticalSpacing={4} data-testid="valuation-by-programme">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('valuation.programme')}</Table.Th>
                <Table.Th className="finance-amount">{t('valuation.hoursColumn')}</Table.Th>
                <Table.Th className="finance-amount">{t('valuation.valueColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {v.byProgramme.map((p) => (
                <Table.Tr key={p.programmeId ?? 'none'}>
                  <Table.Td>{p.programmeName ?? t('pickers.noProgramme')}</Table.Td>
                  <Table.Td className="finance-amount">{fmt.minutes(p.minutes)}</Table.Td>
                  <Table.Td className="finance-amount">{fmt.money(p.cents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {v.byRole.length ? (
            <Table verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('valuation.role')}</Table.Th>
                  <Table.Th className="finance-amount">{t('valuation.rateColumn')}</Table.Th>
                  <Table.Th className="finance-amount">{t('valuation.hoursColumn')}</Table.Th>
                  <Table.Th className="finance-amount">{t('valuation.valueColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {v.byRole.map((r) => (
                  <Table.Tr key={r.role}>
                    <Table.Td>{roleName(t, r.role)}</Table.Td>
                    <Table.Td className="finance-amount">{t('valuation.perHour', { amount: fmt.money(r.rateCents) })}</Table.Td>
                    <Table.Td className="finance-amount">{fmt.minutes(r.minutes)}</Table.Td>
                    <Table.Td className="finance-amount">{fmt.money(r.cents)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Stack>
      </SimpleGrid>
      <Group gap="sm" align="center">
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="default" size="md" loading={exportSheet.isPending} disabled={!v.method}>
              {t('valuation.export')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => doExport('xlsx')}>{t('valuation.exportXlsx')}</Menu.Item>
            <Menu.Item onClick={() => doExport('csv')}>{t('valuation.exportCsv')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Text size="sm" c="gray.7" maw={640}>
          {t('valuation.exportHint')}
        </Text>
      </Group>
    </Stack>
  );
}

/** The value of volunteer time: the method by year, and the year's figures with the timesheet behind them. */
export function ValuationTab({ year, onYear, scope, onScope }: { year: number; onYear: (y: number) => void; scope: number | null; onScope: (s: number | null) => void }) {
  const { t } = useTranslation('finance');
  const fmt = useFormat();
  const methods = useValuationMethods();
  const remove = useFinanceMutation((effectiveYear: number) => call('finance.deleteValuationMethod', { effectiveYear }));
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md">
        <Title order={2} size="h4">
          {t('valuation.methodTitle')}
        </Title>
        <Text size="sm" c="gray.7" mb="md" maw={820}>
          {t('valuation.methodIntro')}
        </Text>
        {methods.isError ? <ErrorAlert error={methods.error} /> : null}
        {methods.data ? (
          <Stack gap="md">
            {methods.data.length ? (
              <Table verticalSpacing="xs" data-testid="valuation-methods">
                <Table.Tbody>
                  {methods.data.map((m) => (
                    <Table.Tr key={m.effectiveYear}>
                      <Table.Td fw={600} w={160}>
                        {t('valuation.fromYear', { year: m.effectiveYear })}
                      </Table.Td>
                      <Table.Td>
                        {t(`valuation.bases.${m.basis}`)} — {rateSummary(t, m, fmt)}
                        {m.excluded.length ? (
                          <Text size="sm" c="gray.7">
                            {t('valuation.excludedList', { list: m.excluded.map((c) => hourCategory(t, c)).join(', ') })}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button size="xs" variant="subtle" color="red" aria-label={t('valuation.deleteLabel', { year: m.effectiveYear })} onClick={() => remove.mutate(m.effectiveYear)}>
                          {t('valuation.delete')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text c="gray.7">{t('valuation.noMethod')}</Text>
            )}
            <MethodForm methods={methods.data} defaultYear={year} />
          </Stack>
        ) : (
          <Loader aria-label={t('tabs.valuation')} />
        )}
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-end" mb="md">
          <Title order={2} size="h4">
            {t('valuation.figuresTitle', { year })}
          </Title>
          <ScopePickers year={year} onYear={onYear} scope={scope} onScope={onScope} />
        </Group>
        <Figures year={year} scope={scope} />
      </Paper>
    </Stack>
  );
}

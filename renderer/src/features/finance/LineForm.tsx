import { Alert, Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, type Direction, type LineWarning, type MoneyLine, type MoneyLineInput, type PaymentMethod } from '../../../../shared/api';
import { centsToInput } from '../../../../shared/money';
import { DateField } from '../../components/DateField';
import { translateError, useFieldErrors } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { call } from '../../lib/api';
import { useFormat, type Formatters } from '../../lib/format';
import { categoryLabel, fileSize, loose, readMoney, type MoneyField } from './labels';
import { MoneyInput } from './MoneyInput';
import { useFinanceMutation, useFinanceOptions, useFindEvents } from './queries';

interface Values {
  direction: Direction;
  occurredOn: string;
  amount: MoneyField;
  label: string;
  categoryId: string | null;
  paymentMethod: PaymentMethod;
  programmeId: string | null;
  eventId: string | null;
  funder: string;
  reference: string;
  note: string;
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function initialValues(line: MoneyLine | null, direction: Direction, lang: 'fr' | 'en'): Values {
  if (!line) {
    return { direction, occurredOn: today(), amount: readMoney('', lang), label: '', categoryId: null, paymentMethod: 'transfer', programmeId: null, eventId: null, funder: '', reference: '', note: '' };
  }
  return {
    direction: line.direction,
    occurredOn: line.occurredOn,
    amount: readMoney(centsToInput(line.amountCents, lang), lang),
    label: line.label,
    categoryId: String(line.categoryId),
    paymentMethod: line.paymentMethod,
    programmeId: line.programmeId === null ? null : String(line.programmeId),
    eventId: line.eventId === null ? null : String(line.eventId),
    funder: line.funder ?? '',
    reference: line.reference ?? '',
    note: line.note ?? '',
  };
}

/** A warning core answered with a save, in words. */
export function warningText(t: ReturnType<typeof useTranslation<'finance'>>['t'], w: LineWarning, fmt: Formatters): string {
  const p = w.params;
  if (w.key === 'overBudget') return t('warnings.overBudget', { year: p.year, spent: fmt.money(Number(p.spentCents)), budget: fmt.money(Number(p.budgetCents)) });
  return t('warnings.noBudget', { year: p.year });
}

type ReceiptState = { kind: 'keep' } | { kind: 'remove' } | { kind: 'new'; token: string; name: string; bytes: number };

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The line to edit; null for a new one of `direction`. */
  line: MoneyLine | null;
  direction: Direction;
}

/** One expense or income: typed as on the receipt, filed under a category, linked to a programme or an event. */
export function LineForm({ opened, onClose, line, direction }: Props) {
  return (
    <LineFormModal key={`${line?.id ?? 'new'}-${direction}-${opened}`} opened={opened} onClose={onClose} line={line} direction={direction} />
  );
}

function LineFormModal({ opened, onClose, line, direction }: Props) {
  const { t } = useTranslation('finance');
  const fmt = useFormat();
  const notify = useNotify();
  const options = useFinanceOptions();
  const [values, setValues] = useState<Values>(() => initialValues(line, direction, fmt.lang));
  const [receipt, setReceipt] = useState<ReceiptState>({ kind: 'keep' });
  const [submitted, setSubmitted] = useState(false);
  const [eventSearch, setEventSearch] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const set = <K extends keyof Values>(key: K, v: Values[K]) => setValues((prev) => ({ ...prev, [key]: v }));

  const save = useFinanceMutation((input: MoneyLineInput) => (line ? call('finance.updateLine', { id: line.id, data: input }) : call('finance.createLine', input)));
  const remove = useFinanceMutation((id: number) => call('finance.deleteLine', { id }));
  const choose = useFinanceMutation(() => call('finance.chooseReceipt'));
  const fe = useFieldErrors(save.error);
  const chooseErrors = useFieldErrors(choose.error);
  const events = useFindEvents({ query: eventSearch, year: null }, opened);

  const categories = (options.data?.categories ?? []).filter((c) => c.direction === values.direction && (!c.archived || String(c.id) === values.categoryId));
  const category = categories.find((c) => String(c.id) === values.categoryId);
  const programmes = (options.data?.programmes ?? []).filter((p) => !p.archived || String(p.id) === values.programmeId);
  const eventOptions = new Map((events.data ?? []).map((e) => [String(e.id), `${e.title} — ${fmt.date(e.date, 'short')}${e.kind === 'training' ? ` (${t('categories.training')})` : ''}`]));
  if (line?.eventId && line.eventTitle && !eventOptions.has(String(line.eventId))) {
    eventOptions.set(String(line.eventId), `${line.eventTitle} — ${line.eventDate ? fmt.date(line.eventDate, 'short') : ''}`);
  }
  const income = values.direction === 'income';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (values.amount.cents === null) return;
    const input: MoneyLineInput = {
      direction: values.direction,
      occurredOn: values.occurredOn,
      amountCents: values.amount.cents,
      label: values.label,
      // An empty choice goes to core as it is: it answers with the translated message.
      categoryId: values.categoryId === null ? (null as unknown as number) : Number(values.categoryId),
      paymentMethod: values.paymentMethod,
      programmeId: values.programmeId === null ? null : Number(values.programmeId),
      eventId: values.eventId === null ? null : Number(values.eventId),
      funder: income ? values.funder : null,
      reference: income ? values.reference : null,
      note: values.note,
      receipt: receipt.kind === 'new' ? { token: receipt.token } : receipt.kind,
    };
    save.mutate(input, {
      onSuccess: ({ line: saved, warnings }) => {
        notify.success(t('form.saved', { label: saved.label, amount: fmt.money(saved.amountCents) }));
        for (const w of warnings) notifications.show({ color: 'yellow', message: warningText(t, w, fmt), autoClose: 10_000 });
        onClose();
      },
    });
  };

  const pickReceipt = () =>
    choose.mutate(undefined, {
      onSuccess: (file) => {
        if (file) setReceipt({ kind: 'new', token: file.token, name: file.name, bytes: file.bytes });
      },
    });

  const currentReceipt = receipt.kind === 'new' ? null : receipt.kind === 'keep' ? line?.receipt : null;
  const otherErrors = fe.paths.filter((p) => !['amountCents', 'occurredOn', 'label', 'categoryId', 'paymentMethod', 'programmeId', 'eventId', 'funder', 'reference', 'note', 'receipt'].includes(p));
  const title = line ? (income ? t('form.editIncome') : t('form.editExpense')) : income ? t('form.newIncome') : t('form.newExpense');

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl" centered closeButtonProps={{ 'aria-label': t('form.cancel') }}>
      <form onSubmit={submit} noValidate data-testid="line-form">
        <Stack gap="md">
          {line ? (
            <SegmentedControl
              value={values.direction}
              onChange={(v) => setValues((prev) => ({ ...prev, direction: v as Direction, categoryId: null }))}
              data={[
                { value: 'expense', label: t('directions.expense') },
                { value: 'income', label: t('directions.income') },
              ]}
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label={t('form.date')} value={values.occurredOn} onChange={(v) => set('occurredOn', v)} error={fe('occurredOn')} withAsterisk />
            <MoneyInput
              label={t('form.amount')}
              description={t('form.amountHint')}
              value={values.amount}
              onChange={(v) => set('amount', v)}
              error={fe('amountCents')}
              showError={submitted}
              withAsterisk
              data-testid="amount"
            />
            <Select
              label={t('form.paymentMethod')}
              size="md"
              allowDeselect={false}
              data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`paymentMethods.${m}`) }))}
              value={values.paymentMethod}
              onChange={(v) => v && set('paymentMethod', v as PaymentMethod)}
              error={fe('paymentMethod')}
            />
          </SimpleGrid>
          <TextInput label={t('form.label')} size="md" withAsterisk value={values.label} onChange={(e) => set('label', e.currentTarget.value)} error={fe('label')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={income ? t('form.kind') : t('form.category')}
              size="md"
              withAsterisk
              searchable
              data={categories.map((c) => ({ value: String(c.id), label: c.archived ? t('form.archivedCategory', { name: categoryLabel(t, c) }) : `${categoryLabel(t, c)} (${c.account})` }))}
              value={values.categoryId}
              onChange={(v) => set('categoryId', v)}
              error={fe('categoryId')}
            />
            <Select
              label={t('form.programme')}
              size="md"
              clearable
              placeholder={t('form.noProgramme')}
              data={programmes.map((p) => ({ value: String(p.id), label: p.name }))}
              value={values.programmeId}
              onChange={(v) => set('programmeId', v)}
              error={fe('programmeId')}
            />
          </SimpleGrid>
          {income && category?.funded ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('form.funder')} description={t('form.funderHint')} size="md" withAsterisk value={values.funder} onChange={(e) => set('funder', e.currentTarget.value)} error={fe('funder')} />
              <TextInput label={t('form.reference')} description={t('form.referenceHint')} size="md" value={values.reference} onChange={(e) => set('reference', e.currentTarget.value)} error={fe('reference')} />
            </SimpleGrid>
          ) : income ? (
            <TextInput label={t('form.funder')} description={t('form.funderHint')} size="md" value={values.funder} onChange={(e) => set('funder', e.currentTarget.value)} error={fe('funder')} />
          ) : null}
          <Select
            label={t('form.event')}
            description={t('form.eventHint')}
            placeholder={t('form.eventPlaceholder')}
            size="md"
            clearable
            searchable
            searchValue={eventSearch}
            onSearchChange={setEventSearch}
            filter={({ options: o }) => o}
            data={[...eventOptions].map(([value, label]) => ({ value, label }))}
            value={values.eventId}
            onChange={(v) => set('eventId', v)}
            error={fe('eventId')}
            nothingFoundMessage="—"
          />
          <Stack gap={6}>
            <Text fw={500} size="md">
              {t('form.receipt')}
            </Text>
            <Text size="sm" c="gray.7">
              {t('form.receiptHint')}
            </Text>
            <Group gap="sm" data-testid="receipt-field">
              {receipt.kind === 'new' ? (
                <Text>{t('form.receiptChosen', { name: receipt.name, size: fileSize(receipt.bytes, fmt.lang) })}</Text>
              ) : receipt.kind === 'remove' ? (
                <Text>{t('form.receiptRemoved')}</Text>
              ) : currentReceipt ? (
                <Text>
                  {currentReceipt.name} ({fileSize(currentReceipt.bytes, fmt.lang)})
                </Text>
              ) : (
                <Text c="gray.7">{t('form.noReceipt')}</Text>
              )}
              <Button variant="default" onClick={pickReceipt} loading={choose.isPending}>
                {currentReceipt || receipt.kind === 'new' ? t('form.replaceReceipt') : t('form.chooseReceipt')}
              </Button>
              {currentReceipt || receipt.kind === 'new' ? (
                <Button variant="subtle" color="red" onClick={() => setReceipt(line?.receipt ? { kind: 'remove' } : { kind: 'keep' })}>
                  {t('form.removeReceipt')}
                </Button>
              ) : null}
            </Group>
            {chooseErrors('receipt') || fe('receipt') ? (
              <Text c="red.8" size="sm" role="alert">
                {chooseErrors('receipt') ?? fe('receipt')}
              </Text>
            ) : choose.error ? (
              <Text c="red.8" size="sm" role="alert">
                {translateError(t, choose.error)}
              </Text>
            ) : null}
          </Stack>
          <Textarea label={t('form.note')} size="md" autosize minRows={2} value={values.note} onChange={(e) => set('note', e.currentTarget.value)} error={fe('note')} />
          {save.error && (otherErrors.length || !fe.paths.length) ? (
            <Alert color="red" variant="light" role="alert">
              {otherErrors.length ? otherErrors.map((p) => fe(p)).join(' ') : translateError(t, save.error)}
            </Alert>
          ) : null}
          <Group justify="space-between">
            {line ? (
              confirmDelete ? (
                <Group gap="xs">
                  <Text size="sm" maw={360}>
                    {t('form.deleteConfirm', { label: line.label, amount: fmt.money(line.amountCents) })}
                  </Text>
                  <Button
                    color="red"
                    loading={remove.isPending}
                    onClick={() =>
                      remove.mutate(line.id, {
                        onSuccess: () => {
                          notify.success(t('form.deleted', { label: line.label }));
                          onClose();
                        },
                        onError: notify.error,
                      })
                    }
                  >
                    {t('form.deleteYes')}
                  </Button>
                </Group>
              ) : (
                <Button variant="subtle" color="red" onClick={() => setConfirmDelete(true)}>
                  {t('form.delete')}
                </Button>
              )
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" size="md" onClick={onClose}>
                {t('form.cancel')}
              </Button>
              <Button type="submit" size="md" loading={save.isPending}>
                {t('form.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Association, AssociationInput } from '../../../../shared/api';
import { ErrorAlert, translateIssue, useFieldErrors } from '../../components/errors';
import { useLeaveGuard } from '../../components/LeaveGuard';
import { LogoPicker } from './LogoPicker';

const TEXT_FIELDS = ['name', 'addressLine', 'postalCode', 'city', 'rna', 'siret', 'signatoryName', 'signatoryTitle'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type Values = Record<TextField, string> & { logo: string | null };

function initialValues(a: Association | null): Values {
  return {
    name: a?.name ?? '',
    addressLine: a?.addressLine ?? '',
    postalCode: a?.postalCode ?? '',
    city: a?.city ?? '',
    rna: a?.rna ?? '',
    siret: a?.siret ?? '',
    signatoryName: a?.signatoryName ?? '',
    signatoryTitle: a?.signatoryTitle ?? '',
    logo: a?.logo ?? null,
  };
}

/**
 * The association's identity, used by the first-run setup and by Settings. The server decides what
 * is valid; its field messages appear under each field until that field is edited again.
 */
export function AssociationForm({
  initial,
  onSubmit,
  error,
  pending,
  submitLabel,
  extraActions,
  guardLeaving = false,
  lastSaved,
}: {
  initial: Association | null;
  onSubmit: (input: AssociationInput) => void;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  extraActions?: ReactNode;
  /** Ask before the screen is left with changes not saved (Settings; the first run has nowhere else to go). */
  guardLeaving?: boolean;
  /** The answer to the last successful save: each new one marks what was sent as saved. */
  lastSaved?: unknown;
}) {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const [values, setValues] = useState<Values>(() => initialValues(initial));
  // Fields edited since the last server answer: their old message would now be misleading.
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const [logoProblem, setLogoProblem] = useState<'logoFormat' | 'logoTooBig' | null>(null);
  const serverErrors = useFieldErrors(error);

  useEffect(() => setEdited(new Set()), [error]);

  // Unsaved: edited since the last successful save, and not what is saved (the server may have tidied
  // what was typed, e.g. spaces in a SIRET, so a save counts as clean even if the text differs).
  const changes = useRef(0);
  const submittedAt = useRef(0);
  const [cleanAt, setCleanAt] = useState(0);
  useEffect(() => {
    if (lastSaved !== undefined) setCleanAt(submittedAt.current);
  }, [lastSaved]);
  const saved = initialValues(initial);
  const dirty = changes.current > cleanAt && (Object.keys(saved) as (keyof Values)[]).some((k) => values[k] !== saved[k]);
  const { dialog: leaveDialog } = useLeaveGuard(guardLeaving && dirty);

  const set = (field: keyof Values, value: string | null) => {
    changes.current += 1;
    setValues((v) => ({ ...v, [field]: value }));
    setEdited((e) => (e.has(field) ? e : new Set(e).add(field)));
  };
  const errorFor = (field: keyof Values) => (edited.has(field) ? undefined : serverErrors(field));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (logoProblem) return;
    submittedAt.current = changes.current;
    setEdited(new Set());
    onSubmit({ ...values });
  };

  const text = (field: TextField, extra: { hint?: string; placeholder?: string; required?: boolean; autoFocus?: boolean } = {}) => (
    <TextInput
      size="md"
      name={field}
      label={t(`settings:association.fields.${field}`)}
      description={extra.hint}
      placeholder={extra.placeholder}
      withAsterisk={extra.required}
      aria-required={extra.required || undefined}
      data-autofocus={extra.autoFocus || undefined}
      value={values[field]}
      onChange={(e) => set(field, e.currentTarget.value)}
      error={errorFor(field)}
    />
  );

  const logoError = logoProblem ? translateIssue(t, { key: logoProblem }) : errorFor('logo');

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('settings:association.sections.identity')}
          </Title>
          {text('name', { required: true, placeholder: t('settings:association.fields.namePlaceholder') })}
          {text('addressLine')}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {text('postalCode')}
            <div style={{ gridColumn: 'span 2' }}>{text('city')}</div>
          </SimpleGrid>
        </Stack>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('settings:association.sections.legal')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {text('rna', { hint: t('settings:association.fields.rnaHint') })}
            {text('siret', { hint: t('settings:association.fields.siretHint') })}
          </SimpleGrid>
        </Stack>
        <Stack gap="sm">
          <LogoPicker
            value={values.logo}
            onChange={(v) => set('logo', v)}
            onProblem={setLogoProblem}
            error={logoError}
            associationName={values.name}
          />
        </Stack>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('settings:association.sections.signatory')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {text('signatoryName', { placeholder: t('settings:association.fields.signatoryNamePlaceholder') })}
            {text('signatoryTitle', { placeholder: t('settings:association.fields.signatoryTitlePlaceholder') })}
          </SimpleGrid>
        </Stack>
        <ErrorAlert error={error} />
        <Group justify="space-between">
          <div>{extraActions}</div>
          <Button type="submit" size="md" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
      {leaveDialog}
    </form>
  );
}

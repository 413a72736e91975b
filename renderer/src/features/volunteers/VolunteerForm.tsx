import { Alert, Button, Checkbox, Fieldset, Group, List, NumberInput, Radio, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CONSENT_BASES, FORMATS, ROLES, STATUSES, type CustomField, type Format, type Role, type Skill, type Status } from '../../../../shared/api';
import { DateField } from '../../components/DateField';
import { translateError, useFieldErrors } from '../../components/errors';
import { useLeaveGuard } from '../../components/LeaveGuard';
import { ApiError } from '../../lib/api';
import { AvailabilityGrid } from './AvailabilityGrid';
import { CustomFieldInput } from './CustomFieldInput';
import { DuplicateWarning } from './DuplicateWarning';
import { hasChanges, toInput, type ConsentBasis, type CustomValue, type FormValues } from './formModel';
import { useVolunteerMutations } from './queries';
import { SkillsEditor } from './SkillsEditor';

/** Fields the form shows; a server message on any other path is listed at the top instead. */
const FORM_PATHS = new Set([
  'firstName', 'lastName', 'email', 'phone', 'birthYear', 'addressLine', 'postalCode', 'city', 'country',
  'joinedOn', 'status', 'statusSince', 'statusReason', 'roles', 'skills', 'interests', 'languages', 'availability',
  'preferredFormat', 'emergencyName', 'emergencyPhone', 'emergencyRelation', 'notes', 'consentOn', 'consentBasis',
  'photoConsent', 'confidentialitySignedOn', 'customValues',
]);

// Section titles read as titles, not as small print.
const LEGEND = { legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)', padding: '0 6px' } };

interface Props {
  /** null while creating. */
  volunteerId: number | null;
  initial: FormValues;
  catalogue: Skill[];
  /** The association's own fields that are in use (archived ones are not shown). */
  customFields: CustomField[];
  onCancel: () => void;
}

export function VolunteerForm({ volunteerId, initial, catalogue, customFields, onCancel }: Props) {
  const { t } = useTranslation('volunteers');
  const navigate = useNavigate();
  const { create, update } = useVolunteerMutations();
  const mutation = volunteerId === null ? create : update;
  const [values, setValues] = useState<FormValues>(initial);
  const set = <K extends keyof FormValues>(key: K, v: FormValues[K]) => setValues((prev) => ({ ...prev, [key]: v }));
  const formRef = useRef<HTMLFormElement>(null);
  // Which form line each sent skill came from (blank lines are not sent).
  const [sentSkillRows, setSentSkillRows] = useState<number[]>([]);

  const fe = useFieldErrors(mutation.error);
  const err = (path: string) => fe(path);
  /** The first message on a path or anything under it (a list and its items). */
  const errUnder = (prefix: string) => {
    const p = fe.paths.find((x) => x === prefix || x.startsWith(`${prefix}.`));
    return p ? fe(p) : undefined;
  };
  const skillRowError = (row: number, part: 'skillId' | 'level') => {
    const sent = sentSkillRows.indexOf(row);
    return sent < 0 ? undefined : (fe(`skills.${sent}.${part}`) ?? (part === 'skillId' ? fe(`skills.${sent}`) : undefined));
  };
  const strayPaths = fe.paths.filter((p) => !FORM_PATHS.has(p.split('.')[0]!));

  // Leaving with changes not saved (sidebar, search, Back, Cancel…) asks first.
  const { dialog: leaveDialog, allowLeaving } = useLeaveGuard(hasChanges(values, initial));

  // A new record starts with the cursor in the first name (Ctrl+N, then type).
  const firstNameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (volunteerId === null) firstNameRef.current?.focus();
  }, [volunteerId]);

  // After a refusal, take the person to the first field to correct.
  useEffect(() => {
    if (!(mutation.error instanceof ApiError) || mutation.error.error.code !== 'VALIDATION') return;
    const wanted = fe.paths.map((p) => p.replace(/^skills\.(\d+)/, (_, n: string) => `skills.${sentSkillRows[Number(n)] ?? n}`));
    const targets = formRef.current?.querySelectorAll<HTMLElement>('[data-path]') ?? [];
    for (const el of targets) {
      const path = el.dataset.path!;
      if (wanted.some((w) => w === path || w.startsWith(`${path}.`) || path.startsWith(`${w}.`))) {
        const focusable = el.matches('input, textarea, select, button') ? el : el.querySelector<HTMLElement>('input, textarea, select, button');
        focusable?.focus();
        focusable?.scrollIntoView?.({ block: 'center' });
        return;
      }
    }
    formRef.current?.querySelector<HTMLElement>('[role="alert"]')?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mutation.error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { input, skillRows } = toInput(values, customFields);
    setSentSkillRows(skillRows);
    const name = `${values.firstName.trim()} ${values.lastName.trim()}`;
    const onSuccess = (v: { id: number }) => {
      notifications.show({ color: 'teal', message: volunteerId === null ? t('form.created', { name }) : t('form.updated', { name }) });
      allowLeaving();
      navigate(`/volunteers/${v.id}`);
    };
    if (volunteerId === null) create.mutate(input, { onSuccess });
    else update.mutate({ id: volunteerId, data: input }, { onSuccess });
  };

  const notActive = values.status !== 'active';

  return (
    <>
      <form ref={formRef} onSubmit={submit} noValidate aria-label={volunteerId === null ? t('form.newTitle') : t('form.editTitle')}>
        <Stack gap="md" maw={960}>
          {mutation.isError ? (
            <Alert color="red" variant="light" role="alert" tabIndex={-1} data-testid="form-error">
              {translateError(t, mutation.error)}
              {strayPaths.length ? (
                <List size="sm" mt={4}>
                  {strayPaths.map((p) => (
                    <List.Item key={p}>{fe(p)}</List.Item>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}

          <Fieldset legend={t('sections.identity')} radius="md" styles={LEGEND}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('fields.firstName')} withAsterisk autoComplete="off" value={values.firstName} onChange={(e) => set('firstName', e.currentTarget.value)} error={err('firstName')} data-path="firstName" ref={firstNameRef} />
              <TextInput label={t('fields.lastName')} withAsterisk autoComplete="off" value={values.lastName} onChange={(e) => set('lastName', e.currentTarget.value)} error={err('lastName')} data-path="lastName" />
              <TextInput label={t('fields.email')} type="email" autoComplete="off" value={values.email} onChange={(e) => set('email', e.currentTarget.value)} error={err('email')} data-path="email" />
              <TextInput label={t('fields.phone')} type="tel" autoComplete="off" value={values.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={err('phone')} data-path="phone" />
              <NumberInput
                label={t('fields.birthYear')}
                description={t('form.birthYearHint')}
                value={values.birthYear}
                onChange={(v) => set('birthYear', v)}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                maxLength={4}
                error={err('birthYear')}
                data-path="birthYear"
              />
            </SimpleGrid>
          </Fieldset>

          <DuplicateWarning excludeId={volunteerId} firstName={values.firstName} lastName={values.lastName} email={values.email} postalCode={values.postalCode} />

          <Fieldset legend={t('sections.address')} radius="md" styles={LEGEND}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('fields.addressLine')} value={values.addressLine} onChange={(e) => set('addressLine', e.currentTarget.value)} error={err('addressLine')} data-path="addressLine" style={{ gridColumn: '1 / -1' }} />
              <TextInput label={t('fields.postalCode')} value={values.postalCode} onChange={(e) => set('postalCode', e.currentTarget.value)} error={err('postalCode')} data-path="postalCode" />
              <TextInput label={t('fields.city')} value={values.city} onChange={(e) => set('city', e.currentTarget.value)} error={err('city')} data-path="city" />
              <TextInput label={t('fields.country')} value={values.country} onChange={(e) => set('country', e.currentTarget.value)} error={err('country')} data-path="country" />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('sections.engagement')} radius="md" styles={LEGEND}>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <DateField label={t('fields.joinedOn')} withAsterisk value={values.joinedOn} onChange={(v) => set('joinedOn', v)} error={err('joinedOn')} data-path="joinedOn" />
                <Select
                  label={t('fields.status')}
                  data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                  value={values.status}
                  onChange={(v) => set('status', (v ?? 'active') as Status)}
                  allowDeselect={false}
                  error={err('status')}
                  data-path="status"
                />
                {notActive ? (
                  <>
                    <DateField label={t('fields.statusSince')} withAsterisk value={values.statusSince} onChange={(v) => set('statusSince', v)} error={err('statusSince')} data-path="statusSince" />
                    <TextInput label={t('fields.statusReason')} value={values.statusReason} onChange={(e) => set('statusReason', e.currentTarget.value)} error={err('statusReason')} data-path="statusReason" />
                  </>
                ) : null}
              </SimpleGrid>
              <Checkbox.Group label={t('fields.roles')} value={values.roles} onChange={(v) => set('roles', v as Role[])} error={errUnder('roles')} data-path="roles">
                <Group gap="lg" mt={6}>
                  {ROLES.map((r) => (
                    <Checkbox key={r} value={r} label={t(`roles.${r}`)} size="md" />
                  ))}
                </Group>
              </Checkbox.Group>
              <Radio.Group label={t('fields.preferredFormat')} value={values.preferredFormat} onChange={(v) => set('preferredFormat', v as Format)} error={err('preferredFormat')} data-path="preferredFormat">
                <Group gap="lg" mt={6}>
                  {FORMATS.map((f) => (
                    <Radio key={f} value={f} label={t(`formats.${f}`)} size="md" />
                  ))}
                </Group>
              </Radio.Group>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('sections.skills')} radius="md" styles={LEGEND}>
            <Stack gap="md">
              <SkillsEditor rows={values.skills} onChange={(rows) => set('skills', rows)} catalogue={catalogue} error={err('skills')} rowError={skillRowError} />
              <TagsInput
                label={t('fields.interests')}
                description={t('form.tagsHint')}
                value={values.interests}
                onChange={(v) => set('interests', v)}
                error={errUnder('interests')}
                data-path="interests"
                clearable
              />
              <TagsInput
                label={t('fields.languages')}
                description={t('form.tagsHint')}
                value={values.languages}
                onChange={(v) => set('languages', v)}
                error={errUnder('languages')}
                data-path="languages"
                clearable
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('sections.availability')} radius="md" styles={LEGEND}>
            <div data-path="availability">
              <AvailabilityGrid value={values.availability} onChange={(v) => set('availability', v)} caption={t('sections.availability')} error={errUnder('availability')} />
            </div>
          </Fieldset>

          <Fieldset legend={t('sections.emergency')} radius="md" styles={LEGEND}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput label={t('fields.emergencyContactName')} value={values.emergencyName} onChange={(e) => set('emergencyName', e.currentTarget.value)} error={err('emergencyName')} data-path="emergencyName" />
              <TextInput label={t('fields.emergencyContactPhone')} type="tel" value={values.emergencyPhone} onChange={(e) => set('emergencyPhone', e.currentTarget.value)} error={err('emergencyPhone')} data-path="emergencyPhone" />
              <TextInput label={t('fields.emergencyContactRelation')} value={values.emergencyRelation} onChange={(e) => set('emergencyRelation', e.currentTarget.value)} error={err('emergencyRelation')} data-path="emergencyRelation" />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('sections.privacy')} radius="md" styles={LEGEND}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <DateField label={t('fields.consentOn')} value={values.consentOn} onChange={(v) => set('consentOn', v)} error={err('consentOn')} data-path="consentOn" />
              <Select
                label={t('fields.consentBasis')}
                placeholder={t('form.choose')}
                data={CONSENT_BASES.map((b) => ({ value: b, label: t(`consentBases.${b}`) }))}
                value={values.consentBasis}
                onChange={(v) => set('consentBasis', (v as ConsentBasis | null) ?? null)}
                clearable
                error={err('consentBasis')}
                data-path="consentBasis"
              />
              <DateField
                label={t('fields.confidentialitySignedOn')}
                value={values.confidentialitySignedOn}
                onChange={(v) => set('confidentialitySignedOn', v)}
                error={err('confidentialitySignedOn')}
                data-path="confidentialitySignedOn"
              />
              <Checkbox
                label={t('fields.photoConsent')}
                checked={values.photoConsent}
                onChange={(e) => set('photoConsent', e.currentTarget.checked)}
                error={err('photoConsent')}
                data-path="photoConsent"
                size="md"
                mt={{ base: 0, sm: 30 }}
              />
            </SimpleGrid>
          </Fieldset>

          {customFields.length > 0 ? (
            <Fieldset legend={t('sections.custom')} radius="md" styles={LEGEND}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {customFields.map((f) => (
                  <CustomFieldInput
                    key={f.id}
                    field={f}
                    value={values.customValues[String(f.id)]}
                    onChange={(v: CustomValue) => set('customValues', { ...values.customValues, [String(f.id)]: v })}
                    error={err(`customValues.${f.id}`)}
                  />
                ))}
              </SimpleGrid>
            </Fieldset>
          ) : null}

          <Fieldset legend={t('sections.notes')} radius="md" styles={LEGEND}>
            <Textarea label={t('fields.notes')} description={t('form.notesHint')} autosize minRows={3} maxRows={12} value={values.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={err('notes')} data-path="notes" />
          </Fieldset>

          {/* Always in reach: the form is long and a quick change is often at the top. */}
          <Group
            justify="flex-end"
            gap="sm"
            py="sm"
            style={{ position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Button variant="default" onClick={onCancel} disabled={mutation.isPending}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {volunteerId === null ? t('form.create') : t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {leaveDialog}
    </>
  );
}

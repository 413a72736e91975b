import { Checkbox, NumberInput, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS, type Template } from '../../../../shared/api';
import { DateField } from '../../components/DateField';

export type Fields = Record<string, unknown> & { template: Template };

interface Props {
  fields: Fields;
  set: (key: string, value: unknown) => void;
  errors: Record<string, string>;
  hasSignature: boolean;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The texts of one document, as the board edits them before issuing. */
export function DraftFields({ fields, set, errors, hasSignature }: Props) {
  const { t } = useTranslation('certificates');
  const area = (key: string, max: number, rows = 3) => (
    <Textarea
      key={key}
      label={t(`fields.${key}` as 'fields.missions')}
      value={text(fields[key])}
      onChange={(e) => set(key, e.currentTarget.value)}
      autosize
      minRows={rows}
      maxRows={12}
      maxLength={max}
      size="md"
      error={errors[key]}
      data-field={key}
    />
  );
  const line = (key: string, max = 200, required = false) => (
    <TextInput
      key={key}
      label={t(`fields.${key}` as 'fields.place')}
      value={text(fields[key])}
      onChange={(e) => set(key, e.currentTarget.value)}
      maxLength={max}
      withAsterisk={required}
      size="md"
      error={errors[key]}
      data-field={key}
    />
  );
  const minutes = typeof fields.durationMinutes === 'number' ? fields.durationMinutes : 0;
  return (
    <Stack gap="md">
      <Title order={3} size="h4">
        {t('form.texts')}
      </Title>
      {fields.template === 'attestation' ? (
        <>
          {area('missions', TEXT_LIMITS.missions, 4)}
          {area('skills', TEXT_LIMITS.skills, 2)}
        </>
      ) : null}
      {fields.template === 'recognition' ? (
        <>
          {line('reason', TEXT_LIMITS.reason, true)}
          {area('message', TEXT_LIMITS.message, 2)}
        </>
      ) : null}
      {fields.template === 'training' ? (
        <>
          {line('course', 200, true)}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('fields.courseDate')} value={text(fields.courseDate)} onChange={(v) => set('courseDate', v)} error={errors.courseDate} withAsterisk />
            <NumberInput
              label={t('fields.durationHours')}
              value={minutes ? minutes / 60 : ''}
              onChange={(v) => set('durationMinutes', typeof v === 'number' ? Math.round(v * 60) : 0)}
              min={0.25}
              max={600}
              step={0.5}
              decimalScale={2}
              decimalSeparator={t('form.decimalSeparator')}
              withAsterisk
              size="md"
              error={errors.durationMinutes}
            />
          </SimpleGrid>
          {line('trainer', 100)}
          {area('content', TEXT_LIMITS.message, 2)}
        </>
      ) : null}
      {fields.template === 'mission' ? (
        <>
          {line('missionPlace', 200)}
          {area('context', TEXT_LIMITS.field, 2)}
          {area('purpose', TEXT_LIMITS.field, 2)}
          {area('activities', TEXT_LIMITS.field, 3)}
          {area('results', TEXT_LIMITS.field, 2)}
          {area('responsibilities', TEXT_LIMITS.field, 2)}
          {area('skills', TEXT_LIMITS.field, 2)}
        </>
      ) : null}
      <Title order={3} size="h4" mt="sm">
        {t('form.signature')}
      </Title>
      <SignatureFields fields={fields} set={set} errors={errors} hasSignature={hasSignature} />
    </Stack>
  );
}

/** Where, when and by whom: the same for one document or a batch. */
export function SignatureFields({ fields, set, errors, hasSignature }: Props | (Omit<Props, 'fields'> & { fields: Record<string, unknown> })) {
  const { t } = useTranslation('certificates');
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('fields.issuedOn')} value={text(fields.issuedOn)} onChange={(v) => set('issuedOn', v)} error={errors.issuedOn} withAsterisk />
        <TextInput label={t('fields.place')} value={text(fields.place)} onChange={(e) => set('place', e.currentTarget.value)} size="md" error={errors.place} maxLength={100} />
        <TextInput
          label={t('fields.signatoryName')}
          value={text(fields.signatoryName)}
          onChange={(e) => set('signatoryName', e.currentTarget.value)}
          withAsterisk
          size="md"
          error={errors.signatoryName}
          maxLength={100}
        />
        <TextInput label={t('fields.signatoryTitle')} value={text(fields.signatoryTitle)} onChange={(e) => set('signatoryTitle', e.currentTarget.value)} size="md" error={errors.signatoryTitle} maxLength={100} />
      </SimpleGrid>
      <Checkbox
        label={t('fields.withSignature')}
        description={hasSignature ? undefined : t('fields.noSignatureYet')}
        checked={fields.withSignature === true}
        disabled={!hasSignature}
        onChange={(e) => set('withSignature', e.currentTarget.checked)}
        size="md"
        error={errors.withSignature}
      />
    </Stack>
  );
}

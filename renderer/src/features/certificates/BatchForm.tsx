import { Alert, Button, NumberInput, Paper, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEXT_LIMITS, type Input, type Language, type Template } from '../../../../shared/api';
import { DateField } from '../../components/DateField';
import { useNotify } from '../../components/notify';
import { useLanguage } from '../../lib/format';
import { useSettings } from '../settings/api';
import { BatchProgress } from './BatchProgress';
import { SignatureFields } from './DraftFields';
import { certificateError, certificateFieldErrors } from './messages';
import { useBatch, useCertificateSettings } from './queries';
import { LanguagePicker } from './TemplatePicker';

/** Today in the computer's own calendar, as YYYY-MM-DD. */
export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export interface BatchItem {
  volunteerId: number;
  milestone?: string | null;
}

const hasPeriod = (t: Template) => t === 'attestation' || t === 'mission';

/**
 * What a batch has in common (language, date, place, signatory, the period or the course) and
 * how it is saved: one PDF with every page, or one PDF per person in a folder. Each person's own
 * texts come from their prefilled draft.
 */
export function BatchForm({ template, items, onDone }: { template: Template; items: BatchItem[]; onDone?: () => void }) {
  const { t } = useTranslation('certificates');
  const notify = useNotify();
  const settings = useCertificateSettings();
  const association = useSettings().data?.association;
  const [language, setLanguage] = useState<Language>(useLanguage());
  const [output, setOutput] = useState<'combined' | 'perVolunteer'>('combined');
  const [fields, setFields] = useState<Record<string, unknown>>({ issuedOn: today(), place: '', signatoryName: '', signatoryTitle: '', withSignature: false });
  useEffect(() => {
    // The association's signatory and city, until the person types their own.
    if (!association) return;
    setFields((f) => ({
      ...f,
      signatoryName: f.signatoryName || association.signatoryName || '',
      signatoryTitle: f.signatoryTitle || association.signatoryTitle || '',
      place: f.place || settings.data?.place || association.city || '',
    }));
  }, [association, settings.data?.place]);
  const set = (key: string, value: unknown) => setFields((f) => ({ ...f, [key]: value }));
  const batch = useBatch();
  const errors = certificateFieldErrors(t, batch.error);
  const text = (k: string) => (typeof fields[k] === 'string' ? (fields[k] as string) : '');

  const submit = () => {
    const input = {
      template,
      language,
      items: items.map((i) => ({ volunteerId: i.volunteerId, milestone: i.milestone ?? null })),
      output,
      ...fields,
    } as Input<'certificates.batch'>;
    batch.mutate(input, {
      onSuccess: (r) => {
        if (r.status !== 'saved') return;
        notify.success(t(output === 'combined' ? 'batch.savedCombined' : 'batch.savedFolder', { count: r.certificates.length, path: r.path }));
        onDone?.();
      },
    });
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('batch.title', { count: items.length })}
        </Title>
        <LanguagePicker value={language} onChange={setLanguage} />
        {hasPeriod(template) ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('fields.periodFrom')} value={text('periodFrom')} onChange={(v) => set('periodFrom', v || null)} error={errors.periodFrom} withAsterisk />
            <DateField label={t('fields.periodTo')} value={text('periodTo')} onChange={(v) => set('periodTo', v || null)} error={errors.periodTo} withAsterisk />
          </SimpleGrid>
        ) : null}
        {template === 'recognition' ? (
          <>
            <TextInput
              label={t('fields.reason')}
              description={t('batch.reasonHint')}
              value={text('reason')}
              onChange={(e) => set('reason', e.currentTarget.value)}
              maxLength={TEXT_LIMITS.reason}
              size="md"
              error={errors.reason}
            />
            <Textarea label={t('fields.message')} value={text('message')} onChange={(e) => set('message', e.currentTarget.value)} autosize minRows={2} maxLength={TEXT_LIMITS.message} size="md" />
          </>
        ) : null}
        {template === 'training' ? (
          <>
            <TextInput label={t('fields.course')} value={text('course')} onChange={(e) => set('course', e.currentTarget.value)} withAsterisk size="md" error={errors.course} maxLength={200} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField label={t('fields.courseDate')} value={text('courseDate')} onChange={(v) => set('courseDate', v || null)} error={errors.courseDate} withAsterisk />
              <NumberInput
                label={t('fields.durationHours')}
                value={typeof fields.durationMinutes === 'number' ? fields.durationMinutes / 60 : ''}
                onChange={(v) => set('durationMinutes', typeof v === 'number' ? Math.round(v * 60) : null)}
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
            <TextInput label={t('fields.trainer')} value={text('trainer')} onChange={(e) => set('trainer', e.currentTarget.value)} size="md" maxLength={100} />
          </>
        ) : null}
        <SignatureFields fields={fields} set={set} errors={errors} hasSignature={Boolean(settings.data?.signature)} />
        <Radio.Group label={t('batch.output')} value={output} onChange={(v) => setOutput(v as typeof output)} size="md">
          <Stack gap="xs" mt="xs">
            <Radio value="combined" label={t('batch.combined')} data-testid="output-combined" />
            <Radio value="perVolunteer" label={t('batch.perVolunteer')} data-testid="output-per-volunteer" />
          </Stack>
        </Radio.Group>
        {batch.isError ? (
          <Alert color="red" variant="light" role="alert" data-testid="batch-error">
            {certificateError(t, batch.error)}
          </Alert>
        ) : null}
        <BatchProgress active={batch.isPending} />
        <div>
          <Button size="md" onClick={submit} loading={batch.isPending} disabled={items.length === 0} data-testid="batch-button">
            {t('batch.button', { count: items.length })}
          </Button>
          {items.length === 0 ? (
            <Text size="sm" c="gray.7" mt={6}>
              {t('batch.nobody')}
            </Text>
          ) : null}
        </div>
      </Stack>
    </Paper>
  );
}

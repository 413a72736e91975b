import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Language, Template } from '../../../../shared/api';
import { DateField } from '../../components/DateField';
import { useNotify } from '../../components/notify';
import { useFormat, useLanguage } from '../../lib/format';
import { DocumentPreview } from './DocumentPreview';
import { DraftFields, type Fields } from './DraftFields';
import { certificateError, certificateFieldErrors } from './messages';
import { useCertificateSettings, useDraft, useIssue, usePreview } from './queries';
import { LanguagePicker, TemplatePicker } from './TemplatePicker';
import { VolunteerField, type Person } from './VolunteerField';

const hasPeriod = (t: Template) => t === 'attestation' || t === 'mission';

/**
 * One document: choose its kind, language and volunteer, edit the prefilled texts, look at the
 * page exactly as it will print, then issue it (it gets its number and is saved as a PDF).
 */
export function IssueTab() {
  const { t } = useTranslation('certificates');
  const uiLanguage = useLanguage();
  const notify = useNotify();
  const fmt = useFormat();
  const settings = useCertificateSettings();
  const [template, setTemplate] = useState<Template>('attestation');
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [volunteer, setVolunteer] = useState<Person | null>(null);
  const [period, setPeriod] = useState({ from: '', to: '' });
  const request = useMemo<Input<'certificates.draft'> | null>(
    () =>
      volunteer
        ? { template, language, volunteerId: volunteer.id, ...(hasPeriod(template) ? { periodFrom: period.from || null, periodTo: period.to || null } : {}) }
        : null,
    [template, language, volunteer, period],
  );
  const draft = useDraft(request);
  const issue = useIssue();
  const [fields, setFields] = useState<Fields | null>(null);
  useEffect(() => {
    if (!draft.data) return;
    const d = draft.data.draft as Fields;
    setFields(d);
    // The period the draft was made for, so the date fields show it.
    if ('periodFrom' in d && typeof d.periodFrom === 'string' && !period.from) setPeriod({ from: d.periodFrom, to: String(d.periodTo ?? '') });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft.data]);
  // Another volunteer, kind, language or period: the texts are filled again from the new draft
  // (never issue a page whose period is not the one shown in the fields).
  useEffect(() => {
    setFields(null);
    issue.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  const [debounced] = useDebouncedValue(fields, 350);
  const previewInput = debounced && debounced.volunteerId === volunteer?.id && debounced.template === template ? (debounced as Input<'certificates.preview'>) : null;
  const preview = usePreview(previewInput);
  const errors = certificateFieldErrors(t, draft.error ?? issue.error ?? preview.error);

  const set = (key: string, value: unknown) => setFields((f) => (f ? ({ ...f, [key]: value } as Fields) : f));
  const submit = () => {
    if (!fields) return;
    issue.mutate(fields as Input<'certificates.issue'>, {
      onSuccess: (r) => {
        if (r.status === 'saved') notify.success(t('issue.saved', { number: r.certificates[0]!.number, path: r.path }));
      },
    });
  };

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl" verticalSpacing="xl">
      <Stack gap="lg">
        <TemplatePicker value={template} onChange={setTemplate} />
        <LanguagePicker value={language} onChange={setLanguage} />
        <VolunteerField
          value={volunteer}
          onChange={(p) => {
            setVolunteer(p);
            setPeriod({ from: '', to: '' });
          }}
          error={errors.volunteerId}
        />
        {hasPeriod(template) ? (
          <Stack gap={4}>
            <SimpleGrid cols={2}>
              <DateField label={t('fields.periodFrom')} value={period.from} onChange={(v) => setPeriod((p) => ({ ...p, from: v }))} error={errors.periodFrom} withAsterisk />
              <DateField label={t('fields.periodTo')} value={period.to} onChange={(v) => setPeriod((p) => ({ ...p, to: v }))} error={errors.periodTo} withAsterisk />
            </SimpleGrid>
            <Text size="sm" c="gray.7">
              {t('form.periodHint')}
            </Text>
          </Stack>
        ) : null}
        {draft.isError && !Object.keys(errors).length ? (
          <Alert color="red" variant="light" role="alert">
            {certificateError(t, draft.error)}
          </Alert>
        ) : null}
        {draft.isFetching ? <Loader size="sm" aria-label={t('form.preparing')} /> : null}
        {fields && draft.data ? (
          <>
            {hasPeriod(template) ? (
              <Text size="md" data-testid="draft-hours">
                {draft.data.minutes === 0 ? t('form.noHours') : t('form.hoursInPeriod', { hours: fmt.minutes(draft.data.minutes) })}
              </Text>
            ) : null}
            <DraftFields fields={fields} set={set} errors={errors} hasSignature={Boolean(settings.data?.signature)} />
            <Group>
              <Button size="md" onClick={submit} loading={issue.isPending} data-testid="issue-button">
                {t('issue.button')}
              </Button>
              {preview.data ? (
                <Text size="sm" c="gray.7">
                  {t('issue.nextNumber', { number: preview.data.number })}
                </Text>
              ) : null}
            </Group>
            {issue.isError ? (
              <Alert color="red" variant="light" role="alert" data-testid="issue-error">
                {certificateError(t, issue.error)}
              </Alert>
            ) : null}
          </>
        ) : null}
      </Stack>
      <Paper withBorder radius="md" p="md" bg="gray.0" style={{ alignSelf: 'start', position: 'sticky', top: 16 }}>
        <Title order={2} size="h4" mb="sm">
          {t('preview.title')}
        </Title>
        {preview.isError && !issue.isError ? (
          <Alert color="orange" variant="light" mb="sm" role="status" data-testid="preview-error">
            {certificateError(t, preview.error)}
          </Alert>
        ) : null}
        {preview.data ? (
          <DocumentPreview html={preview.data.html} orientation={preview.data.orientation} title={t('preview.frameTitle')} />
        ) : (
          <Text c="gray.7" py="xl" ta="center">
            {t('preview.empty')}
          </Text>
        )}
      </Paper>
    </SimpleGrid>
  );
}

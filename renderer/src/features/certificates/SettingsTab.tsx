import { Button, FileButton, Group, Image, Input, Paper, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNATURE_MAX_BYTES, type CertificateSettings } from '../../../../shared/api';
import { useNotify } from '../../components/notify';
import { readAsDataUrl } from '../settings/LogoPicker';
import { certificateError, certificateFieldErrors } from './messages';
import { useCertificateSettings, useSaveCertificateSettings } from './queries';

const SIGNATURE_TYPES = ['image/png', 'image/jpeg'];

/** Thresholds typed as numbers; anything else is kept as typed so core can say what is wrong. */
const numbers = (list: string[]) => list.map((s) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : (s as unknown as number)));

function SettingsForm({ settings }: { settings: CertificateSettings }) {
  const { t } = useTranslation('certificates');
  const notify = useNotify();
  const save = useSaveCertificateSettings();
  const [hours, setHours] = useState(settings.milestones.hours.map(String));
  const [years, setYears] = useState(settings.milestones.years.map(String));
  const [place, setPlace] = useState(settings.place ?? '');
  const [signature, setSignature] = useState(settings.signature);
  const [problem, setProblem] = useState<string | null>(null);
  const reset = useRef<() => void>(null);
  useEffect(() => setSignature(settings.signature), [settings.signature]);
  const errors = certificateFieldErrors(t, save.error);
  const firstError = (prefix: string) => Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];

  const pick = async (file: File | null) => {
    reset.current?.();
    if (!file) return;
    if (!SIGNATURE_TYPES.includes(file.type)) return setProblem(t('issues.signatureFormat'));
    if (file.size > SIGNATURE_MAX_BYTES) return setProblem(t('issues.signatureTooBig'));
    setProblem(null);
    setSignature(await readAsDataUrl(file));
  };

  const submit = () =>
    save.mutate(
      { milestones: { hours: numbers(hours), years: numbers(years) }, signature, place },
      { onSuccess: () => notify.success(t('settings.saved')) },
    );

  return (
    <Stack gap="lg" maw={760}>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('settings.milestonesTitle')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('settings.milestonesHint')}
          </Text>
          <TagsInput label={t('settings.hours')} description={t('settings.tagsHint')} value={hours} onChange={setHours} size="md" error={firstError('milestones.hours')} data-testid="milestones-hours" />
          <TagsInput label={t('settings.years')} description={t('settings.tagsHint')} value={years} onChange={setYears} size="md" error={firstError('milestones.years')} />
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('settings.signingTitle')}
          </Title>
          <TextInput label={t('settings.place')} description={t('settings.placeHint')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} size="md" maxLength={100} error={errors.place} />
          <Stack gap={6}>
            <Input.Label size="md">{t('settings.signature')}</Input.Label>
            <Input.Description>{t('settings.signatureHint')}</Input.Description>
            <Group gap="md">
              {signature ? (
                <Image src={signature} alt={t('settings.signatureAlt')} h={64} w={180} fit="contain" bd="1px solid var(--mantine-color-gray-3)" radius="sm" data-testid="signature-preview" />
              ) : (
                <Text c="dimmed" size="sm">
                  {t('settings.noSignature')}
                </Text>
              )}
              <FileButton onChange={(f) => void pick(f)} accept={SIGNATURE_TYPES.join(',')} resetRef={reset} inputProps={{ 'aria-label': t('settings.signature'), name: 'signature' }}>
                {(props) => (
                  <Button variant="default" {...props}>
                    {signature ? t('settings.signatureChange') : t('settings.signaturePick')}
                  </Button>
                )}
              </FileButton>
              {signature ? (
                <Button variant="subtle" color="red" onClick={() => setSignature(null)}>
                  {t('settings.signatureRemove')}
                </Button>
              ) : null}
            </Group>
            {problem || errors.signature ? (
              <Input.Error role="alert">{problem ?? errors.signature}</Input.Error>
            ) : null}
          </Stack>
        </Stack>
      </Paper>
      {save.isError && !Object.keys(errors).length ? <Text c="red">{certificateError(t, save.error)}</Text> : null}
      <div>
        <Button size="md" onClick={submit} loading={save.isPending} data-testid="certificate-settings-save">
          {t('settings.save')}
        </Button>
      </div>
    </Stack>
  );
}

/** Milestones that make someone due for recognition; where documents are signed, and the scanned signature. */
export function SettingsTab() {
  const settings = useCertificateSettings();
  return settings.data ? <SettingsForm settings={settings.data} /> : null;
}

import { Button, FileButton, Group, Image, Input, Stack, Text, Title } from '@mantine/core';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LOGO_MAX_BYTES } from '../../../../shared/api';

const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** Why a picked file cannot be a logo (a `validation` key), or null. The server checks again. */
export function logoProblem(file: { type: string; size: number }): 'logoFormat' | 'logoTooBig' | null {
  if (!LOGO_TYPES.includes(file.type)) return 'logoFormat';
  if (file.size > LOGO_MAX_BYTES) return 'logoTooBig';
  return null;
}

export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * Picks the association's logo: a button opens the file dialog, the image is read here as a data
 * URL and previewed. A wrong type or size is reported under the field without reading the file.
 */
export function LogoPicker({
  value,
  onChange,
  onProblem,
  error,
  associationName,
}: {
  value: string | null;
  onChange: (dataUrl: string | null) => void;
  onProblem: (key: 'logoFormat' | 'logoTooBig' | null) => void;
  error?: string;
  associationName: string;
}) {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const resetRef = useRef<() => void>(null);
  const labelId = useId();
  const hintId = useId();
  const errorId = useId();

  const pick = async (file: File | null) => {
    resetRef.current?.();
    if (!file) return;
    const problem = logoProblem(file);
    onProblem(problem);
    if (problem) return;
    onChange(await readAsDataUrl(file));
  };

  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Title order={3} size="h4" id={labelId}>
        {t('settings:association.fields.logo')}
      </Title>
      <Input.Description id={hintId} size="md">
        {t('settings:association.fields.logoHint')}
      </Input.Description>
      <Group gap="md" align="center">
        {value ? (
          <Image
            src={value}
            alt={t('common:logoAlt', { name: associationName || t('common:appName') })}
            h={72}
            w={72}
            fit="contain"
            radius="sm"
            bd="1px solid var(--mantine-color-gray-3)"
            data-testid="logo-preview"
          />
        ) : (
          <Text c="dimmed" size="sm">
            {t('settings:association.fields.logoNone')}
          </Text>
        )}
        <FileButton
          onChange={(f) => void pick(f)}
          accept={LOGO_TYPES.join(',')}
          resetRef={resetRef}
          inputProps={{ 'aria-label': t('settings:association.fields.logo'), name: 'logo' }}
        >
          {(props) => (
            <Button variant="default" aria-describedby={describedBy} {...props}>
              {value ? t('settings:association.fields.logoChange') : t('settings:association.fields.logoPick')}
            </Button>
          )}
        </FileButton>
        {value ? (
          <Button
            variant="subtle"
            color="red"
            onClick={() => {
              onProblem(null);
              onChange(null);
            }}
          >
            {t('settings:association.fields.logoRemove')}
          </Button>
        ) : null}
      </Group>
      {error ? <Input.Error id={errorId} role="alert">{error}</Input.Error> : null}
    </Stack>
  );
}

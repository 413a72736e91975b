import { Group, Input, NumberInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A duration typed as hours and minutes (what people say: « 2 h 30 »), kept as whole minutes.
 * Values outside 1 min – 24 h go to core as typed, which answers with the translated message.
 */
export function DurationInput({
  label,
  value,
  onChange,
  error,
  withAsterisk,
  size = 'md',
}: {
  label: string;
  value: number | null;
  onChange: (minutes: number | null) => void;
  error?: string;
  withAsterisk?: boolean;
  size?: 'sm' | 'md';
}) {
  const { t } = useTranslation('hours');
  const id = useId();
  const hours = value === null ? '' : Math.trunc(value / 60);
  const minutes = value === null ? '' : value % 60;
  const set = (h: number | string, m: number | string) => {
    if (h === '' && m === '') return onChange(null);
    onChange((Number(h) || 0) * 60 + (Number(m) || 0));
  };
  return (
    <Input.Wrapper label={label} error={error} withAsterisk={withAsterisk} id={id} size={size}>
      <Group gap="xs" wrap="nowrap" role="group" aria-labelledby={`${id}-label`}>
        <NumberInput
          id={id}
          size={size}
          w={96}
          aria-label={t('duration.hours')}
          rightSection={<span aria-hidden>{t('duration.h')}</span>}
          allowDecimal={false}
          clampBehavior="none"
          value={hours}
          onChange={(h) => set(h, minutes)}
          error={Boolean(error)}
          data-testid="duration-hours"
        />
        <NumberInput
          size={size}
          w={96}
          aria-label={t('duration.minutes')}
          rightSection={<span aria-hidden>{t('duration.min')}</span>}
          allowDecimal={false}
          clampBehavior="none"
          step={5}
          value={minutes}
          onChange={(m) => set(hours, m)}
          error={Boolean(error)}
          data-testid="duration-minutes"
        />
      </Group>
    </Input.Wrapper>
  );
}

import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconClock } from '../../components/icons';

/**
 * A time as typed, into `HH:MM`, or null when it is not one. Accepts 18:30, 18h30, 18 h 30, 18.30,
 * 1830, 9h, 9 — the ways people write a time in French and English — always on the 24-hour clock.
 */
export function parseTypedTime(text: string): string | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, '');
  const m = /^(\d{1,2})(?:[:h.]?(\d{2}))?h?$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  withAsterisk?: boolean;
  'aria-label'?: string;
  'data-path'?: string;
  style?: React.CSSProperties;
  /** What an empty field means (e.g. the event's own start); by default an example time. */
  placeholder?: string;
}

/**
 * A time of day on the 24-hour clock, typed freely and tidied to `HH:MM` when the field is left
 * (a browser's own time field follows the computer's settings, sometimes with AM/PM).
 */
export function TimeField({ label, value, onChange, error, withAsterisk, 'aria-label': ariaLabel, 'data-path': dataPath, style, placeholder }: Props) {
  const { t } = useTranslation('events');
  return (
    <TextInput
      label={label}
      aria-label={ariaLabel}
      withAsterisk={withAsterisk}
      value={value}
      placeholder={placeholder ?? t('form.timePlaceholder')}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        const tidy = parseTypedTime(e.currentTarget.value);
        if (tidy && tidy !== value) onChange(tidy);
      }}
      inputMode="numeric"
      autoComplete="off"
      maxLength={8}
      leftSection={<IconClock size={16} />}
      error={error}
      data-path={dataPath}
      style={style}
    />
  );
}

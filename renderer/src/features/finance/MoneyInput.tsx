import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { loose, readMoney, type MoneyField } from './labels';

interface Props {
  label: string;
  value: MoneyField;
  onChange: (value: MoneyField) => void;
  /** A message from core for this field (wins over the typing check). */
  error?: string;
  description?: string;
  withAsterisk?: boolean;
  allowZero?: boolean;
  /** Shows the typing problem at once (a submitted form), not only after leaving the field. */
  showError?: boolean;
  size?: 'sm' | 'md';
  /** The label is read out but not shown (a table's cell whose row and column say what it is). */
  hiddenLabel?: boolean;
  w?: number | string;
  'data-testid'?: string;
}

/**
 * An amount typed as on a receipt (« 1 234,50 », "1,234.50"), read into integer cents with
 * shared/money.ts, never through a floating-point number. Right-aligned, with the € after it.
 */
export function MoneyInput({ label, value, onChange, error, description, withAsterisk, allowZero, showError, size = 'md', w, hiddenLabel, 'data-testid': testId }: Props) {
  const { t } = useTranslation('finance');
  const fmt = useFormat();
  const [touched, setTouched] = useState(false);
  const typing = value.error && value.error !== 'empty' && (touched || showError) ? loose(t)(`finance:money.${value.error}`) : undefined;
  const required = value.error === 'empty' && showError && withAsterisk ? t('money.empty') : undefined;
  return (
    <TextInput
      label={hiddenLabel ? undefined : label}
      aria-label={hiddenLabel ? label : undefined}
      description={description}
      withAsterisk={withAsterisk}
      size={size}
      w={w}
      inputMode="decimal"
      autoComplete="off"
      value={value.text}
      onChange={(e) => onChange(readMoney(e.currentTarget.value, fmt.lang, allowZero))}
      onBlur={() => setTouched(true)}
      error={error ?? typing ?? required}
      rightSection="€"
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      data-testid={testId}
    />
  );
}

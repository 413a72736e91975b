import { Select } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { trainingName } from './labels';
import { useCatalogue } from './queries';

/**
 * The training a role requires, chosen from the catalogue: a field of the role forms (the staffing
 * tab's role dialog and the event form's role lines), saved with the role. Staffing then warns when
 * someone assigned holds no valid qualification for it on the event's day, and suggestions say
 * where each person stands. Archived trainings are offered only when the role already requires one.
 */
export function RoleTrainingRequirement({
  value,
  onChange,
  error,
  label,
  ariaLabel,
  withDescription = true,
  ...rest
}: {
  value: number | null;
  onChange: (trainingId: number | null) => void;
  error?: string;
  /** The visible label (default « Formation requise » / "Required training"). */
  label?: string;
  /** A longer accessible name when several role lines share the short label. */
  ariaLabel?: string;
  withDescription?: boolean;
  style?: CSSProperties;
  'data-path'?: string;
}) {
  const { t } = useTranslation(['trainings', 'common']);
  const catalogue = useCatalogue();
  const options = (catalogue.data ?? [])
    .filter((x) => !x.archived || x.id === value)
    .map((x) => ({ value: String(x.id), label: trainingName(t, x) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <Select
      label={label ?? t('trainings:role.required')}
      aria-label={ariaLabel}
      description={withDescription ? t('trainings:role.requiredHint') : undefined}
      placeholder={t('trainings:role.none')}
      clearable
      searchable
      data={options}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      error={error}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('trainings:role.clear') }}
      {...rest}
    />
  );
}

import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { scopeToValue, valueToScope } from './labels';
import { useFinanceOptions } from './queries';

interface Props {
  year: number;
  onYear: (year: number) => void;
  /** Omit to show the year alone. */
  scope?: number | null;
  onScope?: (scope: number | null) => void;
  /** Budgets: one column at a time (the general budget or one programme), no « all programmes ». */
  budgetColumns?: boolean;
}

/** The year and the programme a finance screen looks at. */
export function ScopePickers({ year, onYear, scope, onScope, budgetColumns }: Props) {
  const { t } = useTranslation('finance');
  const options = useFinanceOptions();
  const years = options.data?.years ?? [year];
  const programmes = options.data?.programmes ?? [];
  const scopeData = [
    ...(budgetColumns ? [{ value: '0', label: t('pickers.general') }] : [{ value: 'all', label: t('pickers.allProgrammes') }, { value: '0', label: t('pickers.noProgramme') }]),
    ...programmes
      .filter((p) => !p.archived || p.id === scope)
      .map((p) => ({ value: String(p.id), label: p.archived ? t('pickers.archived', { name: p.name }) : p.name })),
  ];
  return (
    <Group gap="md" align="flex-end" className="finance-no-print">
      <Select
        label={t('pickers.year')}
        size="md"
        w={110}
        allowDeselect={false}
        data={(years.includes(year) ? years : [year, ...years]).map((y) => ({ value: String(y), label: String(y) }))}
        value={String(year)}
        onChange={(v) => v && onYear(Number(v))}
      />
      {onScope ? (
        <Select
          label={budgetColumns ? t('budgets.column') : t('pickers.programme')}
          size="md"
          w={260}
          allowDeselect={false}
          data={scopeData}
          value={scopeToValue(scope ?? null)}
          onChange={(v) => onScope(valueToScope(v))}
        />
      ) : null}
    </Group>
  );
}

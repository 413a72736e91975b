import { Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/errors';
import { PageHeader, PageTabs } from '../../components/PageTabs';
import { useUrlTab } from '../../lib/useUrlTab';
import { BudgetsTab } from './BudgetsTab';
import { CategoriesTab } from './CategoriesTab';
import { CecTab } from './CecTab';
import './finance.css';
import { FundingTab } from './FundingTab';
import { LinesTab } from './LinesTab';
import { OverviewTab } from './OverviewTab';
import { useFinanceOptions } from './queries';
import { ValuationTab } from './ValuationTab';

export const FINANCE_TABS = ['overview', 'lines', 'budgets', 'funding', 'valuation', 'cec', 'categories'] as const;

/**
 * The treasurer's page: the year's dashboard, expenses and income, budgets, funders and training
 * costs, the value of volunteer time, the CEC list, and the categories with their accounts. The
 * year and programme chosen stay the same from one tab to the next.
 */
export function FinancePage() {
  const { t } = useTranslation('finance');
  const [tab, selectTab] = useUrlTab(FINANCE_TABS);
  const options = useFinanceOptions();
  const [year, setYear] = useState<number | null>(null);
  const [scope, setScope] = useState<number | null>(null);

  if (options.isError) return <ErrorAlert error={options.error} />;
  if (!options.data) return <Loader aria-label={t('title')} />;
  const y = year ?? options.data.currentYear;
  const shared = { year: y, onYear: setYear, scope, onScope: setScope };

  return (
    <Stack gap="lg" maw={1180}>
      <PageHeader title={t('title')} intro={t('intro')} className="finance-no-print" />
      <PageTabs
        label={t('title')}
        value={tab}
        onChange={selectTab}
        compact
        listClassName="finance-no-print"
        testId={(k) => `finance-tab-${k}`}
        tabs={[
          { key: 'overview', label: t('tabs.overview'), panel: <OverviewTab {...shared} /> },
          { key: 'lines', label: t('tabs.lines'), panel: <LinesTab {...shared} /> },
          { key: 'budgets', label: t('tabs.budgets'), panel: <BudgetsTab year={y} onYear={setYear} /> },
          { key: 'funding', label: t('tabs.funding'), panel: <FundingTab year={y} onYear={setYear} /> },
          { key: 'valuation', label: t('tabs.valuation'), panel: <ValuationTab {...shared} /> },
          { key: 'cec', label: t('tabs.cec'), panel: <CecTab year={y} onYear={setYear} /> },
          { key: 'categories', label: t('tabs.categories'), panel: <CategoriesTab /> },
        ]}
      />
    </Stack>
  );
}

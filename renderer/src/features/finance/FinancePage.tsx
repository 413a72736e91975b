import { Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/errors';
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
      <div className="finance-no-print">
        <Title order={1}>{t('title')}</Title>
        <Text c="gray.7" mt={4}>
          {t('intro')}
        </Text>
      </div>
      <Tabs value={tab} onChange={selectTab} keepMounted={false} variant="outline">
        <Tabs.List aria-label={t('title')} className="finance-no-print">
          {FINANCE_TABS.map((k) => (
            <Tabs.Tab key={k} value={k} fz="md" px="md" py="sm" data-testid={`finance-tab-${k}`}>
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          <OverviewTab {...shared} />
        </Tabs.Panel>
        <Tabs.Panel value="lines" pt="lg">
          <LinesTab {...shared} />
        </Tabs.Panel>
        <Tabs.Panel value="budgets" pt="lg">
          <BudgetsTab year={y} onYear={setYear} />
        </Tabs.Panel>
        <Tabs.Panel value="funding" pt="lg">
          <FundingTab year={y} onYear={setYear} />
        </Tabs.Panel>
        <Tabs.Panel value="valuation" pt="lg">
          <ValuationTab {...shared} />
        </Tabs.Panel>
        <Tabs.Panel value="cec" pt="lg">
          <CecTab year={y} onYear={setYear} />
        </Tabs.Panel>
        <Tabs.Panel value="categories" pt="lg">
          <CategoriesTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

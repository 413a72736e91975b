import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconPlus } from '../../components/icons';
import { PageHeader, PageTabs } from '../../components/PageTabs';
import { useUrlTab } from '../../lib/useUrlTab';
import { ApprovalsTab } from './ApprovalsTab';
import { EntriesTab } from './EntriesTab';
import { EntryFormModal } from './EntryFormModal';
import { TotalsTab } from './TotalsTab';

export const HOURS_TABS = ['entries', 'approvals', 'totals'] as const;

/** Every hour volunteers give: the entries, those waiting for approval, the totals; the open tab is in the URL. */
export function HoursPage() {
  const { t } = useTranslation('hours');
  const [tab, selectTab] = useUrlTab(HOURS_TABS);
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        title={t('title')}
        intro={t('intro')}
        action={
          <Button leftSection={<IconPlus />} onClick={() => setAdding(true)}>
            {t('addHours')}
          </Button>
        }
      />
      <PageTabs
        label={t('title')}
        value={tab}
        onChange={selectTab}
        tabs={[
          { key: 'entries', label: t('tabs.entries'), panel: <EntriesTab /> },
          { key: 'approvals', label: t('tabs.approvals'), panel: <ApprovalsTab /> },
          { key: 'totals', label: t('tabs.totals'), panel: <TotalsTab /> },
        ]}
      />
      <EntryFormModal opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}

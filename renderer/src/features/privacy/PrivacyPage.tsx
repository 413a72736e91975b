import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader, PageTabs } from '../../components/PageTabs';
import { useUrlTab } from '../../lib/useUrlTab';
import { ConsentTab } from './ConsentTab';
import { ErasureLogTab } from './ErasureLogTab';
import { RetentionTab } from './RetentionTab';

export const PRIVACY_TABS = ['consent', 'retention', 'erasures'] as const;

/** Personal data (RGPD): consent overview, retention review, erasure log; the open tab is in the URL. */
export function PrivacyPage() {
  const { t } = useTranslation('privacy');
  const [tab, selectTab] = useUrlTab(PRIVACY_TABS);

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader title={t('title')} intro={t('intro')} />
      <PageTabs
        label={t('title')}
        value={tab}
        onChange={selectTab}
        tabs={[
          { key: 'consent', label: t('tabs.consent'), panel: <ConsentTab /> },
          { key: 'retention', label: t('tabs.retention'), panel: <RetentionTab /> },
          { key: 'erasures', label: t('tabs.erasures'), panel: <ErasureLogTab /> },
        ]}
      />
    </Stack>
  );
}

import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader, PageTabs } from '../../components/PageTabs';
import { useUrlTab } from '../../lib/useUrlTab';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

const TABS = ['import', 'export'] as const;

/** Import and export (`/io`, `/io?tab=export`). */
export function IoPage() {
  const { t } = useTranslation('io');
  const [tab, selectTab] = useUrlTab(TABS);
  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader title={t('title')} intro={t('intro')} />
      {/* Both stay mounted: a file being checked is not lost by a look at the export tab. */}
      <PageTabs
        label={t('title')}
        value={tab}
        onChange={selectTab}
        keepMounted
        tabs={[
          { key: 'import', label: t('tabs.import'), panel: <ImportPanel /> },
          { key: 'export', label: t('tabs.export'), panel: <ExportPanel /> },
        ]}
      />
    </Stack>
  );
}

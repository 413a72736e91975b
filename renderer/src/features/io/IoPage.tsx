import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="gray.7" mt={4}>
          {t('intro')}
        </Text>
      </div>
      <Tabs value={tab} onChange={selectTab} variant="outline">
        <Tabs.List aria-label={t('title')}>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} fz="md" px="lg" py="sm">
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {/* Both stay mounted: a file being checked is not lost by a look at the export tab. */}
        <Tabs.Panel value="import" pt="lg">
          <ImportPanel />
        </Tabs.Panel>
        <Tabs.Panel value="export" pt="lg">
          <ExportPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="gray.7" mt={4}>
          {t('intro')}
        </Text>
      </div>
      <Tabs value={tab} onChange={selectTab} keepMounted={false} variant="outline">
        <Tabs.List aria-label={t('title')}>
          {PRIVACY_TABS.map((k) => (
            <Tabs.Tab key={k} value={k} fz="md" px="lg" py="sm">
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="consent" pt="lg">
          <ConsentTab />
        </Tabs.Panel>
        <Tabs.Panel value="retention" pt="lg">
          <RetentionTab />
        </Tabs.Panel>
        <Tabs.Panel value="erasures" pt="lg">
          <ErasureLogTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

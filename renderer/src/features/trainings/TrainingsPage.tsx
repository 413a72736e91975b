import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUrlTab } from '../../lib/useUrlTab';
import { CatalogueTab } from './CatalogueTab';
import { QualificationsTab } from './QualificationsTab';
import { SessionsTab } from './SessionsTab';

export const TRAININGS_TABS = ['sessions', 'catalogue', 'qualifications'] as const;

/** Trainings: the sessions, the catalogue, and the qualifications to renew; the open tab is in the URL. */
export function TrainingsPage() {
  const { t } = useTranslation('trainings');
  const [tab, selectTab] = useUrlTab(TRAININGS_TABS);
  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="gray.7" mt={4}>
          {t('intro')}
        </Text>
      </div>
      <Tabs value={tab} onChange={selectTab} keepMounted={false} variant="outline">
        <Tabs.List aria-label={t('title')}>
          {TRAININGS_TABS.map((k) => (
            <Tabs.Tab key={k} value={k} fz="md" px="lg" py="sm">
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="sessions" pt="lg">
          <SessionsTab />
        </Tabs.Panel>
        <Tabs.Panel value="catalogue" pt="lg">
          <CatalogueTab />
        </Tabs.Panel>
        <Tabs.Panel value="qualifications" pt="lg">
          <QualificationsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

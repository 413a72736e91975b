import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader, PageTabs } from '../../components/PageTabs';
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
      <PageHeader title={t('title')} intro={t('intro')} />
      <PageTabs
        label={t('title')}
        value={tab}
        onChange={selectTab}
        tabs={[
          { key: 'sessions', label: t('tabs.sessions'), panel: <SessionsTab /> },
          { key: 'catalogue', label: t('tabs.catalogue'), panel: <CatalogueTab /> },
          { key: 'qualifications', label: t('tabs.qualifications'), panel: <QualificationsTab /> },
        ]}
      />
    </Stack>
  );
}

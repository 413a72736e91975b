import { Alert, Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader, PageTabs } from '../../components/PageTabs';
import { useUrlTab } from '../../lib/useUrlTab';
import { useSettings } from '../settings/api';
import { DueTab } from './DueTab';
import { IssueTab } from './IssueTab';
import { RegistryTab } from './RegistryTab';
import { SettingsTab } from './SettingsTab';
import { SeveralTab } from './SeveralTab';

export const CERTIFICATE_TABS = ['issue', 'due', 'several', 'registry', 'settings'] as const;

/**
 * Attestations and certificates: one document with its preview, the people due for recognition,
 * several at once, the registry of what was issued, and the settings (milestones, signature).
 */
export function CertificatesPage() {
  const { t } = useTranslation('certificates');
  const [tab, selectTab] = useUrlTab(CERTIFICATE_TABS);
  const association = useSettings().data?.association;
  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader title={t('title')} intro={t('intro')} />
      {association && !association.signatoryName ? (
        <Alert color="yellow" variant="light" data-testid="no-signatory">
          {t('noSignatory')}{' '}
          <Anchor component={Link} to="/settings">
            {t('toSettings')}
          </Anchor>
        </Alert>
      ) : null}
      <PageTabs
        label={t('title')}
        value={tab}
        onChange={selectTab}
        tabs={[
          { key: 'issue', label: t('tabs.issue'), panel: <IssueTab /> },
          { key: 'due', label: t('tabs.due'), panel: <DueTab /> },
          { key: 'several', label: t('tabs.several'), panel: <SeveralTab /> },
          { key: 'registry', label: t('tabs.registry'), panel: <RegistryTab /> },
          { key: 'settings', label: t('tabs.settings'), panel: <SettingsTab /> },
        ]}
      />
    </Stack>
  );
}

import { Alert, Anchor, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="gray.7" mt={4}>
          {t('intro')}
        </Text>
      </div>
      {association && !association.signatoryName ? (
        <Alert color="yellow" variant="light" data-testid="no-signatory">
          {t('noSignatory')}{' '}
          <Anchor component={Link} to="/settings">
            {t('toSettings')}
          </Anchor>
        </Alert>
      ) : null}
      <Tabs value={tab} onChange={selectTab} keepMounted={false} variant="outline">
        <Tabs.List aria-label={t('title')}>
          {CERTIFICATE_TABS.map((k) => (
            <Tabs.Tab key={k} value={k} fz="md" px="lg" py="sm">
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="issue" pt="lg">
          <IssueTab />
        </Tabs.Panel>
        <Tabs.Panel value="due" pt="lg">
          <DueTab />
        </Tabs.Panel>
        <Tabs.Panel value="several" pt="lg">
          <SeveralTab />
        </Tabs.Panel>
        <Tabs.Panel value="registry" pt="lg">
          <RegistryTab />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="lg">
          <SettingsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

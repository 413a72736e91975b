import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUrlTab } from '../../lib/useUrlTab';
import { AssociationSection } from './AssociationSection';
import { CustomFieldsSection } from './CustomFieldsSection';
import { DataSection } from './DataSection';
import { LanguageSection } from './LanguageSection';
import { SkillsSection } from './SkillsSection';
import { TimeZoneSection } from './TimeZoneSection';
import { WeeklyHourCapField } from '../events/staffing/WeeklyHourCapField';

export const SETTINGS_TABS = ['association', 'language', 'customFields', 'skills', 'staffing', 'data'] as const;

/** Settings, one tab per subject; the open tab is in the URL (`/settings?tab=skills`). */
export function SettingsPage() {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const [tab, selectTab] = useUrlTab(SETTINGS_TABS);

  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t('settings:title')}</Title>
      <Tabs
        value={tab}
        onChange={selectTab}
        keepMounted={false}
        variant="outline"
      >
        <Tabs.List aria-label={t('settings:tabs.label')}>
          {SETTINGS_TABS.map((k) => (
            <Tabs.Tab key={k} value={k} fz="md" px="lg" py="sm">
              {t(`settings:tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="association" pt="lg">
          <AssociationSection />
        </Tabs.Panel>
        <Tabs.Panel value="language" pt="lg">
          <Stack gap={48}>
            <LanguageSection />
            <TimeZoneSection />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="customFields" pt="lg">
          <CustomFieldsSection />
        </Tabs.Panel>
        <Tabs.Panel value="skills" pt="lg">
          <SkillsSection />
        </Tabs.Panel>
        <Tabs.Panel value="staffing" pt="lg">
          <WeeklyHourCapField />
        </Tabs.Panel>
        <Tabs.Panel value="data" pt="lg">
          <DataSection />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

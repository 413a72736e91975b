import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconPlus } from '../../components/icons';
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
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text c="gray.7" mt={4} maw={720}>
            {t('intro')}
          </Text>
        </div>
        <Button leftSection={<IconPlus />} onClick={() => setAdding(true)}>
          {t('addHours')}
        </Button>
      </Group>
      <Tabs value={tab} onChange={selectTab} keepMounted={false} variant="outline">
        <Tabs.List aria-label={t('title')}>
          {HOURS_TABS.map((k) => (
            <Tabs.Tab key={k} value={k} fz="md" px="lg" py="sm">
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="entries" pt="lg">
          <EntriesTab />
        </Tabs.Panel>
        <Tabs.Panel value="approvals" pt="lg">
          <ApprovalsTab />
        </Tabs.Panel>
        <Tabs.Panel value="totals" pt="lg">
          <TotalsTab />
        </Tabs.Panel>
      </Tabs>
      <EntryFormModal opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}

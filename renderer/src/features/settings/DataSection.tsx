import { Alert, Button, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconFlask, IconFolder } from '../../components/icons';
import { useNotify } from '../../components/notify';
import { SectionHeader } from './SectionHeader';
import { useCloseDemo, useOpenDemo, useSettingsView } from './api';

export function DataSection() {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const { dataDir, mode } = useSettingsView();
  const openDemo = useOpenDemo();
  const closeDemo = useCloseDemo();
  const notify = useNotify();
  return (
    <Stack gap="xl" maw={720}>
      <SectionHeader title={t('settings:data.title')} intro={t('settings:data.locationHint')} />
      <Paper withBorder radius="md" p="lg">
        <Stack gap="xs">
          <Title order={3} size="h4" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <IconFolder />
            {t('settings:data.location')}
          </Title>
          <Code block fz="sm" data-testid="data-dir" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {dataDir}
          </Code>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm" align="flex-start">
          <Title order={3} size="h4" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <IconFlask />
            {t('settings:data.demo.title')}
          </Title>
          <Text c="dark.6">{t('settings:data.demo.intro')}</Text>
          {mode === 'demo' ? (
            <>
              <Alert color="yellow" variant="light" w="100%">
                {t('settings:data.demo.active')}
              </Alert>
              <Button
                loading={closeDemo.isPending}
                onClick={() =>
                  closeDemo.mutate(undefined, {
                    onSuccess: () => notify.success(t('settings:data.demo.closed')),
                    onError: notify.error,
                  })
                }
              >
                {t('settings:data.demo.close')}
              </Button>
            </>
          ) : (
            <Button
              variant="outline"
              loading={openDemo.isPending}
              onClick={() =>
                openDemo.mutate(undefined, {
                  onSuccess: () => notify.success(t('settings:data.demo.opened')),
                  onError: notify.error,
                })
              }
            >
              {t('settings:data.demo.open')}
            </Button>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

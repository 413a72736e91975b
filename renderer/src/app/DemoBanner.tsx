import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconFlask } from '../components/icons';
import { useNotify } from '../components/notify';
import { useCloseDemo } from '../features/settings/api';

/** Always visible while the sample database is open, so nobody mistakes it for their own data. */
export function DemoBanner() {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const closeDemo = useCloseDemo();
  const notify = useNotify();
  return (
    <Paper
      component="section"
      aria-label={t('common:demo.banner')}
      data-testid="demo-banner"
      radius={0}
      px="lg"
      py="sm"
      bg="yellow.1"
      style={{ borderBottom: '2px solid var(--mantine-color-yellow-6)' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Group gap="sm" wrap="nowrap" c="dark.8">
          <IconFlask size={24} />
          <div>
            <Text fw={700} c="dark.9">
              {t('common:demo.banner')}
            </Text>
            <Text size="sm" c="dark.7">
              {t('common:demo.detail')}
            </Text>
          </div>
        </Group>
        <Button
          color="dark"
          variant="filled"
          loading={closeDemo.isPending}
          onClick={() => closeDemo.mutate(undefined, { onError: notify.error })}
          style={{ flexShrink: 0 }}
        >
          {t('common:demo.back')}
        </Button>
      </Group>
    </Paper>
  );
}

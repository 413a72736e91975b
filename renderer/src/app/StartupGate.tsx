import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet } from 'react-router';
import { pickLanguage } from '../../../shared/i18n';
import { ErrorAlert } from '../components/errors';
import { useSettings, useSettingsView } from '../features/settings/api';
import { applyLanguage } from './i18n';

const osLanguage = () => pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);

/**
 * Loads the settings before anything else and applies the language: the saved one, or the OS's
 * until the first run picks one. A database that cannot be opened is explained, never hidden.
 */
export function StartupGate() {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const settings = useSettings();
  const saved = settings.data?.language;

  useLayoutEffect(() => {
    // `undefined` while loading, `null` before the first run chose: both follow the OS.
    applyLanguage(saved ?? osLanguage());
  }, [saved]);

  if (settings.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common:status.loading')} />
      </Center>
    );
  }
  if (settings.isError) {
    return (
      <Center h="100vh" p="xl">
        <Stack maw={560} gap="md">
          <Title order={1} size="h2">
            {t('common:startup.title')}
          </Title>
          <ErrorAlert error={settings.error} />
          <Text c="dimmed">{t('common:startup.hint')}</Text>
          <Button onClick={() => void settings.refetch()} loading={settings.isFetching} w="fit-content">
            {t('common:actions.retry')}
          </Button>
        </Stack>
      </Center>
    );
  }
  return <Outlet />;
}

/** Screens of a set-up association: until the identity exists, everything leads to /setup. */
export function RequireAssociation() {
  const { association } = useSettingsView();
  return association ? <Outlet /> : <Navigate to="/setup" replace />;
}

/** The first-run screen only makes sense once. */
export function SetupOnly() {
  const { association } = useSettingsView();
  return association ? <Navigate to="/volunteers" replace /> : <Outlet />;
}

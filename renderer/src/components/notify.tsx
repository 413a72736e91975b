import { notifications } from '@mantine/notifications';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { translateError } from './errors';

/**
 * Success and error notifications in the user's language. `success` takes an already translated
 * sentence (the caller knows its own namespace); `error` translates a failed call.
 */
export function useNotify() {
  const { t } = useTranslation();
  const success = useCallback((message: string) => {
    notifications.show({ color: 'teal', message, autoClose: 4000, closeButtonProps: { 'aria-label': t('actions.close') } });
  }, [t]);
  const error = useCallback(
    (err: unknown) => {
      notifications.show({ color: 'red', message: translateError(t, err), autoClose: 8000, closeButtonProps: { 'aria-label': t('actions.close') } });
    },
    [t],
  );
  return useMemo(() => ({ success, error }), [success, error]);
}

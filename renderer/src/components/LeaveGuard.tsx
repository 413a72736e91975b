import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Asks before leaving a form with changes not yet saved, whichever way the person leaves: the
 * sidebar, the header search, a link, Back, a shortcut. Returns the dialog to render, and
 * `allowLeaving` for the form to call just before it leaves on purpose (after saving).
 */
export function useLeaveGuard(dirty: boolean): { dialog: ReactNode; allowLeaving: () => void } {
  const { t } = useTranslation('common');
  const allowed = useRef(false);
  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }: { currentLocation: { pathname: string; search: string }; nextLocation: { pathname: string; search: string } }) =>
        dirty && !allowed.current && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
      [dirty],
    ),
  );
  const allowLeaving = useCallback(() => {
    allowed.current = true;
  }, []);

  const blocked = blocker.state === 'blocked';
  const stay = () => blocker.reset?.();
  const dialog = (
    <Modal opened={blocked} onClose={stay} title={t('leave.title')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="md">
        <Text>{t('leave.text')}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="outline" color="red" onClick={() => blocker.proceed?.()}>
            {t('leave.leave')}
          </Button>
          <Button onClick={stay} data-autofocus>
            {t('leave.stay')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { dialog, allowLeaving };
}

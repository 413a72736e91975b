import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { useErase } from './queries';

export interface ErasablePerson {
  id: number;
  firstName: string;
  lastName: string;
}

/** Typed names are compared without case, accents or extra spaces: the point is a deliberate act, not spelling. */
const loose = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The erasure confirmation: says plainly what happens and that it cannot be undone. One person:
 * their name is typed to confirm. Several (the retention list): a box to tick. Either way the
 * red button stays disabled until then.
 */
export function EraseDialog({ people, opened, onClose, onDone }: { people: ErasablePerson[]; opened: boolean; onClose: () => void; onDone?: (ids: number[]) => void }) {
  const { t } = useTranslation('privacy');
  const notify = useNotify();
  const erase = useErase();
  const [typed, setTyped] = useState('');
  const [understood, setUnderstood] = useState(false);
  const helpId = useId();
  const one = people.length === 1 ? people[0]! : null;
  const name = one ? `${one.firstName} ${one.lastName}` : '';

  useEffect(() => {
    if (!opened) {
      setTyped('');
      setUnderstood(false);
      erase.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const ready = one ? loose(typed) === loose(name) && loose(name) !== '' : understood;
  const confirm = () => {
    if (!ready) return;
    erase.mutate(
      people.map((p) => p.id),
      {
        onSuccess: (result) => {
          notify.success(one ? t('erase.done', { name }) : t('erase.doneMany', { count: result.erased.length }));
          onClose();
          onDone?.(result.erased);
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={one ? t('erase.title', { name }) : t('erase.titleMany', { count: people.length })}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}
    >
      <Stack gap="md">
        <div>
          <Text fw={600}>{t('erase.what')}</Text>
          <List spacing={6} mt={6} size="sm">
            <List.Item>{t('erase.steps.name', { placeholder: `${t('erasedName')} #${one ? one.id : '…'}` })}</List.Item>
            <List.Item>{t('erase.steps.kept')}</List.Item>
            <List.Item>{t('erase.steps.search')}</List.Item>
            <List.Item>{t('erase.steps.backups')}</List.Item>
          </List>
        </div>
        <Alert color="red" variant="light" title={t('erase.irreversible')} styles={{ title: { color: 'var(--mantine-color-red-9)' } }}>
          {one ? t('erase.exportFirst') : null}
        </Alert>
        {one ? (
          <TextInput
            size="md"
            label={t('erase.typeName', { name })}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') confirm();
            }}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            aria-describedby={helpId}
          />
        ) : (
          <Checkbox size="md" label={t('erase.understand')} checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} data-autofocus />
        )}
        <span id={helpId} hidden>
          {t('erase.irreversible')}
        </span>
        {erase.isError ? (
          <Text c="red.8" role="alert">
            {translateError(t, erase.error)}
          </Text>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('erase.cancel')}
          </Button>
          <Button color="red" onClick={confirm} disabled={!ready} loading={erase.isPending}>
            {t('erase.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

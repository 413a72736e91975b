import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../components/notify';
import { useFormat } from '../../lib/format';
import { EraseDialog, type ErasablePerson } from './EraseDialog';
import { useExportPerson, usePersonStatus } from './queries';

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * The record page's two RGPD buttons: export everything held on the person (right of access) and
 * erase them (right to erasure). Once erased, only the date of the erasure is shown.
 */
export function PersonDataActions({ person }: { person: ErasablePerson }) {
  const { t } = useTranslation('privacy');
  const notify = useNotify();
  const fmt = useFormat();
  const status = usePersonStatus(person.id);
  const exporter = useExportPerson();
  const [erasing, setErasing] = useState(false);

  if (status.data?.erasedAt) {
    return (
      <Text size="sm" c="gray.7" data-testid="erased-on">
        {t('actions.erasedOn', { date: fmt.date(status.data.erasedAt.slice(0, 10)) })}
      </Text>
    );
  }
  if (!status.data) return null;

  const doExport = () =>
    exporter.mutate(person.id, {
      onSuccess: (r) => {
        if (r.saved) notify.success(t('actions.exported', { files: r.files.map(baseName).join(', ') }));
      },
      onError: notify.error,
    });

  return (
    <>
      <Button variant="default" onClick={doExport} loading={exporter.isPending}>
        {t('actions.export')}
      </Button>
      <Button variant="subtle" color="red" onClick={() => setErasing(true)}>
        {t('actions.erase')}
      </Button>
      <EraseDialog people={[person]} opened={erasing} onClose={() => setErasing(false)} />
    </>
  );
}

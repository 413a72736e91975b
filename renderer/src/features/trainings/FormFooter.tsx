import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from './labels';

/**
 * The end of every trainings dialog: what went wrong (the call's sentence, then the issues no
 * field shows), then Cancel and Save.
 */
export function FormFooter({ error, others, saving, onCancel }: { error: unknown; others: string[]; saving: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {error ? (
        <Alert color="red" variant="light" role="alert">
          <Text>{errorText(t, error)}</Text>
          {others.map((m) => (
            <Text key={m}>{m}</Text>
          ))}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('actions.cancel')}
        </Button>
        <Button type="submit" loading={saving}>
          {t('actions.save')}
        </Button>
      </Group>
    </>
  );
}

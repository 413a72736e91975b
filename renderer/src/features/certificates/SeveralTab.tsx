import { Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATES, type Template } from '../../../../shared/api';
import { BatchForm } from './BatchForm';
import { VolunteersField, type Person } from './VolunteerField';

/** The same kind of document for several people at once, each with their own prefilled texts. */
export function SeveralTab() {
  const { t } = useTranslation('certificates');
  const [template, setTemplate] = useState<Template>('attestation');
  const [people, setPeople] = useState<Person[]>([]);
  return (
    <Stack gap="lg" maw={820}>
      <Text c="gray.7">{t('several.intro')}</Text>
      <Select
        label={t('form.template')}
        data={TEMPLATES.map((k) => ({ value: k, label: t(`templates.${k}`) }))}
        value={template}
        onChange={(v) => v && setTemplate(v as Template)}
        allowDeselect={false}
        size="md"
        w={360}
        comboboxProps={{ withinPortal: true }}
      />
      <VolunteersField value={people} onChange={setPeople} />
      <BatchForm key={template} template={template} items={people.map((p) => ({ volunteerId: p.id }))} onDone={() => setPeople([])} />
    </Stack>
  );
}

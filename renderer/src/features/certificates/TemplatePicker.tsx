import { Radio, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TEMPLATES, type Language, type Template } from '../../../../shared/api';

/** The four kinds of document, as large cards with what each is for. */
export function TemplatePicker({ value, onChange }: { value: Template; onChange: (t: Template) => void }) {
  const { t } = useTranslation('certificates');
  return (
    <Radio.Group value={value} onChange={(v) => onChange(v as Template)} label={t('form.template')} size="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="sm">
        {TEMPLATES.map((k) => (
          <Radio.Card key={k} value={k} radius="md" p="md" data-testid={`template-${k}`} aria-label={t(`templates.${k}`)} aria-description={t(`templateHints.${k}`)}>
            <Stack gap={4} style={{ display: 'flex' }}>
              <div style={{ display: 'flex', gap: 10, alignItems: 'flex-start' }}>
                <Radio.Indicator />
                <div>
                  <Text fw={600}>{t(`templates.${k}`)}</Text>
                  <Text size="sm" c="gray.7">
                    {t(`templateHints.${k}`)}
                  </Text>
                </div>
              </div>
            </Stack>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

/** The document's language, whatever the app's. */
export function LanguagePicker({ value, onChange }: { value: Language; onChange: (l: Language) => void }) {
  const { t } = useTranslation('certificates');
  return (
    <Stack gap={4}>
      <Text fw={500} size="md" id="certificate-language">
        {t('form.language')}
      </Text>
      <SegmentedControl
        aria-labelledby="certificate-language"
        value={value}
        onChange={(v) => onChange(v as Language)}
        data={[
          { value: 'fr', label: t('form.languages.fr') },
          { value: 'en', label: t('form.languages.en') },
        ]}
        size="md"
        w="fit-content"
      />
    </Stack>
  );
}

import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function TrainingsPage() {
  const { t } = useTranslation('trainings');
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="gray.7" mt={4}>
          {t('intro')}
        </Text>
      </div>
    </Stack>
  );
}

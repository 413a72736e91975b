import { Button, Container, Group, Paper, SegmentedControl, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type AssociationInput, type Language } from '../../../../shared/api';
import { applyLanguage } from '../../app/i18n';
import { useNotify } from '../../components/notify';
import { call } from '../../lib/api';
import { useLanguage } from '../../lib/format';
import { AssociationForm } from '../settings/AssociationForm';
import { SETTINGS_KEY, useOpenDemo } from '../settings/api';

/**
 * First run: the language (preselected from the OS, applied as soon as it is picked), then the
 * association's identity. Saving both leaves this screen for good.
 */
export function SetupPage() {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const qc = useQueryClient();
  const notify = useNotify();
  const language = useLanguage();
  const [step, setStep] = useState(0);
  const openDemo = useOpenDemo();

  const finish = useMutation({
    // Identity first: when it is refused, nothing at all has been written (the language would
    // otherwise be remembered for a setup that did not happen).
    mutationFn: async (input: AssociationInput) => {
      await call('settings.saveAssociation', input);
      return call('settings.setLanguage', { language });
    },
    // The start-up gate sees the association and leaves the setup screen.
    onSuccess: (view) => qc.setQueryData(SETTINGS_KEY, view),
  });

  const chooseLanguage = (lang: Language) => applyLanguage(lang);

  return (
    <Container size={760} py={48} px="lg">
      <Stack gap="xl">
        <Stack gap="xs">
          <Text fw={700} c="teal.9" size="lg">
            {t('common:appName')}
          </Text>
          <Title order={1}>{t('setup:welcome')}</Title>
          <Text size="lg" c="dark.6">
            {t('setup:intro')}
          </Text>
        </Stack>

        <Paper withBorder radius="lg" p="xl" shadow="xs">
          <Stepper
            active={step}
            onStepClick={setStep}
            allowNextStepsSelect={false}
            size="md"
            aria-label={t('setup:steps.label')}
          >
            <Stepper.Step label={t('setup:steps.language')} description={t('setup:steps.languageDescription')}>
              <Stack gap="lg" mt="lg">
                <Stack gap={4}>
                  <Title order={2} size="h3" id="setup-language-title">
                    {t('setup:language.title')}
                  </Title>
                  <Text c="dimmed">{t('setup:language.hint')}</Text>
                </Stack>
                <SegmentedControl
                  size="lg"
                  fullWidth
                  value={language}
                  onChange={(v) => chooseLanguage(v as Language)}
                  aria-labelledby="setup-language-title"
                  data={LANGUAGES.map((l) => ({ value: l, label: t(`common:languages.${l}`) }))}
                />
                <Group justify="flex-end">
                  <Button size="md" onClick={() => setStep(1)}>
                    {t('common:actions.next')}
                  </Button>
                </Group>
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('setup:steps.identity')} description={t('setup:steps.identityDescription')}>
              <Stack gap="lg" mt="lg">
                <Stack gap={4}>
                  <Title order={2} size="h3">
                    {t('setup:identity.title')}
                  </Title>
                  <Text c="dimmed">{t('setup:identity.hint')}</Text>
                </Stack>
                <AssociationForm
                  initial={null}
                  onSubmit={(input) => finish.mutate(input)}
                  error={finish.error}
                  pending={finish.isPending}
                  submitLabel={t('setup:finish')}
                  extraActions={
                    <Button variant="default" size="md" onClick={() => setStep(0)}>
                      {t('common:actions.back')}
                    </Button>
                  }
                />
              </Stack>
            </Stepper.Step>
          </Stepper>
        </Paper>

        <Paper radius="lg" p="lg" bg="gray.0">
          <Group justify="space-between" gap="md">
            <Stack gap={2} maw={440}>
              <Text fw={700}>{t('setup:demo.title')}</Text>
              <Text size="sm" c="dark.6">
                {t('setup:demo.body')}
              </Text>
            </Stack>
            <Button
              variant="outline"
              loading={openDemo.isPending}
              onClick={() => openDemo.mutate(undefined, { onError: notify.error })}
            >
              {t('setup:demo.button')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </Container>
  );
}

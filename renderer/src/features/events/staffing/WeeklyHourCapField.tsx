import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_WEEKLY_HOUR_CAP } from '../../../../../shared/api';
import { useFieldErrors } from '../../../components/errors';
import { useNotify } from '../../../components/notify';
import { call } from '../../../lib/api';
import { useFormat } from '../../../lib/format';
import { SETTINGS_KEY, useSettingsView } from '../../settings/api';

/** Settings: the weekly hour cap staffing warns about (empty: none). */
export function WeeklyHourCapField() {
  const { t } = useTranslation('events');
  const notify = useNotify();
  const format = useFormat();
  const qc = useQueryClient();
  const { weeklyHourCap } = useSettingsView();
  const [value, setValue] = useState<number | string>(weeklyHourCap ?? '');
  useEffect(() => setValue(weeklyHourCap ?? ''), [weeklyHourCap]);
  const save = useMutation({
    mutationFn: (hours: number | null) => call('settings.setWeeklyHourCap', { hours }),
    onSuccess: (view) => {
      qc.setQueryData(SETTINGS_KEY, view);
      // Warnings depend on it: staffing answers are computed again.
      void qc.invalidateQueries({ queryKey: ['events'] });
      notify.success(t('staffing.cap.saved'));
    },
  });
  const errors = useFieldErrors(save.error);
  return (
    <Paper withBorder radius="md" p="lg" data-testid="weekly-hour-cap">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('staffing.cap.title')}
        </Title>
        <Text c="dark.6" size="sm">
          {t('staffing.cap.intro')}
        </Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            // Sent as typed: core refuses anything that is not a whole number of hours from 1 to 80.
            save.mutate(value === '' ? null : typeof value === 'number' ? value : Number(value));
          }}
          noValidate
        >
          <Group align="flex-end" gap="sm">
            <NumberInput
              label={t('staffing.cap.label')}
              placeholder={t('staffing.cap.placeholder')}
              value={value}
              onChange={setValue}
              min={1}
              max={MAX_WEEKLY_HOUR_CAP}
              // Out-of-range numbers go to core, which says what is expected (no silent change).
              clampBehavior="none"
              allowDecimal={false}
              error={errors('hours')}
              w={200}
            />
            <Button type="submit" loading={save.isPending}>
              {t('staffing.cap.save')}
            </Button>
          </Group>
        </form>
        <Text size="sm" c="gray.7" aria-live="polite">
          {weeklyHourCap === null ? t('staffing.cap.none') : t('staffing.cap.current', { hours: format.minutes(weeklyHourCap * 60) })}
        </Text>
      </Stack>
    </Paper>
  );
}

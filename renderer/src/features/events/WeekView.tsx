import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../volunteers/labels';
import { addDays, longDay, shortDay, startOfWeek, today } from './dates';
import { EventChip } from './EventChip';
import { groupByDay } from './MonthView';
import type { CalendarRow } from './queries';
import classes from './calendar.module.css';

/** Seven days side by side, Monday first, each with its events in start order. */
export function WeekView({ date, events }: { date: string; events: readonly CalendarRow[] }) {
  const { t } = useTranslation('events');
  const lang = useLang();
  const first = startOfWeek(date);
  const byDay = groupByDay(events);
  const now = today();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4, lg: 7 }} spacing="xs" data-testid="week-view">
      {Array.from({ length: 7 }, (_, i) => addDays(first, i)).map((day) => {
        const list = byDay.get(day) ?? [];
        return (
          <Card key={day} withBorder radius="md" padding="xs" className={classes.weekDay} data-today={day === now || undefined} component="section" aria-label={longDay(day, lang)} data-day={day}>
            <Title order={3} size="h6" mb={4}>
              {shortDay(day, lang)}
            </Title>
            <Stack gap={2}>
              {list.length ? list.map((e) => <EventChip key={e.id} event={e} />) : (
                <Text size="sm" c="gray.7">
                  {t('calendar.nothing')}
                </Text>
              )}
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

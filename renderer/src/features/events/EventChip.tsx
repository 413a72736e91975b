import { Badge, Box, Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../volunteers/labels';
import { clock, timeRange } from './dates';
import { KIND_COLORS } from './labels';
import type { CalendarRow } from './queries';
import classes from './calendar.module.css';

/**
 * One event in a calendar: a link to its page with its time and title. A cancelled one is struck
 * through and says so in words; the kind shows as a coloured edge and in the link's accessible name.
 */
export function EventChip({ event, compact = false }: { event: CalendarRow; compact?: boolean }) {
  const { t } = useTranslation('events');
  const lang = useLang();
  const cancelled = event.status === 'cancelled';
  const label = `${timeRange(event.start, event.end, lang)}, ${event.title}, ${t(`kinds.${event.kind}`)}${cancelled ? `, ${t('status.cancelled')}` : ''}`;
  return (
    <UnstyledButton
      component={Link}
      to={`/events/${event.id}`}
      className={classes.chip}
      data-cancelled={cancelled || undefined}
      style={{ borderLeftColor: `var(--mantine-color-${KIND_COLORS[event.kind]}-6)` }}
      aria-label={label}
      title={label}
      data-testid="calendar-event"
    >
      {compact ? (
        <>
          <Text size="xs" fw={700} component="span" display="block">
            {clock(event.start.slice(11, 16), lang)}
            {cancelled ? ` · ${t('status.cancelled')}` : ''}
          </Text>
          <Text size="xs" lineClamp={2} component="span" className={classes.chipText}>
            {event.title}
          </Text>
        </>
      ) : (
        <Box>
          <Group gap={6} wrap="nowrap" justify="space-between">
            <Text size="sm" fw={600}>
              {timeRange(event.start, event.end, lang)}
            </Text>
            {cancelled ? (
              <Badge color="red" variant="light" size="sm" tt="none">
                {t('status.cancelled')}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" fw={500} className={classes.chipText}>
            {event.title}
          </Text>
          <Text size="xs" c="gray.7">
            {t(`kinds.${event.kind}`)}
            {event.place ? ` · ${event.place}` : ''}
          </Text>
        </Box>
      )}
    </UnstyledButton>
  );
}

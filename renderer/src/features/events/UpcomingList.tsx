import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/errors';
import { IconCalendar } from '../../components/icons';
import { useLang } from '../volunteers/labels';
import { longDay, timeRange } from './dates';
import { KIND_COLORS } from './labels';
import { groupByDay } from './MonthView';
import { useUpcoming } from './queries';

/** Rows asked for at a time; "Show more" asks for the next ones. */
const STEP = 50;

/** What is coming, soonest first, by day. */
export function UpcomingList() {
  const { t } = useTranslation('events');
  const lang = useLang();
  const [limit, setLimit] = useState(STEP);
  const upcoming = useUpcoming(limit);
  if (upcoming.isError) return <ErrorAlert error={upcoming.error} />;
  if (!upcoming.data)
    return (
      <Group justify="center" py="xl">
        <Loader aria-label={t('calendar.loading')} />
      </Group>
    );
  const { rows, total } = upcoming.data;
  if (rows.length === 0)
    return (
      <EmptyState
        icon={<IconCalendar size={28} />}
        title={t('upcoming.emptyTitle')}
        description={t('upcoming.emptyText')}
        action={
          <Button component={Link} to="/events/new">
            {t('actions.plan')}
          </Button>
        }
      />
    );
  return (
    <Stack gap="md" data-testid="upcoming-list">
      <Text c="gray.7">{t('upcoming.count', { count: total })}</Text>
      {[...groupByDay(rows)].map(([day, list]) => (
        <section key={day} aria-label={longDay(day, lang)}>
          <Title order={3} size="h5" mb={6}>
            {longDay(day, lang)}
          </Title>
          <Stack gap={6}>
            {list.map((e) => (
              <Card key={e.id} withBorder radius="md" padding="sm" component={Link} to={`/events/${e.id}`} data-testid="upcoming-event" style={{ borderLeft: `5px solid var(--mantine-color-${KIND_COLORS[e.kind]}-6)` }}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text fw={600}>{e.title}</Text>
                    <Text size="sm" c="gray.7">
                      {timeRange(e.start, e.end, lang)}
                      {e.place ? ` · ${e.place}` : ''}
                    </Text>
                  </div>
                  <Group gap={6}>
                    {e.seriesId !== null ? (
                      <Badge variant="outline" color="gray" tt="none" styles={{ label: { color: 'var(--mantine-color-gray-8)' } }}>
                        {t('status.inSeries')}
                      </Badge>
                    ) : null}
                    <Badge variant="light" color={KIND_COLORS[e.kind]} tt="none" styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}>
                      {t(`kinds.${e.kind}`)}
                    </Badge>
                  </Group>
                </Group>
              </Card>
            ))}
          </Stack>
        </section>
      ))}
      {rows.length < total ? (
        <Group justify="center">
          <Button variant="default" onClick={() => setLimit((l) => Math.min(l + STEP, 500))} loading={upcoming.isFetching} disabled={limit >= 500}>
            {t('upcoming.more')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

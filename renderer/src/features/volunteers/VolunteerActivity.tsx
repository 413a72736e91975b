import { Anchor, Badge, Button, Card, Group, Loader, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/errors';
import { call } from '../../lib/api';
import { useFormat, useLanguage } from '../../lib/format';
import { clock } from '../events/dates';
import { VolunteerScheduleExport } from '../events/VolunteerScheduleExport';
import { EntryFormModal } from '../hours/EntryFormModal';
import { useVolunteerHours } from '../hours/queries';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Text size="sm" c="gray.7" fw={500}>
        {label}
      </Text>
      <Text fz={22} fw={700} lh={1.3} style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** A volunteer's hours (the one total, its last 30 days, by category) and their upcoming schedule, on their record. */
export function VolunteerActivity({ volunteerId, name, canAdd = true }: { volunteerId: number; name?: string; canAdd?: boolean }) {
  const { t } = useTranslation('hours');
  const fmt = useFormat();
  const lang = useLanguage();
  const hours = useVolunteerHours(volunteerId);
  const schedule = useQuery({
    queryKey: ['events', 'volunteerSchedule', volunteerId],
    queryFn: () => call('events.volunteerSchedule', { volunteerId, when: 'upcoming', limit: 5 }),
  });
  const [adding, setAdding] = useState(false);

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="sec-activity" data-testid="volunteer-activity">
      <Group justify="space-between" align="center" mb="sm">
        <Title order={2} size="h4" id="sec-activity">
          {t('activity.title')}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="subtle" component={Link} to={`/hours?volunteer=${volunteerId}`}>
            {t('activity.allEntries')}
          </Button>
          {canAdd ? (
            <Button size="xs" variant="light" onClick={() => setAdding(true)}>
              {t('addHours')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {hours.isError ? <ErrorAlert error={hours.error} /> : null}
      {!hours.data ? (
        hours.isError ? null : <Loader size="sm" aria-label={t('activity.title')} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <Stack gap="md">
            <SimpleGrid cols={3} spacing="md">
              <Figure label={t('activity.total')} value={fmt.minutes(hours.data.totalMinutes)} testId="activity-total" />
              <Figure label={t('activity.last30')} value={fmt.minutes(hours.data.last30DaysMinutes)} testId="activity-last30" />
              <Figure label={t('activity.thisYear')} value={fmt.minutes(hours.data.thisYearMinutes)} testId="activity-year" />
            </SimpleGrid>
            {hours.data.pendingEntries > 0 ? (
              <Text size="sm" c="gray.8">
                {t('activity.pending', { count: hours.data.pendingEntries })}
              </Text>
            ) : null}
            {hours.data.byCategory.length === 0 ? (
              <Text c="gray.7" fs="italic">
                {t('activity.noHours')}
              </Text>
            ) : (
              <Stack gap={8} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('activity.byCategory')} data-testid="activity-categories">
                {hours.data.byCategory.map((c) => (
                  <li key={c.category}>
                    <Group justify="space-between" gap="xs">
                      <Text size="sm">{t(`categories.${c.category}`)}</Text>
                      <Text size="sm" fw={600}>
                        {fmt.minutes(c.minutes)}
                      </Text>
                    </Group>
                    <Progress value={hours.data!.totalMinutes ? (100 * c.minutes) / hours.data!.totalMinutes : 0} color="teal.7" size="sm" aria-hidden />
                  </li>
                ))}
              </Stack>
            )}
            {hours.data.lastWorkedOn ? (
              <Text size="sm" c="gray.7">
                {t('activity.lastWorkedOn', { date: fmt.date(hours.data.lastWorkedOn) })}
              </Text>
            ) : null}
          </Stack>
          <Stack gap="xs">
            <Group justify="space-between" gap="xs">
              <Title order={3} size="h5">
                {t('activity.upcoming')}
              </Title>
              <VolunteerScheduleExport volunteerId={volunteerId} />
            </Group>
            {schedule.isError ? <ErrorAlert error={schedule.error} /> : null}
            {schedule.data && schedule.data.rows.length === 0 ? (
              <Text c="gray.7" fs="italic">
                {t('activity.nothingPlanned')}
              </Text>
            ) : null}
            <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="activity-schedule">
              {(schedule.data?.rows ?? []).map((e) => (
                <li key={e.id}>
                  <Anchor component={Link} to={`/events/${e.id}`} fw={500}>
                    {e.title}
                  </Anchor>
                  <Group gap={6}>
                    <Text size="sm" c="gray.7">
                      {t('activity.when', { date: fmt.date(e.start.slice(0, 10)), time: clock(e.start.slice(11, 16), lang) })}
                    </Text>
                    {e.facilitator ? (
                      <Badge size="sm" variant="light" color="grape" tt="none" styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}>
                        {t('activity.facilitator')}
                      </Badge>
                    ) : null}
                    {e.roles.map((r) => (
                      <Badge key={r} size="sm" variant="default" tt="none">
                        {r}
                      </Badge>
                    ))}
                  </Group>
                </li>
              ))}
            </Stack>
            {schedule.data && schedule.data.total > schedule.data.rows.length ? (
              <Text size="sm" c="gray.7">
                {t('activity.moreUpcoming', { count: schedule.data.total - schedule.data.rows.length })}
              </Text>
            ) : null}
          </Stack>
        </SimpleGrid>
      )}
      <EntryFormModal opened={adding} onClose={() => setAdding(false)} volunteer={name ? { id: volunteerId, name } : null} />
    </Card>
  );
}

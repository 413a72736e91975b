import { Alert, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/errors';
import { IconCalendar, IconPlus } from '../../components/icons';
import { useLang } from '../volunteers/labels';
import { addDays, addMonths, longDay, monthGrid, monthTitle, startOfWeek, today } from './dates';
import { MonthView, PER_DAY } from './MonthView';
import { ProgrammesPanel } from './ProgrammesPanel';
import { useCalendar } from './queries';
import { UnfilledRoles } from './staffing/UnfilledRoles';
import { UpcomingList } from './UpcomingList';
import { useCalendarState, type View } from './useCalendarState';
import { WeekView } from './WeekView';

/** `/events`: the month and week calendars, what is coming, and the programmes. */
export function EventsPage() {
  const { t } = useTranslation('events');
  const { view, date, go } = useCalendarState();
  return (
    <Stack gap="lg" maw={1280}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text c="gray.7" mt={4}>
            {t('intro')}
          </Text>
        </div>
        <Button component={Link} to={`/events/new?date=${view === 'month' || view === 'week' ? date : today()}`} leftSection={<IconPlus size={18} />}>
          {t('actions.plan')}
        </Button>
      </Group>
      <Tabs value={view} onChange={(v) => go({ view: (v ?? 'month') as View })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="month">{t('calendar.month')}</Tabs.Tab>
          <Tabs.Tab value="week">{t('calendar.week')}</Tabs.Tab>
          <Tabs.Tab value="upcoming">{t('calendar.upcoming')}</Tabs.Tab>
          <Tabs.Tab value="unfilled">{t('staffing.unfilled.tab')}</Tabs.Tab>
          <Tabs.Tab value="programmes">{t('calendar.programmes')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="month" pt="md">
          <CalendarPanel view="month" date={date} go={go} />
        </Tabs.Panel>
        <Tabs.Panel value="week" pt="md">
          <CalendarPanel view="week" date={date} go={go} />
        </Tabs.Panel>
        <Tabs.Panel value="upcoming" pt="md">
          <UpcomingList />
        </Tabs.Panel>
        <Tabs.Panel value="unfilled" pt="md">
          <UnfilledRoles />
        </Tabs.Panel>
        <Tabs.Panel value="programmes" pt="md">
          <ProgrammesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function CalendarPanel({ view, date, go }: { view: 'month' | 'week'; date: string; go: (next: { view?: View; date?: string }) => void }) {
  const { t } = useTranslation('events');
  const lang = useLang();
  const days = view === 'month' ? monthGrid(date) : Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(date), i));
  const from = days[0]!;
  const to = days[days.length - 1]!;
  // The month view asks for the first events of each day and every day's total (crowded days stay cheap).
  const calendar = useCalendar(from, to, view === 'month' ? PER_DAY : null);
  const step = (n: number) => go({ date: view === 'month' ? addMonths(date, n) : addDays(date, 7 * n) });
  const title = view === 'month' ? monthTitle(date, lang) : t('calendar.weekOf', { from: longDay(from, lang), to: longDay(to, lang) });
  const events = calendar.data?.events ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3" aria-live="polite" data-testid="calendar-title">
          {title}
        </Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => step(-1)}>
            {view === 'month' ? t('calendar.previousMonth') : t('calendar.previousWeek')}
          </Button>
          <Button variant="default" onClick={() => go({ date: today() })}>
            {t('calendar.today')}
          </Button>
          <Button variant="default" onClick={() => step(1)}>
            {view === 'month' ? t('calendar.nextMonth') : t('calendar.nextWeek')}
          </Button>
          {calendar.isFetching ? <Loader size="sm" aria-label={t('calendar.loading')} /> : null}
        </Group>
      </Group>
      {calendar.isError ? <ErrorAlert error={calendar.error} /> : null}
      {calendar.data?.truncated ? (
        <Alert color="yellow" variant="light">
          {t('calendar.truncated')}
        </Alert>
      ) : null}
      {view === 'month' ? (
        <MonthView date={date} events={events} dayTotals={calendar.data?.dayTotals ?? {}} onShowWeek={(day) => go({ view: 'week', date: day })} />
      ) : (
        <WeekView date={date} events={events} />
      )}
      {calendar.isSuccess && events.length === 0 ? (
        <EmptyState
          icon={<IconCalendar size={28} />}
          title={view === 'month' ? t('calendar.emptyMonthTitle') : t('calendar.emptyWeekTitle')}
          description={t('calendar.emptyText')}
          titleOrder={3}
          action={
            <Button component={Link} to={`/events/new?date=${date}`} variant="light">
              {t('actions.plan')}
            </Button>
          }
        />
      ) : null}
    </Stack>
  );
}

import { Alert, Anchor, Group, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/errors';
import { useSkills } from '../volunteers/queries';
import { today } from './dates';
import { EventForm } from './EventForm';
import { emptyValues, valuesFromEvent, valuesFromSeries } from './formModel';
import { useEvent, useProgrammes, useSeries } from './queries';

const people = (list: { id: number; firstName: string; lastName: string }[]) => Object.fromEntries(list.map((p) => [String(p.id), `${p.firstName} ${p.lastName}`]));

/** `/events/new` (optionally `?date=`), `/events/:id/edit` (this event) and `/events/:id/edit-series`. */
export function EventFormPage({ mode }: { mode: 'create' | 'event' | 'series' }) {
  const { t } = useTranslation('events');
  const { t: tErrors } = useTranslation('errors');
  const navigate = useNavigate();
  const params = useParams();
  const [search] = useSearchParams();
  const id = mode === 'create' ? null : Number(params.id);
  const event = useEvent(id !== null && Number.isInteger(id) && id > 0 ? id : null);
  const series = useSeries(mode === 'series' ? (event.data?.series?.id ?? null) : null);
  const skills = useSkills();
  const programmes = useProgrammes(true);

  const loading = skills.isPending || programmes.isPending || (mode !== 'create' && event.isPending) || (mode === 'series' && series.isPending);
  const error = skills.error ?? programmes.error ?? (mode !== 'create' ? event.error : null) ?? (mode === 'series' ? series.error : null);
  const back = id ? `/events/${id}` : '/events';
  const date = search.get('date');
  const startDate = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today();

  let form = null;
  if (!loading && !error) {
    const common = { catalogue: skills.data ?? [], programmes: programmes.data ?? [], onCancel: () => navigate(back) };
    if (mode === 'create') form = <EventForm key="new" target={{ kind: 'create' }} initial={emptyValues(startDate)} knownPeople={{}} {...common} />;
    else if (mode === 'event' && event.data)
      form = (
        <EventForm
          key={`event-${event.data.id}`}
          target={{ kind: 'event', eventId: event.data.id, inSeries: event.data.series !== null }}
          initial={valuesFromEvent(event.data)}
          knownPeople={people(event.data.facilitators)}
          {...common}
        />
      );
    else if (mode === 'series' && event.data?.series && series.data) {
      const date = event.data.start.slice(0, 10);
      form = (
        <EventForm
          key={`series-${series.data.id}-${event.data.id}`}
          target={{ kind: 'series', seriesId: series.data.id, eventId: event.data.id, position: event.data.series.position }}
          initial={valuesFromSeries(series.data, { date, position: event.data.series.position })}
          knownPeople={people(series.data.facilitators)}
          occurrenceDate={date}
          seriesStartsOn={series.data.startsOn}
          seriesCount={{ all: series.data.count, remaining: series.data.count === null ? null : Math.max(1, series.data.count - event.data.series.position) }}
          {...common}
        />
      );
    }
  }

  const heading = mode === 'create' ? t('form.titles.create') : mode === 'event' ? t('form.titles.event') : t('form.titles.series');
  return (
    <Stack gap="md">
      <Anchor component={Link} to={back} size="sm">
        ← {id ? t('page.backToEvent') : t('page.backToCalendar')}
      </Anchor>
      <Title order={1} size="h2">
        {event.data && mode !== 'create' ? `${heading} — ${event.data.title}` : heading}
      </Title>
      {error ? (
        <ErrorAlert error={error} />
      ) : loading ? (
        <Group justify="center" py="xl">
          <Loader aria-label={t('calendar.loading')} />
        </Group>
      ) : (
        form ?? (
          <Alert color="red" variant="light" role="alert">
            {mode === 'series' ? t('page.notInSeries') : tErrors('NOT_FOUND')}
          </Alert>
        )
      )}
    </Stack>
  );
}

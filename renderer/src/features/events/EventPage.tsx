import { Alert, Anchor, Badge, Button, Card, Group, Loader, Modal, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { useUrlTab } from '../../lib/useUrlTab';
import { useLang } from '../volunteers/labels';
import { AttendancePanel } from './AttendancePanel';
import { longDay, clock, eventWhen } from './dates';
import { DebriefPanel } from './DebriefPanel';
import { EventDocuments } from './EventDocuments';
import { GuidanceNotes } from './GuidanceNotes';
import { describeRule, KIND_COLORS } from './labels';
import { useEvent, usePlanningMutations, useSeries, type EventOut } from './queries';
import { StaffingPanel } from './StaffingPanel';

const TABS = ['details', 'staffing', 'attendance', 'debrief'] as const;

/** `/events/:id`: one event or session, with its staffing, attendance and debrief in tabs. */
export function EventPage() {
  const { t } = useTranslation('events');
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const event = useEvent(valid ? id : null);
  if (valid && event.isPending)
    return (
      <Group justify="center" py="xl">
        <Loader aria-label={t('calendar.loading')} />
      </Group>
    );
  if (!valid || event.isError)
    return (
      <Stack gap="md" align="flex-start">
        {event.isError ? <ErrorAlert error={event.error} /> : <NotFoundAlert />}
        <Button component={Link} to="/events" variant="default">
          {t('page.backToCalendar')}
        </Button>
      </Stack>
    );
  return <EventView e={event.data!} />;
}

function NotFoundAlert() {
  const { t } = useTranslation('errors');
  return (
    <Alert color="red" variant="light" role="alert">
      {t('NOT_FOUND')}
    </Alert>
  );
}

function EventView({ e }: { e: EventOut }) {
  const { t } = useTranslation('events');
  const lang = useLang();
  const notify = useNotify();
  const { cancel, restore } = usePlanningMutations();
  const [tab, setTab] = useUrlTab(TABS);
  const [confirming, setConfirming] = useState(false);
  const cancelled = e.status === 'cancelled';
  const inSeries = e.series !== null;

  const doCancel = () =>
    cancel.mutate(e.id, {
      onSuccess: () => {
        setConfirming(false);
        notify.success(inSeries ? t('page.sessionCancelled', { date: longDay(e.start, lang) }) : t('page.eventCancelled', { title: e.title }));
      },
    });
  const doRestore = () => restore.mutate(e.id, { onSuccess: () => notify.success(t('page.restored')), onError: notify.error });

  return (
    <Stack gap="md" maw={1200}>
      <Anchor component={Link} to={`/events?date=${e.start.slice(0, 10)}`} size="sm">
        ← {t('page.backToCalendar')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={6}>
          <Title order={1} size="h2" td={cancelled ? 'line-through' : undefined}>
            {e.title}
          </Title>
          <Text size="lg" data-testid="event-when">
            {eventWhen(e.start, e.end, lang)}
          </Text>
          <Group gap="xs">
            <Badge color={KIND_COLORS[e.kind]} variant="light" size="lg" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}>
              {t(`kinds.${e.kind}`)}
            </Badge>
            {cancelled ? (
              <Badge color="red" variant="filled" size="lg" radius="sm" tt="none" data-testid="cancelled-badge">
                {t('status.cancelled')}
              </Badge>
            ) : null}
            {e.past && !cancelled ? (
              <Badge color="gray" variant="outline" size="lg" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-gray-8)' } }}>
                {t('status.past')}
              </Badge>
            ) : null}
            {inSeries ? (
              <Badge color="gray" variant="outline" size="lg" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-gray-8)' } }}>
                {t('page.sessionOf', { n: e.series!.position + 1, total: e.series!.total })}
              </Badge>
            ) : null}
            {e.detached ? (
              <Badge color="blue" variant="light" size="lg" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}>
                {t('status.detached')}
              </Badge>
            ) : null}
          </Group>
        </Stack>
        <Group gap="sm">
          <Button component={Link} to={`/events/${e.id}/edit`} variant={inSeries ? 'default' : 'filled'}>
            {inSeries ? t('page.editSession') : t('page.edit')}
          </Button>
          {inSeries ? (
            <Button component={Link} to={`/events/${e.id}/edit-series`}>
              {t('page.editFollowing')}
            </Button>
          ) : null}
          {cancelled ? (
            <Button variant="default" onClick={doRestore} loading={restore.isPending}>
              {t('page.restore')}
            </Button>
          ) : (
            <Button variant="default" color="red" onClick={() => setConfirming(true)} disabled={e.attended} title={e.attended ? t('page.cannotCancelAttended') : undefined}>
              {inSeries ? t('page.cancelSession') : t('page.cancelEvent')}
            </Button>
          )}
          <EventDocuments eventId={e.id} />
        </Group>
      </Group>

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="details">{t('page.tabs.details')}</Tabs.Tab>
          <Tabs.Tab value="staffing">{t('page.tabs.staffing')}</Tabs.Tab>
          <Tabs.Tab value="attendance">{t('page.tabs.attendance')}</Tabs.Tab>
          <Tabs.Tab value="debrief">{t('page.tabs.debrief')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <Details e={e} />
        </Tabs.Panel>
        <Tabs.Panel value="staffing" pt="md">
          <StaffingPanel eventId={e.id} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <AttendancePanel eventId={e.id} />
        </Tabs.Panel>
        <Tabs.Panel value="debrief" pt="md">
          <DebriefPanel eventId={e.id} />
        </Tabs.Panel>
      </Tabs>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={inSeries ? t('page.cancelSessionTitle') : t('page.cancelEventTitle')} centered>
        <Stack gap="md">
          <Text>{inSeries ? t('page.cancelSessionText', { date: longDay(e.start, lang) }) : t('page.cancelEventText')}</Text>
          {cancel.isError ? <ErrorAlert error={cancel.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('page.keep')}
            </Button>
            <Button color="red" onClick={doCancel} loading={cancel.isPending}>
              {inSeries ? t('page.confirmCancelSession') : t('page.confirmCancelEvent')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Field({ label, children, testId }: { label: string; children?: React.ReactNode; testId?: string }) {
  const { t } = useTranslation('events');
  const empty = children === null || children === undefined || children === '' || (Array.isArray(children) && children.length === 0);
  return (
    <div data-testid={testId}>
      <Text component="dt" size="sm" c="gray.7" fw={500}>
        {label}
      </Text>
      <Text component="dd" m={0} c={empty ? 'gray.7' : undefined} fs={empty ? 'italic' : undefined} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {empty ? t('page.notGiven') : children}
      </Text>
    </div>
  );
}

function Details({ e }: { e: EventOut }) {
  const { t } = useTranslation('events');
  return (
    <Stack gap="md">
      <GuidanceNotes guidance={e.guidance} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="ev-about">
          <Title order={2} size="h4" mb="sm" id="ev-about">
            {t('page.about')}
          </Title>
          <Stack component="dl" gap="sm" m={0}>
            <Field label={t('form.programme')}>{e.programmeName}</Field>
            <Field label={t('form.format')}>{t(`formats.${e.format}`)}</Field>
            {e.format !== 'virtual' ? <Field label={t('form.place')}>{e.place}</Field> : null}
            {e.format !== 'in_person' ? (
              <Field label={t('form.videoLink')}>
                {e.videoLink ? (
                  <Anchor href={e.videoLink} target="_blank" rel="noreferrer noopener">
                    {e.videoLink}
                  </Anchor>
                ) : null}
              </Field>
            ) : null}
            <Field label={t('form.capacity')}>{e.capacity === null ? null : String(e.capacity)}</Field>
            {e.kind === 'support_group' ? <Field label={t('form.confidentialityShort')}>{e.confidentialityRequired ? t('page.yes') : t('page.no')}</Field> : null}
            <Field label={t('form.description')}>{e.description}</Field>
          </Stack>
        </Card>
        <Stack gap="md">
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="ev-people">
            <Title order={2} size="h4" mb="sm" id="ev-people">
              {t('page.facilitatorsTitle')}
            </Title>
            {e.facilitators.length === 0 ? (
              <Text c="gray.7">{t('page.noFacilitator')}</Text>
            ) : (
              <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {e.facilitators.map((f) => (
                  <li key={f.id}>
                    {f.erased ? (
                      <Text c="gray.7">{t('page.erasedPerson')}</Text>
                    ) : (
                      <Anchor component={Link} to={`/volunteers/${f.id}`}>
                        {f.firstName} {f.lastName}
                      </Anchor>
                    )}
                    {f.archived || f.status !== 'active' ? (
                      <Text span size="sm" c="gray.7">
                        {' '}
                        — {f.archived ? t('page.personArchived') : t(`page.personStatus.${f.status as 'paused' | 'left'}`)}
                      </Text>
                    ) : null}
                  </li>
                ))}
              </Stack>
            )}
          </Card>
          {e.series ? <SeriesCard e={e} /> : null}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

/** The series this session belongs to: its rule and its sessions around this one. */
function SeriesCard({ e }: { e: EventOut }) {
  const { t } = useTranslation('events');
  const lang = useLang();
  const series = useSeries(e.series!.id);
  const s = series.data;
  const around = s ? s.occurrences.filter((o) => Math.abs(o.position - e.series!.position) <= 3) : [];
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="ev-series" data-testid="series-card">
      <Title order={2} size="h4" mb="xs" id="ev-series">
        {t('page.series')}
      </Title>
      {s ? (
        <Stack gap="sm">
          <Text>{describeRule(t, lang, s)}</Text>
          {e.detached ? <Text size="sm" c="gray.7">{t('page.detachedNote')}</Text> : null}
          <Stack gap={2} component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('page.sessions')}>
            {around.map((o) => {
              const label = `${longDay(o.start, lang)}, ${clock(o.start.slice(11, 16), lang)}`;
              return (
                <li key={o.id}>
                  {o.id === e.id ? (
                    <Text fw={700} aria-current="page">
                      {label}
                    </Text>
                  ) : (
                    <Anchor component={Link} to={`/events/${o.id}`} td={o.status === 'cancelled' ? 'line-through' : undefined}>
                      {label}
                    </Anchor>
                  )}
                  {o.status === 'cancelled' ? (
                    <Text span size="sm" c="red.8">
                      {' '}
                      — {t('status.cancelledSession')}
                    </Text>
                  ) : o.detached ? (
                    <Text span size="sm" c="gray.7">
                      {' '}
                      — {t('status.detached')}
                    </Text>
                  ) : null}
                </li>
              );
            })}
          </Stack>
        </Stack>
      ) : series.isError ? (
        <ErrorAlert error={series.error} />
      ) : (
        <Loader size="sm" aria-label={t('calendar.loading')} />
      )}
    </Card>
  );
}

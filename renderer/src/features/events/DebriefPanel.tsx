import { Alert, Button, Card, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Debrief, RatingTallies } from '../../../../shared/api';
import { ErrorAlert, useFieldErrors } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { call } from '../../lib/api';
import { useFormat } from '../../lib/format';

const RATINGS = [1, 2, 3, 4, 5] as const;
type TallyText = Record<(typeof RATINGS)[number], number | string>;

const debriefKey = (eventId: number) => ['events', 'debrief', eventId] as const;
const seriesDebriefKey = (seriesId: number) => ['events', 'seriesDebrief', seriesId] as const;

function SeriesAverage({ seriesId }: { seriesId: number }) {
  const { t } = useTranslation('events');
  const fmt = useFormat();
  const q = useQuery({ queryKey: seriesDebriefKey(seriesId), queryFn: () => call('events.seriesDebrief', { seriesId }) });
  if (!q.data) return q.isError ? <ErrorAlert error={q.error} /> : null;
  const s = q.data;
  const one = (x: number) => new Intl.NumberFormat(fmt.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(x);
  return (
    <Paper withBorder radius="md" p="md" bg="gray.0" data-testid="series-debrief">
      <Title order={3} size="h5" mb={6}>
        {t('debrief.seriesTitle')}
      </Title>
      {s.sessionsHeld === 0 ? (
        <Text size="sm" c="gray.7">
          {t('debrief.seriesNothingYet')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <div>
            <Text size="sm" c="gray.7">
              {t('debrief.seriesAverage')}
            </Text>
            <Text fw={700} fz="lg" data-testid="series-average">
              {s.average === null ? '—' : t('debrief.outOfFive', { value: one(s.average) })}
            </Text>
            <Text size="xs" c="gray.7">
              {t('debrief.ratingsCount', { count: s.ratings })}
            </Text>
          </div>
          <div>
            <Text size="sm" c="gray.7">
              {t('debrief.seriesParticipants')}
            </Text>
            <Text fw={700} fz="lg">
              {s.participantsAverage === null ? '—' : one(s.participantsAverage)}
            </Text>
            <Text size="xs" c="gray.7">
              {t('debrief.sessionsCounted', { count: s.sessionsCounted })}
            </Text>
          </div>
          <div>
            <Text size="sm" c="gray.7">
              {t('debrief.seriesDebriefed')}
            </Text>
            <Text fw={700} fz="lg">
              {t('debrief.debriefedOf', { done: s.sessionsDebriefed, held: s.sessionsHeld })}
            </Text>
          </div>
        </SimpleGrid>
      )}
    </Paper>
  );
}

function DebriefForm({ d }: { d: Debrief }) {
  const { t } = useTranslation('events');
  const fmt = useFormat();
  const notify = useNotify();
  const qc = useQueryClient();
  const [participants, setParticipants] = useState<number | string>(d.participantCount ?? '');
  const [tallies, setTallies] = useState<TallyText>(d.tallies);
  const [incidents, setIncidents] = useState(d.incidents ?? '');
  const [suggestions, setSuggestions] = useState(d.suggestions ?? '');
  useEffect(() => {
    setParticipants(d.participantCount ?? '');
    setTallies(d.tallies);
    setIncidents(d.incidents ?? '');
    setSuggestions(d.suggestions ?? '');
  }, [d]);
  const save = useMutation({
    mutationFn: () =>
      call('events.saveDebrief', {
        eventId: d.eventId,
        // Empty boxes go as they are: core answers with the message for the box.
        participantCount: participants === '' ? null : (participants as number),
        tallies: Object.fromEntries(RATINGS.map((r) => [r, tallies[r] === '' ? 0 : tallies[r]])) as unknown as RatingTallies,
        incidents,
        suggestions,
      }),
    onSuccess: (next) => {
      qc.setQueryData(debriefKey(d.eventId), next);
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'events' && q.queryKey[1] !== 'debrief' });
      notify.success(t('debrief.saved'));
    },
  });
  const errors = useFieldErrors(save.error);
  const blocked = d.blocked !== null;
  const counts = RATINGS.map((r) => (typeof tallies[r] === 'number' ? (tallies[r] as number) : 0));
  const n = counts.reduce((a, b) => a + b, 0);
  const mean = n ? counts.reduce((a, c, i) => a + c * (i + 1), 0) / n : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="debrief-form">
      <Stack gap="md">
        <NumberInput
          label={t('debrief.participants')}
          description={t('debrief.participantsHint')}
          w={260}
          allowDecimal={false}
          clampBehavior="none"
          value={participants}
          onChange={setParticipants}
          error={errors('participantCount')}
          disabled={blocked}
        />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }} disabled={blocked}>
          <Text component="legend" fw={600} size="sm" mb={4}>
            {t('debrief.tallies')}
          </Text>
          <Text size="sm" c="gray.7" mb="xs">
            {t('debrief.talliesHint')}
          </Text>
          <Group gap="sm" align="flex-start">
            {RATINGS.map((r) => (
              <NumberInput
                key={r}
                w={118}
                label={t(`debrief.rating.${r}`)}
                min={0}
                allowDecimal={false}
                clampBehavior="none"
                value={tallies[r]}
                onChange={(v) => setTallies((x) => ({ ...x, [r]: v }))}
                error={errors(`tallies.${r}`)}
                data-testid={`tally-${r}`}
              />
            ))}
          </Group>
          {errors('tallies') ? (
            <Text c="red.8" size="sm" mt={4} role="alert">
              {errors('tallies')}
            </Text>
          ) : null}
          <Text size="sm" mt="xs" data-testid="debrief-average">
            {mean === null
              ? t('debrief.noRatings')
              : t('debrief.average', { value: new Intl.NumberFormat(fmt.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(mean), count: n })}
          </Text>
        </fieldset>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Textarea label={t('debrief.incidents')} description={t('debrief.incidentsHint')} autosize minRows={3} maxRows={8} value={incidents} onChange={(e) => setIncidents(e.currentTarget.value)} error={errors('incidents')} disabled={blocked} />
          <Textarea label={t('debrief.suggestions')} description={t('debrief.suggestionsHint')} autosize minRows={3} maxRows={8} value={suggestions} onChange={(e) => setSuggestions(e.currentTarget.value)} error={errors('suggestions')} disabled={blocked} />
        </SimpleGrid>
        {save.isError && errors.paths.length === 0 ? <ErrorAlert error={save.error} /> : null}
        <Group justify="space-between">
          <Text size="sm" c="gray.7">
            {d.updatedAt ? t('debrief.lastSaved', { when: fmt.dateTime(d.updatedAt) }) : t('debrief.notSaved')}
          </Text>
          <Button type="submit" loading={save.isPending} disabled={blocked}>
            {t('debrief.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A short debrief of one occurrence (participants, anonymous 1–5 tallies, incidents, suggestions) and its series' average. */
export function DebriefPanel({ eventId }: { eventId: number }) {
  const { t } = useTranslation('events');
  const fmt = useFormat();
  const q = useQuery({ queryKey: debriefKey(eventId), queryFn: () => call('events.debrief', { eventId }) });
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loader aria-label={t('debrief.title')} />;
  const d = q.data;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="debrief-title" data-testid="debrief-panel">
      <Title order={2} size="h4" id="debrief-title" mb={4}>
        {t('debrief.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('debrief.intro')}
      </Text>
      {d.blocked ? (
        <Alert color={d.blocked === 'sessionCancelled' ? 'gray' : 'blue'} variant="light" mb="md">
          {t(`attendance.blocked.${d.blocked}`, { date: fmt.date(d.start.slice(0, 10)) })}
        </Alert>
      ) : null}
      <Stack gap="lg">
        <DebriefForm d={d} />
        {d.seriesId !== null ? <SeriesAverage seriesId={d.seriesId} /> : null}
      </Stack>
    </Card>
  );
}

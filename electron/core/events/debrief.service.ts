import type { z } from 'zod';
import { NO_RATINGS, type Debrief, type debriefInput, type RatingTallies, type SeriesDebrief } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import { nowIso } from '../clock';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { blockOf, loadEvent, refuseIfBlocked, writeParticipants } from './attendance.service';

/**
 * A short debrief per occurrence: participants (the event's own count, shared with attendance),
 * anonymous 1–5 satisfaction tallies, incidents and suggestions; and a series' sessions together.
 */

const RATINGS = [1, 2, 3, 4, 5] as const;

interface DebriefRow {
  rated1: number;
  rated2: number;
  rated3: number;
  rated4: number;
  rated5: number;
  incidents: string | null;
  suggestions: string | null;
  updatedAt: string;
}

const talliesOf = (row: Pick<DebriefRow, 'rated1' | 'rated2' | 'rated3' | 'rated4' | 'rated5'> | undefined): RatingTallies =>
  row ? { 1: row.rated1, 2: row.rated2, 3: row.rated3, 4: row.rated4, 5: row.rated5 } : { ...NO_RATINGS };

const countOf = (t: RatingTallies) => RATINGS.reduce((acc, r) => acc + t[r], 0);
/** The mean rating: every rating counts once, whatever session it was given at. */
const averageOf = (t: RatingTallies) => {
  const n = countOf(t);
  return n === 0 ? null : RATINGS.reduce((acc, r) => acc + r * t[r], 0) / n;
};

export function getDebrief(ctx: Context, eventId: number): Debrief {
  const event = loadEvent(ctx.sqlite, eventId);
  const row = ctx.sqlite
    .prepare('SELECT rated1, rated2, rated3, rated4, rated5, incidents, suggestions, updated_at AS updatedAt FROM event_debriefs WHERE event_id = ?')
    .get(eventId) as DebriefRow | undefined;
  const tallies = talliesOf(row);
  return {
    eventId,
    seriesId: event.seriesId,
    title: event.title,
    start: event.start,
    status: event.status,
    blocked: blockOf(event),
    saved: row !== undefined,
    participantCount: event.participantCount,
    tallies,
    ratings: countOf(tallies),
    average: averageOf(tallies),
    incidents: row?.incidents ?? null,
    suggestions: row?.suggestions ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

export function saveDebrief(ctx: Context, input: z.output<typeof debriefInput>): Debrief {
  const event = loadEvent(ctx.sqlite, input.eventId);
  refuseIfBlocked(event);
  const tallies = input.tallies as RatingTallies;
  // Ratings come from the participants: more ratings than people is a typing mistake.
  if (input.participantCount !== null && countOf(tallies) > input.participantCount) {
    throw new RelaisFailure('VALIDATION', { issues: [{ path: ['tallies'], key: 'debrief.moreRatingsThanParticipants', params: { count: input.participantCount } }] });
  }
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `INSERT INTO event_debriefs (event_id, rated1, rated2, rated3, rated4, rated5, incidents, suggestions, updated_at)
         VALUES (@eventId, @r1, @r2, @r3, @r4, @r5, @incidents, @suggestions, @at)
         ON CONFLICT (event_id) DO UPDATE SET rated1 = excluded.rated1, rated2 = excluded.rated2, rated3 = excluded.rated3,
           rated4 = excluded.rated4, rated5 = excluded.rated5, incidents = excluded.incidents, suggestions = excluded.suggestions,
           updated_at = excluded.updated_at`,
      )
      .run({ eventId: event.id, r1: tallies[1], r2: tallies[2], r3: tallies[3], r4: tallies[4], r5: tallies[5], incidents: input.incidents, suggestions: input.suggestions, at: nowIso() });
    if (event.participantCount !== input.participantCount) writeParticipants(ctx.sqlite, event.id, input.participantCount);
  })();
  return getDebrief(ctx, event.id);
}

export function seriesDebrief(sqlite: Sqlite, seriesId: number): SeriesDebrief {
  const series = sqlite.prepare('SELECT id, title FROM series WHERE id = ?').get(seriesId) as { id: number; title: string } | undefined;
  if (!series) throw new RelaisFailure('NOT_FOUND', { id: seriesId });
  // Held: not cancelled and already started.
  const rows = sqlite
    .prepare(
      `SELECT e.id AS eventId, e.start_local AS start, e.participant_count AS participantCount, d.event_id IS NOT NULL AS debriefed,
              coalesce(d.rated1, 0) AS rated1, coalesce(d.rated2, 0) AS rated2, coalesce(d.rated3, 0) AS rated3,
              coalesce(d.rated4, 0) AS rated4, coalesce(d.rated5, 0) AS rated5
       FROM events e LEFT JOIN event_debriefs d ON d.event_id = e.id
       WHERE e.series_id = ? AND e.status = 'planned' AND e.start_utc <= ?
       ORDER BY e.start_utc, e.id`,
    )
    .all(seriesId, nowIso()) as (DebriefRow & { eventId: number; start: string; participantCount: number | null; debriefed: number })[];
  const sessions = rows.map((r) => {
    const t = talliesOf(r);
    return { eventId: r.eventId, start: r.start, participantCount: r.participantCount, ratings: countOf(t), average: averageOf(t), debriefed: r.debriefed === 1, tallies: t };
  });
  const tallies = { ...NO_RATINGS };
  for (const s of sessions) for (const r of RATINGS) tallies[r] += s.tallies[r];
  const counted = sessions.filter((s) => s.participantCount !== null);
  const participantsTotal = counted.reduce((acc, s) => acc + s.participantCount!, 0);
  return {
    seriesId,
    title: series.title,
    sessionsHeld: sessions.length,
    sessionsDebriefed: sessions.filter((s) => s.debriefed).length,
    tallies,
    ratings: countOf(tallies),
    average: averageOf(tallies),
    participantsAverage: counted.length ? participantsTotal / counted.length : null,
    participantsTotal,
    sessionsCounted: counted.length,
    sessions: sessions.map(({ tallies: _t, ...s }) => s),
  };
}

import type { CalendarEvent, VolunteerScheduleRow } from '../../../shared/api/events/planning';
import { CALENDAR_LIMIT } from '../../../shared/api/events/planning';
import { nowIso } from '../clock';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';

/** The next days as YYYY-MM-DD, without Temporal (asked dozens of times per month view). */
const addDays = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const LIGHT = `e.id, e.title, e.kind, e.start_local, e.end_local, e.start_utc, e.end_utc, e.time_zone, e.status, e.series_id,
  e.detached, e.format, e.place, e.programme_id`;

interface LightRow {
  id: number;
  title: string;
  kind: CalendarEvent['kind'];
  start_local: string;
  end_local: string;
  start_utc: string;
  end_utc: string;
  time_zone: string;
  status: CalendarEvent['status'];
  series_id: number | null;
  detached: number;
  format: CalendarEvent['format'];
  place: string | null;
  programme_id: number | null;
}

const toLight = (r: LightRow): CalendarEvent => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  start: r.start_local,
  end: r.end_local,
  startUtc: r.start_utc,
  endUtc: r.end_utc,
  timeZone: r.time_zone,
  status: r.status,
  seriesId: r.series_id,
  detached: r.detached === 1,
  format: r.format,
  place: r.place,
  programmeId: r.programme_id,
});

const statements = new WeakMap<Sqlite, Map<string, ReturnType<Sqlite['prepare']>>>();
/** Prepared once per connection: the calendar is asked at every month or week turned. */
function prepared(sqlite: Sqlite, sql: string) {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}

/**
 * Events starting on the given local days, in order: one range walk of `events_by_start`
 * (start_local, id), which also gives the order, so a month answers in about the same time at 50k
 * sessions as at 50.
 */
export const calendarSql = (includeCancelled: boolean) => `SELECT ${LIGHT} FROM events e INDEXED BY events_by_start
    WHERE e.start_local >= @from AND e.start_local < @until ${includeCancelled ? '' : "AND e.status = 'planned'"}
    ORDER BY e.start_local, e.id LIMIT @limit`;

/** How many events start on one day: counted in the index, no row read. */
export const dayCountSql = (includeCancelled: boolean) =>
  includeCancelled
    ? 'SELECT count(*) FROM events INDEXED BY events_by_start WHERE start_local >= @from AND start_local < @until'
    : "SELECT count(*) FROM events INDEXED BY events_by_start WHERE start_local >= @from AND start_local < @until AND status = 'planned'";

/**
 * The month view shows a few events a day and "+ n more": with `perDay`, each day is one short
 * walk of the same index (its first events, and its count), so a crowded month costs no more
 * than a quiet one.
 */
export function calendar(ctx: Context, input: { from: string; to: string; includeCancelled: boolean; perDay: number | null }) {
  const list = prepared(ctx.sqlite, calendarSql(input.includeCancelled));
  const dayTotals: Record<string, number> = {};
  if (input.perDay === null) {
    const rows = list.all({ from: input.from, until: addDays(input.to, 1), limit: CALENDAR_LIMIT + 1 }) as LightRow[];
    const kept = rows.slice(0, CALENDAR_LIMIT);
    for (const r of kept) dayTotals[r.start_local.slice(0, 10)] = (dayTotals[r.start_local.slice(0, 10)] ?? 0) + 1;
    return { events: kept.map(toLight), dayTotals, truncated: rows.length > CALENDAR_LIMIT };
  }
  const count = prepared(ctx.sqlite, dayCountSql(input.includeCancelled)).pluck();
  const events: CalendarEvent[] = [];
  for (let day = input.from; day <= input.to; day = addDays(day, 1)) {
    const range = { from: day, until: addDays(day, 1) };
    const rows = list.all({ ...range, limit: input.perDay }) as LightRow[];
    if (rows.length === 0) continue;
    dayTotals[day] = rows.length < input.perDay ? rows.length : (count.get(range) as number);
    events.push(...rows.map(toLight));
  }
  return { events, dayTotals, truncated: false };
}

// An event lasts at most a day, so anything not yet over started less than a day ago: the walk of
// `events_by_start_utc` starts there.
const dayBefore = (now: string) => new Date(Date.parse(now) - 86_400_000).toISOString();

/** Events not yet over, soonest first. */
export function upcoming(ctx: Context, input: { offset: number; limit: number; includeCancelled: boolean }) {
  const now = nowIso();
  const where = `e.start_utc >= @since AND e.end_utc > @now ${input.includeCancelled ? '' : "AND e.status = 'planned'"}`;
  const params = { since: dayBefore(now), now };
  const total = prepared(ctx.sqlite, `SELECT count(*) AS n FROM events e WHERE ${where}`).get(params) as { n: number };
  const rows = prepared(ctx.sqlite, `SELECT ${LIGHT} FROM events e WHERE ${where} ORDER BY e.start_utc, e.id LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: input.limit,
    offset: input.offset,
  }) as LightRow[];
  return { total: total.n, rows: rows.map(toLight) };
}

/**
 * A volunteer's events: the ones they facilitate and the ones they are assigned to (with the
 * names of their roles). Upcoming soonest first; past latest first.
 */
export function volunteerSchedule(ctx: Context, input: { volunteerId: number; when: 'upcoming' | 'past'; offset: number; limit: number }) {
  const now = nowIso();
  const mine = `WITH mine AS (
      SELECT event_id FROM event_facilitators WHERE volunteer_id = @v
      UNION SELECT event_id FROM assignments WHERE volunteer_id = @v)`;
  const when = input.when === 'upcoming' ? 'e.end_utc > @now' : 'e.end_utc <= @now';
  const order = input.when === 'upcoming' ? 'e.start_utc, e.id' : 'e.start_utc DESC, e.id DESC';
  const params = { v: input.volunteerId, now };
  const total = prepared(ctx.sqlite, `${mine} SELECT count(*) AS n FROM mine JOIN events e ON e.id = mine.event_id WHERE ${when}`).get(params) as { n: number };
  const rows = prepared(
    ctx.sqlite,
    `${mine} SELECT ${LIGHT},
       EXISTS (SELECT 1 FROM event_facilitators f WHERE f.event_id = e.id AND f.volunteer_id = @v) AS facilitator,
       (SELECT json_group_array(r.name) FROM assignments a JOIN event_roles r ON r.id = a.role_id
          WHERE a.event_id = e.id AND a.volunteer_id = @v) AS roles
     FROM mine JOIN events e ON e.id = mine.event_id WHERE ${when} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: input.limit, offset: input.offset }) as (LightRow & { facilitator: number; roles: string })[];
  return {
    total: total.n,
    rows: rows.map((r): VolunteerScheduleRow => ({ ...toLight(r), facilitator: r.facilitator === 1, roles: JSON.parse(r.roles) as string[] })),
  };
}

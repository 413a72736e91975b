import type { Sqlite } from '../db/connection';
import { COUNTED, type HourRange } from './totals';

/**
 * The one hour total (totals.ts), read the ways the finance screens need: whole calendar years
 * grouped for the valuation of volunteer time, a person's minutes in SQL for the CEC list, and the
 * counted entries one by one for a timesheet. Every read here uses totals.ts's COUNTED condition,
 * or a running total kept by triggers with that same condition (migration 009: `hour_value_rollup`);
 * finance-rollups.test.ts checks the running total against the entries.
 * Kept beside totals.ts rather than in it so the two files can change independently.
 */

const FROM = `(@from IS NULL OR worked_on >= @from)`;
const TO = `(@to IS NULL OR worked_on <= @to)`;
const params = (range: HourRange) => ({ from: range.from ?? null, to: range.to ?? null });

/** First and last day with counted hours (the two ends of `hour_entries_by_date`, whatever its size). */
export function countedSpan(sqlite: Sqlite): { first: string | null; last: string | null } {
  // Two subqueries: SQLite reads a min() or a max() from one end of the index, but not both in one SELECT.
  return sqlite
    .prepare(
      `SELECT (SELECT min(worked_on) FROM hour_entries WHERE ${COUNTED}) AS first, (SELECT max(worked_on) FROM hour_entries WHERE ${COUNTED}) AS last`,
    )
    .get() as { first: string | null; last: string | null };
}

/**
 * What counted entries can be grouped by at once: month, category, programme, volunteer, the
 * length of the entry itself (`duration`), and the roles of the volunteer (`roles`: the bit set
 * stored on volunteers, see volunteers/bits.ts).
 */
export type HourKey = 'month' | 'category' | 'programme' | 'volunteer' | 'duration' | 'roles';

const KEY_EXPRESSION: Record<HourKey, string> = {
  month: 'substr(worked_on, 1, 7)',
  category: 'category',
  programme: 'programme_id',
  volunteer: 'volunteer_id',
  duration: 'minutes',
  roles: '(SELECT roles FROM volunteers v WHERE v.id = hour_entries.volunteer_id)',
};

export type HourKeyed<K extends HourKey> = { [P in K]: string | number | null } & { minutes: number; entries: number };

/**
 * Counted minutes grouped by several keys at once over a period, read from the entries, optionally
 * for one programme (`0`: none). The plain reading the running totals below are checked against.
 */
export function minutesByKeys<K extends HourKey>(sqlite: Sqlite, keys: readonly K[], range: HourRange = {}, filter: { programmeId?: number | null } = {}): HourKeyed<K>[] {
  const where = [COUNTED, FROM, TO];
  if (filter.programmeId === 0) where.push('programme_id IS NULL');
  else if (filter.programmeId != null) where.push('programme_id = @programmeId');
  const select = keys.map((k) => `${KEY_EXPRESSION[k]} AS "${k}"`).join(', ');
  const groups = keys.map((_, i) => String(i + 1)).join(', ');
  return sqlite
    .prepare(`SELECT ${select}, sum(minutes) AS minutes, count(*) AS entries FROM hour_entries WHERE ${where.join(' AND ')} GROUP BY ${groups}`)
    .all({ ...params(range), programmeId: filter.programmeId ?? null }) as HourKeyed<K>[];
}

export interface CountedEntry {
  id: number;
  volunteerId: number;
  workedOn: string;
  minutes: number;
  category: string;
  programmeId: number | null;
  eventId: number | null;
}

/**
 * Each counted entry of a period, in date order (the lines of a timesheet): the entries whose sum
 * is every total, one by one. Iterated, so a year of entries never sits in memory at once.
 */
export function countedEntries(sqlite: Sqlite, range: HourRange = {}, filter: { programmeId?: number | null } = {}): IterableIterator<CountedEntry> {
  const where = [COUNTED, FROM, TO];
  if (filter.programmeId === 0) where.push('programme_id IS NULL');
  else if (filter.programmeId != null) where.push('programme_id = @programmeId');
  return sqlite
    .prepare(
      `SELECT id, volunteer_id AS volunteerId, worked_on AS workedOn, minutes, category, programme_id AS programmeId, event_id AS eventId
         FROM hour_entries WHERE ${where.join(' AND ')} ORDER BY worked_on, id`,
    )
    .iterate({ ...params(range), programmeId: filter.programmeId ?? null }) as IterableIterator<CountedEntry>;
}

/**
 * A year's counted entries grouped for the valuation, from `hour_value_rollup`: per category ×
 * programme × the volunteer's current roles × length of the entry, how many entries. The same
 * groups as `minutesByKeys(['category', 'programme', 'roles', 'duration'])` over that year, without
 * reading a year of entries. `programmeId` 0: outside any programme.
 */
export interface ValueGroup {
  category: string;
  programmeId: number | null;
  roles: number;
  duration: number;
  entries: number;
}

export function valueGroups(sqlite: Sqlite, year: number, filter: { programmeId?: number | null } = {}): ValueGroup[] {
  const scope = filter.programmeId == null ? '' : 'AND programme_key = @programmeKey';
  return sqlite
    .prepare(
      `SELECT category, nullif(programme_key, 0) AS programmeId, roles, duration, entries FROM hour_value_rollup
        WHERE year = @year ${scope} AND entries > 0`,
    )
    .all({ year, programmeKey: filter.programmeId ?? 0 }) as ValueGroup[];
}

/**
 * A volunteer's counted minutes over a period as an SQL expression, for lists that sort or page
 * people by their hours in SQL: `minutesOf('v.id', '@from', '@to')`. A walk of the person's own
 * entries along `hour_entries_by_volunteer` (volunteer, approval, day, minutes), with COUNTED.
 */
export const minutesOf = (volunteerColumn: string, fromParameter: string, toParameter: string) =>
  `coalesce((SELECT sum(minutes) FROM hour_entries WHERE volunteer_id = ${volunteerColumn} AND ${COUNTED} AND worked_on BETWEEN ${fromParameter} AND ${toParameter}), 0)`;

import type { Sqlite } from '../db/connection';

/**
 * The one definition of a volunteer's hours (DESIGN §3): attended shifts plus approved manual
 * entries. Attendance writes its entries already approved, so "counted" is simply "approved".
 * Every screen, report, certificate and valuation sums minutes through this condition and these
 * functions — never its own query — so the figures agree everywhere.
 */
export const COUNTED = `approval = 'approved'`;

export interface HourRange {
  /** First day counted (YYYY-MM-DD), inclusive; null: from the beginning. */
  from?: string | null;
  /** Last day counted (YYYY-MM-DD), inclusive; null: up to today and beyond. */
  to?: string | null;
}

const FROM = `(@from IS NULL OR worked_on >= @from)`;
const TO = `(@to IS NULL OR worked_on <= @to)`;

const params = (range: HourRange) => ({ from: range.from ?? null, to: range.to ?? null });

/** Minutes counted for one volunteer over a period (walks `hour_entries_by_volunteer` only). */
export function volunteerMinutes(sqlite: Sqlite, volunteerId: number, range: HourRange = {}): number {
  return sqlite
    .prepare(
      `SELECT coalesce(sum(minutes), 0) FROM hour_entries
       WHERE volunteer_id = @volunteerId AND ${COUNTED} AND ${FROM} AND ${TO}`,
    )
    .pluck()
    .get({ volunteerId, ...params(range) }) as number;
}

/** Minutes counted for many volunteers at once (certificates in batches, milestone lists). */
export function minutesByVolunteer(sqlite: Sqlite, volunteerIds: readonly number[], range: HourRange = {}): Map<number, number> {
  const out = new Map<number, number>(volunteerIds.map((id) => [id, 0]));
  if (volunteerIds.length === 0) return out;
  const statement = sqlite.prepare(
    `SELECT volunteer_id AS id, sum(minutes) AS minutes FROM hour_entries
     WHERE volunteer_id IN (SELECT value FROM json_each(@ids)) AND ${COUNTED} AND ${FROM} AND ${TO}
     GROUP BY volunteer_id`,
  );
  for (const row of statement.all({ ids: JSON.stringify(volunteerIds), ...params(range) }) as { id: number; minutes: number }[]) {
    out.set(row.id, row.minutes);
  }
  return out;
}

export type HourGrouping = 'month' | 'category' | 'programme' | 'volunteer';

const GROUP_EXPRESSION: Record<HourGrouping, string> = {
  month: 'substr(worked_on, 1, 7)',
  category: 'category',
  programme: 'programme_id',
  volunteer: 'volunteer_id',
};

export interface HourGroup {
  /** The month (YYYY-MM), category key, programme id (null: none) or volunteer id. */
  key: string | number | null;
  minutes: number;
  entries: number;
}

/**
 * Counted minutes grouped one way over a period, optionally for one volunteer or one programme.
 * By month, category or programme for the whole association, whole months come from
 * `hour_rollup` (kept by triggers with the same condition) and only the days of a partial first or
 * last month are read from the entries; otherwise the entries are walked through
 * `hour_entries_by_date` (approval, worked_on, …) or `hour_entries_by_volunteer`.
 */
export function minutesBy(
  sqlite: Sqlite,
  grouping: HourGrouping,
  range: HourRange = {},
  filter: {
    volunteerId?: number;
    programmeId?: number;
    /** Hours written by attendance at one event (walks the `hour_entries_attendance` index). */
    attendanceAt?: number;
  } = {},
): HourGroup[] {
  if (grouping !== 'volunteer' && filter.volunteerId === undefined && filter.attendanceAt === undefined) {
    return minutesByFromRollup(sqlite, grouping, range, filter.programmeId);
  }
  return minutesByFromEntries(sqlite, grouping, range, filter);
}

function minutesByFromEntries(
  sqlite: Sqlite,
  grouping: HourGrouping,
  range: HourRange,
  filter: { volunteerId?: number; programmeId?: number; attendanceAt?: number },
): HourGroup[] {
  const expression = GROUP_EXPRESSION[grouping];
  const where = [COUNTED, FROM, TO];
  if (filter.volunteerId !== undefined) where.push('volunteer_id = @volunteerId');
  if (filter.programmeId !== undefined) where.push('programme_id = @programmeId');
  // The literal `source = 'attendance'` lets SQLite use the partial index on (event_id, volunteer_id).
  if (filter.attendanceAt !== undefined) where.push(`source = 'attendance' AND event_id = @eventId`);
  return sqlite
    .prepare(
      `SELECT ${expression} AS key, sum(minutes) AS minutes, count(*) AS entries FROM hour_entries
       WHERE ${where.join(' AND ')} GROUP BY 1 ORDER BY 1`,
    )
    .all({ ...params(range), volunteerId: filter.volunteerId ?? null, programmeId: filter.programmeId ?? null, eventId: filter.attendanceAt ?? null }) as HourGroup[];
}

const ROLLUP_KEY: Record<Exclude<HourGrouping, 'volunteer'>, string> = {
  month: 'month',
  category: 'category',
  programme: "nullif(programme_key, 0)",
};

const monthOf = (day: string) => day.slice(0, 7);
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};
const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

function minutesByFromRollup(
  sqlite: Sqlite,
  grouping: Exclude<HourGrouping, 'volunteer'>,
  range: HourRange,
  programmeId: number | undefined,
): HourGroup[] {
  const from = range.from ?? null;
  const to = range.to ?? null;
  // Whole months inside the range come from the rollup; a partial month at either end from the entries.
  const firstWhole = from === null ? null : from.endsWith('-01') ? monthOf(from) : shiftMonth(monthOf(from), 1);
  const lastWhole = to === null ? null : to === lastDayOf(monthOf(to)) ? monthOf(to) : shiftMonth(monthOf(to), -1);
  const groups = new Map<string | number | null, HourGroup>();
  const add = (rows: HourGroup[]) => {
    for (const r of rows) {
      const g = groups.get(r.key);
      if (g) {
        g.minutes += r.minutes;
        g.entries += r.entries;
      } else groups.set(r.key, { ...r });
    }
  };
  const entryFilter = programmeId === undefined ? {} : { programmeId };
  if (firstWhole !== null && lastWhole !== null && firstWhole > lastWhole) {
    // The range sits inside one or two partial months: the entries are few, read them.
    add(minutesByFromEntries(sqlite, grouping, range, entryFilter));
  } else {
    add(
      sqlite
        .prepare(
          `SELECT ${ROLLUP_KEY[grouping]} AS key, sum(minutes) AS minutes, sum(entries) AS entries FROM hour_rollup
           WHERE (@first IS NULL OR month >= @first) AND (@last IS NULL OR month <= @last)
             AND (@programmeId IS NULL OR programme_key = @programmeId) AND entries > 0
           GROUP BY 1`,
        )
        .all({ first: firstWhole, last: lastWhole, programmeId: programmeId ?? null }) as HourGroup[],
    );
    if (from !== null && firstWhole !== monthOf(from)) {
      add(minutesByFromEntries(sqlite, grouping, { from, to: lastDayOf(monthOf(from)) }, entryFilter));
    }
    if (to !== null && lastWhole !== monthOf(to)) {
      add(minutesByFromEntries(sqlite, grouping, { from: `${monthOf(to)}-01`, to }, entryFilter));
    }
  }
  return [...groups.values()]
    .filter((g) => g.entries > 0)
    .sort((a, b) => (a.key === b.key ? 0 : a.key === null ? -1 : b.key === null ? 1 : a.key < b.key ? -1 : 1));
}

/** First and last day with counted hours (the ends of `hour_entries_by_date`, whatever its size). */
export function countedSpan(sqlite: Sqlite): { first: string | null; last: string | null } {
  return sqlite
    .prepare(`SELECT min(worked_on) AS first, max(worked_on) AS last FROM hour_entries WHERE ${COUNTED}`)
    .get() as { first: string | null; last: string | null };
}

/**
 * What counted minutes can be grouped by at once: the grouping keys above, the length of the
 * entry itself (`duration`: a value rounded per entry, like the valuation's, is then
 * `entries × round(rate × duration)` per group, with no need to read each entry), and the roles of
 * the volunteer (`roles`: the bit set stored on volunteers, see volunteers/bits.ts).
 */
export type HourKey = HourGrouping | 'duration' | 'roles';

const KEY_EXPRESSION: Record<HourKey, string> = {
  ...GROUP_EXPRESSION,
  duration: 'minutes',
  roles: '(SELECT roles FROM volunteers v WHERE v.id = hour_entries.volunteer_id)',
};

export type HourKeyed<K extends HourKey> = { [P in K]: string | number | null } & { minutes: number; entries: number };

/**
 * Counted minutes grouped by several keys at once over a period (e.g. volunteer × category for a
 * year, or category × duration for the valuation), optionally for one programme (`0`: none).
 */
export function minutesByKeys<K extends HourKey>(
  sqlite: Sqlite,
  keys: readonly K[],
  range: HourRange = {},
  filter: { programmeId?: number | null } = {},
): HourKeyed<K>[] {
  const where = [COUNTED, FROM, TO];
  if (filter.programmeId === 0) where.push('programme_id IS NULL');
  else if (filter.programmeId != null) where.push('programme_id = @programmeId');
  const select = keys.map((k) => `${KEY_EXPRESSION[k]} AS "${k}"`).join(', ');
  const groups = keys.map((_, i) => String(i + 1)).join(', ');
  return sqlite
    .prepare(
      `SELECT ${select}, sum(minutes) AS minutes, count(*) AS entries FROM hour_entries
       WHERE ${where.join(' AND ')} GROUP BY ${groups}`,
    )
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
 * is every total above, one by one. Iterated, so a year of entries never sits in memory at once.
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
 * The year's counted entries grouped for the valuation, from `hour_value_rollup` (kept by triggers
 * with the COUNTED condition, migration 009): per category × programme × the volunteer's current
 * roles × length of the entry, how many entries. The same groups as `minutesByKeys(['category',
 * 'programme', 'roles', 'duration'])` over that year (a test checks it), without reading a year of
 * entries. `programmeId` 0: outside any programme.
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
 * A calendar year's counted minutes per volunteer, from `hour_volunteer_year` (same triggers):
 * for these people, or for everyone with at least `atLeast` minutes that year.
 */
export function yearMinutesByVolunteer(sqlite: Sqlite, year: number, who: { ids: readonly number[] } | { atLeast: number }): Map<number, number> {
  const rows =
    'ids' in who
      ? (sqlite
          .prepare(
            `SELECT volunteer_id AS id, minutes FROM hour_volunteer_year
              WHERE volunteer_id IN (SELECT value FROM json_each(@ids)) AND year = @year AND entries > 0`,
          )
          .all({ ids: JSON.stringify(who.ids), year }) as { id: number; minutes: number }[])
      : (sqlite
          .prepare(`SELECT volunteer_id AS id, minutes FROM hour_volunteer_year WHERE year = @year AND minutes >= @atLeast AND entries > 0`)
          .all({ year, atLeast: who.atLeast }) as { id: number; minutes: number }[]);
  return new Map(rows.map((r) => [r.id, r.minutes]));
}

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

/**
 * What SQLite groups by: the leading columns of the index the period walks (day, then category,
 * then programme in `hour_entries_by_date`; the volunteer in `hour_entries_by_volunteer`), so it
 * adds up in index order and never sorts the period's entries into a temporary tree. Days are
 * folded into months, and day × category rows into categories, here.
 */
const GROUP_COLUMNS: Record<HourGrouping, string> = {
  month: 'worked_on',
  category: 'worked_on, category',
  programme: 'worked_on, category, programme_id',
  volunteer: 'volunteer_id',
};

interface PartialGroup {
  worked_on?: string;
  category?: string;
  programme_id?: number | null;
  volunteer_id?: number;
  minutes: number;
  entries: number;
}

const KEY_OF: Record<HourGrouping, (row: PartialGroup) => string | number | null> = {
  month: (r) => r.worked_on!.slice(0, 7),
  category: (r) => r.category!,
  programme: (r) => r.programme_id ?? null,
  volunteer: (r) => r.volunteer_id!,
};

/** SQLite's own order for ORDER BY: NULL, then numbers, then text. */
const compareKeys = (a: string | number | null, b: string | number | null): number => {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : 1;
};

export interface HourGroup {
  /** The month (YYYY-MM), category key, programme id (null: none) or volunteer id. */
  key: string | number | null;
  minutes: number;
  entries: number;
}

interface HourFilter {
  volunteerId?: number;
  programmeId?: number;
  /** Hours written by attendance at one event (walks the `hour_entries_attendance` index). */
  attendanceAt?: number;
}

/**
 * Counted minutes grouped one way over a period, optionally for one volunteer, one programme or
 * the attendance of one event, ordered by key.
 * For the whole association by month, category or programme, whole months come from
 * `hour_rollup` (kept by triggers with the same approved condition, migration 006) and only the
 * days of a partial first or last month are read from the entries: a year of a million entries
 * is then a few hundred rows. Anything narrower reads the entries through their indexes.
 */
export function minutesBy(sqlite: Sqlite, grouping: HourGrouping, range: HourRange = {}, filter: HourFilter = {}): HourGroup[] {
  if (grouping !== 'volunteer' && filter.volunteerId === undefined && filter.attendanceAt === undefined) {
    return minutesByFromRollup(sqlite, grouping, range, filter.programmeId);
  }
  return minutesByFromEntries(sqlite, grouping, range, filter);
}

function minutesByFromEntries(sqlite: Sqlite, grouping: HourGrouping, range: HourRange, filter: HourFilter): HourGroup[] {
  const columns = GROUP_COLUMNS[grouping];
  const where = [COUNTED, FROM, TO];
  if (filter.volunteerId !== undefined) where.push('volunteer_id = @volunteerId');
  if (filter.programmeId !== undefined) where.push('programme_id = @programmeId');
  // The literal `source = 'attendance'` lets SQLite use the partial index on (event_id, volunteer_id).
  if (filter.attendanceAt !== undefined) where.push(`source = 'attendance' AND event_id = @eventId`);
  // Everyone's totals by volunteer: the volunteer index already holds them in order.
  const index = grouping === 'volunteer' && filter.programmeId === undefined && filter.attendanceAt === undefined ? 'INDEXED BY hour_entries_by_volunteer' : '';
  const rows = sqlite
    .prepare(
      `SELECT ${columns}, sum(minutes) AS minutes, count(*) AS entries FROM hour_entries ${index}
       WHERE ${where.join(' AND ')} GROUP BY ${columns}`,
    )
    .all({ ...params(range), volunteerId: filter.volunteerId ?? null, programmeId: filter.programmeId ?? null, eventId: filter.attendanceAt ?? null }) as PartialGroup[];
  const groups = new Map<string | number | null, HourGroup>();
  const keyOf = KEY_OF[grouping];
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) {
      group.minutes += row.minutes;
      group.entries += row.entries;
    } else groups.set(key, { key, minutes: row.minutes, entries: row.entries });
  }
  return [...groups.values()].sort((a, b) => compareKeys(a.key, b.key));
}

const ROLLUP_KEY: Record<Exclude<HourGrouping, 'volunteer'>, string> = {
  month: 'month',
  category: 'category',
  programme: 'nullif(programme_key, 0)',
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
  const entryFilter = programmeId === undefined ? {} : { programmeId };
  const firstWhole = from === null ? null : from.endsWith('-01') ? monthOf(from) : shiftMonth(monthOf(from), 1);
  const lastWhole = to === null ? null : to === lastDayOf(monthOf(to)) ? monthOf(to) : shiftMonth(monthOf(to), -1);
  // No whole month inside the period: its entries are few, read them.
  if (firstWhole !== null && lastWhole !== null && firstWhole > lastWhole) return minutesByFromEntries(sqlite, grouping, range, entryFilter);

  const groups = new Map<string | number | null, HourGroup>();
  const add = (rows: HourGroup[]) => {
    for (const r of rows) {
      const g = groups.get(r.key);
      if (g) {
        g.minutes += r.minutes;
        g.entries += r.entries;
      } else groups.set(r.key, { key: r.key, minutes: r.minutes, entries: r.entries });
    }
  };
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
  if (from !== null && firstWhole !== monthOf(from)) add(minutesByFromEntries(sqlite, grouping, { from, to: lastDayOf(monthOf(from)) }, entryFilter));
  if (to !== null && lastWhole !== monthOf(to)) add(minutesByFromEntries(sqlite, grouping, { from: `${monthOf(to)}-01`, to }, entryFilter));
  return [...groups.values()].filter((g) => g.entries > 0).sort((a, b) => compareKeys(a.key, b.key));
}

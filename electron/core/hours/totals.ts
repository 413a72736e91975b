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
 * Walks `hour_entries_by_date` (approval, worked_on, …) so the period bounds the work.
 */
export function minutesBy(
  sqlite: Sqlite,
  grouping: HourGrouping,
  range: HourRange = {},
  filter: { volunteerId?: number; programmeId?: number } = {},
): HourGroup[] {
  const expression = GROUP_EXPRESSION[grouping];
  const where = [COUNTED, FROM, TO];
  if (filter.volunteerId !== undefined) where.push('volunteer_id = @volunteerId');
  if (filter.programmeId !== undefined) where.push('programme_id = @programmeId');
  return sqlite
    .prepare(
      `SELECT ${expression} AS key, sum(minutes) AS minutes, count(*) AS entries FROM hour_entries
       WHERE ${where.join(' AND ')} GROUP BY 1 ORDER BY 1`,
    )
    .all({ ...params(range), volunteerId: filter.volunteerId ?? null, programmeId: filter.programmeId ?? null }) as HourGroup[];
}

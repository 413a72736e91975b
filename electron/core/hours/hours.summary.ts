import type { hourTotalsInput, HourCategory, HourTotals, VolunteerHourSummary } from '../../../shared/api';
import type { z } from 'zod';
import { RelaisFailure } from '../../../shared/errors';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { COUNTED, minutesBy, volunteerMinutes, type HourGroup } from './totals';
import { addDays, associationToday } from './today';

/**
 * The hour figures screens show, every one of them read through totals.ts (the one definition):
 * the totals page and a volunteer's hours block.
 */

function names(sqlite: Sqlite, table: 'volunteers' | 'programmes', ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const label = table === 'volunteers' ? `last_name || ' ' || first_name` : 'name';
  const rows = sqlite
    .prepare(`SELECT id, ${label} AS label FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as { id: number; label: string }[];
  return new Map(rows.map((r) => [r.id, r.label]));
}

const sum = (groups: readonly HourGroup[], field: 'minutes' | 'entries') => groups.reduce((acc, g) => acc + g[field], 0);

export function hourTotals(ctx: Context, input: z.output<typeof hourTotalsInput>): HourTotals {
  const filter = {
    ...(input.volunteerId !== null ? { volunteerId: input.volunteerId } : {}),
    ...(input.programmeId !== null ? { programmeId: input.programmeId } : {}),
  };
  let groups = minutesBy(ctx.sqlite, input.grouping, { from: input.from, to: input.to }, filter);
  const totalMinutes = sum(groups, 'minutes');
  const entries = sum(groups, 'entries');
  const groupCount = groups.length;
  let labels = new Map<number, string>();
  if (input.grouping === 'volunteer') {
    // The most active first; a tie reads in id order, so the page is stable.
    groups = [...groups].sort((a, b) => b.minutes - a.minutes || Number(a.key) - Number(b.key)).slice(0, input.limit);
    labels = names(ctx.sqlite, 'volunteers', groups.map((g) => Number(g.key)));
  } else if (input.grouping === 'programme') {
    labels = names(ctx.sqlite, 'programmes', groups.filter((g) => g.key !== null).map((g) => Number(g.key)));
  }
  return {
    grouping: input.grouping,
    from: input.from,
    to: input.to,
    totalMinutes,
    entries,
    groupCount,
    groups: groups.map((g) => ({ ...g, label: g.key === null ? null : labels.get(Number(g.key)) ?? null })),
  };
}

export function volunteerSummary(ctx: Context, volunteerId: number): VolunteerHourSummary {
  const sqlite = ctx.sqlite;
  if (!sqlite.prepare('SELECT 1 FROM volunteers WHERE id = ?').get(volunteerId)) throw new RelaisFailure('NOT_FOUND', { id: volunteerId });
  const today = associationToday(sqlite);
  const filter = { volunteerId };
  const byMonth = minutesBy(sqlite, 'month', {}, filter);
  const byCategory = minutesBy(sqlite, 'category', {}, filter);
  const byProgramme = minutesBy(sqlite, 'programme', {}, filter);
  const programmeNames = names(sqlite, 'programmes', byProgramme.filter((g) => g.key !== null).map((g) => Number(g.key)));
  const pendingEntries = sqlite
    .prepare(`SELECT count(*) FROM hour_entries WHERE volunteer_id = ? AND approval = 'pending'`)
    .pluck()
    .get(volunteerId) as number;
  const lastWorkedOn = sqlite
    .prepare(`SELECT max(worked_on) FROM hour_entries WHERE volunteer_id = ? AND ${COUNTED}`)
    .pluck()
    .get(volunteerId) as string | null;
  return {
    volunteerId,
    today,
    totalMinutes: volunteerMinutes(sqlite, volunteerId),
    entries: sum(byMonth, 'entries'),
    last30DaysMinutes: volunteerMinutes(sqlite, volunteerId, { from: addDays(today, -29), to: today }),
    thisYearMinutes: volunteerMinutes(sqlite, volunteerId, { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` }),
    byMonth: byMonth.map((g) => ({ month: String(g.key), minutes: g.minutes, entries: g.entries })),
    byCategory: byCategory
      .map((g) => ({ category: g.key as HourCategory, minutes: g.minutes, entries: g.entries }))
      .sort((a, b) => b.minutes - a.minutes),
    byProgramme: byProgramme.map((g) => ({
      programmeId: g.key === null ? null : Number(g.key),
      name: g.key === null ? null : programmeNames.get(Number(g.key)) ?? null,
      minutes: g.minutes,
      entries: g.entries,
    })),
    pendingEntries,
    lastWorkedOn,
  };
}

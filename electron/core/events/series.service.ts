import type { Adjustment, RoleTemplate, SeriesData, SeriesDetail, SeriesRuleInput } from '../../../shared/api/events/planning';
import { MAX_OCCURRENCES } from '../../../shared/api/events/planning';
import type { z } from 'zod';
import type { seriesRule } from '../../../shared/api/events/planning';
import { RelaisFailure } from '../../../shared/errors';
import { nowIso } from '../clock';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { PlanningIssues, checkFacilitators, checkProgramme, checkRoles, zoneFor } from './planning.checks';
import { ATTENDED, eventRowOrThrow, findSeriesRow, loadSeriesDetail, loadSeriesRoles, type SeriesRow } from './planning.repository';
import { insertEvent, insertRoles, replaceFacilitators, syncSeriesRoles, templateColumns, updateEventColumns, type TemplateColumns } from './planning.writes';
import { ruleDates, ruleSlots, type Rule } from './recurrence';
import { fitRolesInside } from './role-fit';
import { addDays, minutesOfDay, weekdayOf } from './time';

export type { SeriesRuleInput };

type RuleData = Pick<SeriesData, 'frequency' | 'startsOn' | 'weekday' | 'monthOrdinal' | 'startTime' | 'endTime' | 'untilOn' | 'count'>;

const ruleOf = (d: RuleData): Rule => ({
  frequency: d.frequency,
  startsOn: d.startsOn,
  weekday: d.weekday ?? weekdayOf(d.startsOn),
  monthOrdinal: d.frequency === 'monthly' ? d.monthOrdinal : null,
  untilOn: d.untilOn,
  count: d.count,
});

const ruleOfRow = (s: SeriesRow): Rule => ({
  frequency: s.frequency,
  startsOn: s.starts_on,
  weekday: s.weekday,
  monthOrdinal: s.month_ordinal,
  untilOn: s.until_on,
  count: s.occurrence_count,
});

const durationOf = (d: Pick<RuleData, 'startTime' | 'endTime'>) => minutesOfDay(d.endTime) - minutesOfDay(d.startTime);

/** The rule's dates, refused when there are none or more than a series may have. */
function checkedDates(rule: Rule, issues: PlanningIssues): string[] {
  const dates = ruleDates(rule, MAX_OCCURRENCES + 1);
  const where = rule.count !== null ? ['count'] : ['untilOn'];
  if (dates.length > MAX_OCCURRENCES) issues.add(where, 'planning.tooManyOccurrences', { max: MAX_OCCURRENCES });
  else if (dates.length === 0) issues.add(where, 'planning.noOccurrence');
  return dates;
}

/** The sessions a rule would make, for the form's preview: nothing is written. */
export function previewSeries(ctx: Context, input: z.output<typeof seriesRule>) {
  const issues = new PlanningIssues();
  const zone = zoneFor(ctx.sqlite, input.timeZone, issues);
  issues.throwIfAny();
  const rule = ruleOf(input);
  checkedDates(rule, issues);
  issues.throwIfAny();
  const { slots, adjustments } = ruleSlots(rule, input.startTime, durationOf(input), zone, MAX_OCCURRENCES);
  return { occurrences: slots.map((s) => ({ position: s.position, start: s.start.local, end: s.end.local })), adjustments, timeZone: zone };
}

/** Everything checked before a series is written; `previous` is the series being edited. */
function checkSeries(ctx: Context, data: SeriesData, previous: SeriesRow | null) {
  const issues = new PlanningIssues();
  const zone = zoneFor(ctx.sqlite, data.timeZone ?? previous?.time_zone ?? null, issues);
  checkProgramme(ctx.sqlite, data.programmeId, previous?.programme_id ?? null, issues);
  const previousPeople = previous ? (ctx.sqlite.prepare('SELECT volunteer_id FROM series_facilitators WHERE series_id = ?').pluck().all(previous.id) as number[]) : [];
  checkFacilitators(ctx.sqlite, data.facilitatorIds, previousPeople, issues);
  const minutes = durationOf(data);
  const previousRoles = previous ? loadSeriesRoles(ctx.sqlite, previous.id) : [];
  checkRoles(ctx.sqlite, data.roles, minutes, issues, new Map(previousRoles.map((r) => [r.id, r.requiredTrainingId])));
  const ownRoles = new Set(previousRoles.map((r) => r.id));
  data.roles.forEach((r, i) => {
    if (r.id !== null && !ownRoles.has(r.id)) issues.add(['roles', i, 'id'], 'planning.unknownRole');
  });
  issues.throwIfAny();
  const rule = ruleOf(data);
  checkedDates(rule, issues);
  issues.throwIfAny();
  return { zone, rule, minutes };
}

function seriesColumns(data: SeriesData, zone: string, rule: Rule, minutes: number) {
  return {
    ...templateColumns(data, zone),
    start_time: data.startTime,
    duration_minutes: minutes,
    frequency: rule.frequency,
    month_ordinal: rule.monthOrdinal,
    weekday: rule.weekday,
    starts_on: rule.startsOn,
    until_on: rule.untilOn,
    occurrence_count: rule.count,
  };
}

type SeriesColumns = ReturnType<typeof seriesColumns>;

function insertSeries(sqlite: Sqlite, columns: SeriesColumns, at: string): number {
  const keys = Object.keys(columns);
  return Number(
    sqlite
      .prepare(`INSERT INTO series (${keys.join(', ')}, created_at, updated_at) VALUES (${keys.map((k) => `@${k}`).join(', ')}, @at, @at)`)
      .run({ ...columns, at }).lastInsertRowid,
  );
}

const INSERT_SERIES_ROLE = `INSERT INTO series_roles (series_id, name, needed, start_offset, end_offset, skills, position, required_training_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Writes the series' role template: roles with an id are updated (occurrences keep them and their
 * assignments), new ones are added, missing ones go — first from the occurrences still free to
 * change, so sessions already held keep the roles they had. Answers old id → kept id.
 */
function writeRoleTemplate(sqlite: Sqlite, seriesId: number, roles: readonly RoleTemplate[], removeFromFree: (roleIds: number[]) => void): void {
  const current = loadSeriesRoles(sqlite, seriesId).map((r) => r.id);
  const kept = new Set(roles.flatMap((r) => (r.id !== null ? [r.id] : [])));
  const dropped = current.filter((id) => !kept.has(id));
  if (dropped.length) {
    removeFromFree(dropped);
    sqlite.prepare('DELETE FROM series_roles WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(dropped));
  }
  const update = sqlite.prepare(
    'UPDATE series_roles SET name = ?, needed = ?, start_offset = ?, end_offset = ?, skills = ?, position = ?, required_training_id = ? WHERE id = ?',
  );
  const insert = sqlite.prepare(INSERT_SERIES_ROLE);
  roles.forEach((r, position) => {
    const skills = JSON.stringify(r.skills);
    if (r.id !== null) update.run(r.name, r.needed, r.startOffset, r.endOffset, skills, position, r.requiredTrainingId, r.id);
    else insert.run(seriesId, r.name, r.needed, r.startOffset, r.endOffset, skills, position, r.requiredTrainingId);
  });
}

/** A session that series edits may change: planned, not detached, not begun, nothing recorded. */
const FREE = (alias: string, now: string) =>
  `(${alias}.status = 'planned' AND ${alias}.detached = 0 AND ${alias}.start_utc > '${now}' AND NOT ${ATTENDED(alias)})`;

export interface Regeneration {
  created: number;
  updated: number;
  removed: number;
  kept: number;
  adjustments: Adjustment[];
}

/**
 * Makes the series' sessions match its rule and template. Idempotent: slot n of the rule has at
 * most one row (unique series_id + series_position), so running it again changes nothing. Sessions
 * held, begun, attended, cancelled or detached are never changed nor removed; a slot they hold is
 * not generated again. Free sessions follow the template and the rule's times; free sessions past
 * the rule's end are removed. A role added by hand on a free session that now runs past its end is
 * shortened (an adjustment says so), or the edit refused when it would start after the end (see
 * role-fit.ts). The caller owns the transaction.
 */
export function regenerateSeries(sqlite: Sqlite, seriesId: number, now: string): Regeneration {
  const s = findSeriesRow(sqlite, seriesId);
  if (!s) throw new RelaisFailure('NOT_FOUND', { id: seriesId });
  // ISO text without a quote in it: safe inside the statement, and comparable to start_utc.
  if (!/^[0-9TZ:.+-]+$/.test(now)) throw new Error('bad instant');
  const { slots, adjustments } = ruleSlots(ruleOfRow(s), s.start_time, s.duration_minutes, s.time_zone, MAX_OCCURRENCES);
  const template: TemplateColumns = {
    title: s.title,
    kind: s.kind,
    programme_id: s.programme_id,
    description: s.description,
    place: s.place,
    video_link: s.video_link,
    format: s.format,
    capacity: s.capacity,
    confidentiality_required: s.confidentiality_required,
    time_zone: s.time_zone,
  };
  const roles = loadSeriesRoles(sqlite, seriesId).map((r) => ({ ...r, seriesRoleId: r.id }));
  const facilitators = sqlite.prepare('SELECT volunteer_id FROM series_facilitators WHERE series_id = ?').pluck().all(seriesId) as number[];
  const existing = sqlite
    .prepare(`SELECT e.id, e.series_position AS position, ${FREE('e', now)} AS free FROM events e WHERE e.series_id = ?`)
    .all(seriesId) as { id: number; position: number; free: number }[];
  const byPosition = new Map(existing.map((e) => [e.position, e]));
  const out: Regeneration = { created: 0, updated: 0, removed: 0, kept: 0, adjustments: [] };
  const changedTimes: number[] = [];
  const at = nowIso();
  for (const slot of slots) {
    const times = { start_local: slot.start.local, end_local: slot.end.local, start_utc: slot.start.utc, end_utc: slot.end.utc };
    const row = byPosition.get(slot.position);
    if (!row) {
      const id = insertEvent(sqlite, { series_id: seriesId, series_position: slot.position, ...template, ...times }, at);
      replaceFacilitators(sqlite, 'event_facilitators', id, facilitators);
      insertRoles(sqlite, id, roles);
      out.created++;
      out.adjustments.push(...adjustments.filter((a) => a.position === slot.position));
    } else if (row.free === 1) {
      const a = updateEventColumns(sqlite, row.id, { ...template, ...times }, at);
      const b = replaceFacilitators(sqlite, 'event_facilitators', row.id, facilitators);
      const c = syncSeriesRoles(sqlite, row.id, roles);
      if (a) changedTimes.push(row.id);
      if (a || b || c) {
        out.updated++;
        out.adjustments.push(...adjustments.filter((x) => x.position === slot.position));
      }
      if ((b || c) && !a) sqlite.prepare('UPDATE events SET updated_at = ? WHERE id = ?').run(at, row.id);
    } else out.kept++;
  }
  const remove = sqlite.prepare('DELETE FROM events WHERE id = ?');
  for (const row of existing) {
    if (row.position < slots.length) continue;
    if (row.free === 1) {
      remove.run(row.id);
      out.removed++;
    } else out.kept++;
  }
  // Sessions whose times changed keep their roles inside them.
  out.adjustments.push(...fitRolesInside(sqlite, changedTimes, 'endTime'));
  return out;
}

export function createSeries(ctx: Context, data: SeriesData): { series: SeriesDetail; adjustments: Adjustment[] } {
  const { zone, rule, minutes } = checkSeries(ctx, data, null);
  const now = nowIso();
  const { id, regeneration } = ctx.sqlite.transaction(() => {
    const id = insertSeries(ctx.sqlite, seriesColumns(data, zone, rule, minutes), now);
    replaceFacilitators(ctx.sqlite, 'series_facilitators', id, data.facilitatorIds);
    writeRoleTemplate(ctx.sqlite, id, data.roles, () => undefined);
    return { id, regeneration: regenerateSeries(ctx.sqlite, id, now) };
  })();
  return { series: loadSeriesDetail(ctx.sqlite, id, nowIso()), adjustments: regeneration.adjustments };
}

export const getSeries = (ctx: Context, id: number) => loadSeriesDetail(ctx.sqlite, id, nowIso());

function updateSeriesRow(sqlite: Sqlite, id: number, columns: Partial<SeriesColumns>, at: string): void {
  const keys = Object.keys(columns);
  sqlite.prepare(`UPDATE series SET ${keys.map((k) => `${k} = @${k}`).join(', ')}, updated_at = @at WHERE id = @id`).run({ ...columns, at, id });
}

/**
 * Edits a whole series (every session not yet held) or "this and following" from one occurrence.
 * The split: the old series now ends just before the occurrence (after as many sessions, or on the
 * day before its slot), a new series takes the new rule and template, and the occurrences from
 * there on move to it (slot n − p), free ones following the new rule, the others kept as they are.
 * One transaction: a refused edit writes nothing.
 */
export function updateSeries(
  ctx: Context,
  input: { seriesId: number; scope: 'all' | 'this_and_following'; fromEventId: number | null; data: SeriesData },
) {
  const old = findSeriesRow(ctx.sqlite, input.seriesId);
  if (!old) throw new RelaisFailure('NOT_FOUND', { id: input.seriesId });
  let from = 0;
  if (input.scope === 'this_and_following') {
    const event = eventRowOrThrow(ctx.sqlite, input.fromEventId!);
    if (event.series_id !== old.id) throw new RelaisFailure('VALIDATION', { issues: [{ path: ['fromEventId'], key: 'planning.notInSeries' }] });
    from = event.series_position!;
  }
  const { zone, rule, minutes } = checkSeries(ctx, input.data, old);
  const now = nowIso();
  const columns = seriesColumns(input.data, zone, rule, minutes);
  const sqlite = ctx.sqlite;
  const result = sqlite.transaction(() => {
    if (from === 0) {
      updateSeriesRow(sqlite, old.id, columns, now);
      replaceFacilitators(sqlite, 'series_facilitators', old.id, input.data.facilitatorIds);
      writeRoleTemplate(sqlite, old.id, input.data.roles, (dropped) => removeRolesFromFree(sqlite, old.id, dropped, now));
      return { seriesId: old.id, previousSeriesId: null, regeneration: regenerateSeries(sqlite, old.id, now) };
    }
    // The old series ends before slot `from`: the same count of sessions, or the day before that slot.
    const oldRule = ruleOfRow(old);
    const end = old.occurrence_count !== null ? { occurrence_count: from, until_on: null } : { occurrence_count: null, until_on: addDays(ruleDates(oldRule, from + 1)[from] ?? old.until_on!, -1) };
    updateSeriesRow(sqlite, old.id, end, now);
    const newId = insertSeries(sqlite, columns, now);
    replaceFacilitators(sqlite, 'series_facilitators', newId, input.data.facilitatorIds);
    // Roles the edit keeps (named by their old id) become the new series' roles; occurrences that
    // move keep their role rows, so the volunteers assigned to them stay assigned.
    const mapping = new Map<number, number>();
    const insertRole = sqlite.prepare(INSERT_SERIES_ROLE);
    input.data.roles.forEach((r, position) => {
      const id = Number(insertRole.run(newId, r.name, r.needed, r.startOffset, r.endOffset, JSON.stringify(r.skills), position, r.requiredTrainingId).lastInsertRowid);
      if (r.id !== null) mapping.set(r.id, id);
    });
    const moving = sqlite
      .prepare(`SELECT e.id, ${FREE('e', now)} AS free FROM events e WHERE e.series_id = ? AND e.series_position >= ?`)
      .all(old.id, from) as { id: number; free: number }[];
    sqlite.prepare('UPDATE events SET series_id = ?, series_position = series_position - ? WHERE series_id = ? AND series_position >= ?').run(newId, from, old.id, from);
    const remap = sqlite.prepare('UPDATE event_roles SET series_role_id = ? WHERE event_id = ? AND series_role_id = ?');
    const dropOld = sqlite.prepare(
      'DELETE FROM event_roles WHERE event_id = ? AND series_role_id IS NOT NULL AND series_role_id IN (SELECT id FROM series_roles WHERE series_id = ?)',
    );
    for (const e of moving.filter((m) => m.free === 1)) {
      for (const [oldRole, newRole] of mapping) remap.run(newRole, e.id, oldRole);
      dropOld.run(e.id, old.id);
    }
    return { seriesId: newId, previousSeriesId: old.id, regeneration: regenerateSeries(sqlite, newId, now) };
  })();
  const { adjustments, ...counts } = result.regeneration;
  return { series: loadSeriesDetail(sqlite, result.seriesId, nowIso()), previousSeriesId: result.previousSeriesId, ...counts, adjustments };
}

/** Roles dropped from the template leave the sessions still free to change (held sessions keep theirs). */
function removeRolesFromFree(sqlite: Sqlite, seriesId: number, roleIds: number[], now: string): void {
  sqlite
    .prepare(
      `DELETE FROM event_roles WHERE series_role_id IN (SELECT value FROM json_each(?))
       AND event_id IN (SELECT e.id FROM events e WHERE e.series_id = ? AND ${FREE('e', now)})`,
    )
    .run(JSON.stringify(roleIds), seriesId);
}

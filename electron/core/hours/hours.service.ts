import type { HourEntry, HourEntryData, hourEntryPatch, hourListInput } from '../../../shared/api';
import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors';
import { RelaisFailure } from '../../../shared/errors';
import { nowIso } from '../clock';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { associationToday } from './today';

/**
 * Hour entries typed by hand and their approval. Entries written by attendance are read and edited
 * here too (their minutes, category and note), but they come and go with the attendance marks.
 */

const ENTRY_COLUMNS = `
  h.id, h.volunteer_id AS volunteerId, v.first_name || ' ' || v.last_name AS volunteerName,
  h.worked_on AS workedOn, h.minutes, h.category, h.programme_id AS programmeId, p.name AS programmeName,
  h.event_id AS eventId, e.title AS eventTitle, e.start_local AS eventStart,
  h.source, h.approval, h.note, h.created_at AS createdAt, h.updated_at AS updatedAt`;

const ENTRY_JOINS = `
  JOIN volunteers v ON v.id = h.volunteer_id
  LEFT JOIN programmes p ON p.id = h.programme_id
  LEFT JOIN events e ON e.id = h.event_id`;

const ENTRY_SELECT = `SELECT ${ENTRY_COLUMNS} FROM hour_entries h ${ENTRY_JOINS}`;

export function loadEntry(sqlite: Sqlite, id: number): HourEntry | undefined {
  return sqlite.prepare(`${ENTRY_SELECT} WHERE h.id = ?`).get(id) as HourEntry | undefined;
}

function getEntry(sqlite: Sqlite, id: number): HourEntry {
  const entry = loadEntry(sqlite, id);
  if (!entry) throw new RelaisFailure('NOT_FOUND', { id });
  return entry;
}

export const isErased = (sqlite: Sqlite, volunteerId: number) =>
  sqlite.prepare('SELECT 1 FROM erasures WHERE volunteer_id = ?').get(volunteerId) !== undefined;

/** What the contract cannot check: the day is not ahead of today, the people and things named exist. */
function referenceIssues(
  sqlite: Sqlite,
  refs: { volunteerId?: number; programmeId?: number | null; eventId?: number | null; workedOn?: string },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (refs.workedOn !== undefined && refs.workedOn > associationToday(sqlite)) issues.push({ path: ['workedOn'], key: 'hours.futureDate' });
  if (refs.volunteerId !== undefined) {
    const known = sqlite.prepare('SELECT 1 FROM volunteers WHERE id = ?').get(refs.volunteerId);
    if (!known) issues.push({ path: ['volunteerId'], key: 'hours.unknownVolunteer' });
    else if (isErased(sqlite, refs.volunteerId)) issues.push({ path: ['volunteerId'], key: 'hours.erasedVolunteer' });
  }
  if (refs.programmeId != null && !sqlite.prepare('SELECT 1 FROM programmes WHERE id = ?').get(refs.programmeId)) {
    issues.push({ path: ['programmeId'], key: 'hours.unknownProgramme' });
  }
  if (refs.eventId != null && !sqlite.prepare('SELECT 1 FROM events WHERE id = ?').get(refs.eventId)) {
    issues.push({ path: ['eventId'], key: 'hours.unknownEvent' });
  }
  return issues;
}

export function createEntry(ctx: Context, data: HourEntryData): HourEntry {
  const issues = referenceIssues(ctx.sqlite, data);
  if (issues.length) throw new RelaisFailure('VALIDATION', { issues });
  const at = nowIso();
  const id = ctx.sqlite.transaction(() =>
    Number(
      ctx.sqlite
        .prepare(
          `INSERT INTO hour_entries (volunteer_id, worked_on, minutes, category, programme_id, event_id, source, approval, note, created_at, updated_at)
           VALUES (@volunteerId, @workedOn, @minutes, @category, @programmeId, @eventId, 'manual', @approval, @note, @at, @at)`,
        )
        .run({ ...data, at }).lastInsertRowid,
    ),
  )();
  return getEntry(ctx.sqlite, id);
}

export function updateEntry(ctx: Context, patch: z.output<typeof hourEntryPatch>): HourEntry {
  const before = getEntry(ctx.sqlite, patch.id);
  if (isErased(ctx.sqlite, before.volunteerId)) throw new RelaisFailure('CONFLICT', { reason: 'erased', id: before.volunteerId });
  const issues: FieldIssue[] = [];
  if (before.source === 'attendance') {
    // The day and programme of attendance hours are the event's own.
    if (patch.workedOn !== undefined && patch.workedOn !== before.workedOn) issues.push({ path: ['workedOn'], key: 'hours.fixedByAttendance' });
    if (patch.programmeId !== undefined && patch.programmeId !== before.programmeId) issues.push({ path: ['programmeId'], key: 'hours.fixedByAttendance' });
  }
  issues.push(...referenceIssues(ctx.sqlite, { workedOn: patch.workedOn, programmeId: patch.programmeId }));
  if (issues.length) throw new RelaisFailure('VALIDATION', { issues });
  const next = {
    workedOn: patch.workedOn ?? before.workedOn,
    minutes: patch.minutes ?? before.minutes,
    category: patch.category ?? before.category,
    programmeId: patch.programmeId === undefined ? before.programmeId : patch.programmeId,
    note: patch.note === undefined ? before.note : patch.note,
  };
  const same = (Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === before[k]);
  if (same) return before;
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare(
        `UPDATE hour_entries SET worked_on = @workedOn, minutes = @minutes, category = @category, programme_id = @programmeId,
           note = @note, updated_at = @at WHERE id = @id`,
      )
      .run({ ...next, id: before.id, at: nowIso() });
  })();
  return getEntry(ctx.sqlite, before.id);
}

export function removeEntry(ctx: Context, id: number): { removed: number } {
  const entry = getEntry(ctx.sqlite, id);
  if (entry.source === 'attendance') throw new RelaisFailure('CONFLICT', { reason: 'hourFromAttendance', id });
  ctx.sqlite.transaction(() => ctx.sqlite.prepare('DELETE FROM hour_entries WHERE id = ?').run(id))();
  return { removed: id };
}

/**
 * Approves or rejects entries, all or none. Attendance entries are approved by nature: approving
 * them again changes nothing, rejecting them is refused (mark the person absent instead).
 */
export function setApproval(ctx: Context, ids: readonly number[], approval: 'approved' | 'rejected'): { updated: number } {
  const rows = ctx.sqlite
    .prepare('SELECT id, source, approval FROM hour_entries WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: number; source: string; approval: string }[];
  if (rows.length !== ids.length) {
    const found = new Set(rows.map((r) => r.id));
    throw new RelaisFailure('NOT_FOUND', { ids: ids.filter((id) => !found.has(id)) });
  }
  if (approval === 'rejected') {
    const fromAttendance = rows.filter((r) => r.source === 'attendance').map((r) => r.id);
    if (fromAttendance.length) throw new RelaisFailure('CONFLICT', { reason: 'hourFromAttendance', ids: fromAttendance });
  }
  const changing = rows.filter((r) => r.approval !== approval).map((r) => r.id);
  if (changing.length === 0) return { updated: 0 };
  ctx.sqlite.transaction(() => {
    ctx.sqlite
      .prepare('UPDATE hour_entries SET approval = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))')
      .run(approval, nowIso(), JSON.stringify(changing));
  })();
  return { updated: changing.length };
}

/**
 * Entries newest first (day, then the latest typed), filtered and paged. The page's ids come from
 * hour_entries alone, newest day first along `hour_entries_by_day`, and only those rows are joined
 * to names and titles (CROSS JOIN keeps the page first: SQLite cannot tell its size from a bound
 * LIMIT and would otherwise walk every entry to meet it). Category and programme are tested on the rows (`+`), not used to pick an
 * index: walking the days and skipping others finds a page at once, sorting every match does not.
 */
export function listEntries(ctx: Context, input: z.output<typeof hourListInput>): { total: number; rows: HourEntry[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (clause: string, key: string, value: unknown) => {
    where.push(clause);
    params[key] = value;
  };
  if (input.volunteerId !== null) add('h.volunteer_id = @volunteerId', 'volunteerId', input.volunteerId);
  if (input.programmeId === 'none') where.push('+h.programme_id IS NULL');
  else if (input.programmeId !== null) add('+h.programme_id = @programmeId', 'programmeId', input.programmeId);
  if (input.category !== null) add('+h.category = @category', 'category', input.category);
  if (input.approval !== null) add('h.approval = @approval', 'approval', input.approval);
  if (input.source !== null) add('h.source = @source', 'source', input.source);
  if (input.from !== null) add('h.worked_on >= @from', 'from', input.from);
  if (input.to !== null) add('h.worked_on <= @to', 'to', input.to);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = ctx.sqlite.prepare(`SELECT count(*) FROM hour_entries h ${clause}`).pluck().get(params) as number;
  const rows = ctx.sqlite
    .prepare(
      `WITH page AS (SELECT h.id FROM hour_entries h ${clause} ORDER BY h.worked_on DESC, h.id DESC LIMIT @limit OFFSET @offset)
       SELECT ${ENTRY_COLUMNS} FROM page CROSS JOIN hour_entries h ON h.id = page.id ${ENTRY_JOINS}
       ORDER BY h.worked_on DESC, h.id DESC`,
    )
    .all({ ...params, limit: input.limit, offset: input.offset }) as HourEntry[];
  return { total, rows };
}

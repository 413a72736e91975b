import { Temporal } from 'temporal-polyfill';
import {
  ATTENDANCE_DAYS_AHEAD,
  EVENT_KIND_CATEGORY,
  MAX_ENTRY_MINUTES,
  type AttendanceBlock,
  type AttendanceMark,
  type AttendanceRow,
  type AttendanceStatus,
  type AttendanceView,
  type EventKind,
  type EventStatus,
  type HourCategory,
} from '../../../shared/api';
import type { FieldIssue } from '../../../shared/errors';
import { RelaisFailure } from '../../../shared/errors';
import { nowIso } from '../clock';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { attendanceEntries, ensureAttendanceEntry, removeAttendanceEntry } from '../hours/attendance-entries';
import { todayIn } from '../hours/today';
import { minutesBy } from '../hours/totals';

/**
 * Attendance per occurrence: who was expected (assigned to a role, or facilitating), who came
 * (walk-ins), their marks, and the hour entries that follow the marks. See the contract
 * (shared/api/events/attendance.ts) for the rules.
 */

export interface HeldEvent {
  id: number;
  title: string;
  kind: EventKind;
  status: EventStatus;
  seriesId: number | null;
  timeZone: string;
  start: string;
  end: string;
  startUtc: string;
  endUtc: string;
  programmeId: number | null;
  participantCount: number | null;
}

export function loadEvent(sqlite: Sqlite, eventId: number): HeldEvent {
  const event = sqlite
    .prepare(
      `SELECT id, title, kind, status, series_id AS seriesId, time_zone AS timeZone, start_local AS start, end_local AS "end",
              start_utc AS startUtc, end_utc AS endUtc, programme_id AS programmeId, participant_count AS participantCount
       FROM events WHERE id = ?`,
    )
    .get(eventId) as HeldEvent | undefined;
  if (!event) throw new RelaisFailure('NOT_FOUND', { id: eventId });
  return event;
}

export const durationOf = (e: Pick<HeldEvent, 'startUtc' | 'endUtc'>) => Math.round((Date.parse(e.endUtc) - Date.parse(e.startUtc)) / 60_000);

/** The first day marks are taken: the occurrence's own day, on its own calendar. */
export const opensOn = (e: Pick<HeldEvent, 'start'>) => Temporal.PlainDate.from(e.start.slice(0, 10)).subtract({ days: ATTENDANCE_DAYS_AHEAD }).toString();

/** Why this occurrence takes no attendance or debrief now, or null. */
export function blockOf(e: HeldEvent): AttendanceBlock | null {
  if (e.status === 'cancelled') return 'sessionCancelled';
  if (todayIn(e.timeZone) < opensOn(e)) return 'sessionNotHeldYet';
  return null;
}

export function refuseIfBlocked(e: HeldEvent): void {
  const reason = blockOf(e);
  if (reason) throw new RelaisFailure('CONFLICT', { reason, id: e.id, opensOn: opensOn(e) });
}

interface RoleWindow {
  roleId: number;
  name: string;
  startOffset: number;
  endOffset: number;
}

interface Person {
  id: number;
  firstName: string;
  lastName: string;
  sortName: string;
  archived: boolean;
  erased: boolean;
}

/** Minutes covered by a set of windows inside [0, duration]: overlapping shifts count once. */
export function coveredMinutes(windows: readonly { startOffset: number; endOffset: number }[], duration: number): number {
  const spans = windows
    .map((w) => [Math.max(0, w.startOffset), Math.min(duration, w.endOffset)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let reach = -1;
  for (const [a, b] of spans) {
    const from = Math.max(a, reach);
    if (b > from) total += b - from;
    reach = Math.max(reach, b);
  }
  return total;
}

/** Everything attendance knows of one event, read in a few indexed queries. */
function gather(sqlite: Sqlite, event: HeldEvent) {
  const roles = new Map<number, RoleWindow[]>();
  for (const r of sqlite
    .prepare(
      `SELECT a.volunteer_id AS volunteerId, r.id AS roleId, r.name, r.start_offset AS startOffset, r.end_offset AS endOffset
       FROM assignments a JOIN event_roles r ON r.id = a.role_id WHERE a.event_id = ? ORDER BY r.position, r.id`,
    )
    .all(event.id) as (RoleWindow & { volunteerId: number })[]) {
    const { volunteerId, ...role } = r;
    (roles.get(volunteerId) ?? roles.set(volunteerId, []).get(volunteerId)!).push(role);
  }
  const facilitators = new Set(sqlite.prepare('SELECT volunteer_id FROM event_facilitators WHERE event_id = ?').pluck().all(event.id) as number[]);
  const marks = new Map(
    (
      sqlite.prepare('SELECT volunteer_id AS volunteerId, status, walk_in AS walkIn FROM attendance WHERE event_id = ?').all(event.id) as {
        volunteerId: number;
        status: AttendanceStatus;
        walkIn: number;
      }[]
    ).map((m) => [m.volunteerId, m]),
  );
  return { roles, facilitators, marks };
}

function people(sqlite: Sqlite, ids: readonly number[]): Map<number, Person> {
  const rows = sqlite
    .prepare(
      `SELECT v.id, v.first_name AS firstName, v.last_name AS lastName, v.sort_name AS sortName,
              v.archived_at IS NOT NULL AS archived, e.volunteer_id IS NOT NULL AS erased
       FROM volunteers v LEFT JOIN erasures e ON e.volunteer_id = v.id WHERE v.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as (Omit<Person, 'archived' | 'erased'> & { archived: number; erased: number })[];
  return new Map(rows.map((r) => [r.id, { ...r, archived: r.archived === 1, erased: r.erased === 1 }]));
}

/** What marking this person present writes: minutes and category. */
function hoursFor(event: HeldEvent, facilitator: boolean, roles: readonly RoleWindow[]): { minutes: number; category: HourCategory } {
  const duration = durationOf(event);
  const covered = facilitator || roles.length === 0 ? duration : coveredMinutes(roles, duration);
  return {
    minutes: Math.min(MAX_ENTRY_MINUTES, Math.max(1, covered)),
    category: facilitator ? 'facilitation' : EVENT_KIND_CATEGORY[event.kind],
  };
}

export function attendanceView(sqlite: Sqlite, eventId: number): AttendanceView {
  const event = loadEvent(sqlite, eventId);
  const { roles, facilitators, marks } = gather(sqlite, event);
  const entries = attendanceEntries(sqlite, event.id);
  const ids = [...new Set([...roles.keys(), ...facilitators, ...marks.keys()])];
  const who = people(sqlite, ids);
  const rows: (AttendanceRow & { sortName: string })[] = ids.map((id) => {
    const p = who.get(id)!;
    const mine = roles.get(id) ?? [];
    const facilitator = facilitators.has(id);
    const mark = marks.get(id);
    const entry = entries.get(id);
    const hours = hoursFor(event, facilitator, mine);
    return {
      volunteerId: id,
      firstName: p.firstName,
      lastName: p.lastName,
      sortName: p.sortName,
      archived: p.archived,
      erased: p.erased,
      assigned: mine.length > 0,
      facilitator,
      walkIn: mine.length === 0 && !facilitator,
      roles: mine,
      status: mark?.status ?? null,
      hourEntryId: entry?.id ?? null,
      minutes: entry?.minutes ?? null,
      expectedMinutes: hours.minutes,
      category: hours.category,
    };
  });
  rows.sort((a, b) => Number(a.walkIn) - Number(b.walkIn) || a.sortName.localeCompare(b.sortName) || a.volunteerId - b.volunteerId);
  const expected = rows.filter((r) => !r.walkIn);
  const count = (s: AttendanceStatus) => rows.filter((r) => r.status === s).length;
  return {
    eventId: event.id,
    title: event.title,
    kind: event.kind,
    status: event.status,
    seriesId: event.seriesId,
    timeZone: event.timeZone,
    start: event.start,
    end: event.end,
    durationMinutes: durationOf(event),
    programmeId: event.programmeId,
    participantCount: event.participantCount,
    opensOn: opensOn(event),
    blocked: blockOf(event),
    rows: rows.map(({ sortName: _s, ...r }) => r),
    counts: {
      expected: expected.length,
      present: count('present'),
      absent: count('absent'),
      excused: count('excused'),
      unmarked: expected.filter((r) => r.status === null).length,
      walkIns: rows.length - expected.length,
    },
    totalMinutes: minutesBy(sqlite, 'category', {}, { attendanceAt: event.id }).reduce((acc, g) => acc + g.minutes, 0),
  };
}

/**
 * Sets marks in one transaction. Each person must be expected (assigned or facilitating) or
 * already on the list as a walk-in; an erased person cannot be marked present.
 */
export function markAttendance(ctx: Context, eventId: number, marks: readonly AttendanceMark[]): AttendanceView {
  const sqlite = ctx.sqlite;
  const event = loadEvent(sqlite, eventId);
  refuseIfBlocked(event);
  const { roles, facilitators, marks: existing } = gather(sqlite, event);
  const who = people(sqlite, marks.map((m) => m.volunteerId));
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  marks.forEach((m, i) => {
    const path = ['marks', i, 'volunteerId'];
    if (seen.has(m.volunteerId)) issues.push({ path, key: 'attendance.duplicateMark' });
    seen.add(m.volunteerId);
    const person = who.get(m.volunteerId);
    if (!person) issues.push({ path, key: 'attendance.unknownVolunteer' });
    else if (!roles.has(m.volunteerId) && !facilitators.has(m.volunteerId) && !existing.has(m.volunteerId)) issues.push({ path, key: 'attendance.notExpected' });
    else if (person.erased && m.status === 'present') issues.push({ path, key: 'attendance.erasedVolunteer' });
  });
  if (issues.length) throw new RelaisFailure('VALIDATION', { issues });
  const at = nowIso();
  sqlite.transaction(() => {
    for (const m of marks) {
      const expected = roles.has(m.volunteerId) || facilitators.has(m.volunteerId);
      applyMark(sqlite, event, m.volunteerId, m.status, { walkIn: !expected, facilitator: facilitators.has(m.volunteerId), roles: roles.get(m.volunteerId) ?? [] }, at);
    }
  })();
  return attendanceView(sqlite, eventId);
}

function applyMark(
  sqlite: Sqlite,
  event: HeldEvent,
  volunteerId: number,
  status: AttendanceStatus | null,
  who: { walkIn: boolean; facilitator: boolean; roles: readonly RoleWindow[] },
  at: string,
): void {
  if (status === null) {
    sqlite.prepare('DELETE FROM attendance WHERE event_id = ? AND volunteer_id = ?').run(event.id, volunteerId);
    removeAttendanceEntry(sqlite, event.id, volunteerId);
    return;
  }
  // Marking the same again changes nothing, not even the time stamp.
  sqlite
    .prepare(
      `INSERT INTO attendance (event_id, volunteer_id, status, walk_in, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (event_id, volunteer_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at
       WHERE attendance.status <> excluded.status`,
    )
    .run(event.id, volunteerId, status, who.walkIn ? 1 : 0, at);
  if (status === 'present') {
    const hours = hoursFor(event, who.facilitator, who.roles);
    ensureAttendanceEntry(sqlite, { eventId: event.id, volunteerId, workedOn: event.start.slice(0, 10), programmeId: event.programmeId, ...hours }, at);
  } else {
    removeAttendanceEntry(sqlite, event.id, volunteerId);
  }
}

/** Someone who came without being expected: on the list as a walk-in, present, hours for the whole event. */
export function addWalkIn(ctx: Context, eventId: number, volunteerId: number): AttendanceView {
  const sqlite = ctx.sqlite;
  const event = loadEvent(sqlite, eventId);
  refuseIfBlocked(event);
  const { roles, facilitators } = gather(sqlite, event);
  const person = people(sqlite, [volunteerId]).get(volunteerId);
  const path = ['volunteerId'];
  if (!person) throw new RelaisFailure('VALIDATION', { issues: [{ path, key: 'attendance.unknownVolunteer' }] });
  if (person.erased) throw new RelaisFailure('VALIDATION', { issues: [{ path, key: 'attendance.erasedVolunteer' }] });
  if (roles.has(volunteerId) || facilitators.has(volunteerId)) throw new RelaisFailure('VALIDATION', { issues: [{ path, key: 'attendance.alreadyExpected' }] });
  sqlite.transaction(() => applyMark(sqlite, event, volunteerId, 'present', { walkIn: true, facilitator: false, roles: [] }, nowIso()))();
  return attendanceView(sqlite, eventId);
}

/** The number of participants (a count, no names), shared by the attendance panel and the debrief. */
export function setParticipants(ctx: Context, eventId: number, participantCount: number | null): AttendanceView {
  const event = loadEvent(ctx.sqlite, eventId);
  refuseIfBlocked(event);
  if (event.participantCount !== participantCount) {
    ctx.sqlite.transaction(() => writeParticipants(ctx.sqlite, eventId, participantCount))();
  }
  return attendanceView(ctx.sqlite, eventId);
}

export function writeParticipants(sqlite: Sqlite, eventId: number, participantCount: number | null): void {
  sqlite.prepare('UPDATE events SET participant_count = ?, updated_at = ? WHERE id = ?').run(participantCount, nowIso(), eventId);
}

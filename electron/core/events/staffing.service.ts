import type { z } from 'zod';
import type {
  AssignmentView,
  EventRole,
  StaffingView,
  StaffingWarning,
  UnfilledRole,
  eventRoleInput,
  staffingMethods,
} from '../../../shared/api';
import { MAX_EVENT_MINUTES } from '../../../shared/api';
import type { FieldIssue } from '../../../shared/errors';
import { RelaisFailure } from '../../../shared/errors';
import { nowIso } from '../clock';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { weeklyHourCap } from '../settings/settings.service';
import { requiredTrainingIssue } from '../trainings/warnings';
import { eventMinutes, loadEvent, loadRole, type EventFacts, type RoleFacts } from './shifts';
import { assignmentWarnings, roleWarnings, type AssignedPerson } from './warnings';

type RoleData = z.output<typeof eventRoleInput>;

/**
 * Roles (shifts) of an event and who is assigned to them. Every write checks everything first and
 * then runs in one transaction, so a refused input leaves the file exactly as it was.
 */

function requireEvent(sqlite: Sqlite, eventId: number): EventFacts {
  const event = loadEvent(sqlite, eventId);
  if (!event) throw new RelaisFailure('NOT_FOUND', { reason: 'eventNotFound', eventId });
  return event;
}

function requireRole(sqlite: Sqlite, roleId: number): RoleFacts {
  const role = loadRole(sqlite, roleId);
  if (!role) throw new RelaisFailure('NOT_FOUND', { reason: 'roleNotFound', roleId });
  return role;
}

function refuseIfCancelled(event: EventFacts): void {
  if (event.status === 'cancelled') throw new RelaisFailure('CONFLICT', { reason: 'staffingCancelledEvent', eventId: event.id });
}

const filledOf = (sqlite: Sqlite, roleId: number) =>
  sqlite.prepare('SELECT count(*) FROM assignments WHERE role_id = ?').pluck().get(roleId) as number;

function roleSkills(sqlite: Sqlite, roleIds: readonly number[]): Map<number, EventRole['skills']> {
  const out = new Map<number, EventRole['skills']>(roleIds.map((id) => [id, []]));
  const rows = sqlite
    .prepare(
      `SELECT rs.role_id AS roleId, rs.skill_id AS skillId, rs.min_level AS minLevel, s.key, s.name
       FROM event_role_skills rs JOIN skills s ON s.id = rs.skill_id
       WHERE rs.role_id IN (SELECT value FROM json_each(?))
       ORDER BY rs.role_id, rs.min_level DESC, coalesce(s.key, s.name)`,
    )
    .all(JSON.stringify(roleIds)) as ({ roleId: number } & EventRole['skills'][number])[];
  for (const { roleId, ...skill } of rows) out.get(roleId)!.push(skill);
  return out;
}

export function roleView(sqlite: Sqlite, roleId: number): EventRole {
  const role = requireRole(sqlite, roleId);
  return toEventRole(role, roleSkills(sqlite, [roleId]).get(roleId)!, filledOf(sqlite, roleId));
}

const toEventRole = (role: RoleFacts, skills: EventRole['skills'], filled: number): EventRole => ({
  id: role.id,
  eventId: role.eventId,
  seriesRoleId: role.seriesRoleId,
  name: role.name,
  needed: role.needed,
  startOffset: role.startOffset,
  endOffset: role.endOffset,
  position: role.position,
  skills,
  requiredTraining: role.requiredTraining,
  filled,
});

/**
 * What the contract cannot check alone: the window fits inside this event, the skills exist (an
 * archived skill only if the role already asked for it), and so does the required training (an
 * archived one only if the role already required it). Answers the window to store.
 */
function checkRole(sqlite: Sqlite, event: EventFacts, data: RoleData, previous: RoleFacts | null): { startOffset: number; endOffset: number } {
  const issues: FieldIssue[] = [];
  const max = eventMinutes(event);
  const endOffset = data.endOffset ?? max;
  if (data.startOffset >= max) issues.push({ path: ['role', 'startOffset'], key: 'staffing.outsideEvent', params: { max } });
  else if (endOffset > max) issues.push({ path: ['role', 'endOffset'], key: 'staffing.outsideEvent', params: { max } });
  if (data.skills.length) {
    const kept = new Set(
      previous ? (sqlite.prepare('SELECT skill_id FROM event_role_skills WHERE role_id = ?').pluck().all(previous.id) as number[]) : [],
    );
    const known = sqlite
      .prepare('SELECT id, archived FROM skills WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(data.skills.map((s) => s.skillId))) as { id: number; archived: number }[];
    const usable = new Set(known.filter((k) => k.archived === 0 || kept.has(k.id)).map((k) => k.id));
    data.skills.forEach((s, i) => {
      if (!usable.has(s.skillId)) issues.push({ path: ['role', 'skills', i, 'skillId'], key: 'unknownSkill' });
    });
  }
  const training = requiredTrainingIssue(sqlite, data.requiredTrainingId, previous?.requiredTraining?.id ?? null);
  if (training) issues.push({ path: ['role', 'requiredTrainingId'], key: training });
  if (issues.length) throw new RelaisFailure('VALIDATION', { issues });
  return { startOffset: data.startOffset, endOffset };
}

function writeSkills(sqlite: Sqlite, roleId: number, skills: RoleData['skills']): void {
  sqlite.prepare('DELETE FROM event_role_skills WHERE role_id = ?').run(roleId);
  const insert = sqlite.prepare('INSERT INTO event_role_skills (role_id, skill_id, min_level) VALUES (?, ?, ?)');
  for (const s of skills) insert.run(roleId, s.skillId, s.minLevel);
}

export function addRole(ctx: Context, eventId: number, data: RoleData): EventRole {
  const { sqlite } = ctx;
  const event = requireEvent(sqlite, eventId);
  refuseIfCancelled(event);
  const window = checkRole(sqlite, event, data, null);
  const roleId = sqlite.transaction(() => {
    const position = sqlite.prepare('SELECT coalesce(max(position), -1) + 1 FROM event_roles WHERE event_id = ?').pluck().get(eventId) as number;
    const id = Number(
      sqlite
        .prepare('INSERT INTO event_roles (event_id, name, needed, start_offset, end_offset, position, required_training_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(eventId, data.name, data.needed, window.startOffset, window.endOffset, position, data.requiredTrainingId).lastInsertRowid,
    );
    writeSkills(sqlite, id, data.skills);
    touchEvent(sqlite, eventId);
    return id;
  })();
  return roleView(sqlite, roleId);
}

export function updateRole(ctx: Context, roleId: number, data: RoleData): EventRole {
  const { sqlite } = ctx;
  const role = requireRole(sqlite, roleId);
  refuseIfCancelled(role.event);
  const window = checkRole(sqlite, role.event, data, role);
  sqlite.transaction(() => {
    sqlite
      .prepare('UPDATE event_roles SET name = ?, needed = ?, start_offset = ?, end_offset = ?, required_training_id = ? WHERE id = ?')
      .run(data.name, data.needed, window.startOffset, window.endOffset, data.requiredTrainingId, roleId);
    writeSkills(sqlite, roleId, data.skills);
    touchEvent(sqlite, role.eventId);
  })();
  return roleView(sqlite, roleId);
}

/**
 * A role with people assigned is only removed when the caller says they are unassigned with it
 * (`unassign`): a misclick never silently drops someone's shift.
 */
export function removeRole(ctx: Context, roleId: number, unassign: boolean): { roleId: number; eventId: number; unassigned: number } {
  const { sqlite } = ctx;
  const role = requireRole(sqlite, roleId);
  const assigned = filledOf(sqlite, roleId);
  if (assigned > 0 && !unassign) throw new RelaisFailure('CONFLICT', { reason: 'roleHasAssignments', roleId, assigned });
  sqlite.transaction(() => {
    // Assignments and required skills go with the role (ON DELETE CASCADE); attendance and hours stay.
    sqlite.prepare('DELETE FROM event_roles WHERE id = ?').run(roleId);
    touchEvent(sqlite, role.eventId);
  })();
  return { roleId, eventId: role.eventId, unassigned: assigned };
}

const touchEvent = (sqlite: Sqlite, eventId: number) => sqlite.prepare('UPDATE events SET updated_at = ? WHERE id = ?').run(nowIso(), eventId);

type PersonRow = AssignedPerson & { firstName: string; lastName: string };

function findPerson(sqlite: Sqlite, volunteerId: number): PersonRow | undefined {
  return sqlite
    .prepare(
      `SELECT id, first_name AS firstName, last_name AS lastName, status, archived_at AS archivedAt,
         confidentiality_signed_on AS confidentialitySignedOn
       FROM volunteers WHERE id = ?`,
    )
    .get(volunteerId) as PersonRow | undefined;
}

export function assign(ctx: Context, roleId: number, volunteerId: number): { assignment: AssignmentView; role: EventRole; warnings: StaffingWarning[] } {
  const { sqlite } = ctx;
  const role = requireRole(sqlite, roleId);
  const person = findPerson(sqlite, volunteerId);
  if (!person) throw new RelaisFailure('NOT_FOUND', { reason: 'volunteerNotFound', volunteerId });
  if (sqlite.prepare('SELECT 1 FROM erasures WHERE volunteer_id = ?').get(volunteerId)) {
    throw new RelaisFailure('CONFLICT', { reason: 'erased', id: volunteerId });
  }
  refuseIfCancelled(role.event);
  if (sqlite.prepare('SELECT 1 FROM assignments WHERE role_id = ? AND volunteer_id = ?').get(roleId, volunteerId)) {
    throw new RelaisFailure('CONFLICT', { reason: 'alreadyAssigned', roleId, volunteerId });
  }
  const at = nowIso();
  const id = sqlite.transaction(() => {
    const assignmentId = Number(
      sqlite.prepare('INSERT INTO assignments (role_id, event_id, volunteer_id, created_at) VALUES (?, ?, ?, ?)').run(roleId, role.eventId, volunteerId, at)
        .lastInsertRowid,
    );
    touchEvent(sqlite, role.eventId);
    return assignmentId;
  })();
  const warnings = assignmentWarnings(sqlite, role, person);
  const view = roleView(sqlite, roleId);
  return {
    assignment: toAssignment({ ...person, id, roleId, volunteerId, createdAt: at }, warnings),
    role: view,
    warnings: [...warnings, ...roleWarnings(role, view.filled)],
  };
}

export function unassign(ctx: Context, assignmentId: number) {
  const { sqlite } = ctx;
  const row = sqlite.prepare('SELECT role_id AS roleId, event_id AS eventId FROM assignments WHERE id = ?').get(assignmentId) as
    | { roleId: number; eventId: number }
    | undefined;
  if (!row) throw new RelaisFailure('NOT_FOUND', { reason: 'assignmentNotFound', assignmentId });
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM assignments WHERE id = ?').run(assignmentId);
    touchEvent(sqlite, row.eventId);
  })();
  const role = roleView(sqlite, row.roleId);
  return { role, warnings: roleWarnings(role, role.filled) };
}

function toAssignment(
  a: { id: number; roleId: number; volunteerId: number; createdAt: string; firstName: string; lastName: string; status: AssignedPerson['status']; archivedAt: string | null },
  warnings: AssignmentView['warnings'],
): AssignmentView {
  return {
    id: a.id,
    roleId: a.roleId,
    volunteerId: a.volunteerId,
    firstName: a.firstName,
    lastName: a.lastName,
    status: a.status,
    archived: a.archivedAt !== null,
    createdAt: a.createdAt,
    warnings,
  };
}

export function staffing(ctx: Context, eventId: number): StaffingView {
  const { sqlite } = ctx;
  const event = requireEvent(sqlite, eventId);
  const cap = weeklyHourCap(sqlite);
  const roleIds = sqlite.prepare('SELECT id FROM event_roles WHERE event_id = ? ORDER BY position, id').pluck().all(eventId) as number[];
  const skills = roleSkills(sqlite, roleIds);
  const assignments = sqlite
    .prepare(
      `SELECT a.id, a.role_id AS roleId, a.volunteer_id AS volunteerId, a.created_at AS createdAt,
         v.first_name AS firstName, v.last_name AS lastName, v.status, v.archived_at AS archivedAt,
         v.confidentiality_signed_on AS confidentialitySignedOn
       FROM assignments a JOIN volunteers v ON v.id = a.volunteer_id
       WHERE a.event_id = ?
       ORDER BY a.role_id, v.sort_name, v.id`,
    )
    .all(eventId) as ({ id: number; roleId: number; volunteerId: number; createdAt: string } & Omit<PersonRow, 'id'>)[];
  const roles = roleIds.map((roleId) => {
    const role = loadRole(sqlite, roleId)!;
    const mine = assignments
      .filter((a) => a.roleId === roleId)
      .map((a) => {
        const person: AssignedPerson = { id: a.volunteerId, status: a.status, archivedAt: a.archivedAt, confidentialitySignedOn: a.confidentialitySignedOn };
        return toAssignment(a, assignmentWarnings(sqlite, role, person, cap));
      });
    return { ...toEventRole(role, skills.get(roleId)!, mine.length), assignments: mine, warnings: roleWarnings(role, mine.length) };
  });
  return {
    event: {
      id: event.id,
      title: event.title,
      kind: event.kind,
      format: event.format,
      status: event.status,
      timeZone: event.timeZone,
      startLocal: event.startLocal,
      endLocal: event.endLocal,
      startUtc: event.startUtc,
      endUtc: event.endUtc,
      minutes: eventMinutes(event),
      confidentialityRequired: event.confidentialityRequired,
    },
    weeklyHourCap: cap,
    roles,
  };
}

type UnfilledInput = z.output<(typeof staffingMethods)['events.unfilledRoles']['input']>;

/**
 * Roles short of people in planned events, soonest first. Without dates: events not over yet,
 * found through `events_by_start_utc` (an event lasts at most a day, which bounds the range; its
 * end is compared as text, covered by the index: only a sub-second difference in how the instant
 * was written could tell them apart). A page stops as soon as it has its rows; the total is one
 * grouped pass over the window's roles and their assignments.
 */
export function unfilledRoles(ctx: Context, input: UnfilledInput): { total: number; rows: UnfilledRole[] } {
  const where = [`e.status = 'planned'`];
  const params: Record<string, string | number> = { offset: input.offset, limit: input.limit };
  // Sort on the column the range walks (its index gives the order, so LIMIT stops early instead of
  // sorting every unfilled role ahead): UTC for "from now", the wall clock for "from a day".
  let order = 'e.start_utc';
  if (input.from === null) {
    const now = Date.now();
    params.now = new Date(now).toISOString();
    params.earliest = new Date(now - (MAX_EVENT_MINUTES + 24 * 60) * 60_000).toISOString();
    where.push('e.start_utc >= @earliest', 'e.end_utc > @now');
  } else {
    params.from = input.from;
    where.push('e.start_local >= @from');
    order = 'e.start_local';
  }
  if (input.to !== null) {
    // Through the whole of that day: '2026-05-02T…' sorts below '2026-05-02U'.
    params.to = `${input.to}U`;
    where.push('e.start_local < @to');
  }
  const window = `FROM events e JOIN event_roles r ON r.event_id = e.id WHERE ${where.join(' AND ')}`;
  const total = ctx.sqlite
    .prepare(
      `SELECT count(*) FROM (
         SELECT 1 FROM events e JOIN event_roles r ON r.event_id = e.id LEFT JOIN assignments a ON a.role_id = r.id
         WHERE ${where.join(' AND ')}
         GROUP BY r.id HAVING count(a.role_id) < r.needed)`,
    )
    .pluck()
    .get(params) as number;
  const rows = ctx.sqlite
    .prepare(
      `SELECT r.id AS roleId, r.name AS roleName, r.needed,
         (SELECT count(*) FROM assignments a WHERE a.event_id = e.id AND a.role_id = r.id) AS filled,
         e.id AS eventId, e.title AS eventTitle, e.kind AS eventKind, e.time_zone AS timeZone,
         e.start_local AS startLocal, e.end_local AS endLocal, e.start_utc AS startUtc
       ${window} AND filled < r.needed
       ORDER BY ${order}, e.id, r.position, r.id
       LIMIT @limit OFFSET @offset`,
    )
    .all(params) as UnfilledRole[];
  return { total, rows };
}

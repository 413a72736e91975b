import { MAX_EVENT_MINUTES } from '../../../shared/api/events/planning';
import type { SessionData, SessionDetail, SessionSummary } from '../../../shared/api/trainings';
import type { FieldIssue } from '../../../shared/errors';
import { RelaisFailure } from '../../../shared/errors';
import { nowIso } from '../clock';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { isAttended } from '../events/planning.repository';
import { defaultTimeZone, isTimeZone, minutesBetween, placeEvent } from '../events/time';
import { storedLanguage } from '../privacy/erasure';
import { trainingLabel } from './names';
import { insertSessionEvent, updateSessionEvent, type PlacedTimes } from './session-event';
import {
  QUALIFICATION_COLUMNS,
  findSessionSummary,
  findTraining,
  listSessionSummaries,
  toQualification,
  type QualificationDbRow,
  type TrainingRow,
} from './trainings.repository';
import { expiryDate, localToday } from './validity';

const fail = (issues: FieldIssue[]): never => {
  throw new RelaisFailure('VALIDATION', { issues });
};

function sessionOrThrow(sqlite: Sqlite, eventId: number): SessionSummary {
  const s = findSessionSummary(sqlite, eventId);
  if (!s) throw new RelaisFailure('NOT_FOUND', { eventId });
  return s;
}

const participantIds = (sqlite: Sqlite, eventId: number): number[] =>
  sqlite.prepare('SELECT volunteer_id FROM training_participants WHERE event_id = ? ORDER BY volunteer_id').pluck().all(eventId) as number[];

/**
 * Volunteers named in a list must exist and be on the registry (not archived or erased), except
 * those already on the session: someone who left since keeps their place in its history.
 */
function checkPeople(sqlite: Sqlite, field: string, ids: readonly number[], already: ReadonlySet<number>, issues: FieldIssue[]): void {
  if (ids.length === 0) return;
  const rows = sqlite
    .prepare('SELECT id, archived_at FROM volunteers WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: number; archived_at: string | null }[];
  const known = new Map(rows.map((r) => [r.id, r.archived_at]));
  ids.forEach((id, i) => {
    if (!known.has(id)) issues.push({ path: [field, i], key: 'unknownVolunteer' });
    else if (known.get(id) !== null && !already.has(id)) issues.push({ path: [field, i], key: 'volunteerArchived' });
  });
}

/** Everything the contract cannot check, all at once so the form can mark every field. */
function checkSession(sqlite: Sqlite, data: SessionData, previous: SessionSummary | null): { training: TrainingRow; times: PlacedTimes } {
  const issues: FieldIssue[] = [];
  const training = findTraining(sqlite, data.trainingId);
  if (!training) issues.push({ path: ['trainingId'], key: 'unknownTraining' });
  else if (training.archived === 1 && previous?.trainingId !== training.id) issues.push({ path: ['trainingId'], key: 'trainingArchived' });
  if (data.programmeId !== null && !sqlite.prepare('SELECT 1 FROM programmes WHERE id = ?').get(data.programmeId)) {
    issues.push({ path: ['programmeId'], key: 'unknownProgramme' });
  }
  const enrolled = previous ? participantIds(sqlite, previous.eventId) : [];
  checkPeople(sqlite, 'participantIds', data.participantIds, new Set(enrolled), issues);
  checkPeople(sqlite, 'trainerVolunteerIds', data.trainerVolunteerIds, new Set(previous?.trainers.map((t) => t.volunteerId) ?? []), issues);
  if (data.capacity !== null && data.participantIds.length > data.capacity) {
    issues.push({ path: ['participantIds'], key: 'overCapacity', params: { max: data.capacity } });
  }

  const timeZone = data.timeZone ?? defaultTimeZone(sqlite);
  let times: PlacedTimes | null = null;
  if (!isTimeZone(timeZone)) issues.push({ path: ['timeZone'], key: 'timeZone' });
  else {
    const { start, end } = placeEvent(data.startLocal, data.endLocal, timeZone, null);
    if (end.utc <= start.utc) issues.push({ path: ['endLocal'], key: 'endBeforeStart' });
    else if (minutesBetween(start.utc, end.utc) > MAX_EVENT_MINUTES) issues.push({ path: ['endLocal'], key: 'sessionTooLong' });
    times = { timeZone, startLocal: start.local, endLocal: end.local, startUtc: start.utc, endUtc: end.utc };
  }

  if (previous && times) {
    // The same rules as planning's own edits: an attended event keeps its times, and roles staffed
    // inside it must still fit.
    const before = previousUtc(sqlite, previous.eventId);
    const moved = times.startUtc !== before.start || times.endUtc !== before.end || times.timeZone !== previous.timeZone;
    if (moved && isAttended(sqlite, previous.eventId)) issues.push({ path: ['startLocal'], key: 'planning.attendedLocked' });
    const longestRole = sqlite.prepare('SELECT max(end_offset) FROM event_roles WHERE event_id = ?').pluck().get(previous.eventId) as number | null;
    if (longestRole !== null && longestRole > minutesBetween(times.startUtc, times.endUtc)) issues.push({ path: ['endLocal'], key: 'planning.rolesOutsideEvent' });
  }

  // A completed session's qualifications follow from its training, its day and its participants:
  // change those after reopening it, not under people's certificates.
  if (previous?.completedOn) {
    if (data.trainingId !== previous.trainingId) issues.push({ path: ['trainingId'], key: 'reopenFirst' });
    if (times && times.endLocal.slice(0, 10) !== previous.endLocal.slice(0, 10)) issues.push({ path: ['startLocal'], key: 'reopenFirst' });
    const before = enrolled.join(',');
    if ([...data.participantIds].sort((a, b) => a - b).join(',') !== before) issues.push({ path: ['participantIds'], key: 'reopenFirst' });
  }
  if (issues.length) fail(issues);
  return { training: training!, times: times! };
}

const previousUtc = (sqlite: Sqlite, eventId: number) =>
  sqlite.prepare('SELECT start_utc AS start, end_utc AS "end" FROM events WHERE id = ?').get(eventId) as { start: string; end: string };

/** Expenses recorded by finance that point at the event (the table exists once finance's migration ran). */
function hasExpenses(sqlite: Sqlite, eventId: number): boolean {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'money_lines'").get();
  return table !== undefined && sqlite.prepare('SELECT 1 FROM money_lines WHERE event_id = ? LIMIT 1').get(eventId) !== undefined;
}

export function getSession(sqlite: Sqlite, eventId: number): SessionDetail {
  const summary = sessionOrThrow(sqlite, eventId);
  const people = sqlite
    .prepare(
      `SELECT p.volunteer_id, v.first_name, v.last_name, p.result FROM training_participants p JOIN volunteers v ON v.id = p.volunteer_id
       WHERE p.event_id = ? ORDER BY v.sort_name, v.id`,
    )
    .all(eventId) as { volunteer_id: number; first_name: string; last_name: string; result: SessionDetail['participants'][number]['result'] }[];
  const given = new Map(
    (sqlite.prepare(`SELECT ${QUALIFICATION_COLUMNS} FROM qualifications q WHERE q.event_id = ?`).all(eventId) as QualificationDbRow[]).map((q) => [
      q.volunteer_id,
      toQualification(q),
    ]),
  );
  return {
    ...summary,
    participants: people.map((p) => ({
      volunteerId: p.volunteer_id,
      firstName: p.first_name,
      lastName: p.last_name,
      result: p.result,
      qualification: given.get(p.volunteer_id) ?? null,
    })),
  };
}

export const listSessions = (ctx: Context, q: Parameters<typeof listSessionSummaries>[1]) => listSessionSummaries(ctx.sqlite, q);

const titleOf = (sqlite: Sqlite, data: SessionData, training: TrainingRow) => data.title ?? trainingLabel(training, storedLanguage(sqlite));

export function createSession(ctx: Context, data: SessionData): SessionDetail {
  const { sqlite } = ctx;
  const { training, times } = checkSession(sqlite, data, null);
  const at = nowIso();
  const eventId = sqlite.transaction(() => {
    const id = insertSessionEvent(sqlite, data, titleOf(sqlite, data, training), times, at);
    sqlite
      .prepare(
        `INSERT INTO training_sessions (event_id, training_id, trainer_name, cost_cents, completed_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, NULL, ?, ?)`,
      )
      .run(id, training.id, data.trainerName, data.costCents, at, at);
    const enrol = sqlite.prepare("INSERT INTO training_participants (event_id, volunteer_id, result, enrolled_at) VALUES (?, ?, 'enrolled', ?)");
    for (const v of data.participantIds) enrol.run(id, v, at);
    return id;
  })();
  return getSession(sqlite, eventId);
}

export function updateSession(ctx: Context, eventId: number, data: SessionData): SessionDetail {
  const { sqlite } = ctx;
  const previous = sessionOrThrow(sqlite, eventId);
  const { training, times } = checkSession(sqlite, data, previous);
  const at = nowIso();
  sqlite.transaction(() => {
    updateSessionEvent(sqlite, eventId, data, titleOf(sqlite, data, training), times, at);
    sqlite
      .prepare('UPDATE training_sessions SET training_id = ?, trainer_name = ?, cost_cents = ?, updated_at = ? WHERE event_id = ?')
      .run(training.id, data.trainerName, data.costCents, at, eventId);
    const keep = new Set(data.participantIds);
    const remove = sqlite.prepare('DELETE FROM training_participants WHERE event_id = ? AND volunteer_id = ?');
    const current = participantIds(sqlite, eventId);
    for (const v of current) if (!keep.has(v)) remove.run(eventId, v);
    const enrol = sqlite.prepare("INSERT OR IGNORE INTO training_participants (event_id, volunteer_id, result, enrolled_at) VALUES (?, ?, 'enrolled', ?)");
    for (const v of data.participantIds) enrol.run(eventId, v, at);
  })();
  return getSession(sqlite, eventId);
}

export function deleteSession(ctx: Context, eventId: number): { eventId: number } {
  const { sqlite } = ctx;
  const session = sessionOrThrow(sqlite, eventId);
  if (session.completedOn) throw new RelaisFailure('CONFLICT', { reason: 'trainingSessionCompleted', eventId });
  // Attendance and hours are the association's record of what happened; expenses would lose
  // what they paid for. Either keeps the session.
  if (isAttended(sqlite, eventId)) throw new RelaisFailure('CONFLICT', { reason: 'trainingSessionAttended', eventId });
  if (hasExpenses(sqlite, eventId)) throw new RelaisFailure('CONFLICT', { reason: 'trainingSessionInUse', eventId });
  try {
    // The event goes, and with it (ON DELETE CASCADE) the session, its participants and trainers.
    sqlite.prepare('DELETE FROM events WHERE id = ?').run(eventId);
  } catch (error) {
    // Something else still points at it (an expense, say): nothing was deleted.
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new RelaisFailure('CONFLICT', { reason: 'trainingSessionInUse', eventId });
    }
    throw error;
  }
  return { eventId };
}

/**
 * Marks a session complete on `completedOn`: the people listed completed it, every other
 * participant did not. Each one who completed it holds the training from the session's day
 * (its last day), until that day + the training's validity. Running it again corrects the results:
 * the qualifications it gave are given again from the new results. An erased person gets nothing.
 */
export function completeSession(ctx: Context, input: { eventId: number; completedOn: string; completedIds: number[] }): SessionDetail {
  const { sqlite } = ctx;
  const session = sessionOrThrow(sqlite, input.eventId);
  if (session.cancelled) throw new RelaisFailure('CONFLICT', { reason: 'trainingSessionCancelled', eventId: input.eventId });
  const day = session.endLocal.slice(0, 10);
  const issues: FieldIssue[] = [];
  if (input.completedOn < day) issues.push({ path: ['completedOn'], key: 'completedBeforeSession', params: { date: day } });
  else if (input.completedOn > localToday()) issues.push({ path: ['completedOn'], key: 'completedInFuture' });
  const enrolled = new Set(participantIds(sqlite, input.eventId));
  input.completedIds.forEach((v, i) => {
    if (!enrolled.has(v)) issues.push({ path: ['completedIds', i], key: 'notParticipant' });
  });
  if (issues.length) fail(issues);
  const training = findTraining(sqlite, session.trainingId)!;
  const expires = expiryDate(day, training.validity_months);
  const done = new Set(input.completedIds);
  const at = nowIso();
  sqlite.transaction(() => {
    sqlite.prepare('UPDATE training_sessions SET completed_on = ?, updated_at = ? WHERE event_id = ?').run(input.completedOn, at, input.eventId);
    const mark = sqlite.prepare('UPDATE training_participants SET result = ? WHERE event_id = ? AND volunteer_id = ?');
    for (const v of enrolled) mark.run(done.has(v) ? 'completed' : 'not_completed', input.eventId, v);
    sqlite.prepare('DELETE FROM qualifications WHERE event_id = ?').run(input.eventId);
    const grant = sqlite.prepare(
      `INSERT INTO qualifications (volunteer_id, training_id, obtained_on, expires_on, source, event_id, certificate_note, created_at, updated_at)
       SELECT @volunteerId, @trainingId, @day, @expires, 'session', @eventId, NULL, @at, @at
       WHERE NOT EXISTS (SELECT 1 FROM erasures WHERE volunteer_id = @volunteerId)`,
    );
    for (const v of done) grant.run({ volunteerId: v, trainingId: training.id, day, expires, eventId: input.eventId, at });
  })();
  return getSession(sqlite, input.eventId);
}

/** Back to « not completed yet »: results cleared, the qualifications it gave withdrawn. */
export function reopenSession(ctx: Context, eventId: number): SessionDetail {
  const { sqlite } = ctx;
  const session = sessionOrThrow(sqlite, eventId);
  if (!session.completedOn) return getSession(sqlite, eventId);
  const at = nowIso();
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM qualifications WHERE event_id = ?').run(eventId);
    sqlite.prepare("UPDATE training_participants SET result = 'enrolled' WHERE event_id = ?").run(eventId);
    sqlite.prepare('UPDATE training_sessions SET completed_on = NULL, updated_at = ? WHERE event_id = ?').run(at, eventId);
  })();
  return getSession(sqlite, eventId);
}

import type { z } from 'zod';
import type { QualificationRow, VolunteerTraining, expiryListInput, qualificationInput } from '../../../shared/api/trainings';
import type { FieldIssue } from '../../../shared/errors';
import { RelaisFailure } from '../../../shared/errors';
import { nowIso } from '../clock';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import {
  QUALIFICATION_COLUMNS,
  QUALIFICATION_ROW_SQL,
  findQualificationRow,
  findTraining,
  toQualificationRow,
  type QualificationListDbRow,
} from './trainings.repository';
import { addDays, expiryDate, localToday, longestLasting, stateOn } from './validity';

type QualificationData = z.output<typeof qualificationInput>;
type ExpiryQuery = z.output<typeof expiryListInput>;

/**
 * For each person and training, the qualification that decides where they stand on a day: among
 * those obtained by then, the one that lasts longest. An older one renewed since never shows in
 * the lists. Archived volunteers are left out: nobody is chasing a renewal for someone who left.
 */
const DECIDING = `WITH deciding AS (
    SELECT ${QUALIFICATION_COLUMNS}, row_number() OVER (
      PARTITION BY q.volunteer_id, q.training_id
      ORDER BY q.expires_on IS NULL DESC, q.expires_on DESC, q.obtained_on DESC, q.id DESC) AS rank
    FROM qualifications q
    WHERE q.obtained_on <= @day AND (@trainingId IS NULL OR q.training_id = @trainingId)
  )
  SELECT q.id, q.volunteer_id, q.training_id, q.obtained_on, q.expires_on, q.source, q.event_id, q.certificate_note,
    v.first_name, v.last_name, t.key AS training_key, t.name AS training_name
  FROM deciding q JOIN volunteers v ON v.id = q.volunteer_id JOIN trainings t ON t.id = q.training_id
  WHERE q.rank = 1 AND v.archived_at IS NULL`;

/** Valid on the day and expiring within the next `withinDays` days (the 60-day list), soonest first. */
export function expiringQualifications(sqlite: Sqlite, q: ExpiryQuery) {
  const day = q.onDate ?? localToday();
  const rows = sqlite
    .prepare(`${DECIDING} AND q.expires_on > @day AND q.expires_on <= @until ORDER BY q.expires_on, v.sort_name, q.id`)
    .all({ day, until: addDays(day, q.withinDays), trainingId: q.trainingId }) as QualificationListDbRow[];
  return { onDate: day, total: rows.length, rows: rows.map(toQualificationRow) };
}

/** Expired by the day and not renewed, most recently expired first. */
export function expiredQualifications(sqlite: Sqlite, q: ExpiryQuery) {
  const day = q.onDate ?? localToday();
  const rows = sqlite
    .prepare(`${DECIDING} AND q.expires_on <= @day ORDER BY q.expires_on DESC, v.sort_name, q.id`)
    .all({ day, trainingId: q.trainingId }) as QualificationListDbRow[];
  return { onDate: day, total: rows.length, rows: rows.map(toQualificationRow) };
}

/** One volunteer's trainings on a day: what they hold, what they are enrolled in, every qualification. */
export function volunteerTrainings(sqlite: Sqlite, volunteerId: number, onDate: string | null) {
  if (!sqlite.prepare('SELECT 1 FROM volunteers WHERE id = ?').get(volunteerId)) throw new RelaisFailure('NOT_FOUND', { id: volunteerId });
  const day = onDate ?? localToday();
  const qualifications = (
    sqlite.prepare(`${QUALIFICATION_ROW_SQL} WHERE q.volunteer_id = ? ORDER BY q.obtained_on DESC, q.id DESC`).all(volunteerId) as QualificationListDbRow[]
  ).map(toQualificationRow);
  const enrolments = sqlite
    .prepare(
      `SELECT s.training_id, e.id AS event_id, e.title, e.start_local FROM training_participants p
       JOIN training_sessions s ON s.event_id = p.event_id JOIN events e ON e.id = p.event_id
       WHERE p.volunteer_id = ? AND p.result = 'enrolled' AND s.completed_on IS NULL AND e.status = 'planned'
       ORDER BY e.start_local, e.id`,
    )
    .all(volunteerId) as { training_id: number; event_id: number; title: string; start_local: string }[];
  const trainingIds = [...new Set([...qualifications.map((q) => q.trainingId), ...enrolments.map((e) => e.training_id)])];
  const trainings: VolunteerTraining[] = [];
  for (const trainingId of trainingIds) {
    const t = findTraining(sqlite, trainingId)!;
    const held = qualifications.filter((q) => q.trainingId === trainingId);
    const enrolment = enrolments.find((e) => e.training_id === trainingId) ?? null;
    const state = stateOn(held, enrolment !== null, day);
    if (state === null) continue;
    const current = longestLasting(held.filter((q) => q.obtainedOn <= day));
    const { firstName: _f, lastName: _l, trainingKey: _k, trainingName: _n, ...plain } = current ?? ({} as QualificationRow);
    trainings.push({
      trainingId,
      trainingKey: t.key,
      trainingName: t.name,
      trainingArchived: t.archived === 1,
      state,
      current: current ? plain : null,
      enrolledIn: enrolment ? { eventId: enrolment.event_id, title: enrolment.title, startLocal: enrolment.start_local } : null,
    });
  }
  return { onDate: day, trainings, qualifications };
}

/** What the contract cannot check for a qualification typed by hand. */
function checkQualification(sqlite: Sqlite, data: QualificationData, previous: QualificationRow | null): string | null {
  const issues: FieldIssue[] = [];
  const person = sqlite.prepare('SELECT archived_at FROM volunteers WHERE id = ?').get(data.volunteerId) as { archived_at: string | null } | undefined;
  if (!person) issues.push({ path: ['volunteerId'], key: 'unknownVolunteer' });
  else if (person.archived_at !== null) issues.push({ path: ['volunteerId'], key: 'volunteerArchived' });
  const training = findTraining(sqlite, data.trainingId);
  if (!training) issues.push({ path: ['trainingId'], key: 'unknownTraining' });
  else if (training.archived === 1 && previous?.trainingId !== training.id) issues.push({ path: ['trainingId'], key: 'trainingArchived' });
  if (data.obtainedOn > localToday()) issues.push({ path: ['obtainedOn'], key: 'obtainedInFuture' });
  const same = sqlite
    .prepare('SELECT id FROM qualifications WHERE volunteer_id = ? AND training_id = ? AND obtained_on = ? AND id IS NOT ?')
    .get(data.volunteerId, data.trainingId, data.obtainedOn, previous?.id ?? null);
  if (same) issues.push({ path: ['obtainedOn'], key: 'qualificationExists' });
  if (issues.length) throw new RelaisFailure('VALIDATION', { issues });
  // No expiry typed from the certificate: the training's validity decides.
  return data.expiresOn ?? expiryDate(data.obtainedOn, training!.validity_months);
}

export function addQualification(ctx: Context, data: QualificationData): QualificationRow {
  const expires = checkQualification(ctx.sqlite, data, null);
  const at = nowIso();
  const info = ctx.sqlite
    .prepare(
      `INSERT INTO qualifications (volunteer_id, training_id, obtained_on, expires_on, source, event_id, certificate_note, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'manual', NULL, ?, ?, ?)`,
    )
    .run(data.volunteerId, data.trainingId, data.obtainedOn, expires, data.certificateNote, at, at);
  return findQualificationRow(ctx.sqlite, Number(info.lastInsertRowid))!;
}

/** Only a qualification typed by hand is edited here; one from a session follows the session. */
function manualOrThrow(sqlite: Sqlite, id: number): QualificationRow {
  const q = findQualificationRow(sqlite, id);
  if (!q) throw new RelaisFailure('NOT_FOUND', { id });
  if (q.source !== 'manual') throw new RelaisFailure('CONFLICT', { reason: 'qualificationFromSession', id });
  return q;
}

export function updateQualification(ctx: Context, id: number, data: QualificationData): QualificationRow {
  const previous = manualOrThrow(ctx.sqlite, id);
  const expires = checkQualification(ctx.sqlite, data, previous);
  ctx.sqlite
    .prepare(
      `UPDATE qualifications SET volunteer_id = ?, training_id = ?, obtained_on = ?, expires_on = ?, certificate_note = ?, updated_at = ?
       WHERE id = ?`,
    )
    .run(data.volunteerId, data.trainingId, data.obtainedOn, expires, data.certificateNote, nowIso(), id);
  return findQualificationRow(ctx.sqlite, id)!;
}

export function deleteQualification(ctx: Context, id: number): { id: number } {
  manualOrThrow(ctx.sqlite, id);
  ctx.sqlite.prepare('DELETE FROM qualifications WHERE id = ?').run(id);
  return { id };
}


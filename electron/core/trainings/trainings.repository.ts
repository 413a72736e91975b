import type { Qualification, QualificationRow, SessionSummary, Training } from '../../../shared/api/trainings';
import type { Sqlite } from '../db/connection';

/** Raw rows of the trainings tables and the mapping to the contract's shapes. Synchronous SQL. */

export interface TrainingRow {
  id: number;
  key: string | null;
  name: string | null;
  description: string | null;
  validity_months: number | null;
  archived: number;
}

export const findTraining = (sqlite: Sqlite, id: number): TrainingRow | undefined =>
  sqlite.prepare('SELECT id, key, name, description, validity_months, archived FROM trainings WHERE id = ?').get(id) as TrainingRow | undefined;

export function listTrainingRows(sqlite: Sqlite, today: string, includeArchived: boolean): Training[] {
  const rows = sqlite
    .prepare(
      `SELECT t.id, t.key, t.name, t.description, t.validity_months, t.archived,
         (SELECT count(*) FROM training_sessions s WHERE s.training_id = t.id) AS session_count,
         (SELECT count(DISTINCT q.volunteer_id) FROM qualifications q JOIN volunteers v ON v.id = q.volunteer_id
           WHERE q.training_id = t.id AND v.archived_at IS NULL AND q.obtained_on <= @today
             AND (q.expires_on IS NULL OR q.expires_on > @today)) AS qualified_count
       FROM trainings t WHERE @all = 1 OR t.archived = 0 ORDER BY t.archived, t.id`,
    )
    .all({ today, all: includeArchived ? 1 : 0 }) as (TrainingRow & { session_count: number; qualified_count: number })[];
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    description: r.description,
    validityMonths: r.validity_months,
    archived: r.archived === 1,
    sessionCount: r.session_count,
    qualifiedCount: r.qualified_count,
  }));
}

export interface QualificationDbRow {
  id: number;
  volunteer_id: number;
  training_id: number;
  obtained_on: string;
  expires_on: string | null;
  source: 'session' | 'manual';
  event_id: number | null;
  certificate_note: string | null;
}

export const QUALIFICATION_COLUMNS = 'q.id, q.volunteer_id, q.training_id, q.obtained_on, q.expires_on, q.source, q.event_id, q.certificate_note';

export const toQualification = (r: QualificationDbRow): Qualification => ({
  id: r.id,
  volunteerId: r.volunteer_id,
  trainingId: r.training_id,
  obtainedOn: r.obtained_on,
  expiresOn: r.expires_on,
  source: r.source,
  eventId: r.event_id,
  certificateNote: r.certificate_note,
});

export type QualificationListDbRow = QualificationDbRow & { first_name: string; last_name: string; training_key: string | null; training_name: string | null };

export const QUALIFICATION_ROW_SQL = `SELECT ${QUALIFICATION_COLUMNS}, v.first_name, v.last_name, t.key AS training_key, t.name AS training_name
  FROM qualifications q JOIN volunteers v ON v.id = q.volunteer_id JOIN trainings t ON t.id = q.training_id`;

export const toQualificationRow = (r: QualificationListDbRow): QualificationRow => ({
  ...toQualification(r),
  firstName: r.first_name,
  lastName: r.last_name,
  trainingKey: r.training_key,
  trainingName: r.training_name,
});

export function findQualificationRow(sqlite: Sqlite, id: number): QualificationRow | undefined {
  const row = sqlite.prepare(`${QUALIFICATION_ROW_SQL} WHERE q.id = ?`).get(id) as QualificationListDbRow | undefined;
  return row ? toQualificationRow(row) : undefined;
}

interface SessionDbRow {
  event_id: number;
  training_id: number;
  training_key: string | null;
  training_name: string | null;
  title: string;
  start_local: string;
  end_local: string;
  time_zone: string;
  place: string | null;
  format: SessionSummary['format'];
  programme_id: number | null;
  capacity: number | null;
  status: string;
  trainer_name: string | null;
  cost_cents: number;
  completed_on: string | null;
  participant_count: number;
  completed_count: number;
}

const SESSION_SQL = `SELECT s.event_id, s.training_id, t.key AS training_key, t.name AS training_name, e.title, e.start_local, e.end_local,
    e.time_zone, e.place, e.format, e.programme_id, e.capacity, e.status, s.trainer_name, s.cost_cents, s.completed_on,
    (SELECT count(*) FROM training_participants p WHERE p.event_id = s.event_id) AS participant_count,
    (SELECT count(*) FROM training_participants p WHERE p.event_id = s.event_id AND p.result = 'completed') AS completed_count
  FROM training_sessions s JOIN events e ON e.id = s.event_id JOIN trainings t ON t.id = s.training_id`;

function trainersOf(sqlite: Sqlite, eventIds: number[]): Map<number, SessionSummary['trainers']> {
  const out = new Map<number, SessionSummary['trainers']>();
  if (eventIds.length === 0) return out;
  const rows = sqlite
    .prepare(
      `SELECT f.event_id, v.id, v.first_name, v.last_name FROM event_facilitators f JOIN volunteers v ON v.id = f.volunteer_id
       WHERE f.event_id IN (SELECT value FROM json_each(?)) ORDER BY v.sort_name, v.id`,
    )
    .all(JSON.stringify(eventIds)) as { event_id: number; id: number; first_name: string; last_name: string }[];
  for (const r of rows) {
    const list = out.get(r.event_id) ?? [];
    list.push({ volunteerId: r.id, firstName: r.first_name, lastName: r.last_name });
    out.set(r.event_id, list);
  }
  return out;
}

function toSummaries(sqlite: Sqlite, rows: SessionDbRow[]): SessionSummary[] {
  const trainers = trainersOf(sqlite, rows.map((r) => r.event_id));
  return rows.map((r) => ({
    eventId: r.event_id,
    trainingId: r.training_id,
    trainingKey: r.training_key,
    trainingName: r.training_name,
    title: r.title,
    startLocal: r.start_local,
    endLocal: r.end_local,
    timeZone: r.time_zone,
    place: r.place,
    format: r.format,
    programmeId: r.programme_id,
    capacity: r.capacity,
    cancelled: r.status === 'cancelled',
    trainers: trainers.get(r.event_id) ?? [],
    trainerName: r.trainer_name,
    costCents: r.cost_cents,
    completedOn: r.completed_on,
    participantCount: r.participant_count,
    completedCount: r.completed_count,
  }));
}

export function findSessionSummary(sqlite: Sqlite, eventId: number): SessionSummary | undefined {
  const row = sqlite.prepare(`${SESSION_SQL} WHERE s.event_id = ?`).get(eventId) as SessionDbRow | undefined;
  return row ? toSummaries(sqlite, [row])[0] : undefined;
}

export function listSessionSummaries(
  sqlite: Sqlite,
  q: { trainingId: number | null; from: string | null; to: string | null; offset: number; limit: number },
): { total: number; rows: SessionSummary[] } {
  const where = `WHERE (@trainingId IS NULL OR s.training_id = @trainingId)
    AND (@from IS NULL OR substr(e.end_local, 1, 10) >= @from) AND (@to IS NULL OR substr(e.start_local, 1, 10) <= @to)`;
  const params = { trainingId: q.trainingId, from: q.from, to: q.to };
  const total = sqlite
    .prepare(`SELECT count(*) FROM training_sessions s JOIN events e ON e.id = s.event_id ${where}`)
    .pluck()
    .get(params) as number;
  const rows = sqlite
    .prepare(`${SESSION_SQL} ${where} ORDER BY e.start_local DESC, s.event_id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as SessionDbRow[];
  return { total, rows: toSummaries(sqlite, rows) };
}

import type { Language } from '../../../shared/api';
import { formatDate } from '../../../shared/format';
import { resources } from '../../../shared/i18n';
import type { Sqlite } from '../db/connection';
import { trainingLabel } from './names';

/**
 * A person's trainings for the right of access (privacy/person-export.ts): the sessions they were
 * enrolled in with their result, and the qualifications they hold. Every stored column is there
 * (JSON), with the training's name and the session's title beside the ids; the CSV lines say it in
 * words in the association's language.
 */
type Row = Record<string, unknown>;

export interface PersonTrainings {
  /** `training_participants`: enrolments and results. */
  trainingSessions: Row[];
  /** `qualifications`: held, from a session or entered by hand. */
  qualifications: Row[];
}

export function collectTrainings(sqlite: Sqlite, volunteerId: number, lang: Language): PersonTrainings {
  const trainingSessions = (
    sqlite
      .prepare(
        `SELECT p.event_id, p.result, p.enrolled_at, e.title, e.start_local, e.end_local, t.key, t.name, s.completed_on
         FROM training_participants p JOIN training_sessions s ON s.event_id = p.event_id JOIN events e ON e.id = p.event_id
         JOIN trainings t ON t.id = s.training_id
         WHERE p.volunteer_id = ? ORDER BY e.start_local, p.event_id`,
      )
      .all(volunteerId) as { event_id: number; result: string; enrolled_at: string; title: string; start_local: string; end_local: string; key: string | null; name: string | null; completed_on: string | null }[]
  ).map((r) => ({
    eventId: r.event_id,
    result: r.result,
    enrolledAt: r.enrolled_at,
    training: trainingLabel(r, lang),
    title: r.title,
    startLocal: r.start_local,
    endLocal: r.end_local,
    completedOn: r.completed_on,
  }));
  const qualifications = (
    sqlite
      .prepare(
        `SELECT q.id, q.training_id, q.obtained_on, q.expires_on, q.source, q.event_id, q.certificate_note, q.created_at, q.updated_at,
           t.key, t.name FROM qualifications q JOIN trainings t ON t.id = q.training_id
         WHERE q.volunteer_id = ? ORDER BY q.obtained_on, q.id`,
      )
      .all(volunteerId) as { id: number; training_id: number; obtained_on: string; expires_on: string | null; source: string; event_id: number | null; certificate_note: string | null; created_at: string; updated_at: string; key: string | null; name: string | null }[]
  ).map((q) => ({
    id: q.id,
    trainingId: q.training_id,
    training: trainingLabel(q, lang),
    obtainedOn: q.obtained_on,
    expiresOn: q.expires_on,
    source: q.source,
    eventId: q.event_id,
    certificateNote: q.certificate_note,
    createdAt: q.created_at,
    updatedAt: q.updated_at,
  }));
  return { trainingSessions, qualifications };
}

/** « Formations suivies ; Écoute active — 14 mars 2025 ; Terminée ». */
export function trainingCsvRows(data: PersonTrainings, lang: Language): string[][] {
  const L = resources[lang].trainings.export;
  const results = resources[lang].trainings.results as Record<string, string>;
  const rows: string[][] = [];
  for (const s of data.trainingSessions) {
    rows.push([L.sessions, `${String(s.training)} — ${formatDate(String(s.startLocal), lang)}`, results[String(s.result)] ?? String(s.result)]);
  }
  for (const q of data.qualifications) {
    const until = q.expiresOn ? L.expiresOn.replace('{{date}}', formatDate(String(q.expiresOn), lang)) : L.noExpiry;
    const note = q.certificateNote ? ` · ${String(q.certificateNote)}` : '';
    rows.push([L.qualifications, String(q.training), `${formatDate(String(q.obtainedOn), lang)} · ${until}${note}`]);
  }
  return rows;
}

import type { Sqlite } from '../db/connection';

/**
 * Training sessions with the figures finance needs for « cost per session and per participant ».
 * `plannedCostCents` is the session's own cost as entered with it; finance adds what its expenses
 * linked to the session actually cost. Cancelled sessions are left out. Participant counts stay
 * right after an erasure (participation rows are kept against the placeholder name).
 */
export interface TrainingSessionFigures {
  eventId: number;
  trainingId: number;
  /** Seeded trainings have a key (translate with core/trainings/names.ts `trainingLabel`), others a name. */
  trainingKey: string | null;
  trainingName: string | null;
  title: string;
  /** The session's day (local date of its start), `YYYY-MM-DD`. */
  date: string;
  programmeId: number | null;
  plannedCostCents: number;
  /** Everyone enrolled (whatever the result). */
  participantCount: number;
  /** Those who completed it (0 until the session is marked complete). */
  completedCount: number;
  completedOn: string | null;
}

export interface FiguresRange {
  /** First day included (YYYY-MM-DD); null: from the beginning. */
  from?: string | null;
  /** Last day included; null: no end. */
  to?: string | null;
  programmeId?: number | null;
  trainingId?: number | null;
}

export function trainingSessionFigures(sqlite: Sqlite, range: FiguresRange = {}): TrainingSessionFigures[] {
  const rows = sqlite
    .prepare(
      `SELECT s.event_id, s.training_id, t.key, t.name, e.title, substr(e.start_local, 1, 10) AS day, e.programme_id, s.cost_cents,
         s.completed_on,
         (SELECT count(*) FROM training_participants p WHERE p.event_id = s.event_id) AS participants,
         (SELECT count(*) FROM training_participants p WHERE p.event_id = s.event_id AND p.result = 'completed') AS completed
       FROM training_sessions s JOIN events e ON e.id = s.event_id JOIN trainings t ON t.id = s.training_id
       WHERE e.status = 'planned'
         AND (@from IS NULL OR substr(e.start_local, 1, 10) >= @from) AND (@to IS NULL OR substr(e.start_local, 1, 10) <= @to)
         AND (@programmeId IS NULL OR e.programme_id = @programmeId) AND (@trainingId IS NULL OR s.training_id = @trainingId)
       ORDER BY e.start_local, s.event_id`,
    )
    .all({ from: range.from ?? null, to: range.to ?? null, programmeId: range.programmeId ?? null, trainingId: range.trainingId ?? null }) as {
    event_id: number;
    training_id: number;
    key: string | null;
    name: string | null;
    title: string;
    day: string;
    programme_id: number | null;
    cost_cents: number;
    completed_on: string | null;
    participants: number;
    completed: number;
  }[];
  return rows.map((r) => ({
    eventId: r.event_id,
    trainingId: r.training_id,
    trainingKey: r.key,
    trainingName: r.name,
    title: r.title,
    date: r.day,
    programmeId: r.programme_id,
    plannedCostCents: r.cost_cents,
    participantCount: r.participants,
    completedCount: r.completed,
    completedOn: r.completed_on,
  }));
}

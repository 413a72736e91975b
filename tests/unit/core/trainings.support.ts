import Database from 'better-sqlite3';
import type { Output, SessionInput } from '../../../shared/api';
import type { TestCore } from './helpers';

/**
 * Trainings for tests: the seeded catalogue by key, a session input with sensible defaults, and a
 * role written straight into the file (for the qualification check of staffing).
 */
export async function trainingId(t: Pick<TestCore, 'call'>, key: string): Promise<number> {
  const found = (await t.call('trainings.list', { includeArchived: true })).find((x) => x.key === key);
  if (!found) throw new Error(`no seeded training ${key}`);
  return found.id;
}

export function buildSession(trainingId: number, overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    trainingId,
    startLocal: '2025-03-15T09:00',
    endLocal: '2025-03-15T17:00',
    timeZone: 'Europe/Paris',
    costCents: 50_000,
    ...overrides,
  };
}

/**
 * What the personal-data tests need of trainings for one person: a session they completed (so a
 * qualification from it) and a qualification typed by hand with a certificate note.
 */
export async function personTrainings(t: Pick<TestCore, 'call'>, volunteerId: number) {
  const pssm = await trainingId(t, 'mental_health_first_aid');
  const listening = await trainingId(t, 'active_listening');
  const session = await t.call('trainings.createSession', buildSession(pssm, { title: 'PSSM — printemps', participantIds: [volunteerId] }));
  await t.call('trainings.completeSession', { eventId: session.eventId, completedOn: '2025-03-16', completedIds: [volunteerId] });
  const manual = await t.call('trainings.addQualification', {
    volunteerId,
    trainingId: listening,
    obtainedOn: '2024-06-01',
    certificateNote: 'Croix-Rouge, attestation n° 4512',
  });
  return { session, manual };
}

/** An event of any kind on a day, with one role requiring `trainingId`; answers the role's id. */
export function seedRoleRequiring(file: string, day: string, trainingId: number | null): { eventId: number; roleId: number } {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  try {
    const now = '2025-01-01T00:00:00.000Z';
    const eventId = Number(
      db
        .prepare(
          `INSERT INTO events (title, kind, format, time_zone, start_local, end_local, start_utc, end_utc, created_at, updated_at)
           VALUES ('Permanence d’écoute', 'support_group', 'in_person', 'Europe/Paris', ?, ?, ?, ?, ?, ?)`,
        )
        .run(`${day}T18:00`, `${day}T20:00`, `${day}T16:00:00Z`, `${day}T18:00:00Z`, now, now).lastInsertRowid,
    );
    const roleId = Number(
      db
        .prepare("INSERT INTO event_roles (event_id, name, needed, start_offset, end_offset, position, required_training_id) VALUES (?, 'Écoute', 1, 0, 120, 0, ?)")
        .run(eventId, trainingId).lastInsertRowid,
    );
    return { eventId, roleId };
  } finally {
    db.close();
  }
}

export type SessionOut = Output<'trainings.getSession'>;

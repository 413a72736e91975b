import Database from 'better-sqlite3';
import { Temporal } from 'temporal-polyfill';
import type { EventInput, SeriesInput } from '../../../shared/api';
import type { TestCore } from './helpers';

/**
 * For the planning tests: inputs that state only what a test is about, days relative to today (so
 * "past" and "future" stay true whenever the suite runs), and a second connection to the file that
 * records attendance and hours the way the attendance feature would.
 */

export const ZONE = 'Europe/Paris';

export const today = () => Temporal.Now.plainDateISO(ZONE);
/** A day relative to today, `YYYY-MM-DD`. */
export const day = (offset: number) => today().add({ days: offset }).toString();

export function buildEvent(overrides: Partial<EventInput> = {}): EventInput {
  return {
    title: 'Collecte solidaire',
    kind: 'community',
    start: '2030-05-14T09:00',
    end: '2030-05-14T12:00',
    timeZone: ZONE,
    ...overrides,
  };
}

export function buildSeries(overrides: Partial<SeriesInput> = {}): SeriesInput {
  return {
    title: 'Groupe de parole — aidants',
    kind: 'support_group',
    frequency: 'weekly',
    startsOn: '2030-01-08',
    startTime: '18:30',
    endTime: '20:00',
    count: 10,
    timeZone: ZONE,
    capacity: 8,
    confidentialityRequired: true,
    ...overrides,
  };
}

export async function skillId(t: TestCore, key: string): Promise<number> {
  const skills = await t.call('volunteers.listSkills', { includeArchived: true });
  const found = skills.find((s) => s.key === key);
  if (!found) throw new Error(`no seeded skill ${key}`);
  return found.id;
}

export function withFile<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const AT = '2026-01-01T00:00:00.000Z';

/** Marks a volunteer present at an event, with the hour entry attendance makes. */
export function recordAttendance(file: string, eventId: number, volunteerId: number): void {
  withFile(file, (db) => {
    db.prepare("INSERT INTO attendance (event_id, volunteer_id, status, walk_in, updated_at) VALUES (?, ?, 'present', 0, ?)").run(eventId, volunteerId, AT);
    db.prepare(
      `INSERT INTO hour_entries (volunteer_id, worked_on, minutes, category, event_id, source, approval, created_at, updated_at)
       SELECT ?, substr(start_local, 1, 10), 90, 'facilitation', id, 'attendance', 'approved', ?, ? FROM events WHERE id = ?`,
    ).run(volunteerId, AT, AT, eventId);
  });
}

/** Assigns a volunteer to the first role of an event. */
export function assignFirstRole(file: string, eventId: number, volunteerId: number): number {
  return withFile(file, (db) => {
    const roleId = db.prepare('SELECT id FROM event_roles WHERE event_id = ? ORDER BY position, id LIMIT 1').pluck().get(eventId) as number;
    db.prepare('INSERT INTO assignments (role_id, event_id, volunteer_id, created_at) VALUES (?, ?, ?, ?)').run(roleId, eventId, volunteerId, AT);
    return roleId;
  });
}

export const rows = <T>(file: string, sql: string, ...params: unknown[]): T[] => withFile(file, (db) => db.prepare(sql).all(...params) as T[]);

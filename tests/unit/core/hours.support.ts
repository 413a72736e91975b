import Database from 'better-sqlite3';
import type { TestCore } from './helpers';

/** Helpers for the attendance, hours and privacy tests: staffing through its own calls, days around today. */

/** Assigns volunteers to the role of an event named `roleName`, through staffing's own calls. */
export async function assign(t: Pick<TestCore, 'call'>, eventId: number, roleName: string, volunteerIds: number[]): Promise<void> {
  const { roles } = await t.call('events.staffing', { eventId });
  const role = roles.find((r) => r.name === roleName);
  if (!role) throw new Error(`no role ${roleName} on event ${eventId}`);
  for (const volunteerId of volunteerIds) await t.call('events.assign', { roleId: role.id, volunteerId });
}

/** Today shifted by `days`, as YYYY-MM-DD on the Paris calendar (the zone the tests plan events in). */
export function dayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Opens the file for the length of `fn`, foreign keys on (for rows no call writes, in other domains' tests). */
export function withFile<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

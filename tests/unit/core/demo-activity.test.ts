import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateActivity } from '../../../electron/core/demo/activity';
import { generateAssociation } from '../../../electron/core/demo/generator';
import { openDatabase } from '../../../electron/core/db/open-database';
import { suggest } from '../../../electron/core/events/suggestions';
import { expiredQualifications, expiringQualifications } from '../../../electron/core/trainings/qualifications.service';
import { expiryDate } from '../../../electron/core/trainings/validity';
import { tempDir } from './helpers';

function sample(seed = 5) {
  const dir = tempDir();
  const opened = openDatabase(join(dir, 'relais.sqlite'), { backupDir: dir });
  generateAssociation(opened.sqlite, { volunteers: 200, seed });
  const made = generateActivity(opened.sqlite, { occurrences: 300, hourEntries: 2000, seed, today: '2026-11-21' });
  return { sqlite: opened.sqlite, made };
}

describe('the sample activity (demo mode and benchmarks)', () => {
  it('makes exactly the sessions and hour entries asked for', () => {
    const { sqlite, made } = sample();
    expect(made).toEqual({ occurrences: 300, hourEntries: 2000 });
    expect(sqlite.prepare('SELECT count(*) FROM events').pluck().get()).toBe(300);
    expect(sqlite.prepare('SELECT count(*) FROM hour_entries').pluck().get()).toBe(2000);
    sqlite.close();
  });

  it('only counts attendance hours for people marked present, on the day of a past session', () => {
    const { sqlite } = sample();
    const orphans = sqlite
      .prepare(
        `SELECT count(*) FROM hour_entries h
         LEFT JOIN attendance a ON a.event_id = h.event_id AND a.volunteer_id = h.volunteer_id AND a.status = 'present'
         LEFT JOIN events e ON e.id = h.event_id
         WHERE h.source = 'attendance' AND (a.event_id IS NULL OR substr(e.start_local, 1, 10) <> h.worked_on OR h.worked_on >= '2026-11-21')`,
      )
      .pluck()
      .get();
    expect(orphans).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM hour_entries WHERE source = 'attendance'").pluck().get()).toBeGreaterThan(0);
    sqlite.close();
  });

  it('keeps a series at the same wall-clock time on both sides of a daylight-saving change', () => {
    const { sqlite } = sample();
    const rows = sqlite
      .prepare(
        `SELECT series_id, count(DISTINCT substr(start_local, 12, 5)) AS times, count(DISTINCT substr(start_utc, 12, 5)) AS instants
         FROM events WHERE series_id IS NOT NULL GROUP BY series_id`,
      )
      .all() as { series_id: number; times: number; instants: number }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.times === 1)).toBe(true);
    // Some series run across the end of October or March: their UTC instant moves by an hour.
    expect(rows.some((r) => r.instants === 2)).toBe(true);
    sqlite.close();
  });

  it('is the same association for the same seed', () => {
    const a = sample(9);
    const b = sample(9);
    const dump = (s: typeof a.sqlite) => ({
      events: s.prepare('SELECT title, start_local, start_utc FROM events ORDER BY id').all(),
      roles: s.prepare('SELECT event_id, name, required_training_id FROM event_roles ORDER BY id').all(),
      sessions: s.prepare('SELECT event_id, training_id, trainer_name, cost_cents, completed_on FROM training_sessions ORDER BY event_id').all(),
      participants: s.prepare('SELECT event_id, volunteer_id, result FROM training_participants ORDER BY event_id, volunteer_id').all(),
      qualifications: s.prepare('SELECT volunteer_id, training_id, obtained_on, expires_on, source, event_id FROM qualifications ORDER BY id').all(),
    });
    expect(dump(a.sqlite)).toEqual(dump(b.sqlite));
    expect(dump(a.sqlite).sessions.length).toBeGreaterThan(0);
    a.sqlite.close();
    b.sqlite.close();
  });

  it('makes every training event a session of a catalogue training, with a trainer, a planned cost and participants', () => {
    const { sqlite } = sample();
    const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
    expect(count("SELECT count(*) FROM events WHERE kind = 'training'")).toBeGreaterThan(5);
    // Every training event has its session; nothing else has one.
    expect(count("SELECT count(*) FROM events e LEFT JOIN training_sessions s ON s.event_id = e.id WHERE (e.kind = 'training') <> (s.event_id IS NOT NULL)")).toBe(0);
    // Of a seeded training, titled after it, given by an outside trainer or a volunteer.
    expect(count('SELECT count(*) FROM training_sessions s JOIN trainings t ON t.id = s.training_id WHERE t.key IS NULL')).toBe(0);
    expect(count(`SELECT count(*) FROM training_sessions s WHERE s.trainer_name IS NULL
      AND NOT EXISTS (SELECT 1 FROM event_facilitators f WHERE f.event_id = s.event_id)`)).toBe(0);
    expect(count('SELECT count(DISTINCT training_id) FROM training_sessions')).toBeGreaterThanOrEqual(3);
    // The training cycle: a few sessions a fortnight apart, one course after another.
    const cycles = sqlite
      .prepare(
        `SELECT e.series_id, count(*) AS sessions, count(DISTINCT s.training_id) AS courses, count(DISTINCT e.title) AS titles
         FROM training_sessions s JOIN events e ON e.id = s.event_id WHERE e.series_id IS NOT NULL GROUP BY e.series_id`,
      )
      .all() as { sessions: number; courses: number; titles: number }[];
    expect(cycles.length).toBeGreaterThan(0);
    expect(cycles.every((c) => c.titles === 1 && c.courses === Math.min(c.sessions, 4))).toBe(true);
    expect(count("SELECT count(*) FROM training_sessions s JOIN events e ON e.id = s.event_id WHERE e.series_id IS NULL")).toBe(0);
    // Planned costs in whole tens of euros; PSSM is bought from outside and costs most.
    expect(count('SELECT count(*) FROM training_sessions WHERE cost_cents % 1000 <> 0 OR cost_cents < 0')).toBe(0);
    expect(count("SELECT min(s.cost_cents) FROM training_sessions s JOIN trainings t ON t.id = s.training_id WHERE t.key = 'mental_health_first_aid'")).toBeGreaterThanOrEqual(80_000);
    // 4 to 9 participants each, the trainer never among them.
    expect(count('SELECT count(*) FROM (SELECT event_id, count(*) AS n FROM training_participants GROUP BY event_id) WHERE n NOT BETWEEN 4 AND 9')).toBe(0);
    expect(count('SELECT count(*) FROM training_participants p JOIN event_facilitators f ON f.event_id = p.event_id AND f.volunteer_id = p.volunteer_id')).toBe(0);
    sqlite.close();
  });

  it('closes past sessions as the trainings module would: results, and qualifications from the session’s day for its validity', () => {
    const { sqlite } = sample();
    const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
    const today = '2026-11-21';
    // Future sessions: people enrolled, nothing closed.
    expect(count(`SELECT count(*) FROM training_sessions s JOIN events e ON e.id = s.event_id
      WHERE e.start_local >= '${today}' AND (s.completed_on IS NOT NULL OR EXISTS (SELECT 1 FROM training_participants p WHERE p.event_id = s.event_id AND p.result <> 'enrolled'))`)).toBe(0);
    // Sessions held more than a fortnight ago are closed, never before their day nor after today.
    expect(count(`SELECT count(*) FROM training_sessions s JOIN events e ON e.id = s.event_id WHERE e.start_local < '2026-11-07' AND s.completed_on IS NULL`)).toBe(0);
    expect(count(`SELECT count(*) FROM training_sessions s JOIN events e ON e.id = s.event_id
      WHERE s.completed_on IS NOT NULL AND (s.completed_on < substr(e.end_local, 1, 10) OR s.completed_on > '${today}')`)).toBe(0);
    expect(count("SELECT count(*) FROM training_participants WHERE result = 'completed'")).toBeGreaterThan(0);
    // Exactly those who completed hold a qualification from it, obtained on its day, expiring by the catalogue.
    const given = sqlite
      .prepare(
        `SELECT p.volunteer_id AS v, p.result, q.obtained_on AS obtained, q.expires_on AS expires, substr(e.end_local, 1, 10) AS day,
           t.validity_months AS validity, q.training_id = s.training_id AS sameTraining
         FROM training_participants p JOIN training_sessions s ON s.event_id = p.event_id JOIN events e ON e.id = p.event_id
         JOIN trainings t ON t.id = s.training_id
         LEFT JOIN qualifications q ON q.event_id = p.event_id AND q.volunteer_id = p.volunteer_id`,
      )
      .all() as { v: number; result: string; obtained: string | null; expires: string | null; day: string; validity: number | null; sameTraining: number | null }[];
    for (const g of given) {
      if (g.result !== 'completed') expect(g.obtained).toBeNull();
      else expect(g).toMatchObject({ obtained: g.day, expires: expiryDate(g.day, g.validity), sameTraining: 1 });
    }
    sqlite.close();
  });

  it('gives the trainings page qualifications expiring within 60 days and already expired', () => {
    const { sqlite } = sample();
    const onDate = '2026-11-21';
    const expiring = expiringQualifications(sqlite, { onDate, withinDays: 60, trainingId: null });
    const expired = expiredQualifications(sqlite, { onDate, withinDays: 60, trainingId: null });
    expect(expiring.total).toBeGreaterThan(0);
    expect(expired.total).toBeGreaterThan(0);
    expect(expiring.rows.every((r) => r.expiresOn! > onDate && r.expiresOn! <= '2027-01-20')).toBe(true);
    expect(expired.rows.every((r) => r.expiresOn! <= onDate)).toBe(true);
    sqlite.close();
  });

  it('support groups’ roles require the matching training, and their suggestions say who holds it', () => {
    const { sqlite } = sample();
    const required = sqlite
      .prepare(
        `SELECT DISTINCT e.kind, r.name, t.key FROM event_roles r JOIN events e ON e.id = r.event_id LEFT JOIN trainings t ON t.id = r.required_training_id
         ORDER BY e.kind, r.name`,
      )
      .all() as { kind: string; name: string; key: string | null }[];
    expect(required.filter((r) => r.kind === 'support_group')).toEqual([
      { kind: 'support_group', name: 'Animation', key: 'group_facilitation' },
      { kind: 'support_group', name: 'Écoute', key: 'active_listening' },
    ]);
    expect(required.filter((r) => r.kind !== 'support_group').every((r) => r.key === null)).toBe(true);
    // Series' templates say the same as their sessions.
    expect(
      sqlite.prepare('SELECT count(*) FROM event_roles r JOIN series_roles sr ON sr.id = r.series_role_id WHERE r.required_training_id IS NOT sr.required_training_id').pluck().get(),
    ).toBe(0);
    // Some facilitators learnt to facilitate: the ranking of an upcoming group has qualified people.
    const roleId = sqlite
      .prepare(
        `SELECT r.id FROM event_roles r JOIN events e ON e.id = r.event_id JOIN trainings t ON t.id = r.required_training_id
         WHERE t.key = 'group_facilitation' AND e.start_local > '2026-11-21' ORDER BY e.start_local LIMIT 1`,
      )
      .pluck()
      .get() as number;
    const states = suggest(sqlite, roleId, 50).suggestions.map((s) => s.reasons.find((r) => r.kind === 'qualification'));
    expect(states.every((r) => r !== undefined)).toBe(true);
    expect(states.some((r) => r!.kind === 'qualification' && r!.state === 'qualified')).toBe(true);
    sqlite.close();
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateActivity } from '../../../electron/core/demo/activity';
import { generateAssociation } from '../../../electron/core/demo/generator';
import { openDatabase } from '../../../electron/core/db/open-database';
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
    const dump = (s: typeof a.sqlite) => s.prepare('SELECT title, start_local, start_utc FROM events ORDER BY id').all();
    expect(dump(a.sqlite)).toEqual(dump(b.sqlite));
    a.sqlite.close();
    b.sqlite.close();
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { DATABASE_FILE } from '../../../electron/core/relais';
import { tempDir } from './helpers';

describe('migration 005 (erasure log)', () => {
  it('adds an empty erasures table and keeps the registry as it was', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const before = openDatabase(file, { backupDir: join(dir, 'backups'), targetVersion: 4 });
    const now = '2024-01-01T10:00:00.000Z';
    before.sqlite
      .prepare(
        `INSERT INTO volunteers (first_name, last_name, sort_name, joined_on, status, preferred_format, created_at, updated_at)
         VALUES ('Zéphyrine', 'Quasimodo', 'quasimodo zephyrine', '2023-09-01', 'active', 'both', ?, ?)`,
      )
      .run(now, now);
    expect(before.sqlite.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'erasures'").get()).toEqual({ n: 0 });
    before.sqlite.close();

    const after = openDatabase(file, { backupDir: join(dir, 'backups'), targetVersion: 5 });
    try {
      expect(after.sqlite.pragma('user_version', { simple: true })).toBe(5);
      expect(after.sqlite.prepare('SELECT first_name FROM volunteers').all()).toEqual([{ first_name: 'Zéphyrine' }]);
      expect(after.sqlite.prepare('SELECT * FROM erasures').all()).toEqual([]);
      const columns = (after.sqlite.prepare('PRAGMA table_info(erasures)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).toEqual(['volunteer_id', 'volunteer_created_at', 'erased_at', 'reapplied_at']);
      // No foreign key: nothing done to a volunteer row can take its erasure record with it.
      expect(after.sqlite.prepare('PRAGMA foreign_key_list(erasures)').all()).toEqual([]);
    } finally {
      after.sqlite.close();
    }
  });
});

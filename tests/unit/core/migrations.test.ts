import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRelais } from '../../../electron/core';
import { APPLICATION_ID } from '../../../electron/core/db/connection';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../../electron/core/db/migrations';
import { openDatabase, type OpenedDatabase } from '../../../electron/core/db/open-database';
import { DATABASE_FILE } from '../../../electron/core/relais';
import { SEEDED_SKILLS } from '../../../electron/core/volunteers/skill-catalogue';
import { RelaisFailure } from '../../../shared/errors';
import { dumpTables, fingerprint, openTestCore, tempDir, withReadonly } from './helpers';

const close = (d: OpenedDatabase) => {
  d.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  d.sqlite.close();
};

/** Runs `fn`, which must throw a RelaisFailure, and answers it. */
function failure(fn: () => unknown): RelaisFailure {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RelaisFailure);
    return error as RelaisFailure;
  }
  throw new Error('expected a RelaisFailure, nothing was thrown');
}

/** A Relais database at the latest version, closed, in WAL mode as every Relais file is. */
function relaisFile(dir: string): string {
  const file = join(dir, DATABASE_FILE);
  close(openDatabase(file, { backupDir: join(dir, 'backups') }));
  return file;
}

function insertV1Volunteer(db: Database.Database, first: string, last: string, extra: Record<string, string | null> = {}) {
  const now = '2024-01-01T10:00:00.000Z';
  const info = db
    .prepare(
      `INSERT INTO volunteers (first_name, last_name, sort_name, email, phone, city, joined_on, status, preferred_format, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '2023-09-01', 'active', 'both', ?, ?)`,
    )
    .run(first, last, `${last} ${first}`.toLowerCase(), extra.email ?? null, extra.phone ?? null, extra.city ?? null, now, now);
  return Number(info.lastInsertRowid);
}

describe('a new database', () => {
  it('has the pragmas DESIGN §3 asks for and the latest schema version', () => {
    const dir = tempDir();
    const opened = openDatabase(join(dir, DATABASE_FILE), { backupDir: join(dir, 'backups') });
    try {
      const p = (name: string) => opened.sqlite.pragma(name, { simple: true });
      expect(p('journal_mode')).toBe('wal');
      expect(p('foreign_keys')).toBe(1);
      expect(p('synchronous')).toBe(2);
      expect(p('secure_delete')).toBe(1);
      expect(p('application_id')).toBe(0x52454c41);
      expect(APPLICATION_ID).toBe(0x52454c41);
      expect(p('user_version')).toBe(LATEST_VERSION);
      expect(LATEST_VERSION).toBe(MIGRATIONS.at(-1)!.version);
      expect(opened.migratedFrom).toBe(0);
    } finally {
      close(opened);
    }
  });

  it('keeps its persistent marks in the file (seen by a plain connection after closing)', async () => {
    const t = await openTestCore();
    await t.close();
    withReadonly(t.file, (db) => {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    });
  });

  it('gets no pre-migration copy (there is nothing to save)', () => {
    const dir = tempDir();
    const backupDir = join(dir, 'backups');
    const opened = openDatabase(join(dir, DATABASE_FILE), { backupDir });
    close(opened);
    expect(opened.backupFile).toBeNull();
    expect(existsSync(backupDir) ? readdirSync(backupDir) : []).toEqual([]);
  });

  it('an up-to-date database is opened without a copy', () => {
    const dir = tempDir();
    const backupDir = join(dir, 'backups');
    const file = relaisFile(dir);
    const again = openDatabase(file, { backupDir });
    close(again);
    expect(again.migratedFrom).toBe(LATEST_VERSION);
    expect(again.backupFile).toBeNull();
    expect(existsSync(backupDir) ? readdirSync(backupDir) : []).toEqual([]);
  });
});

describe('migration 2 (search index and skills) over data entered at version 1', () => {
  function v1Folder() {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const v1 = openDatabase(file, { backupDir: join(dir, 'backups'), targetVersion: 1 });
    expect(v1.sqlite.pragma('user_version', { simple: true })).toBe(1);
    expect(v1.sqlite.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'volunteers_fts'").get()).toEqual({ n: 0 });
    const helene = insertV1Volunteer(v1.sqlite, 'Hélène', 'Dupré', { email: 'helene.dupre@exemple.fr', phone: '06 12 34 56 78', city: 'Saint-Étienne' });
    const john = insertV1Volunteer(v1.sqlite, 'John', 'Smith', { city: 'London' });
    insertV1Volunteer(v1.sqlite, 'Zoé', 'Abadie', { city: 'Évry' });
    // A skill of the association's own, entered before the catalogue was seeded.
    const maraude = Number(v1.sqlite.prepare("INSERT INTO skills (name, category) VALUES ('Maraude', 'other')").run().lastInsertRowid);
    v1.sqlite.prepare('INSERT INTO volunteer_skills (volunteer_id, skill_id, level) VALUES (?, ?, 2)').run(john, maraude);
    const rowsAtV1 = v1.sqlite.prepare('SELECT * FROM volunteers ORDER BY id').all();
    close(v1);
    return { dir, file, helene, john, rowsAtV1 };
  }

  it('makes volunteers entered before the index searchable, accent-insensitively', async () => {
    const { dir, helene, john } = v1Folder();
    const t = await openTestCore({ dataDir: dir });
    const ids = async (query: string) => (await t.call('volunteers.list', { query })).rows.map((r) => r.id);
    expect(await ids('helene')).toEqual([helene]);
    expect(await ids('DUPRE')).toEqual([helene]);
    expect(await ids('etienne')).toEqual([helene]);
    expect(await ids('0612')).toEqual([helene]);
    expect(await ids('smith')).toEqual([john]);
    expect(await ids('maraude')).toEqual([john]);
    expect(await ids('nobody')).toEqual([]);
  });

  it('sorts volunteers entered before by city like new ones', async () => {
    // The rows above carry only what a version-1 Relais wrote; any sort key added since must be
    // filled by a migration, not only by the code that writes new rows.
    const { dir } = v1Folder();
    const t = await openTestCore({ dataDir: dir });
    await t.call('volunteers.create', { firstName: 'Nina', lastName: 'Abel', joinedOn: '2026-01-05', city: 'Marseille' });
    const cities = async (direction: 'asc' | 'desc') => (await t.call('volunteers.list', { sort: { field: 'city', direction } })).rows.map((r) => r.city);
    expect(await cities('asc')).toEqual(['Évry', 'London', 'Marseille', 'Saint-Étienne']);
    expect(await cities('desc')).toEqual(['Saint-Étienne', 'Marseille', 'London', 'Évry']);
  });

  it('seeds the skill catalogue and keeps the skills entered before', async () => {
    const { dir } = v1Folder();
    const t = await openTestCore({ dataDir: dir });
    const skills = await t.call('volunteers.listSkills', { includeArchived: true });
    expect(skills.filter((s) => s.key !== null).map((s) => s.key).sort()).toEqual(SEEDED_SKILLS.map((s) => s.key).sort());
    expect(skills.filter((s) => s.key === null)).toEqual([expect.objectContaining({ name: 'Maraude', category: 'other', volunteerCount: 1 })]);
  });

  it('takes a verified copy of the version-1 file first, with the same rows', () => {
    const { dir, file, rowsAtV1 } = v1Folder();
    const backupDir = join(dir, 'backups');
    const opened = openDatabase(file, { backupDir });
    close(opened);
    expect(opened.migratedFrom).toBe(1);
    expect(opened.backupFile).not.toBeNull();
    expect(readdirSync(backupDir)).toHaveLength(1);
    expect(join(backupDir, readdirSync(backupDir)[0]!)).toBe(opened.backupFile);
    withReadonly(opened.backupFile!, (copy) => {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(copy.prepare('SELECT * FROM volunteers ORDER BY id').all()).toEqual(rowsAtV1);
      expect(copy.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'volunteers_fts'").get()).toEqual({ n: 0 });
    });
    withReadonly(file, (db) => expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION));
  });

  it('openRelais puts the copy in the data folder’s backups', async () => {
    const { dir } = v1Folder();
    const t = await openTestCore({ dataDir: dir });
    await t.close();
    const copies = readdirSync(join(dir, 'backups'));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(new RegExp(`^before-migration-v1-to-v${LATEST_VERSION}-.*\\.sqlite$`));
  });
});

describe('each migration runs in one transaction', () => {
  const brokenAfterWork = (version: number): Migration => ({
    version,
    name: 'breaks-halfway',
    up(db) {
      db.exec('CREATE TABLE half_done (x INTEGER)');
      db.prepare("INSERT INTO settings (key, value) VALUES ('half', '1')").run();
      throw new Error('halfway');
    },
  });

  it('a migration that throws halfway leaves the version and the tables as they were', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const backupDir = join(dir, 'backups');
    close(openDatabase(file, { backupDir, migrations: [MIGRATIONS[0]!] }));
    const before = dumpTables(file);

    expect(() => openDatabase(file, { backupDir, migrations: [MIGRATIONS[0]!, brokenAfterWork(2)] })).toThrow('halfway');

    withReadonly(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").all()).toEqual([]);
    });
    expect(dumpTables(file)).toEqual(before);
    // The connection was released: the real migrations can still run afterwards.
    const fixed = openDatabase(file, { backupDir });
    close(fixed);
    expect(fixed.migratedFrom).toBe(1);
    withReadonly(file, (db) => expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION));
  });

  it('steps that succeeded before the failing one stay applied', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    expect(() => openDatabase(file, { backupDir: join(dir, 'b'), migrations: [MIGRATIONS[0]!, brokenAfterWork(2)] })).toThrow('halfway');
    withReadonly(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE name IN ('volunteers', 'half_done') ORDER BY name").all()).toEqual([{ name: 'volunteers' }]);
      expect(db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
    });
  });
});

describe('files Relais must refuse, untouched', () => {
  /** Each builder leaves a closed file in `dir` and answers its path. */
  const cases: { name: string; code: 'DATABASE_TOO_NEW' | 'DATABASE_INVALID'; build: (dir: string) => string }[] = [
    {
      name: 'a Relais database from a newer version (user_version above the latest)',
      code: 'DATABASE_TOO_NEW',
      build: (dir) => {
        const file = relaisFile(dir);
        const raw = new Database(file);
        raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
        raw.close();
        return file;
      },
    },
    {
      name: 'another application’s SQLite file (other application_id)',
      code: 'DATABASE_INVALID',
      build: (dir) => {
        const file = join(dir, DATABASE_FILE);
        const raw = new Database(file);
        raw.pragma('application_id = 0x12345678');
        raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'hello\')');
        raw.close();
        return file;
      },
    },
    {
      name: 'a SQLite file with tables but no application id',
      code: 'DATABASE_INVALID',
      build: (dir) => {
        const file = join(dir, DATABASE_FILE);
        const raw = new Database(file);
        raw.exec('CREATE TABLE volunteers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO volunteers (name) VALUES (\'x\')');
        raw.close();
        return file;
      },
    },
    {
      name: 'another application’s SQLite file in WAL mode',
      code: 'DATABASE_INVALID',
      build: (dir) => {
        const file = join(dir, DATABASE_FILE);
        const raw = new Database(file);
        raw.pragma('journal_mode = WAL');
        raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'hello\')');
        raw.close();
        return file;
      },
    },
    {
      name: 'random bytes',
      code: 'DATABASE_INVALID',
      build: (dir) => {
        const file = join(dir, DATABASE_FILE);
        writeFileSync(file, randomBytes(16 * 1024));
        return file;
      },
    },
    {
      name: 'a Relais database truncated to half its size',
      code: 'DATABASE_INVALID',
      build: (dir) => {
        const file = relaisFile(dir);
        truncateSync(file, Math.floor(statSync(file).size / 2));
        return file;
      },
    },
    {
      name: 'a Relais database truncated inside its header',
      code: 'DATABASE_INVALID',
      build: (dir) => {
        const file = relaisFile(dir);
        truncateSync(file, 60);
        return file;
      },
    },
  ];

  for (const c of cases) {
    it(`openDatabase refuses ${c.name} with ${c.code} and changes nothing`, () => {
      const dir = tempDir();
      const file = c.build(dir);
      const before = fingerprint(file);
      const error = failure(() => openDatabase(file, { backupDir: join(dir, 'backups') }));
      expect(error.code).toBe(c.code);
      if (c.code === 'DATABASE_TOO_NEW') expect(error.details).toMatchObject({ found: LATEST_VERSION + 1, supported: LATEST_VERSION });
      // Same bytes, and no -wal / -shm / backups appearing next to it.
      expect(fingerprint(file)).toEqual(before);
    });

    it(`openRelais surfaces ${c.code} for ${c.name}`, async () => {
      const dir = tempDir();
      const file = c.build(dir);
      const before = fingerprint(file);
      await expect(openRelais({ dataDir: dir })).rejects.toMatchObject({ name: 'RelaisFailure', code: c.code });
      expect(fingerprint(file)).toEqual(before);
    });
  }

  it('an empty file is simply a new database', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    writeFileSync(file, '');
    const opened = openDatabase(file, { backupDir: join(dir, 'backups') });
    close(opened);
    expect(opened.backupFile).toBeNull();
    withReadonly(file, (db) => expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION));
  });
});

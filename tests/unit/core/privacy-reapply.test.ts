import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../electron/core/db/open-database';
import { eraseOne, compactSearchIndex, reapplyErasures, scrubFile, listErasures, toLogged } from '../../../electron/core/privacy/erasure';
import { erasureLogPath, mergeErasureLog, readErasureLog } from '../../../electron/core/privacy/erasure-log';
import { DATABASE_FILE } from '../../../electron/core/relais';
import { openRelais } from '../../../electron/core';
import { reindexVolunteers } from '../../../electron/core/volunteers/search-index';
import { tempDir } from './helpers';

const open = (dir: string) => openDatabase(join(dir, DATABASE_FILE), { backupDir: join(dir, 'backups') });
const shut = (d: OpenedDatabase) => {
  d.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  d.sqlite.close();
};

function addPerson(d: OpenedDatabase, first: string, last: string, email: string, createdAt = new Date().toISOString()): number {
  const id = Number(
    d.sqlite
      .prepare(
        `INSERT INTO volunteers (first_name, last_name, sort_name, email, joined_on, status, preferred_format, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, '2022-05-17', 'active', 'both', 'Allergique aux chats', ?, ?)`,
      )
      .run(first, last, `${last} ${first}`.toLowerCase(), email, createdAt, createdAt).lastInsertRowid,
  );
  reindexVolunteers(d.sqlite, [id]);
  return id;
}

/** What the service does for one person: log outside, erase in one transaction, scrub the file. */
function erase(d: OpenedDatabase, dir: string, id: number) {
  const createdAt = (d.sqlite.prepare('SELECT created_at FROM volunteers WHERE id = ?').get(id) as { created_at: string }).created_at;
  const facts = { volunteerId: id, volunteerCreatedAt: createdAt, erasedAt: new Date().toISOString(), reappliedAt: null };
  mergeErasureLog(dir, [toLogged(facts)]);
  d.sqlite.transaction(() => {
    eraseOne(d.sqlite, facts, 'fr');
    compactSearchIndex(d.sqlite);
  })();
  scrubFile(d.sqlite);
}

const person = (d: OpenedDatabase, id: number) =>
  d.sqlite.prepare('SELECT first_name, last_name, email, notes, joined_on, archived_at FROM volunteers WHERE id = ?').get(id) as Record<string, string | null>;
const found = (d: OpenedDatabase, word: string) =>
  (d.sqlite.prepare('SELECT rowid FROM volunteers_fts WHERE volunteers_fts MATCH ?').all(word) as { rowid: number }[]).map((r) => r.rowid);

describe('reapplyErasures after an older backup is restored', () => {
  it('erases again the person the restored file still holds, and only them', () => {
    const dir = tempDir();
    let d = open(dir);
    const zephyrine = addPerson(d, 'Zéphyrine', 'Quasimodo', 'zephyrine.q@exemple.fr');
    const other = addPerson(d, 'Hélène', 'Dupré', 'helene@exemple.fr');
    shut(d);
    // The "backup": the file as it was before the erasure.
    const backup = join(dir, 'before.sqlite');
    copyFileSync(join(dir, DATABASE_FILE), backup);

    d = open(dir);
    erase(d, dir, zephyrine);
    expect(person(d, zephyrine)).toMatchObject({ first_name: 'Personne effacée', last_name: `#${zephyrine}`, email: null, notes: null });
    shut(d);
    expect(readErasureLog(dir)).toEqual([expect.objectContaining({ volunteerId: zephyrine })]);

    // Restore: the old file back in place; she is there again with all her data.
    copyFileSync(backup, join(dir, DATABASE_FILE));
    d = open(dir);
    expect(person(d, zephyrine)).toMatchObject({ first_name: 'Zéphyrine', email: 'zephyrine.q@exemple.fr' });
    expect(found(d, 'zephyrine')).toEqual([zephyrine]);

    expect(reapplyErasures(d.sqlite, dir)).toEqual({ reapplied: [zephyrine] });
    expect(person(d, zephyrine)).toMatchObject({ first_name: 'Personne effacée', last_name: `#${zephyrine}`, email: null, notes: null, joined_on: '2022-01-01' });
    expect(person(d, zephyrine).archived_at).not.toBeNull();
    expect(found(d, 'zephyrine')).toEqual([]);
    expect(found(d, 'quasimodo')).toEqual([]);
    expect(person(d, other)).toMatchObject({ first_name: 'Hélène', email: 'helene@exemple.fr' });
    expect(found(d, 'helene')).toEqual([other]);
    const [logged] = listErasures(d.sqlite);
    expect(logged).toMatchObject({ volunteerId: zephyrine, erasedAt: readErasureLog(dir)[0]!.erasedAt });
    expect(logged!.reappliedAt).not.toBeNull();

    // Twice is harmless: nothing left to do.
    expect(reapplyErasures(d.sqlite, dir)).toEqual({ reapplied: [] });
    shut(d);
    const bytes = readFileSync(join(dir, DATABASE_FILE)).toString('utf8');
    expect(bytes).not.toContain('Quasimodo');
    expect(bytes).not.toContain('zephyrine.q@');
  });

  it('is done at every start, so an older file put back by hand does not bring the person back', async () => {
    const dir = tempDir();
    let d = open(dir);
    const zephyrine = addPerson(d, 'Zéphyrine', 'Quasimodo', 'zephyrine.q@exemple.fr');
    shut(d);
    const older = join(dir, 'older.sqlite');
    copyFileSync(join(dir, DATABASE_FILE), older);
    d = open(dir);
    erase(d, dir, zephyrine);
    shut(d);
    copyFileSync(older, join(dir, DATABASE_FILE));

    const relais = await openRelais({ dataDir: dir });
    try {
      const result = await relais.dispatch('volunteers.get', { id: zephyrine });
      expect(result).toMatchObject({ ok: true, data: { firstName: 'Personne effacée', email: null } });
      const search = await relais.dispatch('volunteers.list', { query: 'zephyrine', filters: { archived: 'include' } });
      expect(search).toMatchObject({ ok: true, data: { total: 0 } });
    } finally {
      await relais.close();
    }
  });

  it('leaves alone someone else who got the same id in a file older than the erased person', () => {
    const dir = tempDir();
    let d = open(dir);
    shut(d);
    const empty = join(dir, 'empty.sqlite');
    copyFileSync(join(dir, DATABASE_FILE), empty);
    d = open(dir);
    const zephyrine = addPerson(d, 'Zéphyrine', 'Quasimodo', 'zephyrine.q@exemple.fr', '2025-01-01T10:00:00.000Z');
    erase(d, dir, zephyrine);
    shut(d);

    copyFileSync(empty, join(dir, DATABASE_FILE));
    d = open(dir);
    const newcomer = addPerson(d, 'Marc', 'Lenoir', 'marc@exemple.fr', '2026-02-02T10:00:00.000Z');
    expect(newcomer).toBe(zephyrine);
    expect(reapplyErasures(d.sqlite, dir)).toEqual({ reapplied: [] });
    expect(person(d, newcomer)).toMatchObject({ first_name: 'Marc', email: 'marc@exemple.fr' });
    shut(d);
  });

  it('adds to the outside log the erasures a restored file knew and the log did not', () => {
    const dir = tempDir();
    const d = open(dir);
    const id = addPerson(d, 'Zéphyrine', 'Quasimodo', 'zephyrine.q@exemple.fr');
    erase(d, dir, id);
    rmSync(erasureLogPath(dir));
    expect(reapplyErasures(d.sqlite, dir)).toEqual({ reapplied: [] });
    expect(readErasureLog(dir).map((e) => e.volunteerId)).toEqual([id]);
    shut(d);
  });

  it('with no log and no erasure, changes nothing and writes no file', () => {
    const dir = tempDir();
    const d = open(dir);
    addPerson(d, 'Zéphyrine', 'Quasimodo', 'zephyrine.q@exemple.fr');
    expect(reapplyErasures(d.sqlite, dir)).toEqual({ reapplied: [] });
    expect(existsSync(erasureLogPath(dir))).toBe(false);
    shut(d);
  });
});

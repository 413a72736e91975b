import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { APPLICATION_ID } from '../../../electron/core/db/connection';
import { LATEST_VERSION, MIGRATIONS } from '../../../electron/core/db/migrations';
import { openDatabase } from '../../../electron/core/db/open-database';
import { DATABASE_FILE } from '../../../electron/core/relais';
import { tempDir } from './helpers';

/**
 * Found by the crash test: a database killed before its first checkpoint keeps its application
 * id and schema version only in its WAL, and the header alone said "another application".
 */
test('a database whose id and version are still only in its WAL (killed before a checkpoint) opens with its data', () => {
  const made = join(tempDir(), DATABASE_FILE);
  const live = new Database(made);
  live.pragma('journal_mode = WAL');
  live.pragma('wal_autocheckpoint = 0');
  live.pragma(`application_id = ${APPLICATION_ID}`);
  live.transaction(() => {
    MIGRATIONS[0]!.up(live);
    live.pragma('user_version = 1');
  })();
  live.exec('CREATE TABLE early (x INTEGER); INSERT INTO early VALUES (1)');
  // What a SIGKILL leaves: the file and its WAL as they are now, the connection never closed.
  const dir = tempDir();
  const file = join(dir, DATABASE_FILE);
  copyFileSync(made, file);
  copyFileSync(`${made}-wal`, `${file}-wal`);
  live.close();
  // The header alone says "not a Relais database".
  expect(readFileSync(file).readUInt32BE(68)).toBe(0);

  const opened = openDatabase(file, { backupDir: join(dir, 'backups') });
  expect(opened.migratedFrom).toBe(1);
  expect(opened.sqlite.prepare('SELECT x FROM early').pluck().all()).toEqual([1]);
  expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  opened.sqlite.close();
});

test('a new database has its id in the file header as soon as it is created, not at the first checkpoint', () => {
  const dir = tempDir();
  const file = join(dir, DATABASE_FILE);
  const opened = openDatabase(file, { backupDir: join(dir, 'backups') });
  const header = readFileSync(file).subarray(0, 100);
  expect(header.readUInt32BE(68)).toBe(APPLICATION_ID);
  expect(header.readUInt32BE(60)).toBe(LATEST_VERSION);
  expect(!existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0).toBe(true);
  opened.sqlite.close();
});

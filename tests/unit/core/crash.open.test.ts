import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

test('a database killed during a checkpoint (file shorter than its header says, the pages still in the WAL) opens whole', () => {
  const made = join(tempDir(), DATABASE_FILE);
  const first = openDatabase(made, { backupDir: join(made, '..', 'b') });
  first.sqlite.close();
  const live = new Database(made);
  live.pragma('wal_autocheckpoint = 0');
  live.exec("CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO filler SELECT hex(randomblob(500)) FROM n");
  const dir = tempDir();
  const file = join(dir, DATABASE_FILE);
  copyFileSync(made, file);
  copyFileSync(`${made}-wal`, `${file}-wal`);
  live.close();
  // What a checkpoint cut short leaves: page 1 already says the database has grown, the file has not.
  const bytes = readFileSync(file);
  const pages = bytes.length / bytes.readUInt16BE(16);
  bytes.writeUInt32BE(pages + 50, 28);
  bytes.writeUInt32BE(bytes.readUInt32BE(24), 92);
  writeFileSync(file, bytes);

  const opened = openDatabase(file, { backupDir: join(dir, 'backups') });
  expect(opened.sqlite.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(200);
  expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  opened.sqlite.close();
});

test('a file killed while being created (one empty page, no id yet) is a new database', () => {
  const dir = tempDir();
  const file = join(dir, DATABASE_FILE);
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.close();
  expect(readFileSync(file).readUInt32BE(68)).toBe(0);
  const opened = openDatabase(file, { backupDir: join(dir, 'backups') });
  expect(opened.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  opened.sqlite.close();
});

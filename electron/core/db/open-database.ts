import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { RelaisFailure } from '../../../shared/errors';
import { APPLICATION_ID, createKysely, openSqlite, type Sqlite } from './connection';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import type { DB } from './schema';

export interface OpenedDatabase {
  file: string;
  sqlite: Sqlite;
  db: Kysely<DB>;
  /** Schema version found before migrating (0 for a new file). */
  migratedFrom: number;
  /** The verified copy taken before migrating, if any migration ran on existing data. */
  backupFile: string | null;
}

export interface OpenDatabaseOptions {
  /** Where the pre-migration copy goes. */
  backupDir: string;
  /** Stop at this version (tests of a migration step); defaults to the latest. */
  targetVersion?: number;
  migrations?: readonly Migration[];
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Reads the facts we need from the file's 100-byte header with plain file I/O: even a read-only
 * SQLite connection would create -wal/-shm files beside a file we are about to refuse.
 */
function probe(file: string): { applicationId: number; userVersion: number } | null {
  if (!existsSync(file)) return null;
  const size = statSync(file).size;
  if (size === 0) return null;
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) {
    throw new RelaisFailure('DATABASE_INVALID', { reason: 'unreadable' });
  }
  const wal = existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0;
  const applicationId = header.readUInt32BE(68);
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  // A database killed before its first checkpoint has its id and version only in its WAL: the
  // header still says "no application". Ask SQLite, read-only, with the WAL applied.
  if (applicationId !== APPLICATION_ID && wal) return probeThroughWal(file);
  // Killed while being created, between switching to WAL and stamping its id: one empty page,
  // no id, no version, nothing in it. That is a new database, not another application's.
  if (applicationId === 0 && header.readUInt32BE(60) === 0 && pageCount <= 1) return null;
  // The page count is trustworthy when the "version valid for" field matches the change counter,
  // and when no WAL is there: one killed during a checkpoint still holds the pages the file lacks.
  if (!wal && header.readUInt32BE(92) === header.readUInt32BE(24) && size < pageSize * pageCount) {
    throw new RelaisFailure('DATABASE_INVALID', { reason: 'truncated' });
  }
  return { applicationId: header.readUInt32BE(68), userVersion: header.readUInt32BE(60) };
}

function probeThroughWal(file: string): { applicationId: number; userVersion: number } {
  let db: Sqlite | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return { applicationId: db.pragma('application_id', { simple: true }) as number, userVersion: db.pragma('user_version', { simple: true }) as number };
  } catch {
    throw new RelaisFailure('DATABASE_INVALID', { reason: 'unreadable' });
  } finally {
    db?.close();
  }
}

/** A consistent copy of the live file, checked before anything is changed. */
function verifiedCopy(sqlite: Sqlite, backupDir: string, from: number, to: number): string {
  mkdirSync(backupDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(backupDir, `before-migration-v${from}-to-v${to}-${stamp}.sqlite`);
  sqlite.prepare('VACUUM INTO ?').run(target);
  const copy = new Database(target, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    const version = copy.pragma('user_version', { simple: true });
    if (check !== 'ok' || version !== from) {
      throw new RelaisFailure('DATABASE_INVALID', { reason: 'backup-failed', check: String(check) });
    }
  } finally {
    copy.close();
  }
  return target;
}

/**
 * Opens (or creates) a Relais database and brings its schema up to date. A file from a newer
 * Relais, or a file that is not a Relais database, is refused before a single byte is written.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const target = options.targetVersion ?? (options.migrations ? migrations.at(-1)!.version : LATEST_VERSION);
  const found = probe(file);
  if (found) {
    // Relais stamps its id on a file before creating any table, so anything else is not ours.
    if (found.applicationId !== APPLICATION_ID) throw new RelaisFailure('DATABASE_INVALID', { reason: 'not-relais' });
    if (found.userVersion > LATEST_VERSION) {
      throw new RelaisFailure('DATABASE_TOO_NEW', { found: found.userVersion, supported: LATEST_VERSION });
    }
  }

  const sqlite = openSqlite(file);
  try {
    // The header can lag behind a WAL left by a crash: check again with the WAL applied.
    const current = sqlite.pragma('user_version', { simple: true }) as number;
    if (current > LATEST_VERSION) throw new RelaisFailure('DATABASE_TOO_NEW', { found: current, supported: LATEST_VERSION });
    if (current === 0) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    const pending = migrations.filter((m) => m.version > current && m.version <= target);
    const backupFile = pending.length > 0 && current > 0 ? verifiedCopy(sqlite, options.backupDir, current, target) : null;
    for (const m of pending) {
      sqlite.transaction(() => {
        m.up(sqlite);
        sqlite.pragma(`user_version = ${m.version}`);
      })();
    }
    // Put the new header (application id, schema version) into the file itself now, not at the
    // next checkpoint: until then a file killed mid-session would look like another app's.
    if (pending.length > 0) sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { file, sqlite, db: createKysely(sqlite), migratedFrom: current, backupFile };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
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

/** Reads the header facts without writing anything (not even the WAL switch). */
function probe(file: string): { applicationId: number; userVersion: number; tables: number } | null {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  let ro: Sqlite | undefined;
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true });
    return {
      applicationId: ro.pragma('application_id', { simple: true }) as number,
      userVersion: ro.pragma('user_version', { simple: true }) as number,
      tables: (ro.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n,
    };
  } catch (error) {
    throw new RelaisFailure('DATABASE_INVALID', { reason: 'unreadable', message: String((error as Error).message) });
  } finally {
    ro?.close();
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
    const foreign = found.applicationId !== APPLICATION_ID && (found.applicationId !== 0 || found.tables > 0);
    if (foreign) throw new RelaisFailure('DATABASE_INVALID', { reason: 'not-relais' });
    if (found.userVersion > LATEST_VERSION) {
      throw new RelaisFailure('DATABASE_TOO_NEW', { found: found.userVersion, supported: LATEST_VERSION });
    }
  }

  const sqlite = openSqlite(file);
  try {
    const current = sqlite.pragma('user_version', { simple: true }) as number;
    if (current === 0) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    const pending = migrations.filter((m) => m.version > current && m.version <= target);
    const backupFile = pending.length > 0 && current > 0 ? verifiedCopy(sqlite, options.backupDir, current, target) : null;
    for (const m of pending) {
      sqlite.transaction(() => {
        m.up(sqlite);
        sqlite.pragma(`user_version = ${m.version}`);
      })();
    }
    return { file, sqlite, db: createKysely(sqlite), migratedFrom: current, backupFile };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { RelaisFailure } from '../../../shared/errors';
import { APPLICATION_ID, type Sqlite } from '../db/connection';
import { LATEST_VERSION, MIGRATIONS } from '../db/migrations';
import { refuse } from './format';
import { associationName, tableCounts } from './snapshot';

export interface VerifiedDatabase {
  /** The schema version found in the backup (before any upgrade). */
  foundVersion: number;
  association: string | null;
  counts: Record<string, number>;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The header facts, read with plain I/O before SQLite is let near the file. */
function header(file: string): { applicationId: number; userVersion: number } {
  const size = statSync(file).size;
  const bytes = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, bytes, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 512 || !bytes.subarray(0, 16).equals(SQLITE_MAGIC)) throw refuse('damaged', { cause: 'not-sqlite' });
  return { applicationId: bytes.readUInt32BE(68), userVersion: bytes.readUInt32BE(60) };
}

const SQLITE_BROKEN = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_IOERR_SHORT_READ']);

/**
 * Checks a database copied out of a backup, in its temp place, and prepares it to replace the live
 * one: a Relais database (application_id), not from a newer Relais, `integrity_check` and
 * `foreign_key_check` clean; an older schema is upgraded here, on the copy. `prepare` then runs on
 * the upgraded copy (erasures recorded since the backup are applied again). The file ends as a
 * single self-contained file (rollback journal mode, no -wal beside it), synced by the caller.
 */
export function verifyDatabase(file: string, prepare?: (sqlite: Sqlite) => void): VerifiedDatabase {
  const head = header(file);
  if (head.applicationId !== APPLICATION_ID) throw refuse('not-relais');
  if (head.userVersion > LATEST_VERSION) throw refuse('too-new', { found: head.userVersion, supported: LATEST_VERSION });
  if (head.userVersion < 1) throw refuse('not-relais', { cause: 'empty-schema' });

  let db: Sqlite | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('integrity_check(1)', { simple: true });
    if (check !== 'ok') throw refuse('damaged', { cause: 'integrity' });
    if ((db.pragma('foreign_key_check') as unknown[]).length > 0) throw refuse('damaged', { cause: 'foreign-keys' });
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > LATEST_VERSION) throw refuse('too-new', { found, supported: LATEST_VERSION });
    const association = associationName(db);
    const counts = tableCounts(db);
    db.pragma('foreign_keys = ON');
    // Like every Relais connection: what `prepare` erases is overwritten, not left in free pages.
    db.pragma('secure_delete = ON');
    for (const m of MIGRATIONS.filter((x) => x.version > found)) {
      db.transaction(() => {
        m.up(db!);
        db!.pragma(`user_version = ${m.version}`);
      })();
    }
    prepare?.(db);
    return { foundVersion: found, association, counts };
  } catch (error) {
    if (error instanceof RelaisFailure) throw error;
    if (error instanceof Database.SqliteError && SQLITE_BROKEN.has(error.code)) throw refuse('damaged', { cause: 'sqlite' });
    throw error;
  } finally {
    db?.close();
  }
}

import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema';

/** "RELA": marks a SQLite file as a Relais database (`PRAGMA application_id`). */
export const APPLICATION_ID = 0x52454c41;

export type Sqlite = Database.Database;

/**
 * Opens the file with the pragmas every Relais connection needs. WAL keeps readers fast while a
 * write runs; synchronous=FULL so an acknowledged write survives a power cut; secure_delete so
 * erased text is overwritten rather than left in free pages.
 */
export function openSqlite(file: string): Sqlite {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's default page cache is 2 MB; a large registry's list and search pages then come back
  // from the OS on every keystroke. 64 MB keeps the hot indexes in memory.
  sqlite.pragma('cache_size = -65536');
  return sqlite;
}

export function createKysely(sqlite: Sqlite): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
}

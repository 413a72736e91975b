import type { Kysely } from 'kysely';
import type { Sqlite } from './db/connection';
import type { DB } from './db/schema';
import type { Platform } from './platform';

/** The database a call works on: the real one, or the sample one in demo mode. */
export interface Store {
  sqlite: Sqlite;
  db: Kysely<DB>;
}

export interface Session {
  readonly dataDir: string;
  readonly mode: 'real' | 'demo';
  /**
   * The association's own database, whatever the mode (app-wide preferences live there). A restore
   * replaces it: read it from the session each time, never keep it across a call.
   */
  readonly real: Store;
  /** The database calls currently go to. */
  readonly active: Store;
  openDemo(): Promise<void>;
  closeDemo(): Promise<void>;
  /**
   * Replaces the real database file (restore): waits for the other calls in flight, closes the
   * database (WAL folded back), runs `swap` while no connection is open, then reopens it. If
   * `swap` throws, the database it left is reopened and the error is passed on.
   */
  replaceReal(swap: (file: string) => void): Promise<void>;
}

/** What every handler receives next to its parsed input. */
export interface Context extends Store {
  platform: Platform;
  session: Session;
}

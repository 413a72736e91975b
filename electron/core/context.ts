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
  /** The association's own database, whatever the mode (app-wide preferences live there). */
  readonly real: Store;
  /** The database calls currently go to. */
  readonly active: Store;
  openDemo(): Promise<void>;
  closeDemo(): Promise<void>;
}

/** What every handler receives next to its parsed input. */
export interface Context extends Store {
  platform: Platform;
  session: Session;
}

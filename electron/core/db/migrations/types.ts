import type { Sqlite } from '../connection';

/** A forward-only schema step. The runner wraps `up` and the version bump in one transaction. */
export interface Migration {
  version: number;
  name: string;
  up(db: Sqlite): void;
}

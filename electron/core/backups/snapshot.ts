import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import type { Sqlite } from '../db/connection';
import type { SnapshotFacts } from './format';

/** Tables whose row counts go in the manifest: the ordinary tables, not the search index's own. */
export function tableCounts(db: Sqlite): Record<string, number> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name <> 'settings'
        ORDER BY name`,
    )
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

export function associationName(db: Sqlite): string | null {
  try {
    const row = db.prepare('SELECT name FROM association WHERE id = 1').get() as { name: string } | undefined;
    return row?.name ?? null;
  } catch {
    return null;
  }
}

/**
 * A consistent copy of the live database in one standalone file, taken with `VACUUM INTO`: it
 * reads one snapshot of the data (WAL included) while other calls wait, and the copy is compact
 * (free pages, and so erased text left in them, are not copied).
 */
export function takeSnapshot(sqlite: Sqlite, file: string): SnapshotFacts {
  rmSync(file, { force: true });
  sqlite.prepare('VACUUM INTO ?').run(file);
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      file,
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      association: associationName(copy),
      counts: tableCounts(copy),
    };
  } finally {
    copy.close();
  }
}

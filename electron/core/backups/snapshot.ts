import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import type { Sqlite } from '../db/connection';
import { attachmentsOf } from './attachments';
import type { SnapshotFacts } from './format';
import { silentWork, type Work } from './jobs';

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

/** Pages copied per step: about 8 MB at 4 KiB pages, so other calls get a turn several times a second. */
const PAGES_PER_STEP = 2048;

/**
 * A consistent copy of the live database in one standalone file, with SQLite's online backup: it
 * copies the pages in steps between which other calls run (writes made meanwhile through the same
 * connection are carried into the copy). The copy is then switched to a rollback journal, so the
 * file inside a backup is one ordinary SQLite file with nothing beside it. Erased text is not in
 * it: Relais runs with secure_delete, freed pages hold zeros.
 */
export async function takeSnapshot(sqlite: Sqlite, file: string, work: Work = silentWork, dataDir?: string): Promise<SnapshotFacts> {
  rmSync(file, { force: true });
  await sqlite.backup(file, {
    progress: ({ totalPages, remainingPages }) => {
      work.phase('snapshot', totalPages ? 1 - remainingPages / totalPages : 1);
      work.checkpoint();
      return PAGES_PER_STEP;
    },
  });
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    return {
      file,
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      association: associationName(copy),
      counts: tableCounts(copy),
      // The receipts this database points at go into the backup with it.
      ...(dataDir ? { attachments: attachmentsOf(file, dataDir) } : {}),
    };
  } finally {
    copy.close();
  }
}

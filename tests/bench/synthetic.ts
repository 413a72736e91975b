import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../electron/core/db/open-database';
import { generateActivity, type ActivityOptions } from '../../electron/core/demo/activity';
import { generateAssociation } from '../../electron/core/demo/generator';
import { DATABASE_FILE } from '../../electron/core/relais';

/**
 * A data folder holding a synthetic association of `volunteers` people, made by the same
 * generator as the demo mode, with `activity` (sessions, staffing, hours) when asked. Returns the folder, ready for `openRelais`.
 */
export function syntheticDataDir(
  volunteers: number,
  seed = 7,
  activity?: Omit<ActivityOptions, 'seed'>,
): { dataDir: string; seconds: number } {
  const dataDir = mkdtempSync(join(tmpdir(), `relais-bench-${volunteers}-`));
  mkdirSync(dataDir, { recursive: true });
  const started = performance.now();
  const opened = openDatabase(join(dataDir, DATABASE_FILE), { backupDir: join(dataDir, 'backups') });
  generateAssociation(opened.sqlite, { volunteers, seed });
  if (activity) generateActivity(opened.sqlite, { ...activity, seed });
  opened.sqlite.pragma('optimize');
  opened.sqlite.close();
  return { dataDir, seconds: (performance.now() - started) / 1000 };
}

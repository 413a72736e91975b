import type { Sqlite } from '../db/connection';
import { reapplyErasures } from '../privacy/erasure';

/**
 * Runs on a restored copy once it is checked and upgraded, before it replaces the live database:
 * work recorded outside the database is applied again to the older data. RGPD erasures logged in
 * `<dataDir>/erasures.json` since the backup was taken are done again here, so a person erased
 * after the backup never reappears, not even for a moment.
 */
export function afterRestore(sqlite: Sqlite, dataDir: string): void {
  reapplyErasures(sqlite, dataDir);
}

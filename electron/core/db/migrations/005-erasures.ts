import type { Migration } from './types';

/**
 * The erasure log (RGPD): when a person was erased, by id, with no personal data. The same facts
 * are kept outside the database (`erasures.json`) so an older backup restored later is erased again.
 */
export const erasures: Migration = {
  version: 5,
  name: 'erasures',
  up(db) {
    db.exec(`
      CREATE TABLE erasures (
        -- No foreign key: the log must outlive anything that happens to the row.
        volunteer_id INTEGER PRIMARY KEY,
        -- The erased record's own creation instant: tells this person apart from someone who gets
        -- the same id after an older backup (made before they existed) is restored.
        volunteer_created_at TEXT NOT NULL,
        erased_at TEXT NOT NULL,
        -- Set when the erasure was applied again to a restored backup.
        reapplied_at TEXT
      ) STRICT;
    `);
  },
};

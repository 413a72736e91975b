import type { Migration } from './types';

/**
 * The hours list at a million entries: newest day first is one backward walk of this index
 * (with the row id as tie-break), instead of sorting every entry for each page. The totals keep
 * their covering indexes of migration 6.
 */
export const hourListOrder: Migration = {
  version: 10,
  name: 'hour-list-order',
  up(db) {
    db.exec('CREATE INDEX hour_entries_by_day ON hour_entries (worked_on)');
  },
};

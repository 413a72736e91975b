import { cityKey } from '../../volunteers/bits';
import type { Migration } from './types';

/**
 * The list screen at 100k volunteers: narrow indexes that carry each order (name, date joined,
 * city, status) and the filter columns, so a page or a count walks an index instead of the wide
 * rows. Adds the city's sort key and fills it for the volunteers already there.
 */
export const listOrder: Migration = {
  version: 3,
  name: 'list-order',
  up(db) {
    db.exec(`
      ALTER TABLE volunteers ADD COLUMN city_key TEXT;
      DROP INDEX volunteers_sort_name;
      DROP INDEX volunteers_joined_on;
      CREATE INDEX volunteers_by_name ON volunteers (archived_at, sort_name, id, status, roles, availability, preferred_format);
      CREATE INDEX volunteers_by_joined_on ON volunteers (archived_at, joined_on, sort_name, id);
      -- Volunteers without a city come last in both directions, hence one key per direction.
      CREATE INDEX volunteers_by_city_asc ON volunteers (archived_at, ifnull(city_key, char(1114111)), sort_name, id);
      CREATE INDEX volunteers_by_city_desc ON volunteers (archived_at, ifnull(city_key, ''), sort_name, id);
      -- Active, paused, left: the order of a volunteer's life, not of the alphabet.
      CREATE INDEX volunteers_by_status ON volunteers (archived_at, (CASE status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END), sort_name, id);
      CREATE INDEX volunteers_archived ON volunteers (id) WHERE archived_at IS NOT NULL;
    `);
    const rows = db.prepare('SELECT id, city FROM volunteers WHERE city IS NOT NULL').all() as { id: number; city: string }[];
    const set = db.prepare('UPDATE volunteers SET city_key = ? WHERE id = ?');
    for (const r of rows) set.run(cityKey(r.city), r.id);
  },
};

import { SEEDED_SKILLS } from '../../volunteers/skill-catalogue';
import { FTS_DDL, reindexVolunteers } from '../../volunteers/search-index';
import type { Migration } from './types';

/** Accent-insensitive search index over the registry, and the starting skill catalogue. */
export const searchAndSkills: Migration = {
  version: 2,
  name: 'search-and-skills',
  up(db) {
    db.exec(FTS_DDL);
    const seed = db.prepare('INSERT OR IGNORE INTO skills (key, category) VALUES (?, ?)');
    for (const s of SEEDED_SKILLS) seed.run(s.key, s.category);
    // Volunteers entered before the index existed become searchable now.
    reindexVolunteers(db, 'all');
  },
};

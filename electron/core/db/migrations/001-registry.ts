import type { Migration } from './types';

/** The association, settings and the volunteer registry. */
export const registry: Migration = {
  version: 1,
  name: 'registry',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE association (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        address_line TEXT, postal_code TEXT, city TEXT,
        rna TEXT, siret TEXT,
        logo TEXT,
        signatory_name TEXT, signatory_title TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE custom_fields (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('text','number','date','boolean','choice')),
        options TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1))
      ) STRICT;

      CREATE TABLE skills (
        id INTEGER PRIMARY KEY,
        key TEXT UNIQUE,
        name TEXT,
        category TEXT NOT NULL,
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),
        CHECK ((key IS NULL) <> (name IS NULL))
      ) STRICT;

      CREATE TABLE volunteers (
        id INTEGER PRIMARY KEY,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        -- lower-case, accent-free "last first": the order a French or English reader expects.
        sort_name TEXT NOT NULL,
        email TEXT,
        phone TEXT,
        address_line TEXT, postal_code TEXT, city TEXT, country TEXT,
        birth_year INTEGER,
        joined_on TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active','paused','left')),
        status_since TEXT,
        status_reason TEXT,
        -- bit sets: roles (volunteer 1, facilitator 2, supervisor 4, board 8) and the 21 weekly slots.
        roles INTEGER NOT NULL DEFAULT 1,
        availability INTEGER NOT NULL DEFAULT 0,
        interests TEXT NOT NULL DEFAULT '[]',
        languages TEXT NOT NULL DEFAULT '[]',
        preferred_format TEXT NOT NULL CHECK (preferred_format IN ('in_person','remote','both')),
        emergency_name TEXT, emergency_phone TEXT, emergency_relation TEXT,
        notes TEXT,
        consent_on TEXT,
        consent_basis TEXT,
        photo_consent INTEGER NOT NULL DEFAULT 0 CHECK (photo_consent IN (0,1)),
        confidentiality_signed_on TEXT,
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX volunteers_sort_name ON volunteers (sort_name, id);
      CREATE INDEX volunteers_joined_on ON volunteers (joined_on, id);
      CREATE INDEX volunteers_email ON volunteers (email COLLATE NOCASE) WHERE email IS NOT NULL;
      CREATE INDEX volunteers_postal_code ON volunteers (postal_code) WHERE postal_code IS NOT NULL;

      CREATE TABLE volunteer_skills (
        volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
        skill_id INTEGER NOT NULL REFERENCES skills(id),
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
        PRIMARY KEY (volunteer_id, skill_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX volunteer_skills_by_skill ON volunteer_skills (skill_id, level, volunteer_id);

      CREATE TABLE volunteer_custom_values (
        volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
        field_id INTEGER NOT NULL REFERENCES custom_fields(id),
        value TEXT NOT NULL,
        PRIMARY KEY (volunteer_id, field_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE volunteer_history (
        id INTEGER PRIMARY KEY,
        volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX volunteer_history_by_volunteer ON volunteer_history (volunteer_id, at);
    `);
  },
};

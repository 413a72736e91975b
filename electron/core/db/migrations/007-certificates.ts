import type { Migration } from './types';

/**
 * The registry of issued documents. Each row keeps what was printed (the render snapshot, as
 * JSON) so a reprint gives the same document after the data changed. Numbers run per year of
 * the document's date (2027-0042) and are written only once the PDF exists: a failed or cancelled
 * batch consumes none. Images (logo, scanned signature) are stored once, by content hash, and
 * referred to from the snapshots: 500 certificates do not hold 500 copies of the logo.
 */
export const certificates: Migration = {
  version: 7,
  name: 'certificates',
  up(db) {
    db.exec(`
      CREATE TABLE certificate_images (
        hash TEXT PRIMARY KEY,
        data_url TEXT NOT NULL
      ) STRICT;

      CREATE TABLE certificates (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        number TEXT NOT NULL UNIQUE,
        volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
        template TEXT NOT NULL CHECK (template IN ('attestation','recognition','training','mission')),
        language TEXT NOT NULL CHECK (language IN ('fr','en')),
        -- 'hours:100' or 'years:5' when the document marks a milestone (the due list reads it).
        milestone TEXT,
        period_from TEXT,
        period_to TEXT,
        -- The hours printed on it (the one total over the period, or the course's duration).
        minutes INTEGER CHECK (minutes IS NULL OR minutes >= 0),
        -- As printed, for the registry's list and search.
        volunteer_name TEXT NOT NULL,
        signatory_name TEXT NOT NULL,
        issued_on TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        UNIQUE (year, seq)
      ) STRICT;
      CREATE INDEX certificates_by_volunteer ON certificates (volunteer_id, milestone);
      CREATE INDEX certificates_by_issue ON certificates (issued_at, id);
    `);
  },
};

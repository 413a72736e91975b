import type { Migration } from './types';

/**
 * Money (expenses and income with their receipts), the categories they are filed under with the
 * account of the French associations' chart each one goes to, budgets per year × programme ×
 * category, and the method used to value volunteer time.
 *
 * Amounts are integer cents (DESIGN §3), always positive: whether money went out or came in is
 * the line's `direction`, which is also its category's.
 */

/**
 * The categories Relais starts with, each with its account in the plan comptable associatif
 * (règlement ANC n° 2018-06, which keeps the PCG numbering of classes 6 and 7 and adds the
 * association accounts 754, 756 and classes 86/87). The association can change any of them.
 */
export const SEEDED_CATEGORIES: readonly { key: string; direction: 'expense' | 'income'; account: string; funded?: boolean }[] = [
  // Trainers' fees for volunteer training are « honoraires » (622 Rémunérations d'intermédiaires
  // et honoraires → 6226 Honoraires). An association that buys places at outside seminars may
  // prefer 6185 « Frais de colloques, séminaires, conférences ».
  { key: 'training', direction: 'expense', account: '6226' },
  // Renting a room is a « location immobilière » (613 Locations → 6132).
  { key: 'venue_hire', direction: 'expense', account: '6132' },
  // Workshop and office supplies not stocked: 606 Achats non stockés de matières et fournitures →
  // 6068 « Autres matières et fournitures » (6064 is strictly « Fournitures administratives »).
  { key: 'materials', direction: 'expense', account: '6068' },
  // Software subscriptions and rented equipment: 613 Locations → 6135 « Locations mobilières »
  // (small equipment bought outright would be 6063, software licences 651).
  { key: 'technology', direction: 'expense', account: '6135' },
  // 616 « Primes d'assurances » (liability cover of the volunteers and the premises).
  { key: 'insurance', direction: 'expense', account: '616' },
  // 625 « Déplacements, missions et réceptions » → 6251 « Voyages et déplacements ».
  { key: 'travel', direction: 'expense', account: '6251' },
  // Leaflets, posters, website: 623 « Publicité, publications, relations publiques ».
  { key: 'communication', direction: 'expense', account: '623' },
  // 628 « Divers » (services extérieurs not listed elsewhere).
  { key: 'other_expense', direction: 'expense', account: '628' },
  // 74 « Subventions d'exploitation » (the accountant splits by funder: 741 État, 742 Région…).
  { key: 'grant', direction: 'income', account: '74', funded: true },
  // 754 « Ressources liées à la générosité du public » → 7541 « Dons manuels ».
  { key: 'donation', direction: 'income', account: '7541' },
  // 756 « Cotisations » (membership fees without a counterpart).
  { key: 'membership_fees', direction: 'income', account: '756' },
  // Company support without a counterpart is « mécénat » (754 → 7542 « Mécénats »); sponsorship
  // with advertising in return (parrainage) is a service sold, 706, and can be remapped to it.
  { key: 'partnership', direction: 'income', account: '7542', funded: true },
  // 758 « Produits divers de gestion courante » → 7588 « Autres produits divers ».
  { key: 'other_income', direction: 'income', account: '7588' },
];

/**
 * A running total of counted hours (the condition of hours/totals.ts: approved), kept by triggers
 * on hour_entries and on the volunteers' roles, read by hours/year-totals.ts: `hour_value_rollup`,
 * entries per year × category × programme (0: none) × the volunteer's roles (bit set) × length of
 * the entry. The value of volunteer time rounds each entry to the cent, so a year's value is
 * Σ entries × round(rate × length / 60) over these rows — the exact sum of the timesheet's lines —
 * read from a few thousand rows rather than a year of entries. The roles are the volunteer's
 * current ones (as the role basis values them): changing a person's roles moves their entries from
 * one row to another. No person is named in it (only role bits), so it holds no personal data.
 *
 * It is filled from the entries already there when the migration runs; a test applies random
 * writes and checks it against the entries.
 */
const HOUR_VALUE_ROLLUP = `
  CREATE TABLE hour_value_rollup (
    year INTEGER NOT NULL,
    category TEXT NOT NULL,
    programme_key INTEGER NOT NULL,
    roles INTEGER NOT NULL,
    duration INTEGER NOT NULL,
    entries INTEGER NOT NULL,
    PRIMARY KEY (year, category, programme_key, roles, duration)
  ) STRICT, WITHOUT ROWID;

  INSERT INTO hour_value_rollup (year, category, programme_key, roles, duration, entries)
    SELECT CAST(substr(h.worked_on, 1, 4) AS INTEGER), h.category, coalesce(h.programme_id, 0), coalesce(v.roles, 0), h.minutes, count(*)
      FROM hour_entries h LEFT JOIN volunteers v ON v.id = h.volunteer_id
     WHERE h.approval = 'approved' GROUP BY 1, 2, 3, 4, 5;

  CREATE TRIGGER hour_value_rollup_insert AFTER INSERT ON hour_entries WHEN new.approval = 'approved' BEGIN
    INSERT INTO hour_value_rollup (year, category, programme_key, roles, duration, entries)
    VALUES (CAST(substr(new.worked_on, 1, 4) AS INTEGER), new.category, coalesce(new.programme_id, 0),
            coalesce((SELECT roles FROM volunteers WHERE id = new.volunteer_id), 0), new.minutes, 1)
    ON CONFLICT DO UPDATE SET entries = entries + 1;
  END;
  CREATE TRIGGER hour_value_rollup_delete AFTER DELETE ON hour_entries WHEN old.approval = 'approved' BEGIN
    UPDATE hour_value_rollup SET entries = entries - 1
     WHERE year = CAST(substr(old.worked_on, 1, 4) AS INTEGER) AND category = old.category AND programme_key = coalesce(old.programme_id, 0)
       AND roles = coalesce((SELECT roles FROM volunteers WHERE id = old.volunteer_id), 0) AND duration = old.minutes;
  END;
  CREATE TRIGGER hour_value_rollup_update AFTER UPDATE OF approval, worked_on, minutes, category, programme_id, volunteer_id ON hour_entries BEGIN
    UPDATE hour_value_rollup SET entries = entries - 1
     WHERE old.approval = 'approved'
       AND year = CAST(substr(old.worked_on, 1, 4) AS INTEGER) AND category = old.category AND programme_key = coalesce(old.programme_id, 0)
       AND roles = coalesce((SELECT roles FROM volunteers WHERE id = old.volunteer_id), 0) AND duration = old.minutes;
    INSERT INTO hour_value_rollup (year, category, programme_key, roles, duration, entries)
    SELECT CAST(substr(new.worked_on, 1, 4) AS INTEGER), new.category, coalesce(new.programme_id, 0),
           coalesce((SELECT roles FROM volunteers WHERE id = new.volunteer_id), 0), new.minutes, 1
     WHERE new.approval = 'approved'
    ON CONFLICT DO UPDATE SET entries = entries + 1;
  END;
  -- A person's roles changed: their counted entries move to the rows of their new roles.
  CREATE TRIGGER hour_value_rollup_roles AFTER UPDATE OF roles ON volunteers WHEN old.roles IS NOT new.roles BEGIN
    INSERT INTO hour_value_rollup (year, category, programme_key, roles, duration, entries)
    SELECT CAST(substr(worked_on, 1, 4) AS INTEGER), category, coalesce(programme_id, 0), coalesce(old.roles, 0), minutes, -count(*)
      FROM hour_entries WHERE volunteer_id = new.id AND approval = 'approved' GROUP BY 1, 2, 3, 5
    ON CONFLICT DO UPDATE SET entries = entries + excluded.entries;
    INSERT INTO hour_value_rollup (year, category, programme_key, roles, duration, entries)
    SELECT CAST(substr(worked_on, 1, 4) AS INTEGER), category, coalesce(programme_id, 0), coalesce(new.roles, 0), minutes, count(*)
      FROM hour_entries WHERE volunteer_id = new.id AND approval = 'approved' GROUP BY 1, 2, 3, 5
    ON CONFLICT DO UPDATE SET entries = entries + excluded.entries;
  END;
`;

export const finance: Migration = {
  version: 9,
  name: 'finance',
  up(db) {
    db.exec(`
      CREATE TABLE money_categories (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('expense','income')),
        -- Seeded categories carry a key (named in the UI's language); the association's own a name.
        -- A seeded one given a name by the association shows that name.
        key TEXT UNIQUE,
        name TEXT,
        -- Account number in the plan comptable associatif, for the accountant's journal.
        account TEXT NOT NULL CHECK (length(account) BETWEEN 2 AND 10 AND account NOT GLOB '*[^0-9]*'),
        -- Income lines in this category name who gave the money and the decision's reference (grants).
        funded INTEGER NOT NULL DEFAULT 0 CHECK (funded IN (0,1)),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),
        position INTEGER NOT NULL DEFAULT 0,
        CHECK (key IS NOT NULL OR name IS NOT NULL)
      ) STRICT;
      CREATE UNIQUE INDEX money_categories_name ON money_categories (direction, name COLLATE NOCASE) WHERE name IS NOT NULL;

      CREATE TABLE money_lines (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('expense','income')),
        occurred_on TEXT NOT NULL,
        -- 1 cent to 10,000,000.00 €.
        amount_cents INTEGER NOT NULL CHECK (amount_cents BETWEEN 1 AND 1000000000),
        label TEXT NOT NULL,
        category_id INTEGER NOT NULL REFERENCES money_categories(id),
        payment_method TEXT NOT NULL CHECK (payment_method IN ('transfer','card','cash','cheque','direct_debit','other')),
        programme_id INTEGER REFERENCES programmes(id),
        -- An event, or a training session (an event of kind 'training').
        event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
        funder TEXT,
        reference TEXT,
        note TEXT,
        -- The receipt: a copy in <data folder>/receipts/ under a random name, and its original name.
        receipt_file TEXT UNIQUE,
        receipt_name TEXT,
        receipt_bytes INTEGER CHECK (receipt_bytes IS NULL OR receipt_bytes > 0),
        -- Label, funder, reference and note folded (lower case, no accents) for the list's search.
        search TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((receipt_file IS NULL) = (receipt_name IS NULL) AND (receipt_file IS NULL) = (receipt_bytes IS NULL))
      ) STRICT;
      -- Covering indexes for the dashboard's sums: by date (year, month, category, programme), by
      -- event (cost of a session), by funder.
      CREATE INDEX money_lines_by_date ON money_lines (occurred_on, direction, category_id, programme_id, amount_cents);
      CREATE INDEX money_lines_by_event ON money_lines (event_id, direction, amount_cents) WHERE event_id IS NOT NULL;
      CREATE INDEX money_lines_by_funder ON money_lines (funder, occurred_on, direction, programme_id, amount_cents) WHERE funder IS NOT NULL;
      -- The list's search of a year: the folded text, and what the list's sums need, from the index alone.
      CREATE INDEX money_lines_search ON money_lines (occurred_on, search, direction, amount_cents);
      CREATE INDEX money_lines_by_category ON money_lines (category_id);
      CREATE INDEX money_lines_by_programme ON money_lines (programme_id, occurred_on, direction, amount_cents) WHERE programme_id IS NOT NULL;

      -- Money per month × direction × category × programme (0: none), kept by triggers: the
      -- dashboard's sums (budget against actual, months, programmes) read a few hundred rows
      -- instead of every line of the year. finance.test.ts checks it against the lines.
      CREATE TABLE money_rollup (
        month TEXT NOT NULL,
        direction TEXT NOT NULL,
        category_id INTEGER NOT NULL,
        programme_key INTEGER NOT NULL,
        cents INTEGER NOT NULL,
        lines INTEGER NOT NULL,
        PRIMARY KEY (month, direction, category_id, programme_key)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER money_rollup_insert AFTER INSERT ON money_lines BEGIN
        INSERT INTO money_rollup (month, direction, category_id, programme_key, cents, lines)
        VALUES (substr(new.occurred_on, 1, 7), new.direction, new.category_id, coalesce(new.programme_id, 0), new.amount_cents, 1)
        ON CONFLICT DO UPDATE SET cents = cents + excluded.cents, lines = lines + 1;
      END;
      CREATE TRIGGER money_rollup_delete AFTER DELETE ON money_lines BEGIN
        UPDATE money_rollup SET cents = cents - old.amount_cents, lines = lines - 1
         WHERE month = substr(old.occurred_on, 1, 7) AND direction = old.direction AND category_id = old.category_id
           AND programme_key = coalesce(old.programme_id, 0);
      END;
      CREATE TRIGGER money_rollup_update AFTER UPDATE OF occurred_on, direction, amount_cents, category_id, programme_id ON money_lines BEGIN
        UPDATE money_rollup SET cents = cents - old.amount_cents, lines = lines - 1
         WHERE month = substr(old.occurred_on, 1, 7) AND direction = old.direction AND category_id = old.category_id
           AND programme_key = coalesce(old.programme_id, 0);
        INSERT INTO money_rollup (month, direction, category_id, programme_key, cents, lines)
        VALUES (substr(new.occurred_on, 1, 7), new.direction, new.category_id, coalesce(new.programme_id, 0), new.amount_cents, 1)
        ON CONFLICT DO UPDATE SET cents = cents + excluded.cents, lines = lines + 1;
      END;

      CREATE TABLE budgets (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2100),
        -- NULL: the association's general budget, outside any programme.
        programme_id INTEGER REFERENCES programmes(id),
        category_id INTEGER NOT NULL REFERENCES money_categories(id),
        amount_cents INTEGER NOT NULL CHECK (amount_cents BETWEEN 0 AND 1000000000),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX budgets_cell ON budgets (year, coalesce(programme_id, 0), category_id);

      -- How volunteer time is valued, from a year on (the method in force for year Y is the row
      -- with the greatest effective_year ≤ Y): the association's choice, kept stable year to year.
      CREATE TABLE valuation_methods (
        effective_year INTEGER PRIMARY KEY CHECK (effective_year BETWEEN 1900 AND 2100),
        basis TEXT NOT NULL CHECK (basis IN ('single','category','role')),
        -- Cents per hour: {"all": n} for a single rate, else by hour category or by volunteer role.
        rates TEXT NOT NULL CHECK (json_valid(rates)),
        -- Hour categories left out of the valuation (e.g. governance).
        excluded TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(excluded)),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
    db.exec(HOUR_VALUE_ROLLUP);
    db.exec(`
      -- Training sessions of a year (events of kind 'training') without walking every event of it.
      CREATE INDEX events_by_kind ON events (kind, start_local);
      -- Board members and supervisors (role bits 8 and 4, volunteers/bits.ts), the people of the CEC
      -- list, with what the list shows: cec.ts queries with the same literal expression so SQLite
      -- reads them from this partial index alone, in name order.
      CREATE INDEX volunteers_cec_roles ON volunteers (sort_name, id, first_name, last_name, roles) WHERE (roles & 12) <> 0;
    `);
    const insert = db.prepare('INSERT INTO money_categories (direction, key, account, funded, position) VALUES (?, ?, ?, ?, ?)');
    SEEDED_CATEGORIES.forEach((c, i) => insert.run(c.direction, c.key, c.account, c.funded ? 1 : 0, i));
  },
};

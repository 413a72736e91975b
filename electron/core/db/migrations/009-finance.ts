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
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((receipt_file IS NULL) = (receipt_name IS NULL) AND (receipt_file IS NULL) = (receipt_bytes IS NULL))
      ) STRICT;
      -- Covering indexes for the dashboard's sums: by date (year, month, category, programme), by
      -- event (cost of a session), by funder.
      CREATE INDEX money_lines_by_date ON money_lines (occurred_on, direction, category_id, programme_id, amount_cents);
      CREATE INDEX money_lines_by_event ON money_lines (event_id, direction, amount_cents) WHERE event_id IS NOT NULL;
      CREATE INDEX money_lines_by_funder ON money_lines (funder, occurred_on, programme_id, amount_cents) WHERE funder IS NOT NULL;
      CREATE INDEX money_lines_by_category ON money_lines (category_id);
      CREATE INDEX money_lines_by_programme ON money_lines (programme_id, occurred_on) WHERE programme_id IS NOT NULL;

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
    const insert = db.prepare('INSERT INTO money_categories (direction, key, account, funded, position) VALUES (?, ?, ?, ?, ?)');
    SEEDED_CATEGORIES.forEach((c, i) => insert.run(c.direction, c.key, c.account, c.funded ? 1 : 0, i));
  },
};

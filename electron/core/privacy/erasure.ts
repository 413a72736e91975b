import type { Language } from '../../../shared/api';
import { resources } from '../../../shared/i18n';
import { nowIso } from '../clock';
import type { Sqlite } from '../db/connection';
import { sortKey } from '../volunteers/bits';
import { mergeErasureLog, readErasureLog, type LoggedErasure } from './erasure-log';
import { eraseCertificates } from '../certificates/person-data';

/**
 * Erasure (RGPD art. 17): the person's row stays, so counts and (later) hour totals keep adding up,
 * but nothing that identifies them is left: not in the row, not in the tables that hang off it,
 * not in the search index, and — once `scrubFile` has run — not in the database file or its WAL.
 *
 * What each column of `volunteers` becomes. A new column must say here what erasure does to it
 * (a unit test compares this list with the table).
 */
export const VOLUNTEER_COLUMNS = {
  id: 'kept',
  first_name: 'placeholder',
  last_name: 'placeholder',
  sort_name: 'placeholder',
  email: 'cleared',
  phone: 'cleared',
  address_line: 'cleared',
  postal_code: 'cleared',
  city: 'cleared',
  city_key: 'cleared',
  country: 'cleared',
  birth_year: 'cleared',
  // Arrivals per year and departures per year stay countable; the exact days go.
  joined_on: 'year',
  status: 'kept',
  status_since: 'year',
  status_reason: 'cleared',
  // Which roles the association had filled (how many facilitators, say) is not about the person.
  roles: 'kept',
  availability: 'cleared',
  interests: 'cleared',
  languages: 'cleared',
  preferred_format: 'cleared',
  emergency_name: 'cleared',
  emergency_phone: 'cleared',
  emergency_relation: 'cleared',
  notes: 'cleared',
  consent_on: 'cleared',
  consent_basis: 'cleared',
  photo_consent: 'cleared',
  confidentiality_signed_on: 'cleared',
  archived_at: 'archived',
  created_at: 'kept',
  updated_at: 'now',
} as const;

/**
 * The tables that refer to a volunteer and what erasure does to their rows. A new table that
 * refers to volunteers must be listed here (a unit test reads the schema and checks).
 * - skills and custom values are facts about the person: deleted;
 * - the history keeps when things happened and status moves (active → left), for counts over
 *   time; every free-text detail (reasons, dates typed by hand, field names) goes.
 */
export const RELATED_TABLES = {
  volunteer_skills: 'deleted',
  volunteer_custom_values: 'deleted',
  volunteer_history: 'details cleared',
  // Who staffed, attended and facilitated what, and for how long, is the association's record of
  // its own activity (hour totals, counts per event): kept against the placeholder name.
  series_facilitators: 'kept',
  event_facilitators: 'kept',
  assignments: 'kept',
  attendance: 'kept',
  // The minutes stay (aggregate hours, DESIGN §3); a note typed about the person goes.
  hour_entries: 'notes cleared',
  // The registry keeps each number, kind, dates and hours; the name and texts as printed go.
  certificates: 'details cleared',
  // Who took part in a training session stays (counts per session, cost per participant);
  // what the person holds is about them: deleted.
  training_participants: 'kept',
  qualifications: 'deleted',
} as const;

/** The name an erased record carries, in the association's language: « Personne effacée #12 ». */
export function placeholderName(id: number, lang: Language): { firstName: string; lastName: string } {
  return { firstName: resources[lang].privacy.erasedName, lastName: `#${id}` };
}

/** The association's language as stored in this database (the placeholder is written in it). */
export function storedLanguage(sqlite: Sqlite): Language {
  const row = sqlite.prepare("SELECT value FROM settings WHERE key = 'language'").get() as { value: string } | undefined;
  return row && JSON.parse(row.value) === 'en' ? 'en' : 'fr';
}

export interface ErasureFacts {
  volunteerId: number;
  /** The record's creation instant: with the id, tells this person apart in an older backup. */
  volunteerCreatedAt: string;
  erasedAt: string;
  reappliedAt: string | null;
}

const year = (column: string) => `CASE WHEN ${column} IS NULL THEN NULL ELSE substr(${column}, 1, 4) || '-01-01' END`;

/**
 * Anonymises one volunteer inside the caller's transaction and records it in `erasures`.
 * The caller has checked that the row exists; `scrubFile` must run after the commit.
 */
export function eraseOne(sqlite: Sqlite, facts: ErasureFacts, lang: Language): void {
  const id = facts.volunteerId;
  const { firstName, lastName } = placeholderName(id, lang);
  const row = sqlite.prepare('SELECT archived_at FROM volunteers WHERE id = ?').get(id) as { archived_at: string | null } | undefined;
  if (!row) throw new Error(`eraseOne: no volunteer ${id}`);
  const at = nowIso();
  sqlite
    .prepare(
      `UPDATE volunteers SET
         first_name = @firstName, last_name = @lastName, sort_name = @sortName,
         email = NULL, phone = NULL, address_line = NULL, postal_code = NULL, city = NULL, city_key = NULL,
         country = NULL, birth_year = NULL,
         joined_on = ${year('joined_on')}, status_since = ${year('status_since')}, status_reason = NULL,
         availability = 0, interests = '[]', languages = '[]', preferred_format = 'both',
         emergency_name = NULL, emergency_phone = NULL, emergency_relation = NULL, notes = NULL,
         consent_on = NULL, consent_basis = NULL, photo_consent = 0, confidentiality_signed_on = NULL,
         archived_at = coalesce(archived_at, @at), updated_at = @at
       WHERE id = @id`,
    )
    .run({ id, firstName, lastName, sortName: sortKey(`${firstName} ${lastName}`), at });
  sqlite.prepare('DELETE FROM volunteer_skills WHERE volunteer_id = ?').run(id);
  sqlite.prepare('DELETE FROM volunteer_custom_values WHERE volunteer_id = ?').run(id);
  sqlite
    .prepare(
      `UPDATE volunteer_history SET detail = CASE
         WHEN kind = 'status' THEN json_object('from', json_extract(detail, '$.from'), 'to', json_extract(detail, '$.to'))
         ELSE '{}' END
       WHERE volunteer_id = ?`,
    )
    .run(id);
  sqlite.prepare('UPDATE hour_entries SET note = NULL WHERE volunteer_id = ?').run(id);
  eraseCertificates(sqlite, id, `${firstName} ${lastName}`);
  sqlite.prepare('DELETE FROM qualifications WHERE volunteer_id = ?').run(id);
  if (row.archived_at === null) {
    sqlite.prepare("INSERT INTO volunteer_history (volunteer_id, at, kind, detail) VALUES (?, ?, 'archived', '{}')").run(id, at);
  }
  // The placeholder holds nothing worth finding: the person simply leaves the search index.
  sqlite.prepare('DELETE FROM volunteers_fts WHERE rowid = ?').run(id);
  sqlite
    .prepare(
      `INSERT INTO erasures (volunteer_id, volunteer_created_at, erased_at, reapplied_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (volunteer_id) DO UPDATE SET reapplied_at = excluded.reapplied_at`,
    )
    .run(id, facts.volunteerCreatedAt, facts.erasedAt, facts.reappliedAt);
}

/**
 * Rebuilds the search index (deleted FTS5 entries otherwise linger in older segments) inside the
 * caller's transaction. Old segments are freed, and `secure_delete` zeroes freed content.
 */
export function compactSearchIndex(sqlite: Sqlite): void {
  sqlite.prepare("INSERT INTO volunteers_fts (volunteers_fts) VALUES ('optimize')").run();
}

/**
 * After the commit: the WAL still holds the pages as they were before, personal data included.
 * A TRUNCATE checkpoint copies the new pages into the file and cuts the WAL to zero bytes.
 * Answers whether the checkpoint completed (it cannot while another connection reads).
 */
export function scrubFile(sqlite: Sqlite): boolean {
  const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return result !== undefined && result.busy === 0;
}

/** The erasures recorded in this database, oldest first. */
export function listErasures(sqlite: Sqlite): ErasureFacts[] {
  return (
    sqlite
      .prepare('SELECT volunteer_id, volunteer_created_at, erased_at, reapplied_at FROM erasures ORDER BY erased_at, volunteer_id')
      .all() as { volunteer_id: number; volunteer_created_at: string; erased_at: string; reapplied_at: string | null }[]
  ).map((r) => ({ volunteerId: r.volunteer_id, volunteerCreatedAt: r.volunteer_created_at, erasedAt: r.erased_at, reappliedAt: r.reapplied_at }));
}

/**
 * After a backup is restored (and migrated to the current schema): erases again everyone the log
 * outside the database says was erased, when the restored file still holds them as they were.
 * A row with the same id but another creation instant is someone else and is left alone.
 * The outside log then also learns the erasures the restored file knew of. Synchronous, one
 * transaction; the file is scrubbed afterwards like after any erasure.
 */
export function reapplyErasures(sqlite: Sqlite, dataDir: string): { reapplied: number[] } {
  const logged = readErasureLog(dataDir);
  const known = new Set(listErasures(sqlite).map((e) => e.volunteerId));
  const lang = storedLanguage(sqlite);
  const at = nowIso();
  const find = sqlite.prepare('SELECT created_at FROM volunteers WHERE id = ?');
  const due = logged.filter((e) => {
    if (known.has(e.volunteerId)) return false;
    const row = find.get(e.volunteerId) as { created_at: string } | undefined;
    return row !== undefined && row.created_at === e.volunteerCreatedAt;
  });
  if (due.length > 0) {
    sqlite.transaction(() => {
      for (const e of due) eraseOne(sqlite, { ...e, reappliedAt: at }, lang);
      compactSearchIndex(sqlite);
    })();
    scrubFile(sqlite);
  }
  mergeErasureLog(dataDir, listErasures(sqlite).map(toLogged));
  return { reapplied: due.map((e) => e.volunteerId) };
}

export const toLogged = (e: ErasureFacts): LoggedErasure => ({
  volunteerId: e.volunteerId,
  volunteerCreatedAt: e.volunteerCreatedAt,
  erasedAt: e.erasedAt,
});

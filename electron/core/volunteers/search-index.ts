import { resources } from '../../../shared/i18n';
import type { Sqlite } from '../db/connection';
import { fold } from './bits';

/**
 * The FTS5 row of a volunteer: what search-as-you-type looks through. Seeded skills are indexed
 * under both their French and English names so a search works whatever the interface language.
 */
export interface IndexedVolunteer {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  skills: { key: string | null; name: string | null }[];
}

type SkillNames = Record<string, string>;
const skillNames = (lang: 'fr' | 'en'): SkillNames =>
  ((resources[lang].volunteers as unknown as { skills?: SkillNames }).skills ?? {});

export function skillSearchText(skill: { key: string | null; name: string | null }): string {
  if (skill.name) return skill.name;
  const key = skill.key ?? '';
  return [skillNames('fr')[key], skillNames('en')[key], key.replaceAll('_', ' ')].filter(Boolean).join(' ');
}

/**
 * Text as indexed: compatibility forms unified (ﬁ → fi, Ｈ → H) and, next to it, the spellings
 * with symbols and punctuation as spaces (Ana🙂Belle → Ana Belle) and with letters folded (Łukasz → lukasz) when
 * they differ, so a name is found whichever way it is typed.
 */
export function searchable(text: string): string {
  const plain = text.normalize('NFKC');
  const spaced = text.replace(/[^\p{L}\p{N}\p{M}\s]/gu, ' ').normalize('NFKC');
  const variants = new Map<string, string>();
  for (const v of [plain, spaced, fold(spaced)]) if (!variants.has(v.toLowerCase())) variants.set(v.toLowerCase(), v);
  return [...variants.values()].join(' ');
}

export function ftsRow(v: IndexedVolunteer) {
  const digits = v.phone ? v.phone.replace(/\D/g, '') : '';
  return {
    id: v.id,
    name: searchable(`${v.firstName} ${v.lastName}`),
    // The phone is indexed as typed and as bare digits, so "0612" finds "06 12 34 56 78".
    contact: [v.email, v.phone, digits].filter(Boolean).join(' ').normalize('NFKC'),
    city: searchable(v.city ?? ''),
    skills: searchable(v.skills.map(skillSearchText).join(' ')),
  };
}

export const FTS_DDL = `CREATE VIRTUAL TABLE volunteers_fts USING fts5(
  name, contact, city, skills,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
)`;

/** Replaces the index rows of the given volunteers (insert or update), reading from the tables. */
export function reindexVolunteers(db: Sqlite, ids: readonly number[] | 'all'): void {
  const volunteers = db.prepare(
    ids === 'all'
      ? 'SELECT id, first_name, last_name, email, phone, city FROM volunteers'
      : `SELECT id, first_name, last_name, email, phone, city FROM volunteers WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const skills = db.prepare(
    'SELECT s.key, s.name FROM volunteer_skills vs JOIN skills s ON s.id = vs.skill_id WHERE vs.volunteer_id = ?',
  );
  const del = db.prepare('DELETE FROM volunteers_fts WHERE rowid = ?');
  const ins = db.prepare('INSERT INTO volunteers_fts (rowid, name, contact, city, skills) VALUES (?, ?, ?, ?, ?)');
  const rows = (ids === 'all' ? volunteers.all() : volunteers.all(JSON.stringify(ids))) as {
    id: number; first_name: string; last_name: string; email: string | null; phone: string | null; city: string | null;
  }[];
  for (const r of rows) {
    const row = ftsRow({
      id: r.id, firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone, city: r.city,
      skills: skills.all(r.id) as { key: string | null; name: string | null }[],
    });
    del.run(r.id);
    ins.run(row.id, row.name, row.contact, row.city, row.skills);
  }
}

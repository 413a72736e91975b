import type { Sqlite } from '../db/connection';
import { CONSENT_BASES, FORMATS, SLOTS } from '../../../shared/api';
import { cityKey, sortName } from '../volunteers/bits';
import { ftsRow } from '../volunteers/search-index';
import { CITIES, FIRST_NAMES, INTERESTS, LANGUAGES, LAST_NAMES, STATUS_REASONS } from './names';

/** A small deterministic PRNG (mulberry32) so a seed always gives the same association. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

export interface GenerateOptions {
  volunteers: number;
  seed?: number;
  /** Fill the association identity when none is set (the sample database). */
  identity?: boolean;
}

const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, '');
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Fills a migrated database with a realistic association: the demo mode and the benchmarks use
 * this same generator. One transaction, prepared statements: 100k volunteers in a few seconds.
 */
export function generateAssociation(sqlite: Sqlite, options: GenerateOptions): { volunteers: number } {
  const rnd = prng(options.seed ?? 1);
  const skills = sqlite.prepare('SELECT id, key, name FROM skills WHERE archived = 0').all() as { id: number; key: string | null; name: string | null }[];
  const insertVolunteer = sqlite.prepare(`INSERT INTO volunteers (
      first_name, last_name, sort_name, email, phone, address_line, postal_code, city, city_key, country, birth_year, joined_on,
      status, status_since, status_reason, roles, availability, interests, languages, preferred_format,
      emergency_name, emergency_phone, emergency_relation, notes, consent_on, consent_basis, photo_consent,
      confidentiality_signed_on, created_at, updated_at)
    VALUES (@firstName, @lastName, @sortName, @email, @phone, @addressLine, @postalCode, @city, @cityKey, @country, @birthYear, @joinedOn,
      @status, @statusSince, @statusReason, @roles, @availability, @interests, @languages, @preferredFormat,
      @emergencyName, @emergencyPhone, @emergencyRelation, NULL, @consentOn, @consentBasis, @photoConsent,
      @confidentialitySignedOn, @createdAt, @createdAt)`);
  const insertSkill = sqlite.prepare('INSERT INTO volunteer_skills (volunteer_id, skill_id, level) VALUES (?, ?, ?)');
  const insertHistory = sqlite.prepare("INSERT INTO volunteer_history (volunteer_id, at, kind, detail) VALUES (?, ?, 'created', '{}')");
  const insertFts = sqlite.prepare('INSERT INTO volunteers_fts (rowid, name, contact, city, skills) VALUES (?, ?, ?, ?, ?)');
  const createdAt = new Date().toISOString();

  sqlite.transaction(() => {
    if (options.identity !== false) {
      sqlite
        .prepare(`INSERT OR IGNORE INTO association (id, name, address_line, postal_code, city, rna, siret, logo, signatory_name, signatory_title, updated_at)
          VALUES (1, 'Les Relais Solidaires (exemple)', '12 rue des Tanneurs', '69003', 'Lyon', 'W691234567', '12345678900011', NULL, 'Claire Fontaine', 'Présidente', ?)`)
        .run(createdAt);
    }
    for (let i = 0; i < options.volunteers; i++) {
      const firstName = rnd.pick(FIRST_NAMES);
      const lastName = rnd.pick(LAST_NAMES);
      const [city, postalCode] = rnd.pick(CITIES);
      const year = rnd.int(2008, 2026);
      const joinedOn = `${year}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;
      const roll = rnd.next();
      const status = roll < 0.8 ? 'active' : roll < 0.92 ? 'paused' : 'left';
      let roles = 1;
      if (rnd.chance(0.15)) roles |= 2;
      if (rnd.chance(0.05)) roles |= 4;
      if (rnd.chance(0.04)) roles |= 8;
      let availability = 0;
      for (let s = 0; s < SLOTS.length; s++) if (rnd.chance(0.18)) availability |= 1 << s;
      const phone = `0${rnd.int(6, 7)} ${pad(rnd.int(0, 99))} ${pad(rnd.int(0, 99))} ${pad(rnd.int(0, 99))} ${pad(rnd.int(0, 99))}`;
      const email = rnd.chance(0.9) ? `${ascii(firstName)}.${ascii(lastName)}${i}@exemple.fr` : null;
      const consent = rnd.chance(0.85);
      const info = insertVolunteer.run({
        firstName,
        lastName,
        sortName: sortName(firstName, lastName),
        email,
        phone,
        addressLine: `${rnd.int(1, 120)} rue ${rnd.pick(['Victor-Hugo', 'de la République', 'des Lilas', 'Jean-Jaurès', 'Pasteur', 'du Moulin'])}`,
        postalCode,
        city,
        cityKey: cityKey(city),
        country: postalCode.includes(' ') ? 'Royaume-Uni' : 'France',
        birthYear: rnd.chance(0.7) ? rnd.int(1945, 2006) : null,
        joinedOn,
        status,
        statusSince: status === 'active' ? null : `${Math.max(year, 2024)}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`,
        statusReason: status === 'active' ? null : rnd.pick(STATUS_REASONS),
        roles,
        availability,
        interests: JSON.stringify([rnd.pick(INTERESTS), rnd.pick(INTERESTS)].filter((x, j, xs) => xs.indexOf(x) === j)),
        languages: JSON.stringify(rnd.chance(0.4) ? ['français', rnd.pick(LANGUAGES)].filter((x, j, xs) => xs.indexOf(x) === j) : ['français']),
        preferredFormat: rnd.pick(FORMATS),
        emergencyName: rnd.chance(0.6) ? `${rnd.pick(FIRST_NAMES)} ${lastName}` : null,
        emergencyPhone: rnd.chance(0.6) ? phone.replace(/^0\d/, '01') : null,
        emergencyRelation: rnd.chance(0.6) ? rnd.pick(['conjoint·e', 'parent', 'ami·e', 'enfant']) : null,
        consentOn: consent ? joinedOn : null,
        consentBasis: consent ? rnd.pick(CONSENT_BASES) : null,
        photoConsent: rnd.chance(0.6) ? 1 : 0,
        confidentialitySignedOn: rnd.chance(0.5) ? joinedOn : null,
        createdAt,
      });
      const id = Number(info.lastInsertRowid);
      const own: { key: string | null; name: string | null }[] = [];
      const count = rnd.int(0, Math.min(4, skills.length));
      const used = new Set<number>();
      for (let k = 0; k < count; k++) {
        const skill = rnd.pick(skills);
        if (used.has(skill.id)) continue;
        used.add(skill.id);
        insertSkill.run(id, skill.id, rnd.int(1, 3));
        own.push(skill);
      }
      insertHistory.run(id, createdAt);
      const row = ftsRow({ id, firstName, lastName, email, phone, city, skills: own });
      insertFts.run(id, row.name, row.contact, row.city, row.skills);
    }
  })();
  // Merge the index segments a bulk insert leaves behind, as a long-lived database ends up.
  sqlite.prepare("INSERT INTO volunteers_fts (volunteers_fts) VALUES ('optimize')").run();
  return { volunteers: options.volunteers };
}

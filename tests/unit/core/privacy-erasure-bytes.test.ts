import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { generateAssociation } from '../../../electron/core/demo/generator';
import { fold } from '../../../electron/core/volunteers/bits';
import { DATABASE_FILE } from '../../../electron/core/relais';
import type { VolunteerInput } from '../../../shared/api';
import { buildVolunteer, openTestCore, tempDir, withReadonly } from './helpers';

/**
 * "Nothing readable left in the database file or its WAL": a person with distinctive data among
 * thousands of others is edited (old values freed), erased, and then the raw bytes of
 * relais.sqlite and relais.sqlite-wal are searched for every piece of them.
 */

// Long enough to spill onto overflow pages (4 KiB pages), with markers at both ends.
const NOTES = `NOTE-Zanzibar-4729 début. ${'Elle préfère les permanences du jeudi soir, après le chœur. '.repeat(78)}Fin NOTE-Zanzibar-4729.`;

const PERSON: VolunteerInput = {
  firstName: 'Zéphyrine',
  lastName: 'Quasimodo',
  email: 'zephyrine.q@exemple.fr',
  phone: '07 98 76 54 32',
  addressLine: '7 impasse des Grillons-Bleus',
  postalCode: '29390',
  city: 'Kerzéphyr-Plage',
  country: 'Islande',
  birthYear: 1987,
  joinedOn: '2019-04-23',
  status: 'paused',
  statusSince: '2025-06-30',
  statusReason: 'Tour du monde à vélo couché',
  roles: ['facilitator'],
  interests: ['origami-cosmique'],
  languages: ['vieux-norrois'],
  availability: ['mon.evening'],
  emergencyName: 'Barnabé Quasimodo',
  emergencyPhone: '06 55 44 33 22',
  emergencyRelation: 'frère jumeau',
  notes: NOTES,
  consentOn: '2019-04-23',
  consentBasis: 'consent',
  photoConsent: true,
  confidentialitySignedOn: '2019-05-02',
};

/** Every piece, as typed; the search index keeps lower-case, accent-free terms, and a term's tail after a shared prefix. */
const PIECES = [
  'Zéphyrine', 'Quasimodo', 'zephyrine.q@exemple.fr', 'zephyrine.old@exemple.fr', '07 98 76 54 32', '0798765432', '0611223344',
  'Grillons-Bleus', 'Kerzéphyr', 'Islande', 'Tour du monde', 'origami-cosmique', 'vieux-norrois', 'Barnabé', '06 55 44 33 22',
  'frère jumeau', 'NOTE-Zanzibar-4729', 'permanences du jeudi', 'Taille-XXL-Zeph', 'Ancienne-Valeur-Zeph',
];
const NEEDLES = [...new Set(PIECES.flatMap((p) => [p, p.toLowerCase(), fold(p)]).concat(['zephyrine', 'quasimodo', 'phyrine', 'asimodo', 'kerzephyr', 'barnabe', 'zanzibar']))];

function readable(dataDir: string): { file: string; needle: string }[] {
  const found: { file: string; needle: string }[] = [];
  for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) {
    const path = join(dataDir, name);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    for (const needle of NEEDLES) if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push({ file: name, needle });
  }
  return found;
}

describe('erasure leaves nothing readable in the database file or its WAL', () => {
  it('finds none of the erased person’s data, old values included, in relais.sqlite or relais.sqlite-wal', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    // Thousands of others, so the person's rows sit in the middle of full pages and a multi-segment index.
    const seeded = openDatabase(join(dataDir, DATABASE_FILE), { backupDir: join(dataDir, 'backups') });
    generateAssociation(seeded.sqlite, { volunteers: 3000, seed: 11 });
    seeded.sqlite.close();

    const t = await openTestCore({ dataDir });
    const size = await t.call('settings.saveCustomField', { label: 'Taille de t-shirt', type: 'text' });
    const skills = await t.call('volunteers.listSkills');
    const created = await t.call('volunteers.create', {
      ...PERSON,
      email: 'zephyrine.old@exemple.fr',
      phone: '06 11 22 33 44',
      customValues: { [String(size.id)]: 'Ancienne-Valeur-Zeph' },
    });
    for (let i = 0; i < 300; i++) await t.call('volunteers.create', buildVolunteer({ email: `autre${i}@exemple.org` }));
    // Edited: the old email, phone and custom value were written once and then replaced.
    const v = await t.call('volunteers.update', {
      id: created.id,
      data: { ...PERSON, skills: [{ skillId: skills[0]!.id, level: 2 }], customValues: { [String(size.id)]: 'Taille-XXL-Zeph' } },
    });
    for (let i = 0; i < 300; i++) await t.call('volunteers.create', buildVolunteer({ city: 'Lyon' }));

    // The test can fail: before the erasure the pieces are there to find.
    const before = new Set(readable(dataDir).map((f) => f.needle));
    for (const piece of ['Zéphyrine', 'Quasimodo', 'zephyrine.q@exemple.fr', 'NOTE-Zanzibar-4729', 'Taille-XXL-Zeph', 'zephyrine']) {
      expect(before.has(piece), piece).toBe(true);
    }

    const result = await t.call('privacy.erase', { id: v.id });
    expect(result.fileScrubbed).toBe(true);
    // Still open: the erasure itself, not the closing checkpoint, must leave the file clean.
    expect(readable(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, `${DATABASE_FILE}-wal`)) ? readFileSync(join(dataDir, `${DATABASE_FILE}-wal`)).length : 0).toBe(0);
    expect((await t.call('volunteers.list', { query: 'Quasimodo', filters: { archived: 'include' } })).total).toBe(0);
    expect((await t.call('volunteers.list', { query: 'Lyon' })).total).toBeGreaterThan(0);

    await t.close();
    expect(readable(dataDir)).toEqual([]);
    withReadonly(join(dataDir, DATABASE_FILE), (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) AS n FROM volunteers').get()).toEqual({ n: 3601 });
    });
    // The rebuilt search index agrees with its content (FTS5 raises an error otherwise).
    const again = await openTestCore({ dataDir });
    expect((await again.call('volunteers.list', { query: 'Lyon' })).total).toBeGreaterThan(0);
  });
});

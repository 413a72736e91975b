import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openRelais } from '../../../electron/core';
import type { Platform } from '../../../electron/core/platform';
import { headlessPlatform } from '../../../electron/core/platform';
import { RELATED_TABLES, VOLUNTEER_COLUMNS } from '../../../electron/core/privacy/erasure';
import { erasureLogPath, readErasureLog } from '../../../electron/core/privacy/erasure-log';
import { EXPORT_SECTIONS, type PersonExport } from '../../../electron/core/privacy/person-export';
import { camel, columnsOf, tablesReferencingVolunteers } from '../../../electron/core/privacy/references';
import { yearsBefore } from '../../../electron/core/privacy/retention';
import { DATABASE_FILE } from '../../../electron/core/relais';
import { RETENTION_YEARS, type VolunteerInput } from '../../../shared/api';
import { assign } from './hours.support';
import { personTrainings } from './trainings.support';
import { seedCertificate } from './certificates.support';
import { buildVolunteer, dumpTables, expectFailure, expectIssue, openTestCore, tempDir, withReadonly, type TestCore } from './helpers';

/** A core whose save dialog answers the paths the test queues (null = the person cancels). */
async function openWithSaves(dataDir = tempDir()) {
  const answers: (string | null)[] = [];
  const asked: { titleKey: string; defaultName: string }[] = [];
  const platform: Platform = {
    ...headlessPlatform(),
    chooseSaveFile: async (o) => {
      asked.push({ titleKey: o.titleKey, defaultName: o.defaultName });
      return answers.length ? answers.shift()! : null;
    },
  };
  const core = await openRelais({ dataDir, platform, checkOutputs: true });
  onTestFinished(() => core.close());
  return {
    dataDir,
    file: join(dataDir, DATABASE_FILE),
    answers,
    asked,
    core,
    async call<T = unknown>(method: string, input?: unknown): Promise<T> {
      const r = await core.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.data as T;
    },
    dispatch: (method: string, input?: unknown) => core.dispatch(method, input),
  };
}

const FULL: VolunteerInput = {
  firstName: 'Zéphyrine',
  lastName: 'Quasimodo',
  email: 'zephyrine.q@exemple.fr',
  phone: '+33 7 98 76 54 32',
  addressLine: '7 impasse des Grillons',
  postalCode: '29390',
  city: 'Scaër',
  country: 'France',
  birthYear: 1987,
  joinedOn: '2019-04-23',
  status: 'left',
  statusSince: '2023-06-30',
  statusReason: 'Déménagement',
  roles: ['facilitator', 'board'],
  interests: ['origami'],
  languages: ['breton'],
  availability: ['mon.evening', 'sat.morning'],
  preferredFormat: 'remote',
  emergencyName: 'Barnabé Quasimodo',
  emergencyPhone: '06 55 44 33 22',
  emergencyRelation: 'frère',
  notes: '=SOMME(A1:A2) préfère le jeudi',
  consentOn: '2019-04-23',
  consentBasis: 'consent',
  photoConsent: true,
  confidentialitySignedOn: '2019-05-02',
};

/**
 * What the person did for the association, through the app's own calls: facilitating a series (so
 * its sessions too), assigned to a role and present there, a walk-in at a one-off event, and a
 * manual entry still to approve, with a note.
 */
async function personActivity(t: Pick<TestCore, 'call'>, volunteerId: number) {
  const programme = await t.call('events.createProgramme', { name: 'Pair-aidance 2026' });
  const { series } = await t.call('events.createSeries', {
    title: 'Groupe du mardi', kind: 'support_group', programmeId: programme.id, frequency: 'weekly', startsOn: '2026-01-06',
    startTime: '18:30', endTime: '20:00', count: 2, timeZone: 'Europe/Paris', facilitatorIds: [volunteerId],
    roles: [{ name: 'Accueil', needed: 1, startOffset: 0, endOffset: 90 }],
  });
  const evening = series.occurrences[0]!.id;
  await assign(t, evening, 'Accueil', [volunteerId]);
  await t.call('events.markAttendance', { eventId: evening, marks: [{ volunteerId, status: 'present' }] });
  const { event: fair } = await t.call('events.create', {
    title: 'Forum des associations', kind: 'community', start: '2026-01-10T10:00', end: '2026-01-10T17:00', timeZone: 'Europe/Paris',
  });
  await t.call('events.addWalkIn', { eventId: fair.id, volunteerId });
  await t.call('hours.create', { volunteerId, workedOn: '2026-01-15', minutes: 150, category: 'skills_donation', note: 'Refonte du site' });
  return { programme, series, evening, fair };
}

async function fullPerson(t: Pick<TestCore, 'call' | 'file'>) {
  const size = await t.call('settings.saveCustomField', { label: 'Taille de t-shirt', type: 'choice', options: ['M', 'L'] });
  const car = await t.call('settings.saveCustomField', { label: 'Voiture', type: 'boolean' });
  const skills = await t.call('volunteers.listSkills');
  const listening = skills.find((s) => s.key === 'active_listening')!;
  const v = await t.call('volunteers.create', {
    ...FULL,
    status: 'active',
    statusSince: null,
    statusReason: null,
    phone: '06 00 00 00 00',
    skills: [{ skillId: listening.id, level: 3 }],
    customValues: { [String(size.id)]: 'L', [String(car.id)]: true },
  });
  const activity = await personActivity(t, v.id);
  // A status change gives the history a free-text reason to scrub.
  const updated = await t.call('volunteers.update', {
    id: v.id,
    data: { ...FULL, skills: [{ skillId: listening.id, level: 3 }], customValues: { [String(size.id)]: 'L', [String(car.id)]: true } },
  });
  const trainings = await personTrainings(t, v.id);
  seedCertificate(t.file, v.id);
  return { v: updated, size, car, listening, activity, trainings };
}

describe('the schema and what privacy knows of it', () => {
  it('every table that points at volunteers has an export section and an erasure rule', async () => {
    const t = await openTestCore();
    withReadonly(t.file, (db) => {
      const refs = tablesReferencingVolunteers(db).map((r) => r.table);
      expect(refs).toEqual(expect.arrayContaining(['volunteer_skills', 'volunteer_custom_values', 'volunteer_history']));
      // A new table that refers to a volunteer fails here until export and erasure say what to do with it.
      for (const table of refs) {
        expect(Object.keys(EXPORT_SECTIONS), `export section for ${table}`).toContain(table);
        expect(Object.keys(RELATED_TABLES), `erasure rule for ${table}`).toContain(table);
      }
    });
  });

  it('every column of volunteers has an erasure rule', async () => {
    const t = await openTestCore();
    withReadonly(t.file, (db) => expect(Object.keys(VOLUNTEER_COLUMNS).sort()).toEqual(columnsOf(db, 'volunteers').sort()));
  });

  it('finds a table that refers to volunteers by foreign key or by a volunteer_id column', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE volunteers (id INTEGER PRIMARY KEY);
             CREATE TABLE shifts (id INTEGER PRIMARY KEY, person INTEGER REFERENCES volunteers(id));
             CREATE TABLE notes (id INTEGER PRIMARY KEY, volunteer_id INTEGER);
             CREATE TABLE erasures (volunteer_id INTEGER PRIMARY KEY);
             CREATE TABLE other (id INTEGER PRIMARY KEY, name TEXT);`);
    expect(tablesReferencingVolunteers(db)).toEqual([
      { table: 'notes', column: 'volunteer_id' },
      { table: 'shifts', column: 'person' },
    ]);
    db.close();
  });
});

describe('privacy.exportPerson (right of access)', () => {
  it('writes a JSON file and a CSV file beside it with every column of every table about the person', async () => {
    const s = await openWithSaves();
    const t = { call: s.call, file: s.file } as unknown as TestCore;
    await s.call('settings.setLanguage', { language: 'fr' });
    const { v, size, listening } = await fullPerson(t);
    await s.call('volunteers.create', buildVolunteer({ firstName: 'Autre', email: 'autre@exemple.fr' }));
    const target = join(s.dataDir, 'out', 'zephyrine.json');
    s.answers.push(target);
    mkdirSync(join(s.dataDir, 'out'));

    const result = await s.call<{ saved: boolean; files: string[] }>('privacy.exportPerson', { id: v.id });
    expect(result).toEqual({ saved: true, files: [target, join(s.dataDir, 'out', 'zephyrine.csv')] });
    expect(s.asked[0]!.defaultName).toMatch(/^donnees-personnelles-zephyrine-quasimodo-\d{4}-\d{2}-\d{2}\.json$/);

    const data = JSON.parse(readFileSync(target, 'utf8')) as PersonExport;
    expect(data).toMatchObject({ relais: 'personal-data-export', version: 1, language: 'fr', erasure: null, otherTables: {} });
    expect(data.volunteer).toMatchObject({
      id: v.id, firstName: 'Zéphyrine', lastName: 'Quasimodo', email: 'zephyrine.q@exemple.fr', notes: FULL.notes,
      roles: ['facilitator', 'board'], availability: ['mon.evening', 'sat.morning'], interests: ['origami'], photoConsent: true,
    });
    expect(data.skills).toEqual([{ skillId: listening.id, name: 'Écoute active', category: expect.any(String), level: 3, levelLabel: 'Expert' }]);
    expect(data.customFields).toEqual(
      expect.arrayContaining([{ fieldId: size.id, label: 'Taille de t-shirt', type: 'choice', value: 'L' }]),
    );
    expect(data.history.map((h) => h.kind)).toEqual(['created', 'status', 'updated']);
    expect(data.history[1]!.detail).toMatchObject({ to: 'left', reason: 'Déménagement' });
    expect(JSON.stringify(data)).not.toContain('autre@exemple.fr');

    // Every column of every table that refers to the person is in its section of the export.
    withReadonly(s.file, (db) => {
      expect(Object.keys(data.volunteer).sort()).toEqual(columnsOf(db, 'volunteers').map(camel).sort());
      const sectionOf = EXPORT_SECTIONS as Record<string, keyof PersonExport>;
      for (const { table, column } of tablesReferencingVolunteers(db)) {
        const rows = data[sectionOf[table]!] as Record<string, unknown>[];
        expect(rows.length, table).toBeGreaterThan(0);
        const stored = columnsOf(db, table).filter((c) => c !== column).map(camel);
        for (const row of rows) for (const key of stored) expect(Object.keys(row), `${table}.${key}`).toContain(key);
      }
    });

    const csv = readFileSync(join(s.dataDir, 'out', 'zephyrine.csv'), 'utf8');
    expect(csv.startsWith('\ufeffRubrique;Champ;Valeur\r\n')).toBe(true);
    expect(csv).toContain('Fiche;E-mail;zephyrine.q@exemple.fr');
    expect(csv).toContain('Fiche;Rôles;Animateur, Membre du bureau');
    expect(csv).toContain('Compétences;Écoute active;Expert');
    expect(csv).toContain('Champs personnalisés;Voiture;Oui');
    expect(csv).toContain('Heures;2026-01-06;1\u00a0h\u00a030 · Animation · Groupe du mardi · Pair-aidance 2026 · Validée');
    expect(csv).toContain('Heures;2026-01-15;2\u00a0h\u00a030 · Mécénat de compétences · Hors événement · À valider · Refonte du site');
    expect(csv).toContain('Présences;2026-01-10 10:00 — Forum des associations;Présent·e (sans inscription préalable)');
    expect(csv).toContain('Affectations;2026-01-06 18:30 — Groupe du mardi;Accueil');
    expect(csv).toContain('Animation d’événements;2026-01-06 18:30;Groupe du mardi');
    expect(csv).toContain('Animation de séries;2026-01-06;Groupe du mardi');
    // No cell starts a formula in a spreadsheet.
    expect(csv).toContain(';"\'=SOMME(A1:A2) préfère le jeudi"');
    expect(csv).toContain(';"\'+33 7 98 76 54 32"');
  });

  it('in English, skill names and labels are English', async () => {
    const s = await openWithSaves();
    await s.call('settings.setLanguage', { language: 'en' });
    const { v } = await fullPerson({ call: s.call, file: s.file } as unknown as TestCore);
    s.answers.push(join(s.dataDir, 'me.json'));
    await s.call('privacy.exportPerson', { id: v.id });
    const data = JSON.parse(readFileSync(join(s.dataDir, 'me.json'), 'utf8')) as PersonExport;
    expect(data.skills[0]).toMatchObject({ name: 'Active listening', levelLabel: 'Expert' });
    expect(readFileSync(join(s.dataDir, 'me.csv'), 'utf8')).toContain('Record;Email;zephyrine.q@exemple.fr');
  });

  it('a table added later that refers to volunteers is still exported, column by column', async () => {
    const s = await openWithSaves();
    const v = await s.call<{ id: number }>('volunteers.create', buildVolunteer());
    await s.core.close();
    const db = new Database(s.file);
    db.exec('CREATE TABLE loans (id INTEGER PRIMARY KEY, volunteer_id INTEGER REFERENCES volunteers(id), item TEXT)');
    db.prepare("INSERT INTO loans (volunteer_id, item) VALUES (?, 'badge 42')").run(v.id);
    db.close();
    const again = await openWithSaves(s.dataDir);
    again.answers.push(join(s.dataDir, 'p.json'));
    await again.call('privacy.exportPerson', { id: v.id });
    const data = JSON.parse(readFileSync(join(s.dataDir, 'p.json'), 'utf8')) as PersonExport;
    expect(data.otherTables).toEqual({ loans: [{ id: 1, volunteerId: v.id, item: 'badge 42' }] });
    expect(readFileSync(join(s.dataDir, 'p.csv'), 'utf8')).toContain('loans;item;badge 42');
    await again.core.close();
  });

  it('cancelling the dialog writes nothing; an unknown id is NOT_FOUND and asks nothing', async () => {
    const s = await openWithSaves();
    const v = await s.call<{ id: number }>('volunteers.create', buildVolunteer());
    expect(await s.call('privacy.exportPerson', { id: v.id })).toEqual({ saved: false, files: [] });
    expectFailure(await s.dispatch('privacy.exportPerson', { id: 9999 }), 'NOT_FOUND');
    expect(s.asked).toHaveLength(1);
    expectFailure(await s.dispatch('privacy.exportPerson', { id: 'x' }), 'VALIDATION');
    await s.core.close();
  });
});

describe('privacy.erase', () => {
  it('anonymises the row, deletes skills and custom values, scrubs history details, leaves the index, logs in and out of the file', async () => {
    const t = await openTestCore();
    await t.call('settings.setLanguage', { language: 'fr' });
    const { v } = await fullPerson(t);
    const other = await t.call('volunteers.create', buildVolunteer({ firstName: 'Hélène', email: 'helene@exemple.fr' }));
    const result = await t.call('privacy.erase', { id: v.id });
    expect(result).toMatchObject({ erased: [v.id], fileScrubbed: true });

    const after = await t.call('volunteers.get', { id: v.id });
    expect(after).toMatchObject({
      firstName: 'Personne effacée', lastName: `#${v.id}`,
      email: null, phone: null, addressLine: null, postalCode: null, city: null, country: null, birthYear: null,
      joinedOn: '2019-01-01', status: 'left', statusSince: '2023-01-01', statusReason: null,
      roles: ['facilitator', 'board'], skills: [], interests: [], languages: [], availability: [], preferredFormat: 'both',
      emergencyName: null, emergencyPhone: null, emergencyRelation: null, notes: null,
      consentOn: null, consentBasis: null, photoConsent: false, confidentialitySignedOn: null, customValues: {},
      createdAt: v.createdAt,
    });
    expect(after.archivedAt).not.toBeNull();
    expect(after.history.map((h) => h.kind).sort()).toEqual(['archived', 'created', 'status', 'updated']);
    expect(after.history.find((h) => h.kind === 'status')!.detail).toEqual({ from: 'active', to: 'left' });
    for (const h of after.history.filter((x) => x.kind !== 'status')) expect(h.detail).toEqual({});

    expect((await t.call('volunteers.list', { query: 'Quasimodo', filters: { archived: 'include' } })).total).toBe(0);
    expect((await t.call('volunteers.list', { query: 'Personne', filters: { archived: 'include' } })).total).toBe(0);
    expect((await t.call('volunteers.list', { query: 'Hélène' })).rows.map((r) => r.id)).toEqual([other.id]);
    expect(await t.call('volunteers.get', { id: other.id })).toMatchObject({ email: 'helene@exemple.fr', archivedAt: null });
    expect(await t.call('privacy.personStatus', { id: v.id })).toEqual({ id: v.id, erasedAt: result.erasedAt });
    expect(await t.call('privacy.personStatus', { id: other.id })).toEqual({ id: other.id, erasedAt: null });

    expect(await t.call('privacy.erasureLog')).toEqual({
      entries: [{ volunteerId: v.id, name: `Personne effacée #${v.id}`, erasedAt: result.erasedAt, reappliedAt: null }],
    });
    expect(readErasureLog(t.dataDir)).toEqual([{ volunteerId: v.id, volunteerCreatedAt: v.createdAt, erasedAt: result.erasedAt }]);
    // The outside log holds ids and dates, nothing about the person.
    const outside = readFileSync(erasureLogPath(t.dataDir), 'utf8');
    expect(outside).not.toMatch(/Zéphyrine|Quasimodo|zephyrine|Personne/);
    withReadonly(t.file, (db) => {
      expect(db.prepare('SELECT count(*) AS n FROM volunteers_fts WHERE rowid = ?').get(v.id)).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM volunteer_skills WHERE volunteer_id = ?').get(v.id)).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM volunteer_custom_values WHERE volunteer_id = ?').get(v.id)).toEqual({ n: 0 });
    });
  });

  it('keeps the minutes of the person’s hour entries (aggregate hours) and clears their notes', async () => {
    const t = await openTestCore();
    const { v } = await fullPerson(t);
    const entries = () =>
      withReadonly(t.file, (db) => db.prepare('SELECT worked_on, minutes, category, approval, note FROM hour_entries WHERE volunteer_id = ? ORDER BY id').all(v.id));
    expect(entries()).toContainEqual({ worked_on: '2026-01-15', minutes: 150, category: 'skills_donation', approval: 'pending', note: 'Refonte du site' });
    await t.call('privacy.erase', { id: v.id });
    expect(entries()).toEqual([
      { worked_on: '2026-01-06', minutes: 90, category: 'facilitation', approval: 'approved', note: null },
      { worked_on: '2026-01-10', minutes: 420, category: 'logistics', approval: 'approved', note: null },
      { worked_on: '2026-01-15', minutes: 150, category: 'skills_donation', approval: 'pending', note: null },
    ]);
    withReadonly(t.file, (db) => {
      expect(db.prepare('SELECT count(*) FROM attendance WHERE volunteer_id = ?').pluck().get(v.id)).toBe(2);
      expect(db.prepare('SELECT count(*) FROM assignments WHERE volunteer_id = ?').pluck().get(v.id)).toBe(1);
    });
  });

  it('names the record in English when the app is in English', async () => {
    const t = await openTestCore();
    await t.call('settings.setLanguage', { language: 'en' });
    const v = await t.call('volunteers.create', buildVolunteer());
    await t.call('privacy.erase', { id: v.id });
    expect(await t.call('volunteers.get', { id: v.id })).toMatchObject({ firstName: 'Erased person', lastName: `#${v.id}` });
  });

  it('an unknown id is NOT_FOUND and changes nothing', async () => {
    const t = await openTestCore();
    await t.call('volunteers.create', buildVolunteer());
    const before = dumpTables(t.file);
    const error = expectFailure(await t.dispatch('privacy.erase', { id: 4242 }), 'NOT_FOUND');
    expect(error.details).toEqual({ ids: [4242] });
    expect(dumpTables(t.file)).toEqual(before);
    expect(existsSync(erasureLogPath(t.dataDir))).toBe(false);
    expectFailure(await t.dispatch('privacy.erase', { id: -1 }), 'VALIDATION');
    expectFailure(await t.dispatch('privacy.erase', {}), 'VALIDATION');
  });

  it('erasing twice is refused clearly (CONFLICT) and changes nothing', async () => {
    const t = await openTestCore();
    const v = await t.call('volunteers.create', buildVolunteer());
    await t.call('privacy.erase', { id: v.id });
    const before = dumpTables(t.file);
    const log = readFileSync(erasureLogPath(t.dataDir), 'utf8');
    const error = expectFailure(await t.dispatch('privacy.erase', { id: v.id }), 'CONFLICT');
    expect(error.details).toEqual({ reason: 'alreadyErased', ids: [v.id] });
    expect(dumpTables(t.file)).toEqual(before);
    expect(readFileSync(erasureLogPath(t.dataDir), 'utf8')).toBe(log);
  });

  it('an erased record cannot be edited or brought back from the archive: personal data stays out', async () => {
    const t = await openTestCore();
    const v = await t.call('volunteers.create', buildVolunteer({ firstName: 'Zoé', lastName: 'Marchal' }));
    await t.call('privacy.erase', { id: v.id });
    const before = dumpTables(t.file);
    const edit = expectFailure(await t.dispatch('volunteers.update', { id: v.id, data: buildVolunteer({ firstName: 'Zoé', lastName: 'Marchal' }) }), 'CONFLICT');
    expect(edit.details).toEqual({ reason: 'erased', id: v.id });
    expectFailure(await t.dispatch('volunteers.unarchive', { id: v.id }), 'CONFLICT');
    expect(dumpTables(t.file)).toEqual(before);
  });

  it('eraseMany erases all of them, or none when one is unknown or already erased', async () => {
    const t = await openTestCore();
    const [a, b, c] = [await t.call('volunteers.create', buildVolunteer()), await t.call('volunteers.create', buildVolunteer()), await t.call('volunteers.create', buildVolunteer())];
    const before = dumpTables(t.file);
    expectFailure(await t.dispatch('privacy.eraseMany', { ids: [a.id, 999] }), 'NOT_FOUND');
    expect(dumpTables(t.file)).toEqual(before);
    expectIssue(expectFailure(await t.dispatch('privacy.eraseMany', { ids: [] }), 'VALIDATION'), ['ids'], 'required');
    expectFailure(await t.dispatch('privacy.eraseMany', { ids: Array.from({ length: 501 }, (_, i) => i + 1) }), 'VALIDATION');
    expect(dumpTables(t.file)).toEqual(before);

    await t.call('privacy.erase', { id: c.id });
    const middle = dumpTables(t.file);
    expectFailure(await t.dispatch('privacy.eraseMany', { ids: [a.id, c.id] }), 'CONFLICT');
    expect(dumpTables(t.file)).toEqual(middle);

    const done = await t.call('privacy.eraseMany', { ids: [a.id, b.id, a.id] });
    expect(done.erased).toEqual([a.id, b.id]);
    expect((await t.call('privacy.erasureLog')).entries.map((e) => e.volunteerId).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(readErasureLog(t.dataDir).map((e) => e.volunteerId).sort()).toEqual([a.id, b.id, c.id].sort());
  });

  it('in the sample database, erasure never writes the association’s outside log', async () => {
    const t = await openTestCore({ demoSize: 20 });
    await t.call('settings.openDemo');
    await t.call('privacy.erase', { id: 3 });
    expect((await t.call('privacy.erasureLog')).entries.map((e) => e.volunteerId)).toEqual([3]);
    expect(existsSync(erasureLogPath(t.dataDir))).toBe(false);
    await t.call('settings.closeDemo');
    expect((await t.call('privacy.erasureLog')).entries).toEqual([]);
  });

  it('personStatus of an unknown id is NOT_FOUND', async () => {
    const t = await openTestCore();
    expectFailure(await t.dispatch('privacy.personStatus', { id: 77 }), 'NOT_FOUND');
  });
});

describe('retention', () => {
  it('lists people who left more than N years ago, not erased ones, with N from 0 to 10 (default 1)', async () => {
    const t = await openTestCore();
    const today = new Date().toISOString().slice(0, 10);
    const left = (years: number, days = 1) => {
      const d = new Date(`${yearsBefore(today, years)}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - days);
      return d.toISOString().slice(0, 10);
    };
    const make = (statusSince: string | null, status: 'left' | 'active' | 'paused' = 'left') =>
      t.call('volunteers.create', buildVolunteer({ joinedOn: '2015-01-01', status, statusSince }));
    const longAgo = await make(left(4));
    const twoYears = await make(left(2));
    const recent = await make(left(0, 30));
    await make(left(5), 'paused');
    await make(null, 'active');
    const erased = await make(left(6));
    await t.call('privacy.erase', { id: erased.id });

    const ids = async () => (await t.call('privacy.retention')).rows.map((r) => r.id);
    const first = await t.call('privacy.retention');
    expect(first).toMatchObject({ years: RETENTION_YEARS.default, cutoff: yearsBefore(today, 1), total: 2 });
    expect(first.rows.map((r) => r.id)).toEqual([longAgo.id, twoYears.id]);
    expect(first.rows[0]).toMatchObject({ leftOn: left(4), joinedOn: '2015-01-01', archived: false });

    await t.call('privacy.setRetentionYears', { years: 3 });
    expect(await ids()).toEqual([longAgo.id]);
    await t.call('privacy.setRetentionYears', { years: 0 });
    expect(await ids()).toEqual([longAgo.id, twoYears.id, recent.id]);
    expect((await t.call('privacy.retention', { offset: 1, limit: 1 })).rows.map((r) => r.id)).toEqual([twoYears.id]);
  });

  it('refuses a period out of range or not a whole number, and keeps the one it had', async () => {
    const t = await openTestCore();
    await t.call('privacy.setRetentionYears', { years: 4 });
    const before = dumpTables(t.file);
    for (const years of [-1, 11, 2.5]) {
      expectIssue(expectFailure(await t.dispatch('privacy.setRetentionYears', { years }), 'VALIDATION'), ['years'], years === 2.5 ? 'number' : 'retentionYears');
    }
    expectFailure(await t.dispatch('privacy.setRetentionYears', { years: '3' }), 'VALIDATION');
    expectFailure(await t.dispatch('privacy.setRetentionYears', {}), 'VALIDATION');
    expect(dumpTables(t.file)).toEqual(before);
    expect((await t.call('privacy.retention')).years).toBe(4);
  });

  it('counts back whole years, 29 February included', () => {
    expect(yearsBefore('2026-11-21', 1)).toBe('2025-11-21');
    expect(yearsBefore('2028-02-29', 1)).toBe('2027-02-28');
    expect(yearsBefore('2026-03-01', 0)).toBe('2026-03-01');
  });
});

describe('consent overview', () => {
  it('counts missing consent, photo consent and confidentiality agreements, lists by gap, skips erased people', async () => {
    const t = await openTestCore();
    const ok = await t.call('volunteers.create', buildVolunteer({ lastName: 'A', consentOn: '2024-01-01', consentBasis: 'consent', photoConsent: true }));
    const noConsent = await t.call('volunteers.create', buildVolunteer({ lastName: 'B', consentOn: '2024-01-01' }));
    const facilitator = await t.call('volunteers.create', buildVolunteer({ lastName: 'C', roles: ['facilitator'], consentOn: '2024-01-01', consentBasis: 'membership' }));
    const supervisor = await t.call('volunteers.create', buildVolunteer({ lastName: 'D', roles: ['supervisor'], confidentialitySignedOn: '2024-02-02' }));
    const gone = await t.call('volunteers.create', buildVolunteer({ lastName: 'E', status: 'left', statusSince: '2024-05-05' }));
    const erased = await t.call('volunteers.create', buildVolunteer({ lastName: 'F' }));
    await t.call('privacy.erase', { id: erased.id });

    const current = await t.call('privacy.consentOverview');
    expect(current.counts).toEqual({
      people: 4, noConsent: 2, photoYes: 1, photoNo: 3, confidentialitySigned: 1, confidentialityRequired: 2, confidentialityMissing: 1,
    });
    expect(current.total).toBe(4);
    const rows = async (missing: 'consent' | 'photo' | 'confidentiality', scope: 'current' | 'all' = 'current') =>
      (await t.call('privacy.consentOverview', { missing, scope })).rows.map((r) => r.id);
    expect(await rows('consent')).toEqual([noConsent.id, supervisor.id]);
    expect(await rows('photo')).toEqual([noConsent.id, facilitator.id, supervisor.id]);
    expect(await rows('confidentiality')).toEqual([facilitator.id]);
    expect(await rows('consent', 'all')).toEqual([noConsent.id, supervisor.id, gone.id]);
    const all = await t.call('privacy.consentOverview', { scope: 'all' });
    expect(all.counts.people).toBe(5);
    expect(all.rows.map((r) => r.id)).not.toContain(erased.id);
    expect(all.rows.find((r) => r.id === ok.id)).toMatchObject({ consentBasis: 'consent', photoConsent: true, roles: ['volunteer'] });
    expectFailure(await t.dispatch('privacy.consentOverview', { missing: 'shoes' }), 'VALIDATION');
  });
});

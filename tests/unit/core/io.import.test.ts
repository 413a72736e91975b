import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../../shared/api';
import { countRows, dumpTables, expectIssue, tempDir } from './helpers';
import { chooseBytes, choosePath, FIXTURES, openIoCore, type IoCore } from './io.support';

const preview = (t: IoCore, token: string, extra: object = {}) => t.call('io.previewImport', { token, ...extra });
const names = async (t: IoCore, query = '') =>
  (await t.call('volunteers.list', { query, limit: 500 })).rows.map((r) => `${r.firstName} ${r.lastName}`).sort((a, b) => a.localeCompare(b, 'fr'));

/** A Windows-1252 file as French Excel saves « CSV (séparateur : point-virgule) ». */
const cp1252 = (text: string) =>
  Buffer.from(
    text.replace(/[’€œ]/g, (c) => ({ '’': '\u0092', '€': '\u0080', œ: '\u009c' })[c]!),
    'latin1',
  );

describe('ready mappings for other tools’ member exports', () => {
  it('Paheko: « Nom & prénom » split, labels mapped, member number and unknown columns left out', async () => {
    const t = await openIoCore();
    const p = await preview(t, await choosePath(t, join(FIXTURES, 'paheko.csv')));
    expect(p).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', preset: 'paheko' });
    expect(p.mapping).toEqual([null, 'fullName', 'email', 'addressLine', 'postalCode', 'city', 'country', 'phone', 'joinedOn']);
    expect(p.missing).toEqual([]);
    expect(p.rows.map((r) => [r.values.firstName, r.values.lastName, r.values.joinedOn])).toEqual([
      ['Marie', 'DUPONT', '2021-09-15'],
      ['Jean-Pierre', 'LEFÈVRE', '2022-01-03'],
      ['Hélène', 'Garnier', '2023-05-20'],
      ['Anne-Sophie', 'DE LA FONTAINE', '2024-02-01'],
    ]);
    expect(p.counts).toMatchObject({ rows: 4, valid: 4, invalid: 0, create: 4 });
  });

  it('Galette: the table’s column names; both phones; from the date of birth only the year', async () => {
    const t = await openIoCore();
    const token = await choosePath(t, join(FIXTURES, 'galette.csv'));
    const p = await preview(t, token);
    expect(p).toMatchObject({ delimiter: ';', preset: 'galette' });
    const byHeader = Object.fromEntries(p.columns.map((c) => [c.header, p.mapping[c.index]]));
    expect(byHeader).toEqual({
      id_adh: null, id_statut: null, nom_adh: 'lastName', prenom_adh: 'firstName', pseudo_adh: null, titre_adh: null,
      ddn_adh: 'birthDate', sexe_adh: null, adresse_adh: 'addressLine', cp_adh: 'postalCode', ville_adh: 'city',
      pays_adh: 'country', tel_adh: 'phone', gsm_adh: 'phone', email_adh: 'email', date_crea_adh: 'joinedOn', activite_adh: null,
    });
    await t.call('io.runImport', { token });
    const list = await t.call('volunteers.list', { query: 'nguyen' });
    const hoa = await t.call('volunteers.get', { id: list.rows[0]!.id });
    // Only the mobile is filled for her: the first non-empty phone column is taken.
    expect(hoa).toMatchObject({ firstName: 'Thi Hoa', lastName: 'Nguyen', phone: '07 61 23 45 67', birthYear: 1990, joinedOn: '2020-03-15' });
    // Nothing of the full date of birth is kept anywhere.
    expect(JSON.stringify(dumpTables(t.file))).not.toContain('1990-11-30');
  });

  it('HelloAsso: member’s names (not the payer’s), payer email, order date with its time, UTF-8 BOM', async () => {
    const t = await openIoCore();
    const p = await preview(t, await choosePath(t, join(FIXTURES, 'helloasso.csv')));
    expect(p).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';', preset: 'helloasso' });
    const mapped = p.columns.filter((c) => p.mapping[c.index]).map((c) => [c.header, p.mapping[c.index]]);
    expect(mapped).toEqual([
      ['Date de la commande', 'joinedOn'],
      ['Nom adhérent', 'lastName'],
      ['Prénom adhérent', 'firstName'],
      ['Email payeur', 'email'],
      ['Date de naissance', 'birthDate'],
      ['Adresse', 'addressLine'],
      ['Code Postal', 'postalCode'],
      ['Ville', 'city'],
      ['Pays', 'country'],
      ['Numéro de téléphone', 'phone'],
    ]);
    expect(p.rows[1]!.values).toMatchObject({ firstName: 'Noé', lastName: 'Petit', joinedOn: '2025-09-02', birthYear: '2010' });
  });

  it('Paheko as XLSX: same detection, dates from date cells, numbers as text', async () => {
    const t = await openIoCore();
    const { Workbook } = await import('exceljs');
    const wb = new Workbook();
    const ws = wb.addWorksheet('Membres');
    ws.addRow(['Numéro de membre', 'Nom & prénom', 'Adresse E-Mail', 'Code postal', 'Ville', "Date d'inscription", 'Année de naissance']);
    ws.addRow([7, 'ROCHE Paul', { text: 'paul.roche@example.org', hyperlink: 'mailto:paul.roche@example.org' }, '01000', 'Bourg-en-Bresse', new Date(Date.UTC(2022, 8, 30)), 1961]);
    const p = await preview(t, await chooseBytes(t, 'membres.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(p).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, sheet: 'Membres', preset: 'paheko' });
    expect(p.rows[0]!.values).toMatchObject({
      firstName: 'Paul', lastName: 'ROCHE', email: 'paul.roche@example.org', postalCode: '01000', joinedOn: '2022-09-30', birthYear: '1961',
    });
  });

  it('a plain spreadsheet: usual French or English headers, in any case, with or without accents', async () => {
    const t = await openIoCore();
    const csv = 'PRENOM\tnom\tCourriel\tTél.\tCP\tCommune\tDate d’adhésion\tCommentaires\r\nLéa\tMartin\tlea@example.org\t0612345678\t69001\tLyon\t2023-01-02\tvient le mardi\r\n';
    const p = await preview(t, await chooseBytes(t, 'liste.txt', csv));
    expect(p).toMatchObject({ delimiter: '\t', preset: 'generic' });
    expect(p.mapping).toEqual(['firstName', 'lastName', 'email', 'phone', 'postalCode', 'city', 'joinedOn', 'notes']);
  });
});

describe('words of the registry, in French, in English or as keys', () => {
  it('reads statuses, roles, skills with levels, slots, formats, legal bases and yes/no either way', async () => {
    const t = await openIoCore();
    const csv = [
      'First name;Last name;Joined on;Status;Status date;Roles;Skills;Availability;Preferred format;Legal basis;Consent recorded on;Agrees to appear in photos',
      'Ann;Lee;2024-01-02;On a break;01/02/2025;Volunteer, Board member;"Active listening (Expert); driving";Monday evening, sat.morning;Remote;Consent;2024-01-02;yes',
      'Léo;Roy;02/01/2024;Parti;01/06/2025;Référent;Écoute active (2);mardi matin;Les deux;Adhésion à l’association;02/01/2024;Non',
      'Max;Dol;2024-01-02;retired;;Treasurer;Juggling;Someday;Anywhere;Because;;maybe',
    ].join('\n');
    const token = await chooseBytes(t, 'words.csv', csv);
    const p = await preview(t, token);
    expect(p.issues.map((i) => [i.rowNumber, i.field, i.key, i.params?.value])).toEqual([
      [4, 'status', 'io.unknownStatus', 'retired'],
      [4, 'roles', 'io.unknownRole', 'Treasurer'],
      [4, 'skills', 'unknownSkill', 'Juggling'],
      [4, 'availability', 'io.unknownSlot', 'Someday'],
      [4, 'preferredFormat', 'io.unknownFormat', 'Anywhere'],
      [4, 'consentBasis', 'io.unknownConsentBasis', 'Because'],
      [4, 'photoConsent', 'io.boolean', 'maybe'],
    ]);
    await t.call('io.runImport', { token, invalidRows: 'skip' });
    const skills = await t.call('volunteers.listSkills');
    const key = (id: number) => skills.find((s) => s.id === id)!.key;
    const get = async (q: string) => t.call('volunteers.get', { id: (await t.call('volunteers.list', { query: q, filters: { archived: 'include' } })).rows[0]!.id });
    const ann = await get('lee');
    expect(ann).toMatchObject({
      status: 'paused', statusSince: '2025-02-01', roles: ['volunteer', 'board'], availability: ['mon.evening', 'sat.morning'],
      preferredFormat: 'remote', consentBasis: 'consent', photoConsent: true,
    });
    expect(ann.skills.map((s) => [key(s.skillId), s.level])).toEqual([['active_listening', 3], ['driving', 1]]);
    const leo = await get('roy');
    expect(leo).toMatchObject({ status: 'left', roles: ['supervisor'], availability: ['tue.morning'], preferredFormat: 'both', consentBasis: 'membership', photoConsent: false });
    expect(leo.skills.map((s) => [key(s.skillId), s.level])).toEqual([['active_listening', 2]]);
  });
});

describe('preview', () => {
  it('shows every row’s problems with row number, field and translated key, and writes nothing', async () => {
    const t = await openIoCore();
    await t.call('volunteers.create', { firstName: 'Déjà', lastName: 'Là', email: 'deja@example.org', joinedOn: '2020-01-01' });
    const before = dumpTables(t.file);
    const csv = [
      'Prénom;Nom;E-mail;Année de naissance;Date d’arrivée;Statut;Rôles',
      'Zoé;Lambert;zoe@example.org;1980;12/05/2021;Actif;Bénévole',
      'Marc;Durand;pas-un-email;1975;2021-02-30;Actif;Bénévole',
      ';Sans prénom;;1850;;Parti;Trésorier',
      'Déjà;Revenu;DEJA@example.org;;;;',
    ].join('\r\n');
    const token = await chooseBytes(t, 'liste.csv', cp1252(csv));
    const p = await preview(t, token);
    expect(p.encoding).toBe('windows-1252');
    expect(p.counts).toEqual({ rows: 4, valid: 2, invalid: 2, duplicates: 1, create: 1, merge: 0, skip: 1 });
    const issues = p.issues.map((i) => [i.rowNumber, i.field, i.column, i.key]);
    expect(issues).toEqual([
      [3, 'email', 2, 'email'],
      [3, 'joinedOn', 4, 'date'],
      [4, 'roles', 6, 'io.unknownRole'],
      [4, 'firstName', 0, 'required'],
      [4, 'birthYear', 3, 'birthYear'],
      [4, 'statusSince', null, 'statusDateRequired'],
    ]);
    expect(p.rows.find((r) => r.rowNumber === 5)).toMatchObject({
      action: 'skip',
      duplicate: { reason: 'email', name: 'Déjà Là', rowNumber: null },
    });
    expect(dumpTables(t.file)).toEqual(before);
  });

  it('lists the first rows and every row needing attention further down', async () => {
    const t = await openIoCore();
    const lines = ['Prénom;Nom;E-mail'];
    for (let i = 1; i <= 120; i++) lines.push(`P${i};N${i};${i === 100 ? 'faux' : `p${i}@example.org`}`);
    const p = await preview(t, await chooseBytes(t, 'long.csv', lines.join('\n')), { limit: 10 });
    expect(p.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 101]);
    expect(p.counts.rows).toBe(120);
  });

  it('says when no column holds the names, and follows a mapping chosen by hand', async () => {
    const t = await openIoCore();
    const token = await chooseBytes(t, 'x.csv', 'Colonne A;Colonne B\nMarie;Curie\n');
    const p = await preview(t, token);
    expect(p.mapping).toEqual([null, null]);
    expect(p.missing).toEqual(['firstName', 'lastName']);
    const chosen = await preview(t, token, { mapping: ['firstName', 'lastName'] satisfies ImportTarget[] });
    expect(chosen.missing).toEqual([]);
    expect(chosen.rows[0]!.values).toMatchObject({ firstName: 'Marie', lastName: 'Curie' });
    expect(chosen.suggestedMapping).toEqual([null, null]);
  });

  it('refuses a mapping that does not fit the file, or names a field that does not exist', async () => {
    const t = await openIoCore();
    const token = await chooseBytes(t, 'x.csv', 'Prénom;Nom\nMarie;Curie\n');
    expectIssue(await t.failure('io.previewImport', { token, mapping: ['firstName'] }), ['mapping'], 'io.mappingLength');
    expectIssue(await t.failure('io.previewImport', { token, mapping: ['firstName', 'custom:999'] }), ['mapping', 1], 'unknownCustomField');
    expect((await t.failure('io.previewImport', { token, mapping: ['firstName', 'password'] })).code).toBe('VALIDATION');
  });

  it('reads files only through a token from the open dialog: no path is accepted, an unknown token is not found', async () => {
    const t = await openIoCore();
    expect((await t.failure('io.previewImport', { path: join(FIXTURES, 'paheko.csv') })).code).toBe('VALIDATION');
    expect((await t.failure('io.previewImport', { token: '00000000-0000-4000-8000-000000000000' })).code).toBe('NOT_FOUND');
    t.willOpen(null);
    expect(await t.call('io.chooseImportFile')).toBeNull();
    expect(t.openRequests[0]).toMatchObject({ titleKey: 'io.importTitle', filters: [{ nameKey: 'io.spreadsheets' }] });
    const token = await choosePath(t, join(FIXTURES, 'paheko.csv'));
    expect(await t.call('io.discardImport', { token })).toBe(true);
    expect((await t.failure('io.previewImport', { token })).code).toBe('NOT_FOUND');
  });

  it('refuses empty, binary and old .xls files with a clear reason', async () => {
    const t = await openIoCore();
    const reason = async (bytes: Uint8Array | string) => (await t.failure('io.previewImport', { token: await chooseBytes(t, 'f', bytes) })).details?.issues?.[0]?.key;
    expect(await reason('')).toBe('io.fileEmpty');
    expect(await reason('\n;;\n\n')).toBe('io.fileEmpty');
    expect(await reason(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('io.xlsUnsupported');
    expect(await reason(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toBe('io.fileUnreadable');
    expect(await reason(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('io.fileUnreadable');
  });

  it('keeps the bytes it was shown: the import reads the same file even if it changed on disk', async () => {
    const t = await openIoCore();
    const path = join(tempDir(), 'x.csv');
    writeFileSync(path, 'Prénom;Nom\nMarie;Curie\n');
    const token = await choosePath(t, path);
    writeFileSync(path, 'Prénom;Nom\nPierre;Curie\n');
    await t.call('io.runImport', { token });
    expect(await names(t)).toEqual(['Marie Curie']);
  });
});

describe('import', () => {
  const BAD = [
    'Prénom;Nom;E-mail;Ville;Année de naissance',
    'Élise;Fernández;elise@example.org;Besançon;1990',
    'Bruno;Ça;pas-bon;Lyon;1980',
    'Clément;Éluard;clement@example.org;Nîmes;1850',
    ';Personne;;Paris;',
    'Françoise;Ménard;francoise@example.org;Orléans;',
  ].join('\r\n');

  it('all or nothing: one invalid row refuses the whole import, changes nothing, and says why row by row', async () => {
    const t = await openIoCore();
    const token = await chooseBytes(t, 'bad.csv', cp1252(BAD));
    const before = dumpTables(t.file);
    const error = await t.failure('io.runImport', { token });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.invalidRows).toBe(3);
    expectIssue(error, ['rows', 3, 'email'], 'email');
    expectIssue(error, ['rows', 4, 'birthYear'], 'birthYear');
    expectIssue(error, ['rows', 5, 'firstName'], 'required');
    expect(dumpTables(t.file)).toEqual(before);
  });

  it('with the invalid rows left out, writes the others with their accents, searchable without them', async () => {
    const t = await openIoCore();
    const token = await chooseBytes(t, 'bad.csv', cp1252(BAD));
    expect(await t.call('io.runImport', { token, invalidRows: 'skip' })).toEqual({ created: 2, merged: 0, skippedDuplicates: 0, skippedInvalid: 3 });
    expect(await names(t)).toEqual(['Élise Fernández', 'Françoise Ménard']);
    expect(await names(t, 'fernandez besancon')).toEqual(['Élise Fernández']);
    expect(await names(t, 'francoise')).toEqual(['Françoise Ménard']);
    const v = await t.call('volunteers.get', { id: (await t.call('volunteers.list', { query: 'menard' })).rows[0]!.id });
    expect(v.history).toEqual([expect.objectContaining({ kind: 'created', detail: { status: 'active', source: 'import' } })]);
  });

  it('stores a row exactly as volunteers.create stores the same data (every column, index, skills, custom values)', async () => {
    const a = await openIoCore();
    const b = await openIoCore();
    for (const t of [a, b]) {
      await t.call('settings.saveCustomField', { label: 'Pointure', type: 'number' });
      await t.call('settings.saveCustomField', { label: 'T-shirt', type: 'choice', options: ['S', 'M', 'L'] });
    }
    const skills = await a.call('volunteers.listSkills');
    const listening = skills.find((s) => s.key === 'active_listening')!.id;
    const driving = skills.find((s) => s.key === 'driving')!.id;
    const fields = (await a.call('settings.get')).customFields;
    await a.call('volunteers.create', {
      firstName: 'Hélène', lastName: 'Dupré', email: 'helene@example.org', phone: '06 12 34 56 78', addressLine: '12 rue des Tanneurs',
      postalCode: '69003', city: 'Lyon', country: 'France', birthYear: 1975, joinedOn: '2019-09-01', status: 'paused', statusSince: '2024-01-15',
      statusReason: 'Déménagement', roles: ['volunteer', 'board'], skills: [{ skillId: listening, level: 3 }, { skillId: driving, level: 1 }],
      interests: ['jardinage', 'lecture'], languages: ['français', 'anglais'], availability: ['mon.evening', 'sat.morning'], preferredFormat: 'remote',
      emergencyName: 'Paul Dupré', emergencyPhone: '06 98 76 54 32', emergencyRelation: 'frère', notes: 'Première ligne\nseconde',
      consentOn: '2019-09-01', consentBasis: 'membership', photoConsent: true, confidentialitySignedOn: '2019-09-02',
      customValues: { [String(fields[0]!.id)]: 42, [String(fields[1]!.id)]: 'M' },
    });
    const csv = [
      'Prénom;Nom;E-mail;Téléphone;Adresse;Code postal;Ville;Pays;Année de naissance;Date d’arrivée;Statut;Date du statut;Motif du statut;Rôles;Compétences;Centres d’intérêt;Langues parlées;Disponibilités;Format préféré;Personne à prévenir;Téléphone de la personne à prévenir;Lien avec la personne à prévenir;Notes;Consentement recueilli le;Base légale;Accepte d’apparaître sur les photos;Engagement de confidentialité signé le;Pointure;T-shirt',
      'Hélène;Dupré;helene@example.org;06 12 34 56 78;12 rue des Tanneurs;69003;Lyon;France;1975;01/09/2019;En pause;15/01/2024;Déménagement;"Bénévole\nMembre du bureau";"Écoute active (Expert)\nConduite (Débutant)";"jardinage\nlecture";"français\nanglais";"lundi soir\nsamedi matin";À distance;Paul Dupré;06 98 76 54 32;frère;"Première ligne\nseconde";01/09/2019;Adhésion à l’association;Oui;02/09/2019;42;M',
    ].join('\r\n');
    const p = await preview(b, await chooseBytes(b, 'one.csv', csv));
    expect(p.preset).toBe('relais');
    expect(p.issues).toEqual([]);
    await b.call('io.runImport', { token: await chooseBytes(b, 'one.csv', csv) });
    const strip = (dump: Record<string, unknown[]>) => {
      const { volunteer_history: _h, ...rest } = dump;
      return JSON.parse(JSON.stringify(rest, (k, v) => (['created_at', 'updated_at', 'at'].includes(k) ? undefined : v)));
    };
    expect(strip(dumpTables(b.file))).toEqual(strip(dumpTables(a.file)));
  });
});

describe('duplicates', () => {
  async function withExisting() {
    const t = await openIoCore();
    const existing = await t.call('volunteers.create', {
      firstName: 'Agnès', lastName: 'Varda', email: 'agnes@example.org', phone: '01 00 00 00 00', postalCode: '75014', city: 'Paris', joinedOn: '2015-05-05', notes: 'Garder',
    });
    const csv = [
      'Prénom;Nom;E-mail;Téléphone;Code postal;Ville;Notes',
      'Agnès;Varda;AGNES@example.org;06 11 11 11 11;;;',
      'agnes;VARDA;;;75 014;;Autre note',
      'Jacques;Demy;jacques@example.org;;44000;Nantes;',
      'Jacques;Demy;jacques@example.org;02 40 00 00 00;;;',
    ].join('\n');
    return { t, existing, csv };
  }

  it('skip: the people already there (same email, or same name and postal code) and a second listing are left out', async () => {
    const { t, csv } = await withExisting();
    const token = await chooseBytes(t, 'd.csv', csv);
    const p = await preview(t, token, { duplicates: 'skip' });
    expect(p.rows.map((r) => [r.rowNumber, r.action, r.duplicate?.reason ?? null, r.duplicate?.rowNumber ?? null])).toEqual([
      [2, 'skip', 'email', null],
      [3, 'skip', 'nameAndPostalCode', null],
      [4, 'create', null, null],
      [5, 'skip', 'email', 4],
    ]);
    expect(await t.call('io.runImport', { token })).toEqual({ created: 1, merged: 0, skippedDuplicates: 3, skippedInvalid: 0 });
    expect(await names(t)).toEqual(['Agnès Varda', 'Jacques Demy']);
  });

  it('merge: filled cells update the record, empty ones keep what it had; a second listing completes the first', async () => {
    const { t, existing, csv } = await withExisting();
    const token = await chooseBytes(t, 'd.csv', csv);
    const p = await preview(t, token, { duplicates: 'merge' });
    expect(p.counts).toMatchObject({ create: 1, merge: 3, skip: 0, invalid: 0 });
    expect(await t.call('io.runImport', { token, duplicates: 'merge' })).toEqual({ created: 1, merged: 3, skippedDuplicates: 0, skippedInvalid: 0 });
    const agnes = await t.call('volunteers.get', { id: existing.id });
    expect(agnes).toMatchObject({
      firstName: 'agnes', lastName: 'VARDA', email: 'AGNES@example.org', phone: '06 11 11 11 11', postalCode: '75 014', city: 'Paris', notes: 'Autre note', joinedOn: '2015-05-05',
    });
    expect(agnes.history[0]).toMatchObject({ kind: 'updated', detail: { source: 'import' } });
    const jacques = (await t.call('volunteers.list', { query: 'demy' })).rows;
    expect(jacques).toHaveLength(1);
    expect(await t.call('volunteers.get', { id: jacques[0]!.id })).toMatchObject({ phone: '02 40 00 00 00', postalCode: '44000', city: 'Nantes' });
    expect(await names(t, 'varda')).toEqual(['agnes VARDA']);
  });

  it('create: everyone is added, duplicates still shown', async () => {
    const { t, csv } = await withExisting();
    const token = await chooseBytes(t, 'd.csv', csv);
    const p = await preview(t, token, { duplicates: 'create' });
    expect(p.counts).toMatchObject({ create: 4, duplicates: 3 });
    await t.call('io.runImport', { token, duplicates: 'create' });
    expect(countRows(t.file).volunteers).toBe(5);
  });
});

describe('the import of a whole file at once', () => {
  it('is one transaction: an error while writing leaves the registry as it was', async () => {
    const t = await openIoCore();
    const lines = ['Prénom;Nom;Ville'];
    for (let i = 0; i < 50; i++) lines.push(`P${i};N${i};Lyon`);
    const token = await chooseBytes(t, 'x.csv', lines.join('\n'));
    const before = dumpTables(t.file);
    // A trigger makes the 30th insert fail, as a full disk or a bug would.
    const { default: Database } = await import('better-sqlite3');
    const side = new Database(t.file);
    side.exec("CREATE TRIGGER fail_30 BEFORE INSERT ON volunteers WHEN NEW.first_name = 'P29' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    side.close();
    expect((await t.failure('io.runImport', { token })).code).toBe('INTERNAL');
    const after = dumpTables(t.file);
    expect(after.volunteers).toEqual(before.volunteers);
    expect(after.volunteers_fts).toEqual(before.volunteers_fts);
    expect(after.volunteer_history).toEqual(before.volunteer_history);
  });
});

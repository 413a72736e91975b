import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, volunteerInput, type AssociationInput } from '../../../shared/api';
import { buildVolunteer, countRows, dumpTables, expectIssue, openTestCore, sha256, toInput, withReadonly, type TestCore } from './helpers';

/** A real 1×1 PNG. */
const TINY_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const dataUrl = (mime: string, bytes: Buffer) => `data:${mime};base64,${bytes.toString('base64')}`;
/** A PNG-signed payload of exactly `size` bytes. */
const pngOfSize = (size: number) => dataUrl('image/png', Buffer.concat([PNG_SIGNATURE, Buffer.alloc(size - PNG_SIGNATURE.length, 7)]));

const associationRows = (file: string) => withReadonly(file, (db) => db.prepare('SELECT * FROM association').all());

describe('settings.get', () => {
  it('on a new folder: no language, no association, real mode', async () => {
    const t = await openTestCore();
    expect(await t.call('settings.get')).toEqual({ language: null, association: null, customFields: [], mode: 'real', dataDir: t.dataDir, weeklyHourCap: 10, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' });
  });
});

describe('language', () => {
  it('persists across close and reopen', async () => {
    const t = await openTestCore();
    expect((await t.call('settings.setLanguage', { language: 'fr' })).language).toBe('fr');
    const again = await t.reopen();
    expect((await again.call('settings.get')).language).toBe('fr');
    await again.call('settings.setLanguage', { language: 'en' });
    const third = await again.reopen();
    expect((await third.call('settings.get')).language).toBe('en');
    await third.close();
  });

  it('an unknown language is refused and nothing is written', async () => {
    const t = await openTestCore();
    await t.call('settings.setLanguage', { language: 'fr' });
    const error = await t.failure('settings.setLanguage', { language: 'es' });
    expectIssue(error, ['language'], 'invalidChoice');
    expect((await t.call('settings.get')).language).toBe('fr');
  });
});

describe('association identity', () => {
  const full: AssociationInput = {
    name: '  Les Amis du Quartier ',
    addressLine: '3 place de la Mairie',
    postalCode: '44000',
    city: 'Nantes',
    rna: 'w442001234',
    siret: '123 456 789 00012',
    logo: TINY_PNG,
    signatoryName: 'Claire Fontaine',
    signatoryTitle: 'Présidente',
  };

  it('saves and answers the identity (trimmed, RNA upper-cased, SIRET without spaces)', async () => {
    const t = await openTestCore();
    const view = await t.call('settings.saveAssociation', full);
    expect(view.association).toEqual({
      name: 'Les Amis du Quartier',
      addressLine: '3 place de la Mairie',
      postalCode: '44000',
      city: 'Nantes',
      rna: 'W442001234',
      siret: '12345678900012',
      logo: TINY_PNG,
      signatoryName: 'Claire Fontaine',
      signatoryTitle: 'Présidente',
    });
    expect((await t.call('settings.get')).association).toEqual(view.association);
    const next = await t.call('settings.saveAssociation', { name: 'Les Amis', logo: null, rna: '', siret: '' });
    expect(next.association).toMatchObject({ name: 'Les Amis', logo: null, rna: null, siret: null, city: null });
    expect(associationRows(t.file)).toHaveLength(1);
  });

  it('accepts JPEG and WebP logos that are what they claim', async () => {
    const t = await openTestCore();
    const jpeg = dataUrl('image/jpeg', Buffer.concat([JPEG_START, Buffer.alloc(64)]));
    expect((await t.call('settings.saveAssociation', { name: 'A', logo: jpeg })).association?.logo).toBe(jpeg);
    const webp = dataUrl('image/webp', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(32)]));
    expect((await t.call('settings.saveAssociation', { name: 'A', logo: webp })).association?.logo).toBe(webp);
  });

  it('accepts a logo of exactly the maximum size', async () => {
    const t = await openTestCore();
    const logo = pngOfSize(LOGO_MAX_BYTES);
    expect((await t.call('settings.saveAssociation', { name: 'A', logo })).association?.logo).toBe(logo);
  });

  const refusals: { label: string; input: unknown; path: string[]; key: string }[] = [
    { label: 'an empty name', input: { ...full, name: '' }, path: ['name'], key: 'required' },
    { label: 'a blank name', input: { ...full, name: '   ' }, path: ['name'], key: 'required' },
    { label: 'an RNA without W', input: { ...full, rna: '442001234' }, path: ['rna'], key: 'rna' },
    { label: 'an RNA too short', input: { ...full, rna: 'W4420' }, path: ['rna'], key: 'rna' },
    { label: 'a SIRET of 13 digits', input: { ...full, siret: '1234567890001' }, path: ['siret'], key: 'siret' },
    { label: 'a SIRET with letters', input: { ...full, siret: '1234567890001A' }, path: ['siret'], key: 'siret' },
    { label: 'an SVG logo', input: { ...full, logo: dataUrl('image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')) }, path: ['logo'], key: 'logoFormat' },
    { label: 'a “PNG” that is JPEG bytes', input: { ...full, logo: dataUrl('image/png', Buffer.concat([JPEG_START, Buffer.alloc(64)])) }, path: ['logo'], key: 'logoFormat' },
    { label: 'a “JPEG” that is PNG bytes', input: { ...full, logo: TINY_PNG.replace('image/png', 'image/jpeg') }, path: ['logo'], key: 'logoFormat' },
    { label: 'an empty PNG', input: { ...full, logo: 'data:image/png;base64,' }, path: ['logo'], key: 'logoFormat' },
    { label: 'a logo that is a file path', input: { ...full, logo: '/home/claire/logo.png' }, path: ['logo'], key: 'logoFormat' },
    { label: 'a logo over 2 MB', input: { ...full, logo: pngOfSize(LOGO_MAX_BYTES + 64 * 1024) }, path: ['logo'], key: 'logoTooBig' },
    { label: 'an unknown field', input: { ...full, website: 'https://example.org' }, path: ['website'], key: 'unknownField' },
  ];

  for (const r of refusals) {
    it(`refuses ${r.label} and writes nothing`, async () => {
      const t = await openTestCore();
      // Once on a new folder, once over a saved identity that must stay as it was.
      expectIssue(await t.failure('settings.saveAssociation', r.input), r.path, r.key);
      expect(associationRows(t.file)).toEqual([]);
      await t.call('settings.saveAssociation', { name: 'Avant', siret: '12345678900012' });
      const before = associationRows(t.file);
      expectIssue(await t.failure('settings.saveAssociation', r.input), r.path, r.key);
      expect(associationRows(t.file)).toEqual(before);
      expect((await t.call('settings.get')).association).toMatchObject({ name: 'Avant', siret: '12345678900012' });
    });
  }
});

describe('custom fields', () => {
  it('creates each type, in order, keeping options only for choices', async () => {
    const t = await openTestCore();
    const made = [];
    for (const type of ['text', 'number', 'date', 'boolean'] as const) made.push(await t.call('settings.saveCustomField', { label: `Champ ${type}`, type, options: ['ignored'] }));
    made.push(await t.call('settings.saveCustomField', { label: 'T-shirt', type: 'choice', options: ['S', ' M ', 'S', 'L'] }));
    expect(made.map((f) => [f.type, f.position, f.options, f.archived])).toEqual([
      ['text', 1, [], false],
      ['number', 2, [], false],
      ['date', 3, [], false],
      ['boolean', 4, [], false],
      ['choice', 5, ['S', 'M', 'L'], false],
    ]);
    expect((await t.call('settings.get')).customFields).toEqual(made);
  });

  it('a choice without options is refused and nothing is written', async () => {
    const t = await openTestCore();
    const before = countRows(t.file);
    expectIssue(await t.failure('settings.saveCustomField', { label: 'T-shirt', type: 'choice', options: [] }), ['options'], 'choiceNeedsOptions');
    expectIssue(await t.failure('settings.saveCustomField', { label: 'T-shirt', type: 'choice' }), ['options'], 'choiceNeedsOptions');
    expectIssue(await t.failure('settings.saveCustomField', { label: '', type: 'text' }), ['label'], 'required');
    expect(countRows(t.file)).toEqual(before);
  });

  it('changes type freely while no volunteer has a value, then refuses (typeLocked)', async () => {
    const t = await openTestCore();
    const f = await t.call('settings.saveCustomField', { label: 'Taille', type: 'text' });
    const asNumber = await t.call('settings.saveCustomField', { id: f.id, label: 'Taille', type: 'number' });
    expect(asNumber).toMatchObject({ id: f.id, type: 'number', position: f.position });
    await t.call('volunteers.create', buildVolunteer({ customValues: { [f.id]: 172 } }));
    const before = dumpTables(t.file);
    expectIssue(await t.failure('settings.saveCustomField', { id: f.id, label: 'Taille', type: 'text' }), ['type'], 'typeLocked');
    expect(dumpTables(t.file)).toEqual(before);
    // The label may still change.
    expect(await t.call('settings.saveCustomField', { id: f.id, label: 'Taille (cm)', type: 'number' })).toMatchObject({ label: 'Taille (cm)', type: 'number' });
  });

  it('archives and restores a field; a missing field is NOT_FOUND', async () => {
    const t = await openTestCore();
    const f = await t.call('settings.saveCustomField', { label: 'Ancien', type: 'boolean' });
    expect(await t.call('settings.archiveCustomField', { id: f.id, archived: true })).toMatchObject({ id: f.id, archived: true });
    expect((await t.call('settings.get')).customFields).toMatchObject([{ id: f.id, archived: true }]);
    expect(await t.call('settings.archiveCustomField', { id: f.id, archived: false })).toMatchObject({ archived: false });
    const before = countRows(t.file);
    expect((await t.failure('settings.archiveCustomField', { id: 999, archived: true })).code).toBe('NOT_FOUND');
    expect((await t.failure('settings.saveCustomField', { id: 999, label: 'X', type: 'text' })).code).toBe('NOT_FOUND');
    expect(countRows(t.file)).toEqual(before);
  });
});

describe('demo mode', () => {
  const DEMO = 40;

  /** A real folder with a little data of its own. */
  async function realFolder(): Promise<TestCore> {
    const t = await openTestCore({ demoSize: DEMO });
    await t.call('settings.saveAssociation', { name: 'La Vraie Association', city: 'Brest' });
    const f = await t.call('settings.saveCustomField', { label: 'Pointure', type: 'number' });
    await t.call('volunteers.create', buildVolunteer({ firstName: 'Réelle', lastName: 'Personne', customValues: { [f.id]: 39 } }));
    return t;
  }

  it('opens a generated sample: demo mode, volunteers listed, association filled', async () => {
    const t = await realFolder();
    const view = await t.call('settings.openDemo');
    expect(view.mode).toBe('demo');
    expect(view.association?.name).toBe('Les Relais Solidaires (exemple)');
    expect(view.customFields).toEqual([]);
    const listed = await t.call('volunteers.list', { filters: { archived: 'include' }, limit: 500 });
    expect(listed.total).toBe(DEMO);
    expect(listed.rows.map((r) => r.firstName)).not.toContain('Réelle');
    expect((await t.call('volunteers.list', { query: 'reelle' })).total).toBe(0);
    // The sample is searchable like real data.
    const someone = listed.rows[0]!;
    expect((await t.call('volunteers.list', { query: someone.lastName })).rows.map((r) => r.id)).toContain(someone.id);
  });

  it('generates records the contract accepts back as they are', async () => {
    const t = await openTestCore({ demoSize: DEMO });
    await t.call('settings.openDemo');
    const { rows } = await t.call('volunteers.list', { filters: { archived: 'include' }, limit: 500 });
    const rejected: string[] = [];
    for (const row of rows) {
      const v = await t.call('volunteers.get', { id: row.id }); // output checked against the contract
      const parsed = volunteerInput.safeParse(toInput(v));
      if (!parsed.success) rejected.push(`${row.id}: ${JSON.stringify(parsed.error.issues.map((i) => i.path.join('.')))}`);
      expect(v.history.map((h) => h.kind)).toEqual(['created']);
    }
    expect(rejected).toEqual([]);
  });

  it('writes in demo mode go to the sample file only; closing returns the real data untouched', async () => {
    const t = await realFolder();
    const realBefore = dumpTables(t.file);
    await t.call('settings.openDemo');
    const made = await t.call('volunteers.create', buildVolunteer({ firstName: 'Zébulon', lastName: 'Démo' }));
    const someone = (await t.call('volunteers.list', {})).rows[0]!;
    await t.call('volunteers.archive', { id: someone.id });
    await t.call('settings.saveAssociation', { name: 'Essai' });
    await t.call('settings.saveCustomField', { label: 'Essai', type: 'text' });
    await t.call('volunteers.saveSkill', { name: 'Jonglage', category: 'other' });
    expect(dumpTables(t.file)).toEqual(realBefore);

    const view = await t.call('settings.closeDemo');
    expect(view).toMatchObject({ mode: 'real', association: { name: 'La Vraie Association' } });
    expect(view.customFields.map((f) => f.label)).toEqual(['Pointure']);
    expect((await t.call('volunteers.list', {})).rows.map((r) => r.firstName)).toEqual(['Réelle']);
    expect((await t.call('volunteers.list', { query: 'zebulon' })).total).toBe(0);
    expect(dumpTables(t.file)).toEqual(realBefore);
    // What was tried is in the sample file, not lost in the real one.
    const demoFile = join(t.dataDir, 'demo', 'relais-demo.sqlite');
    expect(existsSync(demoFile)).toBe(true);
    withReadonly(demoFile, (db) => expect(db.prepare('SELECT first_name FROM volunteers WHERE id = ?').get(made.id)).toEqual({ first_name: 'Zébulon' }));
  });

  it('the real file keeps the very same bytes through a demo session', async () => {
    const t = await realFolder();
    await t.close();
    const before = sha256(t.file);
    const again = await openTestCore({ dataDir: t.dataDir, demoSize: DEMO });
    await again.call('settings.openDemo');
    await again.call('volunteers.create', buildVolunteer({ firstName: 'Zébulon' }));
    await again.call('settings.saveAssociation', { name: 'Essai' });
    await again.call('settings.closeDemo');
    await again.close();
    expect(sha256(t.file)).toBe(before);
  });

  it('the language chosen in demo mode is kept in the real database', async () => {
    const t = await realFolder();
    await t.call('settings.setLanguage', { language: 'en' });
    await t.call('settings.openDemo');
    expect((await t.call('settings.get')).language).toBe('en');
    expect((await t.call('settings.setLanguage', { language: 'fr' })).language).toBe('fr');
    expect((await t.call('settings.closeDemo')).language).toBe('fr');
    withReadonly(t.file, (db) => expect(db.prepare("SELECT value FROM settings WHERE key = 'language'").get()).toEqual({ value: '"fr"' }));
    const again = await t.reopen();
    expect(await again.call('settings.get')).toMatchObject({ language: 'fr', mode: 'real' });
    await again.close();
  });

  it('reopening the demo regenerates a fresh sample', async () => {
    const t = await openTestCore({ demoSize: DEMO });
    await t.call('settings.openDemo');
    await t.call('volunteers.create', buildVolunteer({ firstName: 'Zébulon' }));
    expect((await t.call('volunteers.list', { query: 'zebulon' })).total).toBe(1);
    // Again while in demo mode…
    expect((await t.call('settings.openDemo')).mode).toBe('demo');
    expect((await t.call('volunteers.list', { query: 'zebulon' })).total).toBe(0);
    expect((await t.call('volunteers.list', {})).total).toBeGreaterThan(0);
    expect((await t.call('volunteers.list', { filters: { archived: 'include' } })).total).toBe(DEMO);
    // …and after leaving it.
    await t.call('volunteers.create', buildVolunteer({ firstName: 'Zébulon' }));
    await t.call('settings.closeDemo');
    await t.call('settings.openDemo');
    expect((await t.call('volunteers.list', { query: 'zebulon' })).total).toBe(0);
    expect((await t.call('volunteers.list', { filters: { archived: 'include' } })).total).toBe(DEMO);
  });

  it('closing the demo when not in it is harmless; closing core in demo mode reopens in real mode', async () => {
    const t = await realFolder();
    const before = dumpTables(t.file);
    expect((await t.call('settings.closeDemo')).mode).toBe('real');
    await t.call('settings.openDemo');
    const again = await t.reopen();
    expect(await again.call('settings.get')).toMatchObject({ mode: 'real', association: { name: 'La Vraie Association' } });
    await again.close();
    expect(dumpTables(t.file)).toEqual(before);
  });
});

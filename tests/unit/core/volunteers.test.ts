import { describe, expect, it } from 'vitest';
import { SEEDED_SKILLS } from '../../../electron/core/volunteers/skill-catalogue';
import type { Output, VolunteerInput } from '../../../shared/api';
import { resources } from '../../../shared/i18n';
import { buildVolunteer, countRows, expectFailure, expectIssue, openTestCore, toInput, withReadonly, type TestCore } from './helpers';

type Volunteer = Output<'volunteers.get'>;

async function skillId(t: TestCore, key: string): Promise<number> {
  const skills = await t.call('volunteers.listSkills', { includeArchived: true });
  const found = skills.find((s) => s.key === key);
  if (!found) throw new Error(`no seeded skill ${key}`);
  return found.id;
}

const create = (t: TestCore, overrides: Partial<VolunteerInput> = {}) => t.call('volunteers.create', buildVolunteer(overrides));
const list = (t: TestCore, input: object = {}) => t.call('volunteers.list', input as never);
const names = async (t: TestCore, input: object) => (await t.call('volunteers.list', input as never)).rows.map((r) => r.firstName);
const ids = async (t: TestCore, query: string) => (await t.call('volunteers.list', { query })).rows.map((r) => r.id);

describe('create and get', () => {
  it('get returns every field as entered, with a created history entry', async () => {
    const t = await openTestCore();
    const text = await t.call('settings.saveCustomField', { label: 'Pointure', type: 'text' });
    const num = await t.call('settings.saveCustomField', { label: 'Places en voiture', type: 'number' });
    const date = await t.call('settings.saveCustomField', { label: 'Formation initiale', type: 'date' });
    const bool = await t.call('settings.saveCustomField', { label: 'Permis B', type: 'boolean' });
    const choice = await t.call('settings.saveCustomField', { label: 'T-shirt', type: 'choice', options: ['S', 'M', 'L'] });
    const listening = await skillId(t, 'active_listening');
    const driving = await skillId(t, 'driving');
    const input: VolunteerInput = {
      firstName: 'Hélène',
      lastName: 'Dupré',
      email: 'helene.dupre@exemple.fr',
      phone: '06 12 34 56 78',
      addressLine: '12 rue des Tanneurs',
      postalCode: '69003',
      city: 'Lyon',
      country: 'France',
      birthYear: 1975,
      joinedOn: '2021-09-15',
      status: 'paused',
      statusSince: '2026-01-10',
      statusReason: 'déménagement',
      roles: ['facilitator', 'volunteer', 'board'],
      skills: [
        { skillId: listening, level: 3 },
        { skillId: driving, level: 1 },
      ],
      interests: ['jardinage', 'écoute'],
      languages: ['français', 'anglais'],
      availability: ['mon.evening', 'sat.morning', 'wed.afternoon'],
      preferredFormat: 'remote',
      emergencyName: 'Paul Dupré',
      emergencyPhone: '+33 4 78 00 00 00',
      emergencyRelation: 'conjoint',
      notes: 'Préfère être contactée le soir.',
      consentOn: '2021-09-15',
      consentBasis: 'consent',
      photoConsent: true,
      confidentialitySignedOn: '2021-09-20',
      customValues: { [text.id]: '38', [num.id]: 3, [date.id]: '2021-10-02', [bool.id]: true, [choice.id]: 'M' },
    };
    const created = await t.call('volunteers.create', input);
    const got = await t.call('volunteers.get', { id: created.id });
    expect(got).toEqual(created);
    expect(got).toMatchObject({
      ...input,
      roles: ['volunteer', 'facilitator', 'board'],
      skills: expect.arrayContaining([
        { skillId: listening, level: 3, key: 'active_listening', name: null, category: 'listening' },
        { skillId: driving, level: 1, key: 'driving', name: null, category: 'logistics' },
      ]),
      availability: expect.arrayContaining(['mon.evening', 'sat.morning', 'wed.afternoon']),
      customValues: { [text.id]: '38', [num.id]: 3, [date.id]: '2021-10-02', [bool.id]: true, [choice.id]: 'M' },
      archivedAt: null,
    });
    expect(got.skills).toHaveLength(2);
    expect(got.availability).toHaveLength(3);
    expect(got.history).toEqual([{ at: got.createdAt, kind: 'created', detail: { status: 'paused' } }]);
    expect(Date.parse(got.createdAt)).not.toBeNaN();
  });

  it('fills defaults, trims text and turns blanks into null', async () => {
    const t = await openTestCore();
    const v = await t.call('volunteers.create', { firstName: '  Léa ', lastName: ' Roux  ', joinedOn: '2024-03-01', email: '  ', city: '', notes: '   ' });
    expect(v).toMatchObject({
      firstName: 'Léa',
      lastName: 'Roux',
      email: null,
      city: null,
      notes: null,
      status: 'active',
      roles: ['volunteer'],
      preferredFormat: 'both',
      skills: [],
      availability: [],
      interests: [],
      photoConsent: false,
      customValues: {},
    });
  });

  it('get of a missing id is NOT_FOUND', async () => {
    const t = await openTestCore();
    expect(await t.failure('volunteers.get', { id: 424242 })).toEqual({ code: 'NOT_FOUND', details: { id: 424242 } });
  });
});

describe('update and history', () => {
  it("records 'updated' with the names of the changed fields", async () => {
    const t = await openTestCore();
    const v = await create(t, { email: 'a@exemple.fr', city: 'Lyon' });
    const updated = await t.call('volunteers.update', { id: v.id, data: { ...toInput(v), email: 'b@exemple.fr', city: 'Nantes', roles: ['volunteer', 'board'] } });
    expect(updated).toMatchObject({ email: 'b@exemple.fr', city: 'Nantes', roles: ['volunteer', 'board'] });
    expect(updated.history.map((h) => h.kind)).toEqual(['updated', 'created']);
    expect((updated.history[0]!.detail.fields as string[]).slice().sort()).toEqual(['city', 'email', 'roles']);
    expect(updated.updatedAt >= v.updatedAt).toBe(true);
  });

  it("records 'status' with from/to (and no 'updated' when only the status changed)", async () => {
    const t = await openTestCore();
    const v = await create(t);
    const paused = await t.call('volunteers.update', {
      id: v.id,
      data: { ...toInput(v), status: 'paused', statusSince: '2026-02-01', statusReason: 'santé' },
    });
    expect(paused.history[0]).toMatchObject({ kind: 'status', detail: { from: 'active', to: 'paused', since: '2026-02-01', reason: 'santé' } });
    expect(paused.history.map((h) => h.kind)).toEqual(['status', 'created']);
    const left = await t.call('volunteers.update', { id: v.id, data: { ...toInput(paused), status: 'left', statusSince: '2026-06-01', city: 'Brest' } });
    expect(left.history.map((h) => h.kind).sort()).toEqual(['created', 'status', 'status', 'updated']);
    expect(left.history.find((h) => h.kind === 'status' && h.detail.to === 'left')?.detail).toMatchObject({ from: 'paused', to: 'left' });
    expect(left.history.find((h) => h.kind === 'updated')?.detail).toEqual({ fields: ['city'] });
  });

  it('saving an unchanged record adds no history', async () => {
    const t = await openTestCore();
    const v = await create(t, { roles: ['volunteer', 'board'], availability: ['mon.morning', 'tue.evening'], skills: [{ skillId: 1, level: 2 }] });
    const again = await t.call('volunteers.update', { id: v.id, data: toInput(v) });
    expect(again.history).toHaveLength(1);
    expect(again.updatedAt).toBe(v.updatedAt);
  });

  it('saving the same sets (roles, slots) in another order is not a change', async () => {
    const t = await openTestCore();
    const v = await create(t, { roles: ['volunteer', 'board'], availability: ['mon.morning', 'tue.evening'] });
    const again = await t.call('volunteers.update', {
      id: v.id,
      data: { ...toInput(v), roles: ['board', 'volunteer'], availability: ['tue.evening', 'mon.morning'] },
    });
    expect(again.history.map((h) => ({ kind: h.kind, detail: h.detail }))).toEqual([{ kind: 'created', detail: { status: 'active' } }]);
  });

  it('replaces skills and custom values', async () => {
    const t = await openTestCore();
    const field = await t.call('settings.saveCustomField', { label: 'Pointure', type: 'number' });
    const v = await create(t, { skills: [{ skillId: 1, level: 1 }, { skillId: 2, level: 2 }], customValues: { [field.id]: 40 } });
    const u = await t.call('volunteers.update', { id: v.id, data: { ...toInput(v), skills: [{ skillId: 2, level: 3 }], customValues: { [field.id]: null } } });
    expect(u.skills.map((s) => [s.skillId, s.level])).toEqual([[2, 3]]);
    expect(u.customValues).toEqual({});
    withReadonly(t.file, (db) => {
      expect(db.prepare('SELECT skill_id, level FROM volunteer_skills WHERE volunteer_id = ?').all(v.id)).toEqual([{ skill_id: 2, level: 3 }]);
      expect(db.prepare('SELECT count(*) AS n FROM volunteer_custom_values WHERE volunteer_id = ?').get(v.id)).toEqual({ n: 0 });
    });
  });
});

describe('archive and unarchive', () => {
  it('hides from the default list, shows with archived only/include, and records history', async () => {
    const t = await openTestCore();
    const kept = await create(t, { firstName: 'Kept' });
    const gone = await create(t, { firstName: 'Gone' });
    const archived = await t.call('volunteers.archive', { id: gone.id });
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.history.map((h) => h.kind)).toEqual(['archived', 'created']);

    expect(await list(t)).toMatchObject({ total: 1, rows: [{ id: kept.id, archived: false }] });
    expect(await list(t, { filters: { archived: 'only' } })).toMatchObject({ total: 1, rows: [{ id: gone.id, archived: true }] });
    const all = await list(t, { filters: { archived: 'include' } });
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => [r.firstName, r.archived]).sort()).toEqual([['Gone', true], ['Kept', false]]);
    // Still found by search when archived records are asked for, never when hidden.
    expect(await ids(t, 'gone')).toEqual([]);
    expect((await list(t, { query: 'gone', filters: { archived: 'include' } })).rows.map((r) => r.id)).toEqual([gone.id]);

    const twice = await t.call('volunteers.archive', { id: gone.id });
    expect(twice.history.map((h) => h.kind)).toEqual(['archived', 'created']);
    expect(twice.archivedAt).toBe(archived.archivedAt);

    const back = await t.call('volunteers.unarchive', { id: gone.id });
    expect(back.archivedAt).toBeNull();
    expect(back.history.map((h) => h.kind)).toEqual(['unarchived', 'archived', 'created']);
    expect((await list(t)).total).toBe(2);
    const backTwice = await t.call('volunteers.unarchive', { id: gone.id });
    expect(backTwice.history).toHaveLength(3);
  });

  it('archiving a missing id is NOT_FOUND and writes nothing', async () => {
    const t = await openTestCore();
    await create(t);
    const before = countRows(t.file);
    expect((await t.failure('volunteers.archive', { id: 999 })).code).toBe('NOT_FOUND');
    expect((await t.failure('volunteers.unarchive', { id: 999 })).code).toBe('NOT_FOUND');
    expect(countRows(t.file)).toEqual(before);
  });
});

describe('search as you type', () => {
  async function registry() {
    const t = await openTestCore();
    const listening = await skillId(t, 'active_listening');
    const cooking = await skillId(t, 'cooking');
    const helene = await create(t, {
      firstName: 'Hélène',
      lastName: 'Dupré',
      email: 'helene.dupre@exemple.fr',
      phone: '06 12 34 56 78',
      city: 'Saint-Étienne',
      skills: [{ skillId: listening, level: 2 }],
    });
    const john = await create(t, { firstName: 'John', lastName: 'Smith', email: 'john.smith@example.org', phone: '+44 20 7946 0958', city: 'London', skills: [{ skillId: cooking, level: 1 }] });
    const emilie = await create(t, { firstName: 'Émilie', lastName: 'Lefèvre', city: 'Lyon', phone: '07 98 76 54 32' });
    const herve = await create(t, { firstName: 'Hervé', lastName: 'Garnier', city: 'Lyon' });
    return { t, helene, john, emilie, herve, listening };
  }

  it('is accent- and case-insensitive on first and last names', async () => {
    const { t, helene } = await registry();
    for (const q of ['helene', 'HÉLÈNE', 'Hélène', 'hèlene', 'dupre', 'DUPRÉ', 'Dupré', 'helene dupre', 'dupre helene']) {
      expect(await ids(t, q), q).toEqual([helene.id]);
    }
  });

  it('matches by prefix at each keystroke', async () => {
    const { t, helene, herve } = await registry();
    expect((await ids(t, 'h')).sort()).toEqual([helene.id, herve.id].sort());
    expect((await ids(t, 'he')).sort()).toEqual([helene.id, herve.id].sort());
    expect(await ids(t, 'hel')).toEqual([helene.id]);
    expect(await ids(t, 'hele')).toEqual([helene.id]);
    expect(await ids(t, 'helx')).toEqual([]);
    expect(await ids(t, 'elene')).toEqual([]); // prefixes, not substrings
  });

  it('finds by email, phone digits and city', async () => {
    const { t, helene, john, emilie, herve } = await registry();
    expect(await ids(t, 'helene.dupre@exemple.fr')).toEqual([helene.id]);
    expect(await ids(t, 'john.smith')).toEqual([john.id]);
    expect(await ids(t, 'example.org')).toEqual([john.id]);
    expect(await ids(t, '0612')).toEqual([helene.id]);
    expect(await ids(t, '06 12 34')).toEqual([helene.id]);
    expect(await ids(t, '0612345678')).toEqual([helene.id]);
    expect(await ids(t, '0798')).toEqual([emilie.id]);
    expect(await ids(t, '442079')).toEqual([john.id]);
    expect(await ids(t, 'saint-etienne')).toEqual([helene.id]);
    expect(await ids(t, 'ÉTIENNE')).toEqual([helene.id]);
    expect((await ids(t, 'lyon')).sort()).toEqual([emilie.id, herve.id].sort());
    expect(await ids(t, 'lyon herve')).toEqual([herve.id]);
    expect(await ids(t, 'london helene')).toEqual([]);
  });

  it('finds by skill name in French and in English', async () => {
    const { t, helene, john } = await registry();
    const fr = (resources.fr.volunteers as { skills?: Record<string, string> }).skills ?? {};
    const en = (resources.en.volunteers as { skills?: Record<string, string> }).skills ?? {};
    // The catalogue's names come from the volunteers locale files.
    expect(fr.active_listening).toBe('Écoute active');
    expect(en.active_listening).toBe('Active listening');
    for (const q of ['écoute active', 'ecoute', 'Active listening', 'listening']) expect(await ids(t, q), q).toEqual([helene.id]);
    for (const q of ['cuisine', 'cooking']) expect(await ids(t, q), q).toEqual([john.id]);
  });

  it('has a name in both languages for every seeded skill', () => {
    const missing = SEEDED_SKILLS.flatMap((s) =>
      (['fr', 'en'] as const).filter((l) => !(resources[l].volunteers as { skills?: Record<string, string> }).skills?.[s.key]).map((l) => `${l}: skills.${s.key}`),
    );
    expect(missing).toEqual([]);
  });

  it('takes FTS syntax typed by users as plain text, without failing', async () => {
    const { t, helene } = await registry();
    const typed = ['"', '""', '*', '(', ')', '-', '-helene', 'helene*', 'NEAR', 'NEAR(helene dupre)', ':', 'name:helene', 'helene OR john', 'AND', 'NOT helene', '^helene', '+', '{name}', "d'", 'l’écoute', '%', '_', '\\', '[', '@', '. . .', '   ', '🙂', 'a'.repeat(200)];
    for (const q of typed) {
      const result = await t.dispatch('volunteers.list', { query: q });
      expect(result.ok, `query ${JSON.stringify(q)}: ${JSON.stringify(result)}`).toBe(true);
    }
    // Operators are words, not syntax: "-helene" and "^helene" look for Hélène, "NOT helene" looks for "not".
    expect(await ids(t, '-helene')).toEqual([helene.id]);
    expect(await ids(t, '^helene')).toEqual([helene.id]);
    expect(await ids(t, '"helene')).toEqual([helene.id]);
    expect(await ids(t, 'NOT helene')).toEqual([]);
    // Nothing to search for: the whole list.
    expect((await list(t, { query: '"*()' })).total).toBe(4);
  });

  it('finds names holding compatibility characters when typed as shown (ligature ﬁ, fullwidth Ｈ)', async () => {
    const t = await openTestCore();
    // Pasted from a PDF or typed with an East-Asian input method.
    const fiona = await create(t, { firstName: 'ﬁona', lastName: 'Walsh' });
    const hana = await create(t, { firstName: 'Ｈana', lastName: 'Sato' });
    expect(await ids(t, 'ﬁona')).toEqual([fiona.id]);
    expect(await ids(t, 'ﬁo')).toEqual([fiona.id]);
    expect(await ids(t, 'Ｈana')).toEqual([hana.id]);
  });

  it('finds a name word that follows an emoji inside the name (as imported from online forms)', async () => {
    const t = await openTestCore();
    const v = await create(t, { firstName: 'Ana🙂Belle', lastName: 'Roux' });
    expect(await ids(t, 'Ana🙂Belle')).toEqual([v.id]);
    expect(await ids(t, 'belle')).toEqual([v.id]);
  });

  it('letters with a stroke (Ł, Đ, Ø) are found when typed as plain letters', async () => {
    const t = await openTestCore();
    const l = await create(t, { firstName: 'Łukasz', lastName: 'Nowak' });
    const d = await create(t, { firstName: 'Lan', lastName: 'Đặng' });
    const o = await create(t, { firstName: 'Øyvind', lastName: 'Berg' });
    expect(await ids(t, 'lukasz')).toEqual([l.id]);
    expect(await ids(t, 'dang')).toEqual([d.id]);
    expect(await ids(t, 'oyvind')).toEqual([o.id]);
  });

  it('follows renames and new skills (the index is kept up to date)', async () => {
    const { t, helene } = await registry();
    await t.call('volunteers.update', { id: helene.id, data: { ...toInput(helene), lastName: 'Bélanger', email: 'h.belanger@exemple.fr', city: 'Nîmes' } });
    expect(await ids(t, 'dupre')).toEqual([]);
    expect(await ids(t, 'belanger')).toEqual([helene.id]);
    expect(await ids(t, 'nimes')).toEqual([helene.id]);
    expect(await ids(t, 'etienne')).toEqual([]);
    expect(await ids(t, 'helene.dupre')).toEqual([]);
    expect(await ids(t, 'h.belanger')).toEqual([helene.id]);
    withReadonly(t.file, (db) => {
      expect(db.prepare('SELECT count(*) AS n FROM volunteers_fts').get()).toEqual({ n: 4 });
    });
  });
});

describe('filters', () => {
  async function registry() {
    const t = await openTestCore();
    const s = await skillId(t, 'first_aid');
    const ana = await create(t, { firstName: 'Ana', status: 'active', roles: ['volunteer'], preferredFormat: 'remote', availability: ['mon.morning'], skills: [{ skillId: s, level: 1 }] });
    const bea = await create(t, { firstName: 'Béa', status: 'paused', statusSince: '2026-01-01', roles: ['facilitator'], preferredFormat: 'both', availability: ['mon.morning', 'tue.evening'], skills: [{ skillId: s, level: 3 }] });
    const cyr = await create(t, { firstName: 'Cyr', status: 'left', statusSince: '2025-06-01', roles: ['board', 'volunteer'], preferredFormat: 'in_person', availability: ['tue.evening'] });
    const dan = await create(t, { firstName: 'Dan', status: 'active', roles: ['supervisor'], preferredFormat: 'in_person', city: 'Lyon', skills: [{ skillId: s, level: 2 }] });
    return { t, s, ana, bea, cyr, dan };
  }
  const sorted = async (t: TestCore, input: object) => (await names(t, input)).sort();

  it('by status, role, skill with minimum level, slot and format', async () => {
    const { t, s } = await registry();
    expect(await sorted(t, { filters: { statuses: ['active'] } })).toEqual(['Ana', 'Dan']);
    expect(await sorted(t, { filters: { statuses: ['paused', 'left'] } })).toEqual(['Béa', 'Cyr']);
    expect(await sorted(t, { filters: { roles: ['board'] } })).toEqual(['Cyr']);
    expect(await sorted(t, { filters: { roles: ['facilitator', 'supervisor'] } })).toEqual(['Béa', 'Dan']);
    expect(await sorted(t, { filters: { roles: ['volunteer'] } })).toEqual(['Ana', 'Cyr']);
    expect(await sorted(t, { filters: { skillId: s } })).toEqual(['Ana', 'Béa', 'Dan']);
    expect(await sorted(t, { filters: { skillId: s, minLevel: 2 } })).toEqual(['Béa', 'Dan']);
    expect(await sorted(t, { filters: { skillId: s, minLevel: 3 } })).toEqual(['Béa']);
    expect(await sorted(t, { filters: { slot: 'mon.morning' } })).toEqual(['Ana', 'Béa']);
    expect(await sorted(t, { filters: { slot: 'tue.evening' } })).toEqual(['Béa', 'Cyr']);
    expect(await sorted(t, { filters: { slot: 'sun.evening' } })).toEqual([]);
    expect(await sorted(t, { filters: { format: 'remote' } })).toEqual(['Ana', 'Béa']);
    expect(await sorted(t, { filters: { format: 'in_person' } })).toEqual(['Béa', 'Cyr', 'Dan']);
    expect(await sorted(t, { filters: { format: 'both' } })).toEqual(['Béa']);
  });

  it('combine with each other and with the search', async () => {
    const { t, s } = await registry();
    expect(await sorted(t, { filters: { statuses: ['active'], skillId: s, minLevel: 2 } })).toEqual(['Dan']);
    expect(await sorted(t, { filters: { format: 'in_person', slot: 'tue.evening' } })).toEqual(['Béa', 'Cyr']);
    expect(await sorted(t, { query: 'lyon', filters: { statuses: ['active'] } })).toEqual(['Dan']);
    expect(await sorted(t, { query: 'bea', filters: { statuses: ['active'] } })).toEqual([]);
    expect(await sorted(t, { query: 'bea', filters: { format: 'remote' } })).toEqual(['Béa']);
    const r = await list(t, { query: 'a', filters: { roles: ['volunteer'] } });
    expect(r.total).toBe(r.rows.length);
  });
});

describe('sort and windows', () => {
  it('by name, last name first, accents sorting with their letter, in both directions', async () => {
    const t = await openTestCore();
    for (const [first, last] of [['Zoé', 'Zola'], ['Émilie', 'Émile'], ['Anne', 'Durand'], ['Paul', 'Fabre'], ['Léa', 'eber'], ['Agnès', 'Durand']]) {
      await create(t, { firstName: first, lastName: last });
    }
    const asc = (await list(t, { sort: { field: 'name', direction: 'asc' } })).rows.map((r) => r.lastName + ' ' + r.firstName);
    expect(asc).toEqual(['Durand Agnès', 'Durand Anne', 'eber Léa', 'Émile Émilie', 'Fabre Paul', 'Zola Zoé']);
    const desc = (await list(t, { sort: { field: 'name', direction: 'desc' } })).rows.map((r) => r.lastName + ' ' + r.firstName);
    expect(desc).toEqual(asc.slice().reverse());
  });

  it('by name: a capital with a dot (İ) sorts with I', async () => {
    const t = await openTestCore();
    for (const last of ['Isabelle', 'İpek', 'Inès', 'Jacob']) await create(t, { firstName: 'X', lastName: last });
    const asc = (await list(t)).rows.map((r) => r.lastName);
    expect(asc).toEqual(['Inès', 'İpek', 'Isabelle', 'Jacob']);
  });

  it('by joining date in both directions', async () => {
    const t = await openTestCore();
    for (const [n, d] of [['B', '2023-05-01'], ['A', '2021-01-31'], ['C', '2025-12-24']]) await create(t, { firstName: n, joinedOn: d });
    expect(await names(t, { sort: { field: 'joinedOn', direction: 'asc' } })).toEqual(['A', 'B', 'C']);
    expect(await names(t, { sort: { field: 'joinedOn', direction: 'desc' } })).toEqual(['C', 'B', 'A']);
  });

  it('by status in both directions (active, paused, left)', async () => {
    const t = await openTestCore();
    await create(t, { firstName: 'L', status: 'left', statusSince: '2025-01-01' });
    await create(t, { firstName: 'A', status: 'active' });
    await create(t, { firstName: 'P', status: 'paused', statusSince: '2025-01-01' });
    expect(await names(t, { sort: { field: 'status', direction: 'asc' } })).toEqual(['A', 'P', 'L']);
    expect(await names(t, { sort: { field: 'status', direction: 'desc' } })).toEqual(['L', 'P', 'A']);
  });

  it('by city in both directions, accents sorting with their letter, no city last', async () => {
    const t = await openTestCore();
    for (const city of ['Lyon', 'Évry', 'Besançon', 'zurich', null, 'Annecy']) await create(t, { firstName: city ?? '-', city });
    expect((await list(t, { sort: { field: 'city', direction: 'asc' } })).rows.map((r) => r.city)).toEqual(['Annecy', 'Besançon', 'Évry', 'Lyon', 'zurich', null]);
    expect((await list(t, { sort: { field: 'city', direction: 'desc' } })).rows.map((r) => r.city)).toEqual(['zurich', 'Lyon', 'Évry', 'Besançon', 'Annecy', null]);
  });

  it('offset/limit give consecutive windows and the total of the whole match', async () => {
    const t = await openTestCore();
    for (let i = 0; i < 25; i++) await create(t, { firstName: `P${String(i).padStart(2, '0')}`, lastName: 'Window' });
    await create(t, { firstName: 'Other', lastName: 'Person' });
    const all = await list(t, { query: 'window', limit: 500 });
    expect(all.total).toBe(25);
    const pages = [];
    for (const offset of [0, 10, 20]) {
      const page = await list(t, { query: 'window', offset, limit: 10 });
      expect(page.total).toBe(25);
      pages.push(...page.rows);
    }
    expect(pages.map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    expect(new Set(pages.map((r) => r.id)).size).toBe(25);
    expect(await list(t, { query: 'window', offset: 30, limit: 10 })).toEqual({ total: 25, rows: [] });
  });
});

describe('duplicates', () => {
  async function registry() {
    const t = await openTestCore();
    const h = await create(t, { firstName: 'Hélène', lastName: 'Dupré', email: 'Helene.Dupre@Exemple.fr', postalCode: '69003' });
    const o = await create(t, { firstName: 'Omar', lastName: 'Ben Ahmed', postalCode: 'E8 1DY' });
    return { t, h, o };
  }

  it('same email, whatever the case', async () => {
    const { t, h } = await registry();
    expect(await t.call('volunteers.findDuplicates', { email: 'helene.dupre@exemple.FR' })).toEqual([
      { id: h.id, firstName: 'Hélène', lastName: 'Dupré', email: 'Helene.Dupre@Exemple.fr', postalCode: '69003', reason: 'email' },
    ]);
    expect(await t.call('volunteers.findDuplicates', { email: 'other@exemple.fr' })).toEqual([]);
  });

  it('same name (accents and case aside) and same postal code (spaces aside)', async () => {
    const { t, h, o } = await registry();
    expect(await t.call('volunteers.findDuplicates', { firstName: 'helene', lastName: 'DUPRE', postalCode: '69 003' })).toMatchObject([{ id: h.id, reason: 'nameAndPostalCode' }]);
    expect(await t.call('volunteers.findDuplicates', { firstName: 'Omar', lastName: 'Ben Ahmed', postalCode: 'e8 1dy'.toUpperCase() })).toMatchObject([{ id: o.id }]);
    expect(await t.call('volunteers.findDuplicates', { firstName: 'Hélène', lastName: 'Dupré', postalCode: '75011' })).toEqual([]);
    expect(await t.call('volunteers.findDuplicates', { firstName: 'Hélène', lastName: 'Dupré' })).toEqual([]);
  });

  it('a record matching both ways is listed once, and excludeId leaves out the record being edited', async () => {
    const { t, h } = await registry();
    const both = await t.call('volunteers.findDuplicates', { firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@exemple.fr', postalCode: '69003' });
    expect(both).toMatchObject([{ id: h.id, reason: 'email' }]);
    expect(await t.call('volunteers.findDuplicates', { excludeId: h.id, firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@exemple.fr', postalCode: '69003' })).toEqual([]);
  });

  it('ignores the spaces around what is being typed', async () => {
    const { t, h } = await registry();
    expect(await t.call('volunteers.findDuplicates', { firstName: 'Hélène ', lastName: 'Dupré ', postalCode: '69003' })).toMatchObject([{ id: h.id }]);
    expect(await t.call('volunteers.findDuplicates', { email: ' helene.dupre@exemple.fr ' })).toMatchObject([{ id: h.id }]);
  });
});

describe('bad input writes nothing', () => {
  /** A registry with one full record, so every table has rows to keep. */
  async function registry() {
    const t = await openTestCore();
    const num = await t.call('settings.saveCustomField', { label: 'Places', type: 'number' });
    const date = await t.call('settings.saveCustomField', { label: 'Formation', type: 'date' });
    const choice = await t.call('settings.saveCustomField', { label: 'T-shirt', type: 'choice', options: ['S', 'M'] });
    const bool = await t.call('settings.saveCustomField', { label: 'Permis', type: 'boolean' });
    const old = await t.call('settings.saveCustomField', { label: 'Ancien', type: 'text' });
    await t.call('settings.archiveCustomField', { id: old.id, archived: true });
    const retired = await t.call('volunteers.saveSkill', { name: 'Minitel', category: 'technical' });
    await t.call('volunteers.archiveSkill', { id: retired.id, archived: true });
    const existing = await create(t, { firstName: 'Hélène', lastName: 'Dupré', skills: [{ skillId: 1, level: 2 }], customValues: { [num.id]: 2 } });
    return { t, num, date, choice, bool, old, retired, existing };
  }
  type Ctx = Awaited<ReturnType<typeof registry>>;
  const nextYear = new Date().getFullYear() + 1;

  const cases: { label: string; input: (c: Ctx) => unknown; method?: string; code?: 'VALIDATION' | 'NOT_FOUND'; path?: (string | number)[]; key?: string }[] = [
    { label: 'empty first name', input: () => buildVolunteer({ firstName: '' }), path: ['firstName'], key: 'required' },
    { label: 'blank last name', input: () => buildVolunteer({ lastName: '   ' }), path: ['lastName'], key: 'required' },
    { label: 'malformed email', input: () => buildVolunteer({ email: 'helene@' }), path: ['email'], key: 'email' },
    { label: 'email with a space', input: () => buildVolunteer({ email: 'helene dupre@exemple.fr' }), path: ['email'], key: 'email' },
    { label: 'birth year 1850', input: () => buildVolunteer({ birthYear: 1850 }), path: ['birthYear'], key: 'birthYear' },
    { label: 'birth year next year', input: () => buildVolunteer({ birthYear: nextYear }), path: ['birthYear'], key: 'birthYear' },
    { label: '10,000-character notes', input: () => buildVolunteer({ notes: 'n'.repeat(10_000) }), path: ['notes'], key: 'tooLong' },
    { label: '10,000-character first name', input: () => buildVolunteer({ firstName: 'é'.repeat(10_000) }), path: ['firstName'], key: 'tooLong' },
    { label: 'unknown skill id', input: () => buildVolunteer({ skills: [{ skillId: 9999, level: 1 }] }), path: ['skills', 0, 'skillId'], key: 'unknownSkill' },
    { label: 'archived skill for a new volunteer', input: (c) => buildVolunteer({ skills: [{ skillId: 1, level: 1 }, { skillId: c.retired.id, level: 1 }] }), path: ['skills', 1, 'skillId'], key: 'unknownSkill' },
    { label: 'text for a number field', input: (c) => buildVolunteer({ customValues: { [c.num.id]: 'deux' } }), path: ['customValues', 'NUM'], key: 'customField' },
    { label: 'impossible date for a date field', input: (c) => buildVolunteer({ customValues: { [c.date.id]: '2024-13-01' } }), path: ['customValues', 'DATE'], key: 'customField' },
    { label: 'an option that is not offered', input: (c) => buildVolunteer({ customValues: { [c.choice.id]: 'XXL' } }), path: ['customValues', 'CHOICE'], key: 'customField' },
    { label: 'text for a yes/no field', input: (c) => buildVolunteer({ customValues: { [c.bool.id]: 'yes' } }), path: ['customValues', 'BOOL'], key: 'customField' },
    { label: 'unknown custom field', input: () => buildVolunteer({ customValues: { 9999: 'x' } }), path: ['customValues', '9999'], key: 'unknownCustomField' },
    { label: 'archived custom field for a new volunteer', input: (c) => buildVolunteer({ customValues: { [c.old.id]: 'x' } }), path: ['customValues', 'OLD'], key: 'unknownCustomField' },
    { label: 'consent basis without its date', input: () => buildVolunteer({ consentBasis: 'membership' }), path: ['consentOn'], key: 'consentDateRequired' },
    { label: 'update of a missing id', method: 'volunteers.update', input: () => ({ id: 424242, data: buildVolunteer() }), code: 'NOT_FOUND' },
    { label: 'update with an empty name', method: 'volunteers.update', input: (c) => ({ id: c.existing.id, data: { ...toInput(c.existing), firstName: '' } }), path: ['data', 'firstName'], key: 'required' },
    { label: 'update adding an unknown skill', method: 'volunteers.update', input: (c) => ({ id: c.existing.id, data: { ...toInput(c.existing), lastName: 'Changed', skills: [{ skillId: 9999, level: 1 }] } }), path: ['skills', 0, 'skillId'], key: 'unknownSkill' },
    { label: 'update with a wrong custom value', method: 'volunteers.update', input: (c) => ({ id: c.existing.id, data: { ...toInput(c.existing), city: 'Changed', customValues: { [c.num.id]: true } } }), path: ['customValues', 'NUM'], key: 'customField' },
  ];

  for (const c of cases) {
    it(`${c.method ?? 'volunteers.create'}: ${c.label}`, async () => {
      const ctx = await registry();
      const { t } = ctx;
      const before = countRows(t.file);
      const rowBefore = withReadonly(t.file, (db) => db.prepare('SELECT * FROM volunteers').all());
      expect(before.volunteers).toBe(1);
      expect(before.volunteer_skills).toBe(1);
      expect(before.volunteers_fts).toBe(1);
      const error = await t.failure(c.method ?? 'volunteers.create', c.input(ctx));
      expect(error.code).toBe(c.code ?? 'VALIDATION');
      if (c.key) {
        const ids: Record<string, number> = { NUM: ctx.num.id, DATE: ctx.date.id, CHOICE: ctx.choice.id, BOOL: ctx.bool.id, OLD: ctx.old.id };
        const path = c.path!.map((p) => (typeof p === 'string' && p in ids ? String(ids[p]) : p));
        expectIssue(error, path, c.key);
      }
      expect(countRows(t.file)).toEqual(before);
      expect(withReadonly(t.file, (db) => db.prepare('SELECT * FROM volunteers').all())).toEqual(rowBefore);
    });
  }

  it('an existing holder may keep an archived skill and an archived field’s value', async () => {
    const t = await openTestCore();
    const old = await t.call('settings.saveCustomField', { label: 'Ancien', type: 'text' });
    const skill = await t.call('volunteers.saveSkill', { name: 'Minitel', category: 'technical' });
    const v = await create(t, { skills: [{ skillId: skill.id, level: 2 }], customValues: { [old.id]: 'oui' } });
    await t.call('volunteers.archiveSkill', { id: skill.id, archived: true });
    await t.call('settings.archiveCustomField', { id: old.id, archived: true });
    const u = await t.call('volunteers.update', { id: v.id, data: { ...toInput(v), city: 'Brest' } });
    expect(u.skills.map((s) => s.skillId)).toEqual([skill.id]);
    expect(u.customValues).toEqual({ [old.id]: 'oui' });
  });
});

describe('skills catalogue', () => {
  it('lists the seeded skills with the number of volunteers holding each', async () => {
    const t = await openTestCore();
    const first = await t.call('volunteers.listSkills');
    expect(first).toHaveLength(SEEDED_SKILLS.length);
    expect(first.every((s) => s.volunteerCount === 0 && s.key !== null && s.name === null && !s.archived)).toBe(true);
    const listening = await skillId(t, 'active_listening');
    await create(t, { skills: [{ skillId: listening, level: 1 }] });
    await create(t, { skills: [{ skillId: listening, level: 3 }, { skillId: 2, level: 1 }] });
    const after = await t.call('volunteers.listSkills');
    expect(after.find((s) => s.id === listening)?.volunteerCount).toBe(2);
    expect(after.find((s) => s.id === 2)?.volunteerCount).toBe(listening === 2 ? 2 : 1);
  });

  it('adds a custom skill; the same name again is refused (skillExists) and writes nothing', async () => {
    const t = await openTestCore();
    const added = await t.call('volunteers.saveSkill', { name: '  Maraude ', category: 'other' });
    expect(added).toMatchObject({ key: null, name: 'Maraude', category: 'other', archived: false, volunteerCount: 0 });
    expect((await t.call('volunteers.listSkills')).map((s) => s.id)).toContain(added.id);
    const before = countRows(t.file);
    for (const name of ['Maraude', 'MARAUDE', ' maraude ']) {
      const error = await t.failure('volunteers.saveSkill', { name, category: 'listening' });
      expectIssue(error, ['name'], 'skillExists');
    }
    expect(countRows(t.file)).toEqual(before);
    // Renaming a skill to its own name (another case) is fine.
    expect(await t.call('volunteers.saveSkill', { id: added.id, name: 'maraude', category: 'other' })).toMatchObject({ name: 'maraude' });
  });

  it('refuses the same name with accented capitals (Écoute / écoute)', async () => {
    const t = await openTestCore();
    await t.call('volunteers.saveSkill', { name: 'Écoute téléphonique', category: 'listening' });
    const before = countRows(t.file);
    const error = await t.failure('volunteers.saveSkill', { name: 'écoute téléphonique', category: 'listening' });
    expectIssue(error, ['name'], 'skillExists');
    expect(countRows(t.file)).toEqual(before);
  });

  it('renaming a skill reindexes its holders', async () => {
    const t = await openTestCore();
    const skill = await t.call('volunteers.saveSkill', { name: 'Maraude', category: 'other' });
    const v = await create(t, { firstName: 'Nour', skills: [{ skillId: skill.id, level: 2 }] });
    const bystander = await create(t, { firstName: 'Zed' });
    expect(await ids(t, 'maraude')).toEqual([v.id]);
    const renamed = await t.call('volunteers.saveSkill', { id: skill.id, name: 'Tournée de rue', category: 'listening' });
    expect(renamed).toMatchObject({ name: 'Tournée de rue', category: 'listening', volunteerCount: 1 });
    expect(await ids(t, 'maraude')).toEqual([]);
    expect(await ids(t, 'tournee rue')).toEqual([v.id]);
    expect((await ids(t, 'zed'))).toEqual([bystander.id]);
  });

  it('a seeded skill keeps its translated name; only its category changes', async () => {
    const t = await openTestCore();
    const id = await skillId(t, 'cooking');
    const saved = await t.call('volunteers.saveSkill', { id, name: 'Pâtisserie', category: 'other' });
    expect(saved).toMatchObject({ id, key: 'cooking', name: null, category: 'other' });
  });

  it('archives: hidden from the default list, shown on request, unarchived back', async () => {
    const t = await openTestCore();
    const skill = await t.call('volunteers.saveSkill', { name: 'Minitel', category: 'technical' });
    expect(await t.call('volunteers.archiveSkill', { id: skill.id, archived: true })).toMatchObject({ id: skill.id, archived: true });
    expect((await t.call('volunteers.listSkills')).map((s) => s.id)).not.toContain(skill.id);
    expect((await t.call('volunteers.listSkills', { includeArchived: true })).find((s) => s.id === skill.id)).toMatchObject({ archived: true });
    expect(await t.call('volunteers.archiveSkill', { id: skill.id, archived: false })).toMatchObject({ archived: false });
    expect((await t.call('volunteers.listSkills')).map((s) => s.id)).toContain(skill.id);
  });

  it('saving or archiving a missing skill is NOT_FOUND', async () => {
    const t = await openTestCore();
    const before = countRows(t.file);
    expect((await t.failure('volunteers.saveSkill', { id: 999, name: 'X', category: 'other' })).code).toBe('NOT_FOUND');
    expect((await t.failure('volunteers.archiveSkill', { id: 999, archived: true })).code).toBe('NOT_FOUND');
    expect(countRows(t.file)).toEqual(before);
  });
});

describe('list rows', () => {
  it('carry what the list screen shows and nothing private', async () => {
    const t = await openTestCore();
    const v: Volunteer = await create(t, { firstName: 'Ana', email: 'ana@exemple.fr', phone: '0601020304', city: 'Lyon', notes: 'secret', roles: ['board', 'volunteer'] });
    const { rows } = await list(t);
    expect(rows).toEqual([
      { id: v.id, firstName: 'Ana', lastName: v.lastName, email: 'ana@exemple.fr', phone: '0601020304', city: 'Lyon', status: 'active', roles: ['volunteer', 'board'], joinedOn: '2024-03-01', archived: false },
    ]);
    expect(expectFailure(await t.dispatch('volunteers.list', { limit: 501 }), 'VALIDATION').details?.issues?.[0]?.path).toEqual(['limit']);
  });
});

import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../../electron/core/dispatch';
import { METHOD_NAMES } from '../../../shared/api';
import { ERROR_CODES, RelaisFailure, type FieldIssue } from '../../../shared/errors';
import { resources } from '../../../shared/i18n';
import { buildVolunteer, countRows, expectFailure, expectIssue, openTestCore, type TestCore } from './helpers';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('method names', () => {
  it.each([
    ['an unknown method', 'volunteers.delete'],
    ['an empty name', ''],
    ['a name without domain', 'list'],
    ['a prototype property', 'toString'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { method: 'settings.get' }],
  ])('%s → UNKNOWN_METHOD', async (_label, method) => {
    const t = await openTestCore();
    const result = await t.dispatch(method, {});
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('every contract method has a handler (and nothing else is registered)', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
    for (const name of METHOD_NAMES) expect(typeof handlers[name]).toBe('function');
  });
});

type Case = { label: string; method: string; input: unknown; expect: { path: (string | number)[]; key: string }[] };

/** Bad inputs sent through the API, with the issues each must produce. */
const cases: Case[] = [
  { label: 'a number instead of an object', method: 'volunteers.create', input: 42, expect: [{ path: [], key: 'invalidType' }] },
  { label: 'an array instead of an object', method: 'volunteers.create', input: [1, 2], expect: [{ path: [], key: 'invalidType' }] },
  { label: 'nothing at all', method: 'volunteers.create', input: undefined, expect: [{ path: [], key: 'required' }] },
  {
    label: 'missing required fields',
    method: 'volunteers.create',
    input: {},
    expect: [
      { path: ['firstName'], key: 'required' },
      { path: ['lastName'], key: 'required' },
      { path: ['joinedOn'], key: 'required' },
    ],
  },
  { label: 'a string for birthYear', method: 'volunteers.create', input: buildVolunteer({ birthYear: '1980' as never }), expect: [{ path: ['birthYear'], key: 'number' }] },
  { label: 'a decimal birthYear', method: 'volunteers.create', input: buildVolunteer({ birthYear: 1980.5 }), expect: [{ path: ['birthYear'], key: 'number' }] },
  { label: 'an extra unknown key', method: 'volunteers.create', input: { ...buildVolunteer(), isAdmin: true }, expect: [{ path: ['isAdmin'], key: 'unknownField' }] },
  {
    label: 'an unknown key inside a skill',
    method: 'volunteers.create',
    input: buildVolunteer({ skills: [{ skillId: 1, level: 2, note: 'x' } as never] }),
    expect: [{ path: ['skills', 0, 'note'], key: 'unknownField' }],
  },
  {
    label: 'an array of garbage for skills',
    method: 'volunteers.create',
    input: buildVolunteer({ skills: [1, 'x', { skillId: 'a', level: 9 }] as never }),
    expect: [
      { path: ['skills', 0], key: 'invalidType' },
      { path: ['skills', 1], key: 'invalidType' },
      { path: ['skills', 2, 'skillId'], key: 'invalidType' },
      { path: ['skills', 2, 'level'], key: 'invalidChoice' },
    ],
  },
  { label: 'an unknown role', method: 'volunteers.create', input: buildVolunteer({ roles: ['volunteer', 'king'] as never }), expect: [{ path: ['roles', 1], key: 'invalidChoice' }] },
  { label: 'an unknown slot', method: 'volunteers.create', input: buildVolunteer({ availability: ['mon.night'] as never }), expect: [{ path: ['availability', 0], key: 'invalidChoice' }] },
  { label: 'numbers as interests', method: 'volunteers.create', input: buildVolunteer({ interests: [1, 2] as never }), expect: [{ path: ['interests', 0], key: 'invalidType' }] },
  { label: 'a string for roles', method: 'volunteers.create', input: buildVolunteer({ roles: 'board' as never }), expect: [{ path: ['roles'], key: 'invalidType' }] },
  { label: 'an object as a custom value', method: 'volunteers.create', input: buildVolunteer({ customValues: { 1: { a: 1 } } as never }), expect: [{ path: ['customValues', '1'], key: 'invalidChoice' }] },
  { label: 'a non-numeric custom field id', method: 'volunteers.create', input: buildVolunteer({ customValues: { abc: 'x' } }), expect: [{ path: ['customValues', 'abc'], key: 'invalid' }] },
  { label: 'too many roles', method: 'volunteers.create', input: buildVolunteer({ roles: ['volunteer', 'volunteer', 'board', 'board', 'supervisor'] as never }), expect: [{ path: ['roles'], key: 'tooMany' }] },
  { label: 'a malformed date', method: 'volunteers.create', input: buildVolunteer({ joinedOn: '01/03/2024' }), expect: [{ path: ['joinedOn'], key: 'date' }] },
  { label: 'an impossible date', method: 'volunteers.create', input: buildVolunteer({ joinedOn: '2024-02-30' }), expect: [{ path: ['joinedOn'], key: 'date' }] },
  { label: 'a date out of range', method: 'volunteers.create', input: buildVolunteer({ joinedOn: '1850-01-01' }), expect: [{ path: ['joinedOn'], key: 'dateRange' }] },
  { label: 'a bad phone', method: 'volunteers.create', input: buildVolunteer({ phone: 'call me' }), expect: [{ path: ['phone'], key: 'phone' }] },
  { label: 'a bad email', method: 'volunteers.create', input: buildVolunteer({ email: 'not-an-email' }), expect: [{ path: ['email'], key: 'email' }] },
  { label: 'consent basis without date', method: 'volunteers.create', input: buildVolunteer({ consentBasis: 'consent' }), expect: [{ path: ['consentOn'], key: 'consentDateRequired' }] },
  { label: 'a pause without date', method: 'volunteers.create', input: buildVolunteer({ status: 'paused' }), expect: [{ path: ['statusSince'], key: 'statusDateRequired' }] },
  {
    label: 'a skill listed twice',
    method: 'volunteers.create',
    input: buildVolunteer({ skills: [{ skillId: 1, level: 1 }, { skillId: 1, level: 3 }] }),
    expect: [{ path: ['skills'], key: 'duplicateSkill' }],
  },
  { label: 'an empty interest', method: 'volunteers.create', input: buildVolunteer({ interests: ['  '] }), expect: [{ path: ['interests', 0], key: 'required' }] },
  { label: 'a negative id', method: 'volunteers.get', input: { id: -1 }, expect: [{ path: ['id'], key: 'tooShort' }] },
  { label: 'a string id', method: 'volunteers.get', input: { id: '1' }, expect: [{ path: ['id'], key: 'invalidType' }] },
  { label: 'a decimal id', method: 'volunteers.archive', input: { id: 1.5 }, expect: [{ path: ['id'], key: 'invalidType' }] },
  { label: 'update without data', method: 'volunteers.update', input: { id: 1 }, expect: [{ path: ['data'], key: 'required' }] },
  { label: 'an unknown status filter', method: 'volunteers.list', input: { filters: { statuses: ['sleeping'] } }, expect: [{ path: ['filters', 'statuses', 0], key: 'invalidChoice' }] },
  { label: 'an unknown sort field', method: 'volunteers.list', input: { sort: { field: 'age', direction: 'asc' } }, expect: [{ path: ['sort', 'field'], key: 'invalidChoice' }] },
  { label: 'a zero limit', method: 'volunteers.list', input: { limit: 0 }, expect: [{ path: ['limit'], key: 'tooShort' }] },
  { label: 'a huge limit', method: 'volunteers.list', input: { limit: 100_000 }, expect: [{ path: ['limit'], key: 'tooLong' }] },
  { label: 'a query that is too long', method: 'volunteers.list', input: { query: 'a'.repeat(201) }, expect: [{ path: ['query'], key: 'tooLong' }] },
  { label: 'an unknown language', method: 'settings.setLanguage', input: { language: 'de' }, expect: [{ path: ['language'], key: 'invalidChoice' }] },
  { label: 'input where none is expected', method: 'settings.get', input: { x: 1 }, expect: [{ path: [], key: 'invalidType' }] },
  { label: 'an empty association name', method: 'settings.saveAssociation', input: { name: '  ' }, expect: [{ path: ['name'], key: 'required' }] },
  { label: 'a bad RNA', method: 'settings.saveAssociation', input: { name: 'A', rna: 'W12' }, expect: [{ path: ['rna'], key: 'rna' }] },
  { label: 'a bad SIRET', method: 'settings.saveAssociation', input: { name: 'A', siret: '123' }, expect: [{ path: ['siret'], key: 'siret' }] },
  { label: 'an SVG logo', method: 'settings.saveAssociation', input: { name: 'A', logo: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' }, expect: [{ path: ['logo'], key: 'logoFormat' }] },
  { label: 'a choice field without options', method: 'settings.saveCustomField', input: { label: 'T-shirt', type: 'choice' }, expect: [{ path: ['options'], key: 'choiceNeedsOptions' }] },
  { label: 'an unknown custom field type', method: 'settings.saveCustomField', input: { label: 'X', type: 'color' }, expect: [{ path: ['type'], key: 'invalidChoice' }] },
  { label: 'an empty skill name', method: 'volunteers.saveSkill', input: { name: '', category: 'other' }, expect: [{ path: ['name'], key: 'required' }] },
  { label: 'a boolean as archived flag missing', method: 'volunteers.archiveSkill', input: { id: 1 }, expect: [{ path: ['archived'], key: 'required' }] },
];

describe('wrong types through the API are VALIDATION errors with field paths', () => {
  for (const c of cases) {
    it(`${c.method}: ${c.label}`, async () => {
      const t = await openTestCore();
      const before = countRows(t.file);
      const error = expectFailure(await t.dispatch(c.method, c.input), 'VALIDATION');
      for (const e of c.expect) expectIssue(error, e.path, e.key);
      for (const issue of error.details!.issues!) {
        expect(issue.path.every((p) => typeof p === 'string' || typeof p === 'number')).toBe(true);
        expect(typeof issue.key).toBe('string');
      }
      expect(countRows(t.file)).toEqual(before);
    });
  }

  it('a too-long text says how long it may be', async () => {
    const t = await openTestCore();
    const error = expectFailure(await t.dispatch('volunteers.create', buildVolunteer({ lastName: 'x'.repeat(101) })), 'VALIDATION');
    expect(error.details!.issues).toContainEqual({ path: ['lastName'], key: 'tooLong', params: { max: 100 } });
  });

  it('keys the services emit (after parsing) are VALIDATION issues too', async () => {
    const t = await openTestCore();
    const keys = (await serviceBattery(t)).map((r) => r.issues.map((i) => i.key));
    for (const k of keys) expect(k.length).toBeGreaterThan(0);
    expect(keys.flat()).toEqual(expect.arrayContaining(['unknownSkill', 'customField', 'unknownCustomField', 'typeLocked', 'logoFormat', 'skillExists']));
  });
});

/** Inputs the contract accepts but the services refuse (they need data in the database). */
async function serviceBattery(t: TestCore): Promise<{ label: string; issues: FieldIssue[] }[]> {
  const field = await t.call('settings.saveCustomField', { label: 'Taille', type: 'number' });
  await t.call('volunteers.create', buildVolunteer({ customValues: { [field.id]: 42 } }));
  await t.call('volunteers.saveSkill', { name: 'Maraude', category: 'other' });
  const battery: [string, unknown][] = [
    ['volunteers.create', buildVolunteer({ skills: [{ skillId: 9999, level: 1 }] })],
    ['volunteers.create', buildVolunteer({ customValues: { [field.id]: 'forty' } })],
    ['volunteers.create', buildVolunteer({ customValues: { 9999: 'x' } })],
    ['settings.saveCustomField', { id: field.id, label: 'Taille', type: 'text' }],
    ['settings.saveAssociation', { name: 'A', logo: `data:image/png;base64,${Buffer.from('not a png').toString('base64')}` }],
    ['volunteers.saveSkill', { name: 'maraude', category: 'other' }],
  ];
  const out = [];
  for (const [method, input] of battery) {
    const error = expectFailure(await t.dispatch(method, input), 'VALIDATION');
    out.push({ label: method, issues: error.details?.issues ?? [] });
  }
  return out;
}

describe('nothing throws out of dispatch', () => {
  const original = { ...handlers };
  afterEach(() => Object.assign(handlers, original));

  it('a handler throwing a plain Error answers INTERNAL and reports it', async () => {
    const onInternalError = vi.fn();
    const t = await openTestCore({ onInternalError });
    const boom = new Error('disk on fire');
    (handlers as Record<string, unknown>)['settings.get'] = () => {
      throw boom;
    };
    expect(await t.dispatch('settings.get')).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    expect(onInternalError).toHaveBeenCalledWith('settings.get', boom);
  });

  it('a rejected promise or a thrown non-Error answers INTERNAL', async () => {
    const t = await openTestCore();
    (handlers as Record<string, unknown>)['settings.get'] = async () => Promise.reject(new TypeError('x is undefined'));
    expect(await t.dispatch('settings.get')).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    (handlers as Record<string, unknown>)['settings.get'] = () => {
      throw 'a string';
    };
    expect(await t.dispatch('settings.get')).toEqual({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('a RelaisFailure keeps its code and details', async () => {
    const t = await openTestCore();
    (handlers as Record<string, unknown>)['settings.get'] = () => {
      throw new RelaisFailure('CONFLICT', { id: 7 });
    };
    expect(await t.dispatch('settings.get')).toEqual({ ok: false, error: { code: 'CONFLICT', details: { id: 7 } } });
  });

  it('an answer that breaks the contract is caught when outputs are checked', async () => {
    const t = await openTestCore();
    (handlers as Record<string, unknown>)['settings.get'] = () => ({ language: 'klingon' });
    expect(await t.dispatch('settings.get')).toEqual({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('a call arriving after close answers INTERNAL instead of throwing', async () => {
    const t = await openTestCore();
    await t.call('settings.get');
    await t.close();
    expect(await t.dispatch('volunteers.list', {})).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    expect(await t.dispatch('settings.get')).toEqual({ ok: false, error: { code: 'INTERNAL' } });
  });
});

/** Paths of the files this process holds open (Linux /proc). */
const openFiles = (): string[] =>
  readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)];
    } catch {
      return [];
    }
  });

describe.runIf(existsSync('/proc/self/fd'))('close releases the database file', () => {
  const held = (dir: string) => openFiles().filter((f) => f.startsWith(dir));

  it('after calls that went through Kysely', async () => {
    const t = await openTestCore();
    await t.call('settings.get');
    await t.call('volunteers.create', buildVolunteer());
    expect(held(t.dataDir).length).toBeGreaterThan(0);
    await t.close();
    expect(held(t.dataDir)).toEqual([]);
  });

  it('after list calls only (the search runs on the raw connection)', async () => {
    const t = await openTestCore();
    await t.call('volunteers.list', { query: 'x' });
    await t.close();
    expect(held(t.dataDir)).toEqual([]);
    expect(await t.dispatch('volunteers.list', {})).toEqual({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('after no call at all', async () => {
    const t = await openTestCore();
    await t.close();
    expect(held(t.dataDir)).toEqual([]);
  });
});

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });

/**
 * `'v:x'` messages, and `key: 'x'` / `key: cond ? 'x' : 'y'` in field issues (lines that also name a
 * `path`, so the seeded skills' `key:` are not taken for message keys) in core and the contract.
 */
function keysInSources(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sourceFiles(join(ROOT, 'electron/core')), ...sourceFiles(join(ROOT, 'shared/api'))]) {
    const text = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    for (const m of text.matchAll(/['"`]v:(\w+)['"`]/g)) found.set(m[1]!, where);
    for (const line of text.split('\n')) {
      if (!/\bkey:/.test(line) || !/\bpath\b/.test(line)) continue;
      for (const m of line.matchAll(/\bkey:\s*'(\w+)'/g)) found.set(m[1]!, where);
      for (const m of line.matchAll(/\?\s*'(\w+)'\s*:\s*'(\w+)'/g)) {
        found.set(m[1]!, where);
        found.set(m[2]!, where);
      }
    }
  }
  return found;
}

describe('every message core can ask for exists in both languages', () => {
  it('validation keys written in the sources', () => {
    const keys = keysInSources();
    // The scan must see the sources it is meant to see.
    expect([...keys.keys()]).toEqual(expect.arrayContaining(['required', 'tooLong', 'invalidType', 'unknownField', 'typeLocked', 'skillExists', 'logoFormat', 'birthYear']));
    const missing = [...keys].flatMap(([key, where]) =>
      (['fr', 'en'] as const).filter((lang) => !(key in resources[lang].validation)).map((lang) => `${lang}: validation.${key} (used in ${where})`),
    );
    expect(missing).toEqual([]);
  });

  it('validation keys produced by the battery of bad inputs', async () => {
    const t = await openTestCore();
    const emitted = new Map<string, string>();
    const results = [];
    for (const c of cases) {
      const r = await t.dispatch(c.method, c.input);
      results.push({ label: `${c.method}: ${c.label}`, issues: r.ok ? [] : (r.error.details?.issues ?? []) });
    }
    results.push(...(await serviceBattery(t)));
    for (const { label, issues } of results) for (const i of issues) if (!emitted.has(i.key)) emitted.set(i.key, label);
    expect(emitted.size).toBeGreaterThan(15);
    const missing = [...emitted].flatMap(([key, from]) =>
      (['fr', 'en'] as const).filter((lang) => !(key in resources[lang].validation)).map((lang) => `${lang}: validation.${key} (from ${from})`),
    );
    expect(missing).toEqual([]);
  });

  it('every error code has a message', () => {
    const missing = ERROR_CODES.flatMap((code) =>
      (['fr', 'en'] as const).filter((lang) => typeof (resources[lang].errors as Record<string, unknown>)[code] !== 'string').map((lang) => `${lang}: errors.${code}`),
    );
    expect(missing).toEqual([]);
    // Besides one sentence per code, only `reasons` (sentences for specific refusals) may sit there.
    const { reasons, ...codes } = resources.en.errors as Record<string, unknown>;
    expect(Object.keys(codes).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.values(reasons as Record<string, unknown>).every((v) => typeof v === 'string')).toBe(true);
  });
});

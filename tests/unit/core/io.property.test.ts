import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerKey } from '../../../electron/core/io/cells';
import { seededSkillName } from '../../../electron/core/io/vocabulary';
import { SEEDED_SKILLS } from '../../../electron/core/volunteers/skill-catalogue';
import {
  CONSENT_BASES,
  FORMATS,
  LIMITS,
  ROLES,
  SLOTS,
  volunteerInput,
  type Language,
  type Output,
  type VolunteerInput,
} from '../../../shared/api';
import { choosePath, openIoCore, type IoCore } from './io.support';

/**
 * CSV export → import into an empty data folder gives back the same volunteers, every exported
 * field, whatever the text holds: any Unicode, quotes, line breaks, the delimiters, and the
 * characters a spreadsheet would take for a formula at the start of a cell.
 */

const tricky = fc.constantFrom('"', "'", '""', ';', ',', '\t', '\n', '\r\n', '\r', '=', '+', '-', '@', "'=", '«\u00a0', '’', ' ', 'é', 'Œ', '🙂', 'ﬁ', '\u200b', '∑');
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) },
  { weight: 3, arbitrary: tricky },
  { weight: 1, arbitrary: fc.constantFrom('=1+1', '+33 6 12', '-2+3', '@SUM(A1)', '=HYPERLINK("x")') },
);
/** Text as stored: the contract trims it, so only that form can come back. */
const text = (max: number, lines = true) =>
  fc
    .array(piece, { minLength: 1, maxLength: 8 })
    .map((xs) => xs.join(''))
    .map((s) => (lines ? s : s.replace(/[\r\n]/g, ' ')))
    .map((s) => s.replace(/\u0000/g, ''))
    .filter((s) => s.trim().length > 0 && s.trim().length <= max);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });

const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const email = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9+_-][A-Za-z0-9._+-]{0,10}$/), fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.constantFrom('fr', 'org', 'example'))
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`)
  .filter((e) => volunteerInput.safeParse({ firstName: 'a', lastName: 'b', joinedOn: '2020-01-01', email: e }).success);
const phone = fc
  .stringMatching(/^\+?[0-9 ().\-/]{6,20}$/)
  .filter((p) => volunteerInput.safeParse({ firstName: 'a', lastName: 'b', joinedOn: '2020-01-01', phone: p }).success);
const words = (max: number) => fc.uniqueArray(text(40, false).map((s) => s.trim()), { maxLength: max, selector: (s) => s });

/** Skill names of the association's own: anything but a line break, not one of the seeded names. */
const SEEDED_NAMES = new Set(SEEDED_SKILLS.flatMap((s) => (['fr', 'en'] as Language[]).map((l) => headerKey(seededSkillName(s.key, l)))));
const skillName = text(40, false)
  .map((s) => s.trim())
  .filter((s) => !SEEDED_NAMES.has(headerKey(s)));

interface Catalogue {
  skillIds: number[];
  fields: { id: number; type: 'text' | 'number' | 'date' | 'boolean' | 'choice' }[];
}

const customValue = (type: Catalogue['fields'][number]['type']): fc.Arbitrary<string | number | boolean> => {
  switch (type) {
    case 'text':
      return text(200).map((s) => s.trim());
    case 'number':
      return fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e30, max: 1e30 })).map((n) => (Object.is(n, -0) ? 0 : n));
    case 'date':
      return isoDate;
    case 'boolean':
      return fc.boolean();
    case 'choice':
      return fc.constantFrom('S', 'M', '=L');
  }
};

function volunteer(cat: Catalogue): fc.Arbitrary<{ input: VolunteerInput; archived: boolean }> {
  const status = fc.constantFrom('active', 'paused', 'left');
  return fc
    .record({
      firstName: text(LIMITS.name),
      lastName: text(LIMITS.name),
      email: optional(email),
      phone: optional(phone),
      addressLine: optional(text(LIMITS.short)),
      postalCode: optional(text(20, false)),
      city: optional(text(LIMITS.name)),
      country: optional(text(LIMITS.name)),
      birthYear: optional(fc.integer({ min: 1900, max: new Date().getFullYear() })),
      joinedOn: isoDate,
      status,
      statusSince: isoDate,
      statusReason: optional(text(LIMITS.short)),
      roles: fc.subarray([...ROLES]),
      skills: fc.subarray(cat.skillIds).chain((ids) => fc.tuple(...ids.map((skillId) => fc.constantFrom(1, 2, 3).map((level) => ({ skillId, level: level as 1 | 2 | 3 }))))),
      interests: words(4),
      languages: words(3),
      availability: fc.subarray([...SLOTS]),
      preferredFormat: fc.constantFrom(...FORMATS),
      emergencyName: optional(text(LIMITS.name)),
      emergencyPhone: optional(phone),
      emergencyRelation: optional(text(LIMITS.name)),
      notes: optional(text(LIMITS.notes)),
      consentBasis: optional(fc.constantFrom(...CONSENT_BASES)),
      consentOn: isoDate,
      photoConsent: fc.boolean(),
      confidentialitySignedOn: optional(isoDate),
      custom: fc.tuple(...cat.fields.map((f) => optional(customValue(f.type)))),
      archived: fc.boolean(),
    })
    .map(({ custom, archived, status, statusSince, consentBasis, consentOn, ...rest }) => ({
      archived,
      input: {
        ...rest,
        status,
        statusSince: status === 'active' ? null : statusSince,
        consentBasis,
        consentOn: consentBasis ? consentOn : null,
        customValues: Object.fromEntries(cat.fields.flatMap((f, i) => (custom[i] === null ? [] : [[String(f.id), custom[i]!]]))),
      },
    }));
}

type V = Output<'volunteers.get'>;
/** Every exported field, in a form that does not depend on ids or instants. */
const comparable = (v: V) => {
  const { id: _i, createdAt: _c, updatedAt: _u, history: _h, archivedAt, skills, ...rest } = v;
  return {
    ...rest,
    archivedOn: archivedAt?.slice(0, 10) ?? null,
    skills: skills.map((s) => `${s.key ?? s.name}:${s.level}`).sort(),
  };
};
const canonical = (vs: V[]) => vs.map(comparable).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

async function all(t: IoCore): Promise<V[]> {
  const { rows } = await t.call('volunteers.list', { filters: { archived: 'include' }, limit: 500 });
  return Promise.all(rows.map((r) => t.call('volunteers.get', { id: r.id })));
}

async function prepare(t: IoCore, language: Language, customSkills: string[]): Promise<Catalogue> {
  await t.call('settings.setLanguage', { language });
  const fields = [];
  for (const [label, type] of [['Texte libre', 'text'], ['Nombre', 'number'], ['Le jour', 'date'], ['Oui ou non', 'boolean'], ['Taille', 'choice']] as const) {
    fields.push(await t.call('settings.saveCustomField', { label, type, options: type === 'choice' ? ['S', 'M', '=L'] : [] }));
  }
  for (const name of customSkills) await t.call('volunteers.saveSkill', { name, category: 'other' });
  const skills = await t.call('volunteers.listSkills');
  return { skillIds: skills.map((s) => s.id).sort((a, b) => a - b), fields: fields.map((f) => ({ id: f.id, type: f.type })) };
}

/** The ids a fresh data folder gives: the seeded skills, then ours; the five fields in order. */
const catalogueFor = (customSkills: readonly string[]): Catalogue => ({
  skillIds: Array.from({ length: SEEDED_SKILLS.length + customSkills.length }, (_, i) => i + 1),
  fields: (['text', 'number', 'date', 'boolean', 'choice'] as const).map((type, i) => ({ id: i + 1, type })),
});

describe('CSV export → import', () => {
  it('gives back the same volunteers, every exported field, for any text', async () => {
    const scenario = fc
      .tuple(fc.constantFrom<Language>('fr', 'en'), fc.uniqueArray(skillName, { maxLength: 3, selector: (s) => headerKey(s) || s }))
      .chain(([language, customSkills]) =>
        fc.record({
          language: fc.constant(language),
          customSkills: fc.constant(customSkills),
          people: fc.array(volunteer(catalogueFor(customSkills)), { minLength: 1, maxLength: 4 }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ language, customSkills, people }) => {
        const source = await openIoCore({ keep: true, inMemory: true });
        const target = await openIoCore({ keep: true, inMemory: true });
        try {
          expect(await prepare(source, language, customSkills)).toEqual(catalogueFor(customSkills));
          await prepare(target, language, customSkills);
          for (const p of people) {
            const v = await source.call('volunteers.create', p.input);
            if (p.archived) await source.call('volunteers.archive', { id: v.id });
          }
          const exported = await source.call('io.exportVolunteers', { format: 'csv', filters: { archived: 'include' } });
          const token = await choosePath(target, join(source.dataDir, 'out', exported.fileName!));
          const preview = await target.call('io.previewImport', { token, duplicates: 'create' });
          expect(preview.preset).toBe('relais');
          expect(preview.issues).toEqual([]);
          await target.call('io.runImport', { token, duplicates: 'create' });
          expect(canonical(await all(target))).toEqual(canonical(await all(source)));
        } finally {
          await source.close();
          await target.close();
          rmSync(source.dataDir, { recursive: true, force: true });
          rmSync(target.dataDir, { recursive: true, force: true });
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});

import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sortName } from '../../../electron/core/volunteers/bits';
import { LIMITS } from '../../../shared/api';
import { buildVolunteer, openTestCore } from './helpers';

/**
 * Names as people type or paste them: any printable Unicode grapheme, plus a good share of the
 * accented letters, apostrophes and hyphens real registries hold. Valid per the contract: 1 to 100
 * characters once trimmed.
 */
const nameChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') },
  { weight: 2, arbitrary: fc.constantFrom(...'éèêëàâäîïôöùûüçÉÈÊÀÂÎÔÛÇœŒæÆßñÑãõøåłŁşğİıžšćđ') },
  { weight: 1, arbitrary: fc.constantFrom(' ', '-', '’', "'", '.') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);
const name = fc
  .array(nameChar, { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join(''))
  .filter((s) => s.trim().length > 0 && s.trim().length <= LIMITS.name);

const graphemes = (s: string) => [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);
/** What a person sees as the words of a name: runs of letters and digits (with their accents). */
const words = (s: string) => s.split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));

/** SQLite compares text as UTF-8 bytes (BINARY): code point order, not JavaScript's UTF-16 order. */
const byteCompare = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

describe('volunteers, for any name', () => {
  it('stores the name as typed (trimmed), and finds it by the first letters of any of its words', async () => {
    const t = await openTestCore();
    await fc.assert(
      fc.asyncProperty(name, name, fc.nat(), fc.integer({ min: 1, max: 3 }), async (firstName, lastName, pick, length) => {
        const v = await t.call('volunteers.create', buildVolunteer({ firstName, lastName }));
        expect([v.firstName, v.lastName]).toEqual([firstName.trim(), lastName.trim()]);
        const candidates = [...words(v.firstName), ...words(v.lastName)];
        fc.pre(candidates.length > 0);
        const word = candidates[pick % candidates.length]!;
        const typed = graphemes(word).slice(0, length).join('');
        const found = await t.call('volunteers.list', { query: typed, limit: 500 });
        expect(found.rows.map((r) => r.id), `searching ${JSON.stringify(typed)} for ${JSON.stringify(`${v.firstName} ${v.lastName}`)}`).toContain(v.id);
      }),
      { numRuns: 200 },
    );
  });

  it('finds a record by its full name typed back', async () => {
    const t = await openTestCore();
    await fc.assert(
      fc.asyncProperty(name, name, async (firstName, lastName) => {
        const v = await t.call('volunteers.create', buildVolunteer({ firstName, lastName }));
        fc.pre(words(`${v.firstName} ${v.lastName}`).length > 0);
        const query = `${v.firstName} ${v.lastName}`.slice(0, 200);
        const found = await t.call('volunteers.list', { query, limit: 500 });
        expect(found.rows.map((r) => r.id), `searching ${JSON.stringify(query)}`).toContain(v.id);
      }),
      { numRuns: 200 },
    );
  });

  it('lists by name in non-decreasing sortName order, in both directions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, name), { minLength: 1, maxLength: 25 }), async (people) => {
        const t = await openTestCore({ keep: true });
        try {
          for (const [firstName, lastName] of people) await t.call('volunteers.create', buildVolunteer({ firstName, lastName }));
          const asc = (await t.call('volunteers.list', { limit: 500 })).rows.map((r) => sortName(r.firstName, r.lastName));
          const desc = (await t.call('volunteers.list', { limit: 500, sort: { field: 'name', direction: 'desc' } })).rows.map((r) => sortName(r.firstName, r.lastName));
          expect(asc).toHaveLength(people.length);
          for (let i = 1; i < asc.length; i++) expect(byteCompare(asc[i - 1]!, asc[i]!), `${JSON.stringify(asc[i - 1])} before ${JSON.stringify(asc[i])}`).toBeLessThanOrEqual(0);
          for (let i = 1; i < desc.length; i++) expect(byteCompare(desc[i - 1]!, desc[i]!)).toBeGreaterThanOrEqual(0);
        } finally {
          await t.close();
          rmSync(t.dataDir, { recursive: true, force: true });
        }
      }),
      { numRuns: 30 },
    );
  });
});

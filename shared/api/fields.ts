import { z } from 'zod';

/**
 * Field builders shared by every domain's schemas. Messages are `v:<key>` so core can tell its own
 * validation keys from zod's generic ones; the renderer shows them from the `validation` namespace.
 */
export const LIMITS = {
  name: 100,
  short: 200,
  email: 254,
  phone: 40,
  text: 2000,
  notes: 5000,
} as const;

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

export const requiredText = (max: number) =>
  z.string().trim().min(1, { error: 'v:required' }).max(max, { error: 'v:tooLong' });

export const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max, { error: 'v:tooLong' }).nullable()).default(null);

export const id = z.number().int().positive();

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as `YYYY-MM-DD`, between 1900 and 2100 (anything else is a typing mistake). */
export const isoDate = z
  .string()
  .trim()
  .regex(ISO_DATE, { error: 'v:date' })
  .refine(
    (s) => {
      const [y, m, d] = s.split('-').map(Number) as [number, number, number];
      const dt = new Date(Date.UTC(y, m - 1, d));
      return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
    },
    { error: 'v:date' },
  )
  .refine((s) => s >= '1900-01-01' && s <= '2100-12-31', { error: 'v:dateRange' });

export const optionalDate = z.preprocess(blankToNull, isoDate.nullable()).default(null);

export const optionalEmail = z.preprocess(
  blankToNull,
  z.string().trim().max(LIMITS.email, { error: 'v:tooLong' }).pipe(z.email({ error: 'v:email' })).nullable(),
).default(null);

export const optionalPhone = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .max(LIMITS.phone, { error: 'v:tooLong' })
    .regex(/^\+?[0-9 ().\-/]{6,}$/, { error: 'v:phone' })
    .nullable(),
).default(null);

/** A short list of distinct free words (interests, languages). */
export const wordList = (maxItems: number, maxLen: number) =>
  z
    .array(z.string().trim().min(1, { error: 'v:required' }).max(maxLen, { error: 'v:tooLong' }))
    .max(maxItems, { error: 'v:tooMany' })
    .transform((xs) => [...new Set(xs)])
    .default([]);

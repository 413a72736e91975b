import type { TFunction } from 'i18next';
import type { Category, Language } from '../../../../shared/api';
import { parseMoney, type MoneyParseError } from '../../../../shared/money';

// Keys built from data (a seeded category's key) cannot be checked by the typed `t`.
type LooseT = (key: string, options?: Record<string, unknown>) => string;
export const loose = (t: unknown) => t as LooseT;

/** A seeded category shows its translated name unless the association renamed it. */
export function categoryLabel(t: TFunction<'finance'>, c: Pick<Category, 'key' | 'name'>): string {
  if (c.name) return c.name;
  return c.key ? loose(t)(`finance:categories.${c.key}`) : '';
}

/** What the amount field holds: the cents it reads as, or why it does not read as money. */
export type MoneyField = { text: string; cents: number | null; error: MoneyParseError | 'zero' | null };

export function readMoney(text: string, lang: Language, allowZero = false): MoneyField {
  const r = parseMoney(text, lang);
  if (!r.ok) return { text, cents: null, error: r.error };
  if (r.cents === 0 && !allowZero) return { text, cents: null, error: 'zero' };
  return { text, cents: r.cents, error: null };
}

/** Bytes as people read a file size: « 39 Ko » / "39 KB". */
export function fileSize(bytes: number, lang: Language): string {
  const units = lang === 'fr' ? ['o', 'Ko', 'Mo'] : ['B', 'KB', 'MB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: u === 0 ? 0 : 1 }).format(n)}\u00a0${units[u]}`;
}

/** `0`: outside any programme; `null`: all of them. The pickers carry them as strings. */
export const scopeToValue = (scope: number | null) => (scope === null ? 'all' : String(scope));
export const valueToScope = (value: string | null) => (value === null || value === 'all' ? null : Number(value));

/** A whole percentage as each language writes it: « 36 % » (narrow no-break space) and "36%". */
export const percentText = (n: number, lang: Language) => (lang === 'fr' ? `${n}\u202f%` : `${n}%`);

import { fold } from '../volunteers/bits';

/**
 * Reading and writing single cells: formula escaping, dates, booleans, numbers, lists, names.
 * Pure functions; the import and export services compose them.
 */

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some
 * programs skip before looking) as a formula: a text a volunteer typed must never become one
 * (OWASP "CSV injection"). Such a text gets a leading apostrophe. A text that already starts with
 * apostrophes before one of those characters gets one more, so unescaping is exact: the import of
 * our own export gives back what was there, whatever it was.
 */
const TRIGGER = /^'*[=+\-@\t\r]/;

export function escapeFormula(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

export function unescapeFormula(text: string): string {
  return text.startsWith("'") && TRIGGER.test(text) ? text.slice(1) : text;
}

const keys = new Map<string, string>();

/** Header and label matching: case, accents, spaces and punctuation do not matter. */
export function headerKey(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    key = fold(text).replace(/[^\p{L}\p{N}]+/gu, '');
    // The same few words come back on every row of a file (roles, statuses, skills).
    if (keys.size > 20_000) keys.clear();
    keys.set(text, key);
  }
  return key;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as people write it in French and British files: ISO `2024-03-01`, or day first
 * `01/03/2024`, `1.3.2024`, `01-03-2024`; a time after it is ignored (HelloAsso writes
 * `01/03/2024 10:32`). Two-digit years are read as the most recent such year not in the future
 * (`98` → 1998, `24` → 2024). Month-first (US) dates are not read: they cannot be told apart.
 * Answers `YYYY-MM-DD` (the contract checks that the day exists) or null.
 */
export function parseDate(text: string, today = new Date()): string | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,].*)?$/.exec(s);
  if (!m) return null;
  let year = Number(m[3]);
  if (m[3]!.length === 2) {
    const now = today.getFullYear();
    year += 2000;
    if (year > now) year -= 100;
  }
  return `${String(year).padStart(4, '0')}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
}

/** A year of birth from a year (`1975`) or a full date (only the year is kept). */
export function parseYear(text: string): number | null {
  const s = text.trim();
  if (/^\d{4}(\.0+)?$/.test(s)) return Math.trunc(Number(s));
  const date = parseDate(s);
  return date ? Number(date.slice(0, 4)) : null;
}

const TRUE_WORDS = new Set(['oui', 'yes', 'true', 'vrai', '1', 'x', 'o', 'y', 'ok', '✓', '✔']);
const FALSE_WORDS = new Set(['non', 'no', 'false', 'faux', '0', 'n', '-', '✗']);

export function parseBoolean(text: string): boolean | null {
  const k = fold(text.trim());
  if (TRUE_WORDS.has(k)) return true;
  if (FALSE_WORDS.has(k)) return false;
  return null;
}

/** `1 234,5` (French), `1,234.5` or `1234.5`; null when it is not a number. */
export function parseNumber(text: string): number | null {
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  // What JavaScript writes for very large or small numbers.
  if (/^[-+]?\d+(\.\d+)?e[-+]?\d+$/i.test(s)) return Number(s);
  if (!/^[-+]?[\d.,]+$/.test(s)) return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma > lastDot) s = s.replace(/\./g, '').replace(',', '.');
  else s = s.replace(/,/g, '');
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * The items of a list cell. Our own export puts one item per line; other files use `;` or `,`.
 * With `linesOnly`, a cell without a line break is one item (a name may hold a comma).
 */
export function splitList(text: string, linesOnly = false): string[] {
  const parts = /[\r\n]/.test(text) || linesOnly ? text.split(/\r\n|\r|\n/) : text.split(/[;,]/);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const hasLetters = (w: string) => /\p{L}/u.test(w);
/** A word written in capitals, as French registries write surnames (`DUPONT`, `DE LA FONTAINE`). */
const isCaps = (w: string) => hasLetters(w) && w === w.toLocaleUpperCase('fr') && w !== w.toLocaleLowerCase('fr');

/**
 * Splits a single "name" cell (Paheko's « Nom & prénom ») into first and last name:
 * `Dupont, Marie` (comma: last name first); `DUPONT Marie` / `Marie DUPONT` (the words in
 * capitals are the last name); otherwise the first word is the first name and the rest the last
 * name (`Jean-Pierre de La Fontaine`). A name all in capitals or all in small letters is read the
 * same way. One word alone is a last name with no first name (the row then asks for one).
 */
export function splitFullName(text: string): { firstName: string; lastName: string } {
  const s = text.trim().replace(/\s+/g, ' ');
  const comma = s.indexOf(',');
  if (comma > 0) return { lastName: s.slice(0, comma).trim(), firstName: s.slice(comma + 1).trim() };
  const words = s.split(' ').filter(Boolean);
  if (words.length <= 1) return { firstName: '', lastName: s };
  const caps = words.map(isCaps);
  if (!caps.every(Boolean) && caps.some(Boolean)) {
    let lead = 0;
    while (lead < words.length && caps[lead]) lead++;
    if (lead > 0) return { lastName: words.slice(0, lead).join(' '), firstName: words.slice(lead).join(' ') };
    let tail = words.length;
    while (tail > 0 && caps[tail - 1]) tail--;
    if (tail < words.length) return { firstName: words.slice(0, tail).join(' '), lastName: words.slice(tail).join(' ') };
  }
  return { firstName: words[0]!, lastName: words.slice(1).join(' ') };
}

/** `YYYY-MM-DD` as a Date at midnight UTC (how spreadsheet libraries carry calendar dates). */
export const isoToUtcDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export const utcDateToIso = (d: Date) => `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

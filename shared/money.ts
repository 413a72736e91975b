import type { Language } from './api/settings';

/**
 * Money as the user types it and as files write it, to and from integer cents, with integer
 * arithmetic only (DESIGN §3: money never goes through floating point). `Number()` is only ever
 * applied to a run of at most 12 digits, which every double holds exactly.
 */

/** The largest amount Relais accepts on one line: 10,000,000.00 €. Anything above is a typing mistake. */
export const MAX_AMOUNT_CENTS = 1_000_000_000;

export type MoneyParseError = 'empty' | 'invalid' | 'negative' | 'tooManyDecimals' | 'tooLarge';
export type MoneyParse = { ok: true; cents: number } | { ok: false; error: MoneyParseError };

const SPACES = /[\s\u00a0\u202f\u2009']/g;

/**
 * Reads an amount typed in French or English: `1 234,50`, `1234,5`, `1.234,50`, `1,234.50`,
 * `1234.50`, `12 €`, `€12`, `EUR 12`. When one separator appears once followed by exactly three
 * digits (`1,234`, `1.234`), the language decides: a comma is the decimal mark in French and a
 * thousands separator in English (and the dot the other way round). More than two decimals is
 * an error, never rounded: a typo must not turn into a different amount.
 */
export function parseMoney(text: string, lang: Language): MoneyParse {
  let s = text.replace(SPACES, '').replace(/^(€|EUR)/i, '').replace(/(€|EUR)$/i, '');
  if (s === '') return { ok: false, error: 'empty' };
  if (/^[-−]/.test(s) || /[-−]$/.test(s)) return { ok: false, error: 'negative' };
  if (s.startsWith('+')) s = s.slice(1);
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return { ok: false, error: 'invalid' };

  let whole: string;
  let fraction = '';
  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  let decimalMark: ',' | '.' | null = null;
  if (commas && dots) {
    decimalMark = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const grouping = decimalMark === ',' ? '.' : ',';
    // The decimal mark appears once, after every grouping mark.
    if (s.split(decimalMark).length - 1 !== 1) return { ok: false, error: 'invalid' };
    if (s.indexOf(grouping) > s.indexOf(decimalMark)) return { ok: false, error: 'invalid' };
  } else if (commas + dots === 1) {
    const mark = commas ? ',' : '.';
    const after = s.length - s.indexOf(mark) - 1;
    if (after === 3) decimalMark = (mark === ',') === (lang === 'fr') ? mark : null;
    else decimalMark = mark;
  } else if (commas + dots > 1) {
    decimalMark = null; // `1.234.567` or `1,234,567`: grouping only.
  }

  if (decimalMark) {
    const at = s.lastIndexOf(decimalMark);
    whole = s.slice(0, at);
    fraction = s.slice(at + 1);
  } else {
    whole = s;
  }
  if (!/^[0-9]*$/.test(fraction)) return { ok: false, error: 'invalid' };
  if (fraction.length > 2) return { ok: false, error: 'tooManyDecimals' };

  // Grouping marks, when any, split the whole part in groups of three after the first.
  if (/[.,]/.test(whole)) {
    const groups = whole.split(/[.,]/);
    if (!/^[0-9]{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^[0-9]{3}$/.test(g))) return { ok: false, error: 'invalid' };
    whole = groups.join('');
  }
  if (whole === '' && fraction === '') return { ok: false, error: 'invalid' };
  whole = whole.replace(/^0+(?=\d)/, '') || '0';
  if (whole.length > 8) return { ok: false, error: 'tooLarge' };
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents > MAX_AMOUNT_CENTS) return { ok: false, error: 'tooLarge' };
  return { ok: true, cents };
}

/**
 * Cents as a plain decimal text with two decimals and no grouping, for files and inputs:
 * `123450` → `1234.50` (or `1234,50` with a comma). Built from digits, not by dividing.
 */
export function centsToDecimal(cents: number, mark: '.' | ',' = '.'): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const digits = String(Math.abs(cents)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}${mark}${digits.slice(-2)}`;
}

/** Cents as the amount field shows them for editing: `1 234,50` in French, `1,234.50` in English. */
export function centsToInput(cents: number, lang: Language): string {
  const [whole, fraction] = centsToDecimal(cents).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? '\u00a0' : ',');
  return `${grouped}${lang === 'fr' ? ',' : '.'}${fraction}`;
}

/**
 * `n / d` rounded half up, for whole `n ≥ 0` and `d > 0`: floor((2n + d) / 2d), computed with `%`
 * so the quotient is always exact. 90 min at 1,001 c/h → 1,501.5 c → 1,502 c.
 */
export function divideRoundHalfUp(n: number, d: number): number {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || n < 0 || d <= 0) throw new RangeError(`divideRoundHalfUp(${n}, ${d})`);
  const m = 2 * n + d;
  return (m - (m % (2 * d))) / (2 * d);
}

/**
 * The value of one timesheet line: `rateCents` per hour for `minutes`, rounded half up to the
 * cent on the line (a total is the sum of its lines, so the timesheet adds up to the figure).
 */
export const valueOfMinutes = (rateCents: number, minutes: number) => divideRoundHalfUp(rateCents * minutes, 60);

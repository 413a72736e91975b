import type { Language } from './api/settings';
import { INTL_LOCALE } from './i18n';

/**
 * Dates, numbers and money for the chosen language, through Intl. Used by the renderer and by
 * core's documents so a figure reads the same on screen and on paper.
 */
export function formatDate(isoDate: string, lang: Language, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const text = new Intl.DateTimeFormat(INTL_LOCALE[lang], {
    timeZone: 'UTC',
    ...(style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric' } : { day: '2-digit', month: '2-digit', year: 'numeric' }),
  }).format(date);
  // French writes the first of the month as an ordinal: « 1er juin 2026 ».
  return lang === 'fr' && style === 'long' && d === 1 ? text.replace(/^1(?=\s)/, '1er') : text;
}

export function formatNumber(n: number, lang: Language): string {
  return new Intl.NumberFormat(INTL_LOCALE[lang]).format(n);
}

/** Money is integer cents everywhere; it becomes a decimal only here, for display. */
export function formatMoney(cents: number, lang: Language, currency = 'EUR'): string {
  return new Intl.NumberFormat(INTL_LOCALE[lang], { style: 'currency', currency }).format(cents / 100);
}

/** Minutes → "12 h 30" (fr) / "12 h 30 min" (en). */
export function formatMinutes(minutes: number, lang: Language): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = formatNumber(h, lang);
  if (lang === 'fr') return m ? `${hours}\u00a0h\u00a0${String(m).padStart(2, '0')}` : `${hours}\u00a0h`;
  return m ? `${hours} h ${m} min` : `${hours} h`;
}

import type { Language } from '../../../../shared/api';
import { INTL_LOCALE } from '../../../../shared/i18n';

/**
 * Wall-clock dates and times of events, in the reader's language. An event's local time is shown
 * as planned (`YYYY-MM-DDTHH:MM` in its own zone): the parts are formatted as a UTC date so the
 * computer's own zone never shifts them.
 */

const partsOf = (isoDate: string) => isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
const asUtc = (isoDate: string) => {
  const [y, m, d] = partsOf(isoDate);
  return new Date(Date.UTC(y, m - 1, d));
};

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(INTL_LOCALE[lang], { timeZone: 'UTC', ...options })));
  return f;
}

/** French writes the first of the month « 1er ». */
const firstOfMonth = (text: string, lang: Language, day: number) => (lang === 'fr' && day === 1 ? text.replace(/(^|\s)1(?=\s)/, '$11er') : text);

/** « mardi 3 mars 2026 », "Tuesday 3 March 2026". */
export function longDay(isoDate: string, lang: Language): string {
  return firstOfMonth(formatter(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(asUtc(isoDate)), lang, partsOf(isoDate)[2]);
}

/** « mar. 3 mars », "Tue 3 Mar": calendar headings. */
export function shortDay(isoDate: string, lang: Language): string {
  return formatter(lang, { weekday: 'short', day: 'numeric', month: 'short' }).format(asUtc(isoDate));
}

/** « mars 2026 », "March 2026". */
export function monthTitle(isoDate: string, lang: Language): string {
  const text = formatter(lang, { month: 'long', year: 'numeric' }).format(asUtc(isoDate));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Weekday names, Monday first: « lundi » … « dimanche ». */
export function weekdayNames(lang: Language, style: 'long' | 'short' = 'long'): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => formatter(lang, { weekday: style }).format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** « 18 h 30 », « 18 h » in French; "18:30" in English. */
export function clock(hhmm: string, lang: Language): string {
  const [h, m] = hhmm.split(':') as [string, string];
  if (lang === 'fr') return m === '00' ? `${Number(h)}\u00a0h` : `${Number(h)}\u00a0h\u00a0${m}`;
  return `${h}:${m}`;
}

/** « mardi 3 mars 2026, 18 h 30 – 20 h » (the end's date too when it is another day). */
export function eventWhen(start: string, end: string, lang: Language): string {
  const sameDay = start.slice(0, 10) === end.slice(0, 10);
  const from = `${longDay(start, lang)}, ${clock(start.slice(11, 16), lang)}`;
  const to = sameDay ? clock(end.slice(11, 16), lang) : `${longDay(end, lang)}, ${clock(end.slice(11, 16), lang)}`;
  return `${from} – ${to}`;
}

/** « 18 h 30 – 20 h », for a calendar cell. */
export function timeRange(start: string, end: string, lang: Language): string {
  return `${clock(start.slice(11, 16), lang)} – ${clock(end.slice(11, 16), lang)}`;
}

// ——— Calendar arithmetic on YYYY-MM-DD strings ———

const iso = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (isoDate: string, days: number) => {
  const d = asUtc(isoDate);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
};
/** ISO weekday, 1 = Monday. */
export const weekday = (isoDate: string) => ((asUtc(isoDate).getUTCDay() + 6) % 7) + 1;
export const startOfWeek = (isoDate: string) => addDays(isoDate, 1 - weekday(isoDate));
export const startOfMonth = (isoDate: string) => `${isoDate.slice(0, 7)}-01`;
export const addMonths = (isoDate: string, months: number) => {
  const [y, m] = partsOf(isoDate);
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return iso(d);
};
/** The 6 × 7 days a month view shows, Monday first. */
export function monthGrid(isoDate: string): string[] {
  const first = startOfWeek(startOfMonth(isoDate));
  return Array.from({ length: 42 }, (_, i) => addDays(first, i));
}

/** Today in the computer's own zone, `YYYY-MM-DD`. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Minutes from HH:MM to HH:MM (negative when the end comes first). */
export const minutesBetweenTimes = (a: string, b: string) => {
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  return m(b) - m(a);
};

/** HH:MM plus minutes, wrapped around midnight. */
export const timePlus = (hhmm: string, minutes: number) => {
  const total = (((Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

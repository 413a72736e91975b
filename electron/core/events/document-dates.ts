import { Temporal } from 'temporal-polyfill';
import type { Language } from '../../../shared/api';
import { INTL_LOCALE } from '../../../shared/i18n';

/**
 * Dates and times as a printed document writes them, in the document's language (which may not be
 * the app's): « mardi 3 mars 2026 », « 18 h 30 » / "Tuesday 3 March 2026", "6:30 pm". Built from
 * parts rather than one Intl pattern, so the wording does not move with the ICU version.
 */

const NBSP = '\u00a0';

/** `2026-03-03` → « mardi 3 mars 2026 » / "Tuesday 3 March 2026". */
export function longDate(isoDate: string, lang: Language): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const parts = new Intl.DateTimeFormat(INTL_LOCALE[lang], { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .formatToParts(new Date(Date.UTC(y, m - 1, d)));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = lang === 'fr' && d === 1 ? '1er' : String(d);
  return [part('weekday'), day, part('month'), String(y)].join(' ');
}

/** `18:30` → « 18 h 30 » / "6:30 pm"; on the hour « 18 h » / "6 pm". */
export function clockTime(hhmm: string, lang: Language): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if (lang === 'fr') return m ? `${h}${NBSP}h${NBSP}${String(m).padStart(2, '0')}` : `${h}${NBSP}h`;
  // English: the 24-hour clock, as on every screen of Relais (en-GB), so paper and screen agree.
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** « 18 h 30 – 20 h » / "18:30 – 20:00" (an en dash between thin spaces would be too fussy). */
export const timeRange = (from: string, to: string, lang: Language) => `${clockTime(from, lang)} – ${clockTime(to, lang)}`;

/** The wall-clock time `minutes` after an event's start, in its own zone (`HH:MM`, day kept apart). */
export function shiftedLocal(startUtc: string, timeZone: string, minutes: number): Temporal.PlainDateTime {
  return Temporal.Instant.from(startUtc).toZonedDateTimeISO(timeZone).add({ minutes }).toPlainDateTime();
}

export const hhmm = (t: Temporal.PlainDateTime | Temporal.PlainTime) =>
  `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;

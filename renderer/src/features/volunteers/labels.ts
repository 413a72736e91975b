import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/api';
import { formatDate } from '../../../../shared/format';
import { INTL_LOCALE } from '../../../../shared/i18n';

// Keys built from data (a seeded skill's key) cannot be checked by the typed `t`.
type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** A seeded skill shows its translated key; one the association created shows its own name. */
export function skillLabel(t: TFunction<'volunteers'>, skill: { key: string | null; name: string | null }): string {
  if (skill.key) return (t as unknown as LooseT)(`volunteers:skills.${skill.key}`, { defaultValue: skill.name ?? skill.key });
  return skill.name ?? '';
}

/** The interface language, for Intl formatting. */
export function useLang(): Language {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'fr';
}

/** An instant (ISO-8601 UTC) as a local date and time: « 21 novembre 2026 à 14:05 ». */
export function formatInstant(iso: string, lang: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: 'long', timeStyle: 'short' }).format(d);
}

/** Today as `YYYY-MM-DD` in local time (the default "joined on"). */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A date in words: « 1er juin 2026 », "1 June 2026". */
export const longDate = (isoDate: string, lang: Language): string => formatDate(isoDate, lang, 'long');

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/api';
import { formatDate, formatMinutes, formatMoney, formatNumber } from '../../../shared/format';
import { INTL_LOCALE } from '../../../shared/i18n';

/** The UI language as a contract `Language` (anything unexpected reads as English). */
export function useLanguage(): Language {
  const { i18n } = useTranslation(['common', 'settings', 'setup']);
  return i18n.language === 'fr' ? 'fr' : 'en';
}

export interface Formatters {
  lang: Language;
  locale: string;
  date: (isoDate: string, style?: 'long' | 'short') => string;
  number: (n: number) => string;
  money: (cents: number, currency?: string) => string;
  minutes: (minutes: number) => string;
  /** An ISO instant (UTC) as a local date and time, e.g. « 21 novembre 2026 à 14:05 ». */
  dateTime: (isoInstant: string) => string;
}

/** shared/format bound to the current language; re-renders with a live language switch. */
export function useFormat(): Formatters {
  const lang = useLanguage();
  return useMemo(() => {
    const locale = INTL_LOCALE[lang];
    const dt = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
    return {
      lang,
      locale,
      date: (isoDate, style = 'long') => formatDate(isoDate, lang, style),
      number: (n) => formatNumber(n, lang),
      money: (cents, currency) => formatMoney(cents, lang, currency),
      minutes: (m) => formatMinutes(m, lang),
      dateTime: (iso) => dt.format(new Date(iso)),
    };
  }, [lang]);
}

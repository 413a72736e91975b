import type { Language } from '../../../shared/api/settings';
import { formatDate, formatMinutes, formatNumber } from '../../../shared/format';

const NBSP = '\u00a0';

/** « 1er janvier 2027 » / "1 January 2027", never broken across lines. */
export const documentDate = (isoDate: string, lang: Language): string => formatDate(isoDate, lang, 'long').replace(/ /g, NBSP);

/** The one way a number of minutes reads on paper: « 12 h 30 » / "12 h 30 min", unbreakable. */
export const documentHours = (minutes: number, lang: Language): string => formatMinutes(minutes, lang).replace(/ /g, NBSP);

export const documentNumber = (n: number, lang: Language): string => formatNumber(n, lang);

/** A French SIRET in its usual groups: 123 456 789 00019. */
export const formatSiret = (siret: string): string =>
  /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)}${NBSP}${siret.slice(3, 6)}${NBSP}${siret.slice(6, 9)}${NBSP}${siret.slice(9)}` : siret;

/**
 * French typography on text people typed, for French documents: a no-break space before
 * : ; ! ? and inside « », typographic apostrophes. English text is left as typed except for
 * the apostrophe.
 */
export function typography(text: string, lang: Language): string {
  let out = text.replace(/(\p{L})'(?=\p{L})/gu, '$1’');
  if (lang === 'fr') {
    out = out
      .replace(/[ \u00a0\u202f]*([;:!?»])/g, (m, p: string, offset: number, s: string) => {
        // Leave URLs and times alone ("https://", "18:30"): only punctuation after a word or a space.
        if (p === ':' && /\d$/.test(s.slice(0, offset)) && /^\d/.test(s.slice(offset + m.length))) return m;
        if (p === ':' && s.slice(offset + m.length).startsWith('//')) return m;
        return offset === 0 ? p : `${NBSP}${p}`;
      })
      .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`);
  }
  return out;
}

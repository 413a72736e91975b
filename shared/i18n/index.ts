import type { Language } from '../api/settings';
import enCommon from './locales/en/common.json';
import enErrors from './locales/en/errors.json';
import enMenu from './locales/en/menu.json';
import enSettings from './locales/en/settings.json';
import enSetup from './locales/en/setup.json';
import enValidation from './locales/en/validation.json';
import enVolunteers from './locales/en/volunteers.json';
import frCommon from './locales/fr/common.json';
import frErrors from './locales/fr/errors.json';
import frMenu from './locales/fr/menu.json';
import frSettings from './locales/fr/settings.json';
import frSetup from './locales/fr/setup.json';
import frValidation from './locales/fr/validation.json';
import frVolunteers from './locales/fr/volunteers.json';

/** Both languages are bundled: the app works offline from the first second. */
export const resources = {
  en: { common: enCommon, errors: enErrors, menu: enMenu, settings: enSettings, setup: enSetup, validation: enValidation, volunteers: enVolunteers },
  fr: { common: frCommon, errors: frErrors, menu: frMenu, settings: frSettings, setup: frSetup, validation: frValidation, volunteers: frVolunteers },
} as const;

export type Namespace = keyof (typeof resources)['en'];
export const NAMESPACES = Object.keys(resources.en) as Namespace[];
export const DEFAULT_NAMESPACE: Namespace = 'common';

/** First-run choice from the OS language: any French variant → French, everything else → English. */
export function pickLanguage(tags: readonly (string | undefined | null)[]): Language {
  const first = tags.find((t): t is string => typeof t === 'string' && t.length > 0);
  return first && /^fr(\b|[-_])/i.test(first) ? 'fr' : 'en';
}

/** Intl locale used for dates, numbers and money in each language. */
export const INTL_LOCALE: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

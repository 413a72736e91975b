import type { Language } from '../api/settings';
import enCertificates from './locales/en/certificates.json';
import enEvents from './locales/en/events.json';
import enFinance from './locales/en/finance.json';
import enHours from './locales/en/hours.json';
import enTrainings from './locales/en/trainings.json';
import frCertificates from './locales/fr/certificates.json';
import frEvents from './locales/fr/events.json';
import frFinance from './locales/fr/finance.json';
import frHours from './locales/fr/hours.json';
import frTrainings from './locales/fr/trainings.json';
import enBackups from './locales/en/backups.json';
import enCommon from './locales/en/common.json';
import enErrors from './locales/en/errors.json';
import enIo from './locales/en/io.json';
import enMenu from './locales/en/menu.json';
import enPrivacy from './locales/en/privacy.json';
import enSettings from './locales/en/settings.json';
import enSetup from './locales/en/setup.json';
import enValidation from './locales/en/validation.json';
import enVolunteers from './locales/en/volunteers.json';
import frBackups from './locales/fr/backups.json';
import frCommon from './locales/fr/common.json';
import frErrors from './locales/fr/errors.json';
import frIo from './locales/fr/io.json';
import frMenu from './locales/fr/menu.json';
import frPrivacy from './locales/fr/privacy.json';
import frSettings from './locales/fr/settings.json';
import frSetup from './locales/fr/setup.json';
import frValidation from './locales/fr/validation.json';
import frVolunteers from './locales/fr/volunteers.json';

/** Both languages are bundled: the app works offline from the first second. */
export const resources = {
  en: { backups: enBackups, certificates: enCertificates, events: enEvents, finance: enFinance, hours: enHours, trainings: enTrainings, common: enCommon, errors: enErrors, io: enIo, menu: enMenu, privacy: enPrivacy, settings: enSettings, setup: enSetup, validation: enValidation, volunteers: enVolunteers },
  fr: { backups: frBackups, certificates: frCertificates, events: frEvents, finance: frFinance, hours: frHours, trainings: frTrainings, common: frCommon, errors: frErrors, io: frIo, menu: frMenu, privacy: frPrivacy, settings: frSettings, setup: frSetup, validation: frValidation, volunteers: frVolunteers },
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

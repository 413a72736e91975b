import enCommon from '../../../shared/i18n/locales/en/common.json';
import en from '../../../shared/i18n/locales/en/volunteers.json';
import frCommon from '../../../shared/i18n/locales/fr/common.json';
import fr from '../../../shared/i18n/locales/fr/volunteers.json';

export type Lang = 'fr' | 'en';
export type VolunteerStrings = typeof en;

/** The same words the screens show, so page objects find fields by their visible labels. */
export const volunteerStrings: Record<Lang, VolunteerStrings> = { en, fr };

/** The shell's words (header search, sidebar). */
export const commonStrings: Record<Lang, typeof enCommon> = { en: enCommon, fr: frCommon };

/** `{{name}}` placeholders filled in, as i18next does. */
export const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

import type { Language } from '../../../shared/api';
import { resources } from '../../../shared/i18n';
import type { Context } from '../context';
import { getSettings } from '../settings/settings.service';

/** The app's language, for the words core writes into files. */
export async function fileLanguage(ctx: Context): Promise<Language> {
  return (await getSettings(ctx)).language ?? 'en';
}

/** Finance's words, with the names of hour categories and volunteer roles from their own domains. */
export const financeWords = (lang: Language) => ({
  ...resources[lang].finance,
  hourCategories: resources[lang].hours.categories,
  roles: resources[lang].volunteers.roles,
});

import type { Language } from '../../../shared/api/settings';
import { resources } from '../../../shared/i18n';

/** The words of printed documents, in the document's language (not the app's). */
export const documentWords = (lang: Language) => resources[lang].certificates.document;
export const prefillWords = (lang: Language) => resources[lang].certificates.prefill;

/** `{{name}}` placeholders → values (plain text; the caller escapes when it builds HTML). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}

import type { Language } from '../../../shared/api';
import { resources } from '../../../shared/i18n';

/**
 * A training's name in a language: the association's own name, or the seeded one's translation.
 * For what core writes itself (a session's default title, exports, certificates, finance).
 */
export function trainingLabel(training: { key: string | null; name: string | null }, lang: Language): string {
  if (training.name) return training.name;
  const catalogue = resources[lang].trainings.catalogue as Record<string, string>;
  return (training.key && catalogue[training.key]) || training.key || '';
}

/** Every name a training goes by (its own, or the seeded one in each language), folded for comparison. */
export function namesOf(training: { key: string | null; name: string | null }): string[] {
  if (training.name) return [fold(training.name)];
  return (['fr', 'en'] as const).map((lang) => fold(trainingLabel(training, lang)));
}

/** Case, accents and spacing do not make two trainings different. */
export const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

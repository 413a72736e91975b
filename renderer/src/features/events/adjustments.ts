import type { TFunction } from 'i18next';
import type { Adjustment, Language } from '../../../../shared/api';
import { clock, longDay } from './dates';

/**
 * One sentence per adjustment core made while saving: a time that does not exist that night (moved
 * forward), or a role shortened to end with its shortened event.
 */
export function adjustmentSentence(t: TFunction<'events'>, a: Adjustment, lang: Language): string {
  const when = { date: longDay(a.requested, lang), requested: clock(a.requested.slice(11, 16), lang), actual: clock(a.actual.slice(11, 16), lang) };
  return a.reason === 'roleShortened' ? t('adjustments.roleShortened', { ...when, role: a.roleName }) : t('adjustments.moved', when);
}

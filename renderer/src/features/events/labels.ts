import type { TFunction } from 'i18next';
import type { EventKind, Language } from '../../../../shared/api';
import { formatDate } from '../../../../shared/format';
import { clock, timePlus, weekdayNames } from './dates';

/** A calm colour per kind of event (always with its name in words next to it, never colour alone). */
export const KIND_COLORS: Record<EventKind, string> = {
  community: 'blue',
  support_group: 'teal',
  training: 'grape',
  workshop: 'orange',
  board_meeting: 'gray',
  general_meeting: 'indigo',
};

/** The rule of a series in words: « Toutes les deux semaines le mardi, 18 h 30 – 20 h, 12 séances ». */
export function describeRule(
  t: TFunction<'events'>,
  lang: Language,
  s: { frequency: 'weekly' | 'biweekly' | 'monthly'; weekday: number; monthOrdinal: number | null; startTime: string; durationMinutes: number; untilOn: string | null; count: number | null },
): string {
  const day = weekdayNames(lang)[s.weekday - 1]!;
  const when =
    s.frequency === 'monthly'
      ? t('rule.monthly', { ordinal: t(`ordinals.${String(s.monthOrdinal ?? 1) as '1' | '2' | '3' | '4' | '5' | '-1'}`), day })
      : t(`rule.${s.frequency}`, { day });
  const hours = `${clock(s.startTime, lang)} – ${clock(timePlus(s.startTime, s.durationMinutes), lang)}`;
  const end = s.count !== null ? t('rule.count', { count: s.count }) : t('rule.until', { date: formatDate(s.untilOn ?? '', lang) });
  return `${when}, ${hours}, ${end}`;
}

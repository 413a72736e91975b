import type { TFunction } from 'i18next';
import type { AssignmentWarning, Language, RoleWarning, Skill, Slot, SuggestionReason } from '../../../../../shared/api';
import { formatMinutes } from '../../../../../shared/format';
import { skillLabel } from '../../volunteers/labels';
import { clock, longDay } from '../dates';

/**
 * Every reason and warning of staffing as one plain sentence in the reader's language. Core sends
 * facts (kinds, minutes, ids); the words are made here.
 */

// Keys built from data (a level, a slot, a training key) cannot be checked by the typed `t`.
type LooseT = (key: string, options?: Record<string, unknown>) => string;
const loose = (t: unknown) => t as LooseT;

export interface SentenceContext {
  t: TFunction<'events'>;
  tv: TFunction<'volunteers'>;
  lang: Language;
  skills: ReadonlyMap<number, Skill>;
  /** The event's time zone: clashing shifts are shown in it. */
  timeZone: string;
}

const skillName = (c: SentenceContext, id: number) => {
  const s = c.skills.get(id);
  return s ? skillLabel(c.tv, s) : `#${id}`;
};
/** A training by its key (seeded, translated) or the association's own name. */
export const trainingLabel = (c: Pick<SentenceContext, 't'>, w: { trainingKey?: string | null; trainingName?: string | null; key?: string | null; name?: string | null; trainingId?: number; id?: number }) => {
  const name = w.trainingName ?? w.name ?? null;
  const key = w.trainingKey ?? w.key ?? null;
  return name ?? (key ? loose(c.t)(`trainings:catalogue.${key}`) : `#${w.trainingId ?? w.id ?? ''}`);
};
const level = (c: SentenceContext, n: number) => loose(c.tv)(`volunteers:levels.${n}`);
const hours = (c: SentenceContext, minutes: number) => formatMinutes(minutes, c.lang);

/** « mardi soir », "Tuesday evening". */
export function slotLabel(tv: TFunction<'volunteers'>, slot: Slot): string {
  const [day, part] = slot.split('.') as [string, string];
  return `${loose(tv)(`volunteers:days.${day}`)} ${loose(tv)(`volunteers:parts.${part}`)}`;
}

/** An instant shown as the wall clock of the event's zone: « mardi 3 mars 2026, 18 h 30 ». */
function localWhen(iso: string, c: SentenceContext): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: c.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${longDay(`${get('year')}-${get('month')}-${get('day')}`, c.lang)}, ${clock(`${get('hour')}:${get('minute')}`, c.lang)}`;
}

export function reasonSentence(r: SuggestionReason, c: SentenceContext): string {
  const t = loose(c.t);
  switch (r.kind) {
    case 'skill':
      if (r.level === null) return t('staffing.reasons.skillMissing', { skill: skillName(c, r.skillId) });
      return t(r.ok ? 'staffing.reasons.skillOk' : 'staffing.reasons.skillLow', {
        skill: skillName(c, r.skillId),
        level: level(c, r.level),
        min: level(c, r.minLevel),
      });
    case 'availability': {
      const slots = r.slots.map((s) => slotLabel(c.tv, s)).join(', ');
      const key = { full: 'availabilityFull', partial: 'availabilityPartial', none: 'availabilityNone', unknown: 'availabilityUnknown' }[r.match];
      return t(`staffing.reasons.${key}`, { slots });
    }
    case 'format':
      return t(r.ok ? 'staffing.reasons.formatOk' : 'staffing.reasons.formatNo', {
        preferred: loose(c.tv)(`volunteers:formats.${r.preferred}`),
        format: t(`formats.${r.eventFormat}`),
      });
    case 'load':
      return r.minutes === 0 ? t('staffing.reasons.loadNone') : t('staffing.reasons.load', { hours: hours(c, r.minutes) });
    case 'overlap': {
      const first = r.clashes[0];
      return r.ok || !first ? t('staffing.reasons.overlapOk') : t('staffing.reasons.overlapNo', { role: first.roleName, title: first.eventTitle });
    }
    case 'weeklyCap':
      return t(r.ok ? 'staffing.reasons.capOk' : 'staffing.reasons.capNo', { hours: hours(c, r.minutes), cap: hours(c, r.capMinutes) });
    case 'confidentiality':
      return t(r.ok ? 'staffing.reasons.confidentialityOk' : 'staffing.reasons.confidentialityNo');
    case 'status':
      return t('staffing.reasons.paused');
    case 'qualification': {
      const training = trainingLabel(c, r);
      if (r.state === 'qualified') return t('staffing.reasons.qualificationOk', { training });
      if (r.state === 'expired' && r.expiredOn) return t('staffing.reasons.qualificationExpired', { training, date: longDay(r.expiredOn, c.lang) });
      return t('staffing.reasons.qualificationMissing', { training });
    }
  }
}

/** Whether a reason speaks for the person (shown with a tick) or against (a cross). */
export function reasonIsGood(r: SuggestionReason): boolean {
  switch (r.kind) {
    case 'skill':
    case 'format':
    case 'overlap':
    case 'weeklyCap':
    case 'confidentiality':
      return r.ok;
    case 'availability':
      return r.match === 'full';
    case 'load':
      return r.points > 0;
    case 'status':
      return false;
    case 'qualification':
      return r.state === 'qualified';
  }
}

export function warningSentence(w: AssignmentWarning | RoleWarning, c: SentenceContext): string {
  const t = loose(c.t);
  switch (w.kind) {
    case 'overlap':
      return t('staffing.warnings.overlap', { role: w.roleName, title: w.eventTitle, when: localWhen(w.startUtc, c) });
    case 'weeklyCap':
      return t('staffing.warnings.weeklyCap', { hours: hours(c, w.minutes), week: longDay(w.weekStart, c.lang), cap: hours(c, w.capMinutes) });
    case 'confidentiality':
      return t('staffing.warnings.confidentiality');
    case 'archived':
      return t('staffing.warnings.archived');
    case 'status':
      return t(w.status === 'paused' ? 'staffing.warnings.paused' : 'staffing.warnings.left');
    case 'underStaffed':
      return t('staffing.warnings.underStaffed', { missing: w.needed - w.filled });
    case 'qualificationMissing':
    case 'qualificationExpired': {
      const training = trainingLabel(c, w);
      return w.kind === 'qualificationExpired'
        ? t('staffing.warnings.qualificationExpired', { training, date: longDay(w.expiredOn, c.lang) })
        : t('staffing.warnings.qualificationMissing', { training });
    }
  }
}

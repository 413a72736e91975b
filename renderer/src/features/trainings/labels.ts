import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../../shared/api';
import { translateError, translateIssue, type AnyT } from '../../components/errors';
import { ApiError, fieldErrors } from '../../lib/api';

type LooseT = (key: string, options?: Record<string, unknown>) => string;
const loose = (t: AnyT): LooseT => t as LooseT;

/** A seeded training shows its translated key; one the association added shows its own name. */
export function trainingName(t: AnyT, training: { key: string | null; name: string | null }): string {
  if (training.name) return training.name;
  if (!training.key) return '';
  return loose(t)(`trainings:catalogue.${training.key}`, { defaultValue: training.key });
}

/** A validation issue's sentence: the trainings' own first, then the shared `validation` ones. */
export function issueText(t: AnyT, issue: { key: string; params?: Record<string, string | number> }): string {
  return loose(t)(`trainings:issues.${issue.key}`, { ...issue.params, defaultValue: translateIssue(t, issue) });
}

/** A failed call in one sentence: a trainings reason when it has one, else the general sentence. */
export function errorText(t: AnyT, err: unknown): string {
  const reason = err instanceof ApiError ? err.error.details?.['reason'] : undefined;
  const general = translateError(t, err);
  return typeof reason === 'string' ? loose(t)(`trainings:reasons.${reason}`, { defaultValue: general }) : general;
}

export interface IssueMessages {
  /** The sentence for a field (dotted path), if any. */
  (path: string): string | undefined;
  /** Sentences of issues at paths the form does not show next to a field. */
  others(shown: readonly string[]): string[];
}

/** Field messages of a VALIDATION error, in the user's language, for the trainings forms. */
export function useIssues(err: unknown): IssueMessages {
  const { t, i18n } = useTranslation(['trainings', 'validation', 'errors', 'common']);
  return useMemo(() => {
    const issues = fieldErrors(err);
    const fn = ((path: string) => {
      const issue = issues[path];
      return issue ? issueText(t, issue) : undefined;
    }) as IssueMessages;
    fn.others = (shown) =>
      [...new Set(Object.entries(issues).filter(([p]) => !shown.some((s) => p === s || p.startsWith(`${s}.`))).map(([, issue]) => issueText(t, issue)))];
    return fn;
    // i18n.language: messages follow a live language switch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [err, t, i18n.language]);
}

export type SessionStatus = 'planned' | 'toComplete' | 'completed' | 'cancelled';

/** Where a session stands: cancelled, completed, over and waiting to be closed, or still to come. */
export function sessionStatus(s: Pick<SessionSummary, 'cancelled' | 'completedOn' | 'endLocal'>, today: string): SessionStatus {
  if (s.cancelled) return 'cancelled';
  if (s.completedOn) return 'completed';
  return s.endLocal.slice(0, 10) <= today ? 'toComplete' : 'planned';
}

export const STATUS_COLOR: Record<SessionStatus, string> = { planned: 'blue', toComplete: 'orange', completed: 'teal', cancelled: 'gray' };
export const STATE_COLOR = { qualified: 'teal', in_training: 'blue', expired: 'red' } as const;

/** Today on this computer's calendar, `YYYY-MM-DD`. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  const ms = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10)) - Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  return Math.round(ms / 86_400_000);
}

export const personName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

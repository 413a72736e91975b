import { Temporal } from 'temporal-polyfill';
import type { QualificationState } from '../../../shared/api/trainings';

/**
 * Validity arithmetic, in calendar months with Temporal: 31 January + 1 month is the last day of
 * February (28 or 29), never 3 March; 29 February + 12 months is 28 February. The expiry date is
 * the first day a qualification is no longer valid: obtained 15 March 2026 for 36 months, it is
 * valid up to 14 March 2029 and expired on 15 March 2029.
 */
export function expiryDate(obtainedOn: string, validityMonths: number | null): string | null {
  if (validityMonths === null) return null;
  return Temporal.PlainDate.from(obtainedOn).add({ months: validityMonths }, { overflow: 'constrain' }).toString();
}

/** Today on the computer's calendar (the association's office), not in UTC. */
export const localToday = (): string => Temporal.Now.plainDateISO().toString();

export const addDays = (day: string, days: number): string => Temporal.PlainDate.from(day).add({ days }).toString();

export interface HeldQualification {
  obtainedOn: string;
  expiresOn: string | null;
}

/** Held on that day: obtained by then and not expired yet. */
export const isValidOn = (q: HeldQualification, day: string): boolean => q.obtainedOn <= day && (q.expiresOn === null || day < q.expiresOn);

/** The one that lasts longest (no expiry beats any date); ties: the most recently obtained. */
export function longestLasting<Q extends HeldQualification>(qs: readonly Q[]): Q | null {
  let best: Q | null = null;
  for (const q of qs) {
    if (!best) best = q;
    else if (best.expiresOn !== null && (q.expiresOn === null || q.expiresOn > best.expiresOn)) best = q;
    else if (best.expiresOn === q.expiresOn && q.obtainedOn > best.obtainedOn) best = q;
  }
  return best;
}

/**
 * Where someone stands for one training on a day, from what they hold (qualifications obtained by
 * then) and whether they are enrolled in a session not completed yet. Null: nothing to say.
 * A valid qualification wins over an enrolment (a refresher booked early); an enrolment wins over
 * an expired one (they are on their way back).
 */
export function stateOn(held: readonly HeldQualification[], enrolled: boolean, day: string): QualificationState | null {
  const obtained = held.filter((q) => q.obtainedOn <= day);
  if (obtained.some((q) => isValidOn(q, day))) return 'qualified';
  if (enrolled) return 'in_training';
  return obtained.length > 0 ? 'expired' : null;
}

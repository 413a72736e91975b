import type { AssignmentWarning } from '../../../shared/api';
import type { Sqlite } from '../db/connection';
import type { AssignmentCheck } from '../events/warnings';
import { findTraining } from './trainings.repository';
import { isValidOn, longestLasting, type HeldQualification } from './validity';

/**
 * « Qualification missing or expired »: the check staffing runs when someone is assigned to a role
 * that requires a training (`event_roles.required_training_id`). Valid means obtained by the day of
 * the event and not expired on that day — someone qualified today whose qualification expires the
 * week before the event gets the warning now, while there is time to renew it.
 */
export type QualificationWarningKind = 'qualificationMissing' | 'qualificationExpired';

export interface QualificationWarning {
  kind: QualificationWarningKind;
  trainingId: number;
  /** For an expired one: the day it stopped being valid. */
  expiredOn: string | null;
}

export function qualificationWarnings(sqlite: Sqlite, volunteerId: number, trainingId: number, onDate: string): QualificationWarning[] {
  const held = sqlite
    .prepare('SELECT obtained_on AS obtainedOn, expires_on AS expiresOn FROM qualifications WHERE volunteer_id = ? AND training_id = ? AND obtained_on <= ?')
    .all(volunteerId, trainingId, onDate) as { obtainedOn: string; expiresOn: string | null }[];
  if (held.some((q) => isValidOn(q, onDate))) return [];
  const last = longestLasting(held);
  return [last ? { kind: 'qualificationExpired', trainingId, expiredOn: last.expiresOn } : { kind: 'qualificationMissing', trainingId, expiredOn: null }];
}

/**
 * The staffing check (plugged into `ASSIGNMENT_CHECKS`, electron/core/events/warnings.ts): the
 * role's required training, held or not on the event's day, with the training's key or name for
 * the sentence.
 */
export const qualificationCheck: AssignmentCheck = ({ sqlite, role, person }) => {
  const training = role.requiredTraining;
  if (training === null) return [];
  const found = qualificationWarnings(sqlite, person.id, training.id, role.event.startLocal.slice(0, 10));
  const named = { trainingId: training.id, trainingKey: training.key, trainingName: training.name };
  return found.map((w): AssignmentWarning =>
    w.kind === 'qualificationExpired' ? { kind: 'qualificationExpired', ...named, expiredOn: w.expiredOn! } : { kind: 'qualificationMissing', ...named },
  );
};

/** Where each person stands for a required training on a day, as suggestions rank them. */
export interface QualificationStanding {
  state: 'qualified' | 'expired' | 'missing';
  /** For an expired one: the day the longest-lasting qualification stopped being valid. */
  expiredOn: string | null;
}

/**
 * The same rule as `qualificationWarnings`, for a page of people at once (one walk of
 * `qualifications_by_volunteer` per person): qualified, expired by that day, or missing.
 */
export function qualificationStandings(sqlite: Sqlite, trainingId: number, volunteerIds: readonly number[], onDate: string): Map<number, QualificationStanding> {
  const out = new Map<number, QualificationStanding>(volunteerIds.map((id) => [id, { state: 'missing', expiredOn: null }]));
  if (volunteerIds.length === 0) return out;
  const rows = sqlite
    .prepare(
      `SELECT volunteer_id AS volunteerId, obtained_on AS obtainedOn, expires_on AS expiresOn FROM qualifications
       WHERE volunteer_id IN (SELECT value FROM json_each(?)) AND training_id = ? AND obtained_on <= ?`,
    )
    .all(JSON.stringify(volunteerIds), trainingId, onDate) as ({ volunteerId: number } & HeldQualification)[];
  const held = new Map<number, HeldQualification[]>();
  for (const { volunteerId, ...q } of rows) held.set(volunteerId, [...(held.get(volunteerId) ?? []), q]);
  for (const [volunteerId, qs] of held) {
    if (qs.some((q) => isValidOn(q, onDate))) out.set(volunteerId, { state: 'qualified', expiredOn: null });
    else out.set(volunteerId, { state: 'expired', expiredOn: longestLasting(qs)!.expiresOn });
  }
  return out;
}

/**
 * Whether a role (a one-off role, or a series' role template) may require this training: it must
 * be in the catalogue, and not archived — unless the role already required it (`previous`), so
 * archiving a training never makes the roles that use it unsavable. Answers the issue key or null.
 */
export function requiredTrainingIssue(sqlite: Sqlite, trainingId: number | null, previous: number | null): 'unknownTraining' | 'trainingArchived' | null {
  if (trainingId === null) return null;
  const training = findTraining(sqlite, trainingId);
  if (!training) return 'unknownTraining';
  if (training.archived === 1 && trainingId !== previous) return 'trainingArchived';
  return null;
}

import type { AssignmentWarning } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import type { Sqlite } from '../db/connection';
import type { AssignmentCheck } from '../events/warnings';
import { findTraining } from './trainings.repository';
import { isValidOn, longestLasting } from './validity';

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
 * The same check for a role and a person: nothing when the role requires no training. The day is
 * the event's own (its local start date).
 */
export function roleQualificationWarnings(sqlite: Sqlite, roleId: number, volunteerId: number): QualificationWarning[] {
  const role = sqlite
    .prepare('SELECT r.required_training_id, substr(e.start_local, 1, 10) AS day FROM event_roles r JOIN events e ON e.id = r.event_id WHERE r.id = ?')
    .get(roleId) as { required_training_id: number | null; day: string } | undefined;
  if (!role || role.required_training_id === null) return [];
  return qualificationWarnings(sqlite, volunteerId, role.required_training_id, role.day);
}

/**
 * The staffing check (plugged into `ASSIGNMENT_CHECKS`, electron/core/events/warnings.ts): the
 * role's required training, held or not on the event's day, with the training's key or name for
 * the sentence.
 */
export const qualificationCheck: AssignmentCheck = ({ sqlite, role, person }) => {
  const required = sqlite.prepare('SELECT required_training_id FROM event_roles WHERE id = ?').pluck().get(role.id) as number | null | undefined;
  if (required === null || required === undefined) return [];
  const found = qualificationWarnings(sqlite, person.id, required, role.event.startLocal.slice(0, 10));
  if (found.length === 0) return [];
  const training = findTraining(sqlite, required)!;
  const named = { trainingId: required, trainingKey: training.key, trainingName: training.name };
  return found.map((w): AssignmentWarning =>
    w.kind === 'qualificationExpired' ? { kind: 'qualificationExpired', ...named, expiredOn: w.expiredOn! } : { kind: 'qualificationMissing', ...named },
  );
};

export function roleRequirement(sqlite: Sqlite, roleId: number): { roleId: number; requiredTrainingId: number | null } {
  const role = sqlite.prepare('SELECT required_training_id FROM event_roles WHERE id = ?').get(roleId) as { required_training_id: number | null } | undefined;
  if (!role) throw new RelaisFailure('NOT_FOUND', { roleId });
  return { roleId, requiredTrainingId: role.required_training_id };
}

/** Sets (or clears) the training a role requires. An archived training can no longer be newly required. */
export function setRoleRequirement(sqlite: Sqlite, roleId: number, trainingId: number | null): { roleId: number; requiredTrainingId: number | null } {
  const role = sqlite.prepare('SELECT required_training_id FROM event_roles WHERE id = ?').get(roleId) as { required_training_id: number | null } | undefined;
  if (!role) throw new RelaisFailure('NOT_FOUND', { roleId });
  if (trainingId !== null) {
    const training = findTraining(sqlite, trainingId);
    if (!training) throw new RelaisFailure('VALIDATION', { issues: [{ path: ['trainingId'], key: 'unknownTraining' }] });
    if (training.archived === 1 && role.required_training_id !== trainingId) {
      throw new RelaisFailure('VALIDATION', { issues: [{ path: ['trainingId'], key: 'trainingArchived' }] });
    }
  }
  sqlite.prepare('UPDATE event_roles SET required_training_id = ? WHERE id = ?').run(trainingId, roleId);
  return { roleId, requiredTrainingId: trainingId };
}

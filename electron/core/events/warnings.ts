import type { AssignmentWarning, RoleWarning } from '../../../shared/api';
import type { Sqlite } from '../db/connection';
import { weeklyHourCap } from '../settings/settings.service';
import { qualificationCheck } from '../trainings/warnings';
import { clashesFor, roleWeek, roleWindow, weekMinutesWith, type RoleFacts } from './shifts';

/**
 * Staffing warnings: what deserves a second look about one person on one role. They never block:
 * the assignment is saved, the answer and the staffing panel show them.
 *
 * EXTENSION POINT — a new warning (e.g. a training qualification missing or expired) is:
 *  1. a variant in `assignmentWarning` (shared/api/events/staffing.ts),
 *  2. an `AssignmentCheck` appended to `ASSIGNMENT_CHECKS` below,
 *  3. a sentence under `events:staffing.warnings.<kind>` in both languages.
 * A check reads what it needs with the connection it is given and answers zero or more warnings;
 * it must not write.
 */

/** The person as the checks see them. */
export interface AssignedPerson {
  id: number;
  status: 'active' | 'paused' | 'left';
  archivedAt: string | null;
  confidentialitySignedOn: string | null;
}

export interface CheckInput {
  sqlite: Sqlite;
  role: RoleFacts;
  person: AssignedPerson;
  /** From Settings, hours (null: no cap); read once per call by `assignmentWarnings`. */
  weeklyHourCap: number | null;
}

export type AssignmentCheck = (input: CheckInput) => AssignmentWarning[];

const statusCheck: AssignmentCheck = ({ person }) => {
  const out: AssignmentWarning[] = [];
  if (person.archivedAt !== null) out.push({ kind: 'archived' });
  if (person.status !== 'active') out.push({ kind: 'status', status: person.status });
  return out;
};

const confidentialityCheck: AssignmentCheck = ({ role, person }) =>
  role.event.confidentialityRequired && !person.confidentialitySignedOn ? [{ kind: 'confidentiality' }] : [];

const overlapCheck: AssignmentCheck = ({ sqlite, role, person }) =>
  (clashesFor(sqlite, [person.id], roleWindow(role), role.id).get(person.id) ?? []).map((c) => ({ kind: 'overlap', ...c }));

const weeklyCapCheck: AssignmentCheck = ({ sqlite, role, person, weeklyHourCap: cap }) => {
  if (cap === null) return [];
  const minutes = weekMinutesWith(sqlite, [person.id], role).get(person.id) ?? 0;
  return minutes > cap * 60 ? [{ kind: 'weeklyCap', weekStart: roleWeek(role).monday, minutes, capMinutes: cap * 60 }] : [];
};

/** Every check, in the order their warnings are shown. Append new ones here (see above). */
export const ASSIGNMENT_CHECKS: AssignmentCheck[] = [statusCheck, confidentialityCheck, overlapCheck, weeklyCapCheck, qualificationCheck];

/** The warnings of one person on one role, as it stands now (their assignment saved or not). */
export function assignmentWarnings(sqlite: Sqlite, role: RoleFacts, person: AssignedPerson, cap = weeklyHourCap(sqlite)): AssignmentWarning[] {
  return ASSIGNMENT_CHECKS.flatMap((check) => check({ sqlite, role, person, weeklyHourCap: cap }));
}

/** What is wrong with the role as a whole: fewer people than needed. */
export function roleWarnings(role: Pick<RoleFacts, 'needed'>, filled: number): RoleWarning[] {
  return filled < role.needed ? [{ kind: 'underStaffed', needed: role.needed, filled }] : [];
}

import type { RoleTemplate } from '../../../shared/api/events/planning';
import type { FieldIssue } from '../../../shared/errors';
import { RelaisFailure } from '../../../shared/errors';
import type { Sqlite } from '../db/connection';
import { requiredTrainingIssue } from '../trainings/warnings';
import { defaultTimeZone, isTimeZone } from './time';

/**
 * What the contract cannot check about a planned event or series: that the zone, programme,
 * people and skills it names exist and may be used. Issues collect, then one VALIDATION failure
 * names every field to fix; nothing has been written yet.
 */
export class PlanningIssues {
  readonly issues: FieldIssue[] = [];

  add(path: (string | number)[], key: string, params?: Record<string, string | number>): void {
    this.issues.push(params ? { path, key, params } : { path, key });
  }

  throwIfAny(): void {
    if (this.issues.length) throw new RelaisFailure('VALIDATION', { issues: this.issues });
  }
}

/** The zone to plan in: the one asked for (checked) or the association's default. */
export function zoneFor(sqlite: Sqlite, requested: string | null, issues: PlanningIssues): string {
  if (requested === null) return defaultTimeZone(sqlite);
  if (!isTimeZone(requested)) issues.add(['timeZone'], 'planning.timeZone');
  return requested;
}

/** A programme must exist; an archived one is refused unless the record already had it. */
export function checkProgramme(sqlite: Sqlite, programmeId: number | null, previous: number | null, issues: PlanningIssues): void {
  if (programmeId === null) return;
  const row = sqlite.prepare('SELECT archived FROM programmes WHERE id = ?').get(programmeId) as { archived: number } | undefined;
  if (!row) issues.add(['programmeId'], 'planning.unknownProgramme');
  else if (row.archived === 1 && programmeId !== previous) issues.add(['programmeId'], 'planning.programmeArchived');
}

/**
 * Facilitators must be people of the registry. An erased person cannot be named again; an
 * archived one only if they were already there (then the event page shows a warning).
 */
export function checkFacilitators(sqlite: Sqlite, ids: readonly number[], previous: readonly number[], issues: PlanningIssues): void {
  if (ids.length === 0) return;
  const rows = sqlite
    .prepare(
      `SELECT v.id, v.archived_at, EXISTS (SELECT 1 FROM erasures x WHERE x.volunteer_id = v.id) AS erased
       FROM volunteers v WHERE v.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as { id: number; archived_at: string | null; erased: number }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  ids.forEach((id, i) => {
    const row = byId.get(id);
    if (!row) issues.add(['facilitatorIds', i], 'planning.unknownVolunteer');
    else if (row.erased === 1) issues.add(['facilitatorIds', i], 'planning.volunteerErased');
    else if (row.archived_at !== null && !previous.includes(id)) issues.add(['facilitatorIds', i], 'planning.volunteerArchived');
  });
}

/**
 * Roles must fit inside the event, ask for skills of the catalogue and require a training of the
 * catalogue. `previousTraining` gives, for a series role being edited (by its id), the training it
 * already required: an archived training stays allowed there, never newly chosen.
 */
export function checkRoles(
  sqlite: Sqlite,
  roles: readonly RoleTemplate[],
  durationMinutes: number,
  issues: PlanningIssues,
  previousTraining: ReadonlyMap<number, number | null> = new Map(),
): void {
  const skillIds = [...new Set(roles.flatMap((r) => r.skills.map((s) => s.skillId)))];
  const usable = new Set(
    skillIds.length
      ? (sqlite.prepare('SELECT id FROM skills WHERE archived = 0 AND id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(skillIds)) as number[])
      : [],
  );
  roles.forEach((role, i) => {
    if (role.endOffset > durationMinutes) issues.add(['roles', i, 'endOffset'], 'planning.roleOutsideEvent');
    role.skills.forEach((s, j) => {
      if (!usable.has(s.skillId)) issues.add(['roles', i, 'skills', j, 'skillId'], 'unknownSkill');
    });
    const training = requiredTrainingIssue(sqlite, role.requiredTrainingId, role.id === null ? null : (previousTraining.get(role.id) ?? null));
    if (training) issues.add(['roles', i, 'requiredTrainingId'], training);
  });
}

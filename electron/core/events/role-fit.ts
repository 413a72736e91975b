import { Temporal } from 'temporal-polyfill';
import type { RoleAdjustment } from '../../../shared/api/events/planning';
import { RelaisFailure } from '../../../shared/errors';
import type { Sqlite } from '../db/connection';

/**
 * A role (shift) always lies inside its event: its window counts minutes from the event's start
 * and must end by the event's end. Moving an event keeps its roles where they are relative to its
 * start; shortening it (or moving it onto a daylight-saving night that makes it shorter) may leave
 * some roles running past the new end. What happens then, for `events.update` and series edits:
 *
 * - a role that starts before the new end but ends after it is shortened to end with the event,
 *   and the answer lists it (`roleShortened` adjustment: the role, its old and new end) so the form
 *   says so. The people assigned stay assigned: only the end of their shift moves, and the hours
 *   they will be counted come from attendance, not from the window.
 * - a role that would start at or after the new end cannot be shortened into the event without
 *   becoming empty: the whole edit is refused (VALIDATION, issue `planning.rolesAfterEnd` on the end
 *   field, naming those roles) and, the check running inside the edit's transaction, nothing is
 *   written. The secretary moves or removes that role in the Staffing tab first.
 *
 * Series edits only reach sessions still free to change; their template roles are checked against
 * the new length beforehand, so what can overflow here is a role added by hand on one session.
 * The caller owns the transaction (and has already written the events' new times).
 */
export function fitRolesInside(sqlite: Sqlite, eventIds: readonly number[], endField: string): RoleAdjustment[] {
  if (eventIds.length === 0) return [];
  const rows = sqlite
    .prepare(
      `SELECT r.id AS roleId, r.name AS roleName, r.start_offset AS startOffset, r.end_offset AS endOffset, e.id AS eventId,
         e.series_position AS position, e.start_utc AS startUtc, e.end_local AS endLocal, e.time_zone AS timeZone,
         (unixepoch(e.end_utc) - unixepoch(e.start_utc)) / 60 AS minutes
       FROM events e JOIN event_roles r ON r.event_id = e.id
       WHERE e.id IN (SELECT value FROM json_each(?)) AND r.end_offset * 60 > unixepoch(e.end_utc) - unixepoch(e.start_utc)
       ORDER BY e.start_utc, e.id, r.position, r.id`,
    )
    .all(JSON.stringify(eventIds)) as {
    roleId: number;
    roleName: string;
    startOffset: number;
    endOffset: number;
    eventId: number;
    position: number | null;
    startUtc: string;
    endLocal: string;
    timeZone: string;
    minutes: number;
  }[];
  const after = rows.filter((r) => r.startOffset >= r.minutes);
  if (after.length) {
    const roles = [...new Set(after.map((r) => r.roleName))].join(', ');
    throw new RelaisFailure('VALIDATION', { issues: [{ path: [endField], key: 'planning.rolesAfterEnd', params: { roles } }] });
  }
  const shorten = sqlite.prepare('UPDATE event_roles SET end_offset = ? WHERE id = ?');
  return rows.map((r) => {
    shorten.run(r.minutes, r.roleId);
    return {
      position: r.position,
      eventId: r.eventId,
      roleId: r.roleId,
      roleName: r.roleName,
      requested: localAt(r.startUtc, r.endOffset, r.timeZone),
      actual: r.endLocal,
      reason: 'roleShortened',
    };
  });
}

/** The wall clock `minutes` after an instant, in a zone: `YYYY-MM-DDTHH:MM`. */
const localAt = (utc: string, minutes: number, zone: string) =>
  Temporal.Instant.from(utc).add({ minutes }).toZonedDateTimeISO(zone).toPlainDateTime().toString().slice(0, 16);

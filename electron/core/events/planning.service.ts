import type { Adjustment, EventData, EventDetail } from '../../../shared/api/events/planning';
import { MAX_EVENT_MINUTES } from '../../../shared/api/events/planning';
import { RelaisFailure } from '../../../shared/errors';
import { nowIso } from '../clock';
import type { Context } from '../context';
import { PlanningIssues, checkFacilitators, checkProgramme, checkRoles, zoneFor } from './planning.checks';
import { eventRowOrThrow, isAttended, loadEventDetail, type EventRow } from './planning.repository';
import { insertEvent, insertRoles, replaceFacilitators, templateColumns, updateEventColumns } from './planning.writes';
import { fitRolesInside } from './role-fit';
import { minutesBetween, placeEvent } from './time';

export const getEvent = (ctx: Context, id: number): EventDetail => loadEventDetail(ctx.sqlite, id, nowIso());

/** Where the event falls, checked: a real length, at most a day, end after start once placed in its zone. */
function placeChecked(data: EventData, zone: string, issues: PlanningIssues, position: number | null) {
  const placed = placeEvent(data.start, data.end, zone, position);
  const minutes = minutesBetween(placed.start.utc, placed.end.utc);
  if (minutes <= 0) issues.add(['end'], 'planning.endBeforeStart');
  else if (minutes > MAX_EVENT_MINUTES) issues.add(['end'], 'planning.durationTooLong', { max: MAX_EVENT_MINUTES / 60 });
  return { ...placed, minutes };
}

export function createEvent(ctx: Context, data: EventData): { event: EventDetail; adjustments: Adjustment[] } {
  const issues = new PlanningIssues();
  const zone = zoneFor(ctx.sqlite, data.timeZone, issues);
  checkProgramme(ctx.sqlite, data.programmeId, null, issues);
  checkFacilitators(ctx.sqlite, data.facilitatorIds, [], issues);
  issues.throwIfAny(); // an unknown zone cannot place the times
  const placed = placeChecked(data, zone, issues, null);
  checkRoles(ctx.sqlite, data.roles, placed.minutes, issues);
  issues.throwIfAny();
  const at = nowIso();
  const id = ctx.sqlite.transaction(() => {
    const eventId = insertEvent(
      ctx.sqlite,
      {
        series_id: null,
        series_position: null,
        ...templateColumns(data, zone),
        start_local: placed.start.local,
        end_local: placed.end.local,
        start_utc: placed.start.utc,
        end_utc: placed.end.utc,
      },
      at,
    );
    replaceFacilitators(ctx.sqlite, 'event_facilitators', eventId, data.facilitatorIds);
    insertRoles(ctx.sqlite, eventId, data.roles.map((r) => ({ ...r, seriesRoleId: null })));
    return eventId;
  })();
  return { event: getEvent(ctx, id), adjustments: placed.adjustments };
}

/**
 * Edits or moves one event. An occurrence of a series becomes detached: later edits of the series
 * leave it as it is. An attended event keeps its date and times (its hours were counted on them).
 * Roles are edited in the staffing tab, not here; but they must stay inside the event: a shorter
 * event shortens the roles that ran past its new end and says so in `adjustments`, and a role that
 * would start after the new end refuses the edit (see role-fit.ts). One transaction: a refusal
 * writes nothing.
 */
export function updateEvent(ctx: Context, id: number, data: EventData): { event: EventDetail; adjustments: Adjustment[] } {
  const before = eventRowOrThrow(ctx.sqlite, id);
  const issues = new PlanningIssues();
  const zone = zoneFor(ctx.sqlite, data.timeZone ?? before.time_zone, issues);
  checkProgramme(ctx.sqlite, data.programmeId, before.programme_id, issues);
  const previous = ctx.sqlite.prepare('SELECT volunteer_id FROM event_facilitators WHERE event_id = ?').pluck().all(id) as number[];
  checkFacilitators(ctx.sqlite, data.facilitatorIds, previous, issues);
  issues.throwIfAny();
  const placed = placeChecked(data, zone, issues, null);
  const moved = placed.start.utc !== before.start_utc || placed.end.utc !== before.end_utc || zone !== before.time_zone;
  if (moved && isAttended(ctx.sqlite, id)) issues.add(['start'], 'planning.attendedLocked');
  issues.throwIfAny();
  const at = nowIso();
  const shortened = ctx.sqlite.transaction(() => {
    const changed = updateEventColumns(
      ctx.sqlite,
      id,
      {
        ...templateColumns(data, zone),
        start_local: placed.start.local,
        end_local: placed.end.local,
        start_utc: placed.start.utc,
        end_utc: placed.end.utc,
      },
      at,
    );
    const peopleChanged = replaceFacilitators(ctx.sqlite, 'event_facilitators', id, data.facilitatorIds);
    if ((changed || peopleChanged) && before.series_id !== null) updateEventColumns(ctx.sqlite, id, { detached: 1 }, at);
    else if (peopleChanged) ctx.sqlite.prepare('UPDATE events SET updated_at = ? WHERE id = ?').run(at, id);
    return changed ? fitRolesInside(ctx.sqlite, [id], 'end') : [];
  })();
  return { event: getEvent(ctx, id), adjustments: [...placed.adjustments, ...shortened] };
}

/**
 * Cancels one event (an occurrence keeps its place in its series, so regenerating never brings it
 * back). Its roles and assignments stay, for a restore. Refused once attendance or hours exist.
 */
export function cancelEvent(ctx: Context, id: number): EventDetail {
  const row: EventRow = eventRowOrThrow(ctx.sqlite, id);
  if (row.status === 'cancelled') return getEvent(ctx, id);
  if (isAttended(ctx.sqlite, id)) throw new RelaisFailure('CONFLICT', { reason: 'eventAttended', id });
  ctx.sqlite.prepare("UPDATE events SET status = 'cancelled', updated_at = ? WHERE id = ?").run(nowIso(), id);
  return getEvent(ctx, id);
}

export function restoreEvent(ctx: Context, id: number): EventDetail {
  const row = eventRowOrThrow(ctx.sqlite, id);
  if (row.status !== 'planned') ctx.sqlite.prepare("UPDATE events SET status = 'planned', updated_at = ? WHERE id = ?").run(nowIso(), id);
  return getEvent(ctx, id);
}

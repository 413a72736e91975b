import { Temporal } from 'temporal-polyfill';
import { DAYS, DAY_PART_STARTS, DAY_PARTS, type EventFormat, type EventKind, type EventStatus, type RequiredTraining, type Slot } from '../../../shared/api';
import type { Sqlite } from '../db/connection';
import { minutesByVolunteer } from '../hours/totals';

/**
 * Time facts of a role (shift): its window as instants, the week slots it touches, its week, and
 * who else has a shift then. Instants stored by different writers may or may not carry
 * milliseconds, so SQL compares them with `unixepoch()`, never as text.
 */

export interface EventFacts {
  id: number;
  title: string;
  kind: EventKind;
  format: EventFormat;
  status: EventStatus;
  confidentialityRequired: boolean;
  timeZone: string;
  startLocal: string;
  endLocal: string;
  startUtc: string;
  endUtc: string;
}

export interface RoleFacts {
  id: number;
  eventId: number;
  seriesRoleId: number | null;
  name: string;
  needed: number;
  startOffset: number;
  endOffset: number;
  position: number;
  /** The training the person on it must hold (`required_training_id`), null: none. */
  requiredTraining: RequiredTraining | null;
  event: EventFacts;
}

const EVENT_COLUMNS = `e.id AS eventId, e.title, e.kind, e.format, e.status, e.confidentiality_required AS confidentialityRequired,
  e.time_zone AS timeZone, e.start_local AS startLocal, e.end_local AS endLocal, e.start_utc AS startUtc, e.end_utc AS endUtc`;

type EventRow = Omit<EventFacts, 'id' | 'confidentialityRequired'> & { eventId: number; confidentialityRequired: number };

const toEvent = (row: EventRow): EventFacts => ({
  id: row.eventId,
  title: row.title,
  kind: row.kind,
  format: row.format,
  status: row.status,
  confidentialityRequired: row.confidentialityRequired === 1,
  timeZone: row.timeZone,
  startLocal: row.startLocal,
  endLocal: row.endLocal,
  startUtc: row.startUtc,
  endUtc: row.endUtc,
});

export function loadEvent(sqlite: Sqlite, eventId: number): EventFacts | undefined {
  const row = sqlite.prepare(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ?`).get(eventId) as EventRow | undefined;
  return row && toEvent(row);
}

export function loadRole(sqlite: Sqlite, roleId: number): RoleFacts | undefined {
  const row = sqlite
    .prepare(
      `SELECT r.id, r.series_role_id AS seriesRoleId, r.name, r.needed, r.start_offset AS startOffset, r.end_offset AS endOffset,
         r.position, ${EVENT_COLUMNS}, t.id AS trainingId, t.key AS trainingKey, t.name AS trainingName, t.archived AS trainingArchived
       FROM event_roles r JOIN events e ON e.id = r.event_id LEFT JOIN trainings t ON t.id = r.required_training_id WHERE r.id = ?`,
    )
    .get(roleId) as
    | (EventRow & Omit<RoleFacts, 'event' | 'requiredTraining'> & { trainingId: number | null; trainingKey: string | null; trainingName: string | null; trainingArchived: number | null })
    | undefined;
  if (!row) return undefined;
  return {
    id: row.id,
    eventId: row.eventId,
    seriesRoleId: row.seriesRoleId,
    name: row.name,
    needed: row.needed,
    startOffset: row.startOffset,
    endOffset: row.endOffset,
    position: row.position,
    requiredTraining:
      row.trainingId === null ? null : { id: row.trainingId, key: row.trainingKey, name: row.trainingName, archived: row.trainingArchived === 1 },
    event: toEvent(row),
  };
}

const epochMs = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;

/** The event's length in whole minutes. */
export const eventMinutes = (e: Pick<EventFacts, 'startUtc' | 'endUtc'>) => Math.round((epochMs(e.endUtc) - epochMs(e.startUtc)) / 60_000);

/** A role's window in Unix seconds, [start, end). */
export interface Window {
  start: number;
  end: number;
}

export function roleWindow(role: Pick<RoleFacts, 'startOffset' | 'endOffset' | 'event'>): Window {
  const base = Math.floor(epochMs(role.event.startUtc) / 1000);
  return { start: base + role.startOffset * 60, end: base + role.endOffset * 60 };
}

export const isoFromSeconds = (seconds: number) => new Date(seconds * 1000).toISOString();

const partAt = (minuteOfDay: number) =>
  minuteOfDay >= DAY_PART_STARTS.evening ? 'evening' : minuteOfDay >= DAY_PART_STARTS.afternoon ? 'afternoon' : 'morning';

/**
 * The week slots (`tue.evening`…) the role's window touches in the event's own time zone, in order:
 * what the volunteers' availability grid is matched against.
 */
export function roleSlots(role: Pick<RoleFacts, 'startOffset' | 'endOffset' | 'event'>): Slot[] {
  const zone = role.event.timeZone;
  const start = Temporal.Instant.from(role.event.startUtc).add({ minutes: role.startOffset }).toZonedDateTimeISO(zone);
  const end = Temporal.Instant.from(role.event.startUtc).add({ minutes: role.endOffset }).toZonedDateTimeISO(zone);
  const slots: Slot[] = [];
  let at = start;
  // Offsets are capped (an event lasts at most a day): a few parts at most, and the loop always ends.
  for (let i = 0; i < 3 * DAY_PARTS.length + 1 && Temporal.ZonedDateTime.compare(at, end) < 0; i++) {
    const part = partAt(at.hour * 60 + at.minute);
    const slot = `${DAYS[at.dayOfWeek - 1]!}.${part}` as Slot;
    if (!slots.includes(slot)) slots.push(slot);
    const nextPart = DAY_PARTS[DAY_PARTS.indexOf(part) + 1];
    const nextStart = nextPart
      ? at.toPlainDate().toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from({ hour: DAY_PART_STARTS[nextPart] / 60 }) })
      : at.toPlainDate().add({ days: 1 }).toZonedDateTime({ timeZone: zone });
    at = nextStart;
  }
  return slots;
}

/** The local week (Monday to Sunday) the role starts in: the span of the weekly hour cap. */
export interface Week {
  monday: string;
  sunday: string;
  nextMonday: string;
}

export function roleWeek(role: Pick<RoleFacts, 'startOffset' | 'event'>): Week {
  const day = Temporal.Instant.from(role.event.startUtc).add({ minutes: role.startOffset }).toZonedDateTimeISO(role.event.timeZone).toPlainDate();
  const monday = day.subtract({ days: day.dayOfWeek - 1 });
  return { monday: monday.toString(), sunday: monday.add({ days: 6 }).toString(), nextMonday: monday.add({ days: 7 }).toString() };
}

export interface Clash {
  eventId: number;
  eventTitle: string;
  roleName: string;
  startUtc: string;
  endUtc: string;
}

/**
 * Other shifts of these people (any role but `roleId`, in events not cancelled) whose window
 * intersects `window`. Shifts that only touch (one ends as the other starts) do not clash.
 */
export function clashesFor(sqlite: Sqlite, volunteerIds: readonly number[], window: Window, roleId: number): Map<number, Clash[]> {
  const out = new Map<number, Clash[]>();
  if (volunteerIds.length === 0) return out;
  const rows = sqlite
    .prepare(
      `SELECT volunteerId, eventId, eventTitle, roleName, s, f FROM (
         SELECT a.volunteer_id AS volunteerId, e.id AS eventId, e.title AS eventTitle, r.name AS roleName,
           unixepoch(e.start_utc) + r.start_offset * 60 AS s, unixepoch(e.start_utc) + r.end_offset * 60 AS f
         FROM assignments a
         JOIN event_roles r ON r.id = a.role_id
         JOIN events e ON e.id = a.event_id
         WHERE a.volunteer_id IN (SELECT value FROM json_each(@ids)) AND a.role_id <> @roleId AND e.status = 'planned')
       WHERE s < @end AND f > @start
       ORDER BY volunteerId, s, eventId`,
    )
    .all({ ids: JSON.stringify(volunteerIds), roleId, start: window.start, end: window.end }) as {
    volunteerId: number;
    eventId: number;
    eventTitle: string;
    roleName: string;
    s: number;
    f: number;
  }[];
  for (const r of rows) {
    const list = out.get(r.volunteerId) ?? [];
    list.push({ eventId: r.eventId, eventTitle: r.eventTitle, roleName: r.roleName, startUtc: isoFromSeconds(r.s), endUtc: isoFromSeconds(r.f) });
    out.set(r.volunteerId, list);
  }
  return out;
}

/**
 * Each person's minutes in the role's week once they take it: the hours already counted that
 * week (the one hour total, `minutesByVolunteer`), plus their other shifts that week whose
 * attendance is not recorded yet (once it is, those minutes are counted entries or nothing),
 * plus this role unless their attendance at its event is already recorded.
 */
export function weekMinutesWith(sqlite: Sqlite, volunteerIds: readonly number[], role: RoleFacts): Map<number, number> {
  const week = roleWeek(role);
  const out = minutesByVolunteer(sqlite, volunteerIds, { from: week.monday, to: week.sunday });
  if (volunteerIds.length === 0) return out;
  const ids = JSON.stringify(volunteerIds);
  const planned = sqlite
    .prepare(
      `SELECT a.volunteer_id AS id, sum(r.end_offset - r.start_offset) AS minutes
       FROM assignments a
       JOIN event_roles r ON r.id = a.role_id
       JOIN events e ON e.id = a.event_id
       WHERE a.volunteer_id IN (SELECT value FROM json_each(@ids)) AND a.role_id <> @roleId AND e.status = 'planned'
         AND e.start_local >= @monday AND e.start_local < @nextMonday
         AND NOT EXISTS (SELECT 1 FROM attendance t WHERE t.event_id = a.event_id AND t.volunteer_id = a.volunteer_id)
       GROUP BY a.volunteer_id`,
    )
    .all({ ids, roleId: role.id, monday: week.monday, nextMonday: week.nextMonday }) as { id: number; minutes: number }[];
  for (const p of planned) out.set(p.id, (out.get(p.id) ?? 0) + p.minutes);
  const recorded = new Set(
    sqlite
      .prepare('SELECT volunteer_id FROM attendance WHERE event_id = @eventId AND volunteer_id IN (SELECT value FROM json_each(@ids))')
      .pluck()
      .all({ eventId: role.eventId, ids }) as number[],
  );
  const own = role.endOffset - role.startOffset;
  for (const id of volunteerIds) if (!recorded.has(id)) out.set(id, (out.get(id) ?? 0) + own);
  return out;
}

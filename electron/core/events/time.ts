import { Temporal } from 'temporal-polyfill';
import type { TimeAdjustment } from '../../../shared/api/events/planning';
import { localTimeZone } from '../clock';
import type { Sqlite } from '../db/connection';

/**
 * Wall-clock times and time zones for planning. Events keep the local time as typed plus its UTC
 * instants; Temporal (not Date) does the conversion, so daylight-saving rules come from the zone.
 */

/** Whether an IANA zone name is known to this machine's time-zone data. */
export function isTimeZone(name: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone new events are planned in: the `timeZone` setting when the association chose one,
 * else the computer's own zone.
 */
export function defaultTimeZone(sqlite: Sqlite): string {
  const row = sqlite.prepare("SELECT value FROM settings WHERE key = 'timeZone'").pluck().get() as string | undefined;
  if (row) {
    try {
      const zone = JSON.parse(row) as unknown;
      if (typeof zone === 'string' && isTimeZone(zone)) return zone;
    } catch {
      // A damaged setting falls back to the computer's zone.
    }
  }
  const system = localTimeZone();
  return isTimeZone(system) ? system : 'UTC';
}

/** A wall-clock time placed in a zone: what it really is there, and when that is in UTC. */
export interface Placed {
  /** `YYYY-MM-DDTHH:MM` as it will happen (moved forward if the requested time does not exist). */
  local: string;
  /** ISO-8601 UTC instant. */
  utc: string;
  /** True when the requested time fell in a daylight-saving gap and was moved. */
  moved: boolean;
}

const toLocal = (dt: Temporal.PlainDateTime) => dt.toString().slice(0, 16);

/**
 * Places a wall-clock time in a zone. A time skipped by a spring-forward change (02:30 in Paris on
 * the last Sunday of March) is moved forward by the length of the gap (→ 03:30), the way calendar
 * applications do; an ambiguous time on the fall-back night is the earlier of the two.
 */
export function placeLocal(local: string, zone: string): Placed {
  const requested = Temporal.PlainDateTime.from(local);
  const zoned = requested.toZonedDateTime(zone, { disambiguation: 'compatible' });
  const actual = toLocal(zoned.toPlainDateTime());
  return { local: actual, utc: zoned.toInstant().toString(), moved: actual !== toLocal(requested) };
}

/** A wall-clock time plus some minutes of wall-clock time (an 18:30 + 90 min meeting ends at 20:00). */
export function addLocalMinutes(local: string, minutes: number): string {
  return toLocal(Temporal.PlainDateTime.from(local).add({ minutes }));
}

/** Minutes between two UTC instants (the real length of an event, daylight-saving included). */
export function minutesBetween(startUtc: string, endUtc: string): number {
  return Math.round(Temporal.Instant.from(startUtc).until(Temporal.Instant.from(endUtc)).total('minutes'));
}

/** Minutes between two wall-clock times of the same series template (HH:MM). */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Start and end of one event placed in its zone, with what had to move. */
export function placeEvent(startLocal: string, endLocal: string, zone: string, position: number | null) {
  const start = placeLocal(startLocal, zone);
  const end = placeLocal(endLocal, zone);
  const adjustments: TimeAdjustment[] = [];
  if (start.moved) adjustments.push({ position, field: 'start', requested: startLocal, actual: start.local, reason: 'nonexistentTime' });
  if (end.moved) adjustments.push({ position, field: 'end', requested: endLocal, actual: end.local, reason: 'nonexistentTime' });
  return { start, end, adjustments };
}

export const addDays = (isoDate: string, days: number) => Temporal.PlainDate.from(isoDate).add({ days }).toString();
export const weekdayOf = (isoDate: string) => Temporal.PlainDate.from(isoDate).dayOfWeek;

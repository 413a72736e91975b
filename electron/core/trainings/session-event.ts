import type { SessionData } from '../../../shared/api/trainings';
import type { Sqlite } from '../db/connection';
import { insertEvent, replaceFacilitators, updateEventColumns, type TemplateColumns, type TimeColumns } from '../events/planning.writes';

/**
 * A training session's event: a row of planning's `events` of kind 'training', with its trainers
 * as the event's facilitators, written with planning's own statements (events/planning.writes.ts)
 * and time rules (wall clock + zone + UTC instants, events/time.ts). The calendar, staffing,
 * attendance and documents see a training like any other event. Callers own the transaction.
 *
 * Planning's `events.create` is not called as such: it owns its transaction and names its fields
 * `start`/`end`, while a session, its training link and its participants are written together and
 * its form reports `startLocal`/`endLocal`.
 */
export interface PlacedTimes {
  timeZone: string;
  startLocal: string;
  endLocal: string;
  startUtc: string;
  endUtc: string;
}

/** Description, video link and confidentiality are not asked for by the session form: kept as planning set them. */
function columns(data: SessionData, title: string, times: PlacedTimes): Omit<TemplateColumns, 'description' | 'video_link' | 'confidentiality_required'> & TimeColumns {
  return {
    title,
    kind: 'training',
    programme_id: data.programmeId,
    place: data.place,
    format: data.format,
    capacity: data.capacity,
    time_zone: times.timeZone,
    start_local: times.startLocal,
    end_local: times.endLocal,
    start_utc: times.startUtc,
    end_utc: times.endUtc,
  };
}

export function insertSessionEvent(sqlite: Sqlite, data: SessionData, title: string, times: PlacedTimes, at: string): number {
  const eventId = insertEvent(
    sqlite,
    { series_id: null, series_position: null, description: null, video_link: null, confidentiality_required: 0, ...columns(data, title, times) },
    at,
  );
  replaceFacilitators(sqlite, 'event_facilitators', eventId, data.trainerVolunteerIds);
  return eventId;
}

export function updateSessionEvent(sqlite: Sqlite, eventId: number, data: SessionData, title: string, times: PlacedTimes, at: string): void {
  updateEventColumns(sqlite, eventId, columns(data, title, times), at);
  replaceFacilitators(sqlite, 'event_facilitators', eventId, data.trainerVolunteerIds);
}

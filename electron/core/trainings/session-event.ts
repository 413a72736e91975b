import type { SessionData } from '../../../shared/api/trainings';
import type { Sqlite } from '../db/connection';

/**
 * A training session's event: a row of planning's `events` of kind 'training', with its trainers
 * as the event's facilitators. Written here with the same columns and the same time rules as
 * planning (wall clock + zone + UTC instants, see events/time.ts), so the calendar, staffing,
 * attendance and documents see a training like any other event.
 */
export interface PlacedTimes {
  timeZone: string;
  startLocal: string;
  endLocal: string;
  startUtc: string;
  endUtc: string;
}

export function insertSessionEvent(sqlite: Sqlite, data: SessionData, title: string, times: PlacedTimes, at: string): number {
  const info = sqlite
    .prepare(
      `INSERT INTO events (title, kind, programme_id, place, format, capacity, confidentiality_required, time_zone,
         start_local, end_local, start_utc, end_utc, created_at, updated_at)
       VALUES (@title, 'training', @programmeId, @place, @format, @capacity, 0, @timeZone,
         @startLocal, @endLocal, @startUtc, @endUtc, @at, @at)`,
    )
    .run({ title, programmeId: data.programmeId, place: data.place, format: data.format, capacity: data.capacity, ...times, at });
  const eventId = Number(info.lastInsertRowid);
  replaceTrainers(sqlite, eventId, data.trainerVolunteerIds);
  return eventId;
}

export function updateSessionEvent(sqlite: Sqlite, eventId: number, data: SessionData, title: string, times: PlacedTimes, at: string): void {
  sqlite
    .prepare(
      `UPDATE events SET title = @title, programme_id = @programmeId, place = @place, format = @format, capacity = @capacity,
         time_zone = @timeZone, start_local = @startLocal, end_local = @endLocal, start_utc = @startUtc, end_utc = @endUtc,
         updated_at = @at
       WHERE id = @eventId`,
    )
    .run({ eventId, title, programmeId: data.programmeId, place: data.place, format: data.format, capacity: data.capacity, ...times, at });
  replaceTrainers(sqlite, eventId, data.trainerVolunteerIds);
}

function replaceTrainers(sqlite: Sqlite, eventId: number, volunteerIds: readonly number[]): void {
  sqlite.prepare('DELETE FROM event_facilitators WHERE event_id = ?').run(eventId);
  const add = sqlite.prepare('INSERT INTO event_facilitators (event_id, volunteer_id) VALUES (?, ?)');
  for (const v of volunteerIds) add.run(eventId, v);
}

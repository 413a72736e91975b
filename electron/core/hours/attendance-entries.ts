import type { HourCategory } from '../../../shared/api';
import type { Sqlite } from '../db/connection';

/**
 * The hour entries attendance writes: one per person present at an event (source `attendance`,
 * approved, so counted by totals.ts as soon as it exists). The unique index on (event_id,
 * volunteer_id) for attendance entries makes a second one impossible.
 */

export interface AttendanceEntry {
  eventId: number;
  volunteerId: number;
  workedOn: string;
  minutes: number;
  category: HourCategory;
  programmeId: number | null;
}

/** Writes the entry unless the person already has one for this event (an edited duration stays). */
export function ensureAttendanceEntry(sqlite: Sqlite, entry: AttendanceEntry, at: string): void {
  sqlite
    .prepare(
      `INSERT INTO hour_entries (volunteer_id, worked_on, minutes, category, programme_id, event_id, source, approval, note, created_at, updated_at)
       VALUES (@volunteerId, @workedOn, @minutes, @category, @programmeId, @eventId, 'attendance', 'approved', NULL, @at, @at)
       ON CONFLICT (event_id, volunteer_id) WHERE source = 'attendance' DO NOTHING`,
    )
    .run({ ...entry, at });
}

export function removeAttendanceEntry(sqlite: Sqlite, eventId: number, volunteerId: number): void {
  sqlite.prepare(`DELETE FROM hour_entries WHERE source = 'attendance' AND event_id = ? AND volunteer_id = ?`).run(eventId, volunteerId);
}

/** The attendance entries of one event, by volunteer. */
export function attendanceEntries(sqlite: Sqlite, eventId: number): Map<number, { id: number; minutes: number }> {
  const rows = sqlite
    .prepare(`SELECT id, volunteer_id AS volunteerId, minutes FROM hour_entries WHERE source = 'attendance' AND event_id = ?`)
    .all(eventId) as { id: number; volunteerId: number; minutes: number }[];
  return new Map(rows.map((r) => [r.volunteerId, { id: r.id, minutes: r.minutes }]));
}

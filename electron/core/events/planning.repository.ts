import type { EventDetail, Occurrence, Person, SeriesDetail, SeriesRole } from '../../../shared/api/events/planning';
import { planningGuidance } from '../../../shared/api/events/planning';
import { RelaisFailure } from '../../../shared/errors';
import type { Sqlite } from '../db/connection';
import { minutesBetween, minutesOfDay } from './time';

/** The stored columns of an event, as SQLite gives them. */
export interface EventRow {
  id: number;
  series_id: number | null;
  series_position: number | null;
  detached: number;
  status: 'planned' | 'cancelled';
  title: string;
  kind: EventDetail['kind'];
  programme_id: number | null;
  description: string | null;
  place: string | null;
  video_link: string | null;
  format: EventDetail['format'];
  capacity: number | null;
  confidentiality_required: number;
  time_zone: string;
  start_local: string;
  end_local: string;
  start_utc: string;
  end_utc: string;
  participant_count: number | null;
  created_at: string;
  updated_at: string;
}

export interface SeriesRow {
  id: number;
  title: string;
  kind: EventDetail['kind'];
  programme_id: number | null;
  description: string | null;
  place: string | null;
  video_link: string | null;
  format: EventDetail['format'];
  capacity: number | null;
  confidentiality_required: number;
  time_zone: string;
  start_time: string;
  duration_minutes: number;
  frequency: SeriesDetail['frequency'];
  month_ordinal: number | null;
  weekday: number;
  starts_on: string;
  until_on: string | null;
  occurrence_count: number | null;
  created_at: string;
  updated_at: string;
}

/** Held, attended or recorded: such an event is history, and nothing automatic may touch it. */
export const ATTENDED = (alias: string) =>
  `(EXISTS (SELECT 1 FROM attendance a WHERE a.event_id = ${alias}.id) OR EXISTS (SELECT 1 FROM hour_entries h WHERE h.event_id = ${alias}.id))`;

export function findEventRow(sqlite: Sqlite, id: number): EventRow | undefined {
  return sqlite.prepare('SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
}

export function eventRowOrThrow(sqlite: Sqlite, id: number): EventRow {
  const row = findEventRow(sqlite, id);
  if (!row) throw new RelaisFailure('NOT_FOUND', { id });
  return row;
}

export function findSeriesRow(sqlite: Sqlite, id: number): SeriesRow | undefined {
  return sqlite.prepare('SELECT * FROM series WHERE id = ?').get(id) as SeriesRow | undefined;
}

export function isAttended(sqlite: Sqlite, eventId: number): boolean {
  return sqlite.prepare(`SELECT ${ATTENDED('e')} FROM events e WHERE e.id = ?`).pluck().get(eventId) === 1;
}

interface PersonRow {
  id: number;
  first_name: string;
  last_name: string;
  status: Person['status'];
  archived_at: string | null;
  erased: number;
}

const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  status: r.status,
  archived: r.archived_at !== null,
  erased: r.erased === 1,
});

/** Facilitators of an event or a series, named, with what makes them unavailable. */
export function loadPeople(sqlite: Sqlite, table: 'event_facilitators' | 'series_facilitators', ownerId: number): Person[] {
  const owner = table === 'event_facilitators' ? 'event_id' : 'series_id';
  const rows = sqlite
    .prepare(
      `SELECT v.id, v.first_name, v.last_name, v.status, v.archived_at,
              EXISTS (SELECT 1 FROM erasures x WHERE x.volunteer_id = v.id) AS erased
       FROM ${table} f JOIN volunteers v ON v.id = f.volunteer_id
       WHERE f.${owner} = ? ORDER BY v.sort_name, v.id`,
    )
    .all(ownerId) as PersonRow[];
  return rows.map(toPerson);
}

export function peopleByIds(sqlite: Sqlite, ids: readonly number[]): Map<number, Person> {
  const rows = sqlite
    .prepare(
      `SELECT v.id, v.first_name, v.last_name, v.status, v.archived_at,
              EXISTS (SELECT 1 FROM erasures x WHERE x.volunteer_id = v.id) AS erased
       FROM volunteers v WHERE v.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as PersonRow[];
  return new Map(rows.map((r) => [r.id, toPerson(r)]));
}

const programmeName = (sqlite: Sqlite, id: number | null) =>
  id === null ? null : ((sqlite.prepare('SELECT name FROM programmes WHERE id = ?').pluck().get(id) as string | undefined) ?? null);

export function loadEventDetail(sqlite: Sqlite, id: number, now: string): EventDetail {
  const row = eventRowOrThrow(sqlite, id);
  const facilitators = loadPeople(sqlite, 'event_facilitators', id);
  const durationMinutes = minutesBetween(row.start_utc, row.end_utc);
  let series: EventDetail['series'] = null;
  if (row.series_id !== null) {
    const s = findSeriesRow(sqlite, row.series_id)!;
    const total = sqlite.prepare('SELECT count(*) FROM events WHERE series_id = ?').pluck().get(s.id) as number;
    series = {
      id: s.id,
      position: row.series_position!,
      total,
      frequency: s.frequency,
      weekday: s.weekday,
      monthOrdinal: s.month_ordinal,
      startTime: s.start_time,
      untilOn: s.until_on,
      count: s.occurrence_count,
    };
  }
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    programmeId: row.programme_id,
    programmeName: programmeName(sqlite, row.programme_id),
    description: row.description,
    place: row.place,
    videoLink: row.video_link,
    format: row.format,
    capacity: row.capacity,
    confidentialityRequired: row.confidentiality_required === 1,
    timeZone: row.time_zone,
    start: row.start_local,
    end: row.end_local,
    startUtc: row.start_utc,
    endUtc: row.end_utc,
    durationMinutes,
    status: row.status,
    detached: row.detached === 1,
    past: row.end_utc <= now,
    attended: isAttended(sqlite, id),
    participantCount: row.participant_count,
    series,
    facilitators,
    guidance: planningGuidance({ kind: row.kind, capacity: row.capacity, durationMinutes, facilitators }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function loadSeriesRoles(sqlite: Sqlite, seriesId: number): SeriesRole[] {
  const rows = sqlite
    .prepare('SELECT id, name, needed, start_offset, end_offset, skills, required_training_id FROM series_roles WHERE series_id = ? ORDER BY position, id')
    .all(seriesId) as { id: number; name: string; needed: number; start_offset: number; end_offset: number; skills: string; required_training_id: number | null }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    needed: r.needed,
    startOffset: r.start_offset,
    endOffset: r.end_offset,
    skills: JSON.parse(r.skills) as SeriesRole['skills'],
    requiredTrainingId: r.required_training_id,
  }));
}

export function loadOccurrences(sqlite: Sqlite, seriesId: number, now: string): Occurrence[] {
  const rows = sqlite
    .prepare(
      `SELECT e.id, e.series_position, e.start_local, e.end_local, e.status, e.detached, e.end_utc, ${ATTENDED('e')} AS attended
       FROM events e WHERE e.series_id = ? ORDER BY e.series_position`,
    )
    .all(seriesId) as { id: number; series_position: number; start_local: string; end_local: string; status: Occurrence['status']; detached: number; end_utc: string; attended: number }[];
  return rows.map((r) => ({
    id: r.id,
    position: r.series_position,
    start: r.start_local,
    end: r.end_local,
    status: r.status,
    detached: r.detached === 1,
    past: r.end_utc <= now,
    attended: r.attended === 1,
  }));
}

const endTimeOf = (startTime: string, minutes: number) => {
  const total = (minutesOfDay(startTime) + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

export function loadSeriesDetail(sqlite: Sqlite, id: number, now: string): SeriesDetail {
  const s = findSeriesRow(sqlite, id);
  if (!s) throw new RelaisFailure('NOT_FOUND', { id });
  const facilitators = loadPeople(sqlite, 'series_facilitators', id);
  return {
    id: s.id,
    title: s.title,
    kind: s.kind,
    programmeId: s.programme_id,
    programmeName: programmeName(sqlite, s.programme_id),
    description: s.description,
    place: s.place,
    videoLink: s.video_link,
    format: s.format,
    capacity: s.capacity,
    confidentialityRequired: s.confidentiality_required === 1,
    timeZone: s.time_zone,
    frequency: s.frequency,
    startsOn: s.starts_on,
    weekday: s.weekday,
    monthOrdinal: s.month_ordinal,
    startTime: s.start_time,
    endTime: endTimeOf(s.start_time, s.duration_minutes),
    durationMinutes: s.duration_minutes,
    untilOn: s.until_on,
    count: s.occurrence_count,
    roles: loadSeriesRoles(sqlite, id),
    facilitators,
    occurrences: loadOccurrences(sqlite, id, now),
    guidance: planningGuidance({ kind: s.kind, capacity: s.capacity, durationMinutes: s.duration_minutes, facilitators }),
  };
}

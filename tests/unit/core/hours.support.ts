import Database from 'better-sqlite3';

/**
 * Events and staffing written straight into the file, for tests of attendance, hours and privacy
 * that need an occurrence with roles and assignments before (or without) the planning and
 * staffing calls. Times are wall clock in Europe/Paris, with their UTC instants.
 */
export interface SeedEvent {
  title?: string;
  kind?: string;
  programmeId?: number | null;
  seriesId?: number | null;
  seriesPosition?: number | null;
  status?: 'planned' | 'cancelled';
  /** YYYY-MM-DDTHH:MM, local. */
  startLocal: string;
  endLocal: string;
}

const utc = (local: string) => {
  // Europe/Paris: +1 h in winter, +2 h from the last Sunday of March to the last of October.
  const [date] = local.split('T') as [string];
  const month = Number(date.slice(5, 7));
  const offset = month > 3 && month < 11 ? 2 : 1;
  const d = new Date(`${local}:00Z`);
  d.setUTCHours(d.getUTCHours() - offset);
  return d.toISOString();
};

export function withFile<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const NOW = '2026-01-01T00:00:00.000Z';

export function seedProgramme(file: string, name: string): number {
  return withFile(file, (db) => Number(db.prepare('INSERT INTO programmes (name, created_at) VALUES (?, ?)').run(name, NOW).lastInsertRowid));
}

export function seedSeries(file: string, title: string, facilitators: number[] = []): number {
  return withFile(file, (db) => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO series (title, kind, format, time_zone, start_time, duration_minutes, frequency, weekday, starts_on, occurrence_count, created_at, updated_at)
           VALUES (?, 'support_group', 'in_person', 'Europe/Paris', '18:30', 90, 'biweekly', 2, '2026-01-06', 10, ?, ?)`,
        )
        .run(title, NOW, NOW).lastInsertRowid,
    );
    for (const v of facilitators) db.prepare('INSERT INTO series_facilitators (series_id, volunteer_id) VALUES (?, ?)').run(id, v);
    return id;
  });
}

export function seedEvent(file: string, e: SeedEvent, facilitators: number[] = []): number {
  return withFile(file, (db) => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO events (series_id, series_position, status, title, kind, programme_id, format, time_zone, start_local, end_local, start_utc, end_utc, created_at, updated_at)
           VALUES (@seriesId, @seriesPosition, @status, @title, @kind, @programmeId, 'in_person', 'Europe/Paris', @startLocal, @endLocal, @startUtc, @endUtc, @now, @now)`,
        )
        .run({
          seriesId: e.seriesId ?? null,
          seriesPosition: e.seriesPosition ?? (e.seriesId ? 0 : null),
          status: e.status ?? 'planned',
          title: e.title ?? 'Groupe de parole',
          kind: e.kind ?? 'support_group',
          programmeId: e.programmeId ?? null,
          startLocal: e.startLocal,
          endLocal: e.endLocal,
          startUtc: utc(e.startLocal),
          endUtc: utc(e.endLocal),
          now: NOW,
        }).lastInsertRowid,
    );
    for (const v of facilitators) db.prepare('INSERT INTO event_facilitators (event_id, volunteer_id) VALUES (?, ?)').run(id, v);
    return id;
  });
}

/** A role (shift) of `startOffset`..`endOffset` minutes from the event's start, with these volunteers assigned. */
export function seedRole(file: string, eventId: number, name: string, window: { start: number; end: number }, volunteers: number[] = []): number {
  return withFile(file, (db) => {
    const roleId = Number(
      db
        .prepare('INSERT INTO event_roles (event_id, name, needed, start_offset, end_offset) VALUES (?, ?, ?, ?, ?)')
        .run(eventId, name, Math.max(1, volunteers.length), window.start, window.end).lastInsertRowid,
    );
    for (const v of volunteers) {
      db.prepare('INSERT INTO assignments (role_id, event_id, volunteer_id, created_at) VALUES (?, ?, ?, ?)').run(roleId, eventId, v, NOW);
    }
    return roleId;
  });
}

/** Today shifted by `days`, as YYYY-MM-DD (UTC, like core's `todayIso`). */
export function dayFromToday(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An hour entry written as stored (for the privacy export before the hours calls are used). */
export function seedHourEntry(
  file: string,
  e: { volunteerId: number; workedOn: string; minutes: number; category: string; source?: 'attendance' | 'manual'; approval?: string; eventId?: number | null; programmeId?: number | null; note?: string | null },
): number {
  return withFile(file, (db) =>
    Number(
      db
        .prepare(
          `INSERT INTO hour_entries (volunteer_id, worked_on, minutes, category, programme_id, event_id, source, approval, note, created_at, updated_at)
           VALUES (@volunteerId, @workedOn, @minutes, @category, @programmeId, @eventId, @source, @approval, @note, @now, @now)`,
        )
        .run({ source: 'manual', approval: 'approved', eventId: null, programmeId: null, note: null, ...e, now: NOW }).lastInsertRowid,
    ),
  );
}

export function seedAttendance(file: string, eventId: number, volunteerId: number, status: 'present' | 'absent' | 'excused', walkIn = false): void {
  withFile(file, (db) =>
    db.prepare('INSERT INTO attendance (event_id, volunteer_id, status, walk_in, updated_at) VALUES (?, ?, ?, ?, ?)').run(eventId, volunteerId, status, walkIn ? 1 : 0, NOW),
  );
}

/** Assigns volunteers to the role of an event named `roleName` (straight into the file, as staffing would). */
export function assignTo(file: string, eventId: number, roleName: string, volunteerIds: number[]): void {
  withFile(file, (db) => {
    const roleId = db.prepare('SELECT id FROM event_roles WHERE event_id = ? AND name = ?').pluck().get(eventId, roleName) as number | undefined;
    if (roleId === undefined) throw new Error(`no role ${roleName} on event ${eventId}`);
    for (const v of volunteerIds) db.prepare('INSERT INTO assignments (role_id, event_id, volunteer_id, created_at) VALUES (?, ?, ?, ?)').run(roleId, eventId, v, NOW);
  });
}

import type { Migration } from './types';

/**
 * What the association runs and who gives time to it: programmes, events and recurring series,
 * staffing (roles, required skills, assignments), attendance, debriefs and hour entries.
 *
 * Times: an event keeps its wall-clock start and end as typed (`start_local`, `YYYY-MM-DDTHH:MM`)
 * with the IANA time zone it was planned in, and the same instants in UTC (`start_utc`, ISO-8601)
 * for overlaps and durations. A weekly 18:30 meeting is 18:30 local on both sides of a
 * daylight-saving change, while its UTC instant moves by an hour.
 */
export const eventsAndHours: Migration = {
  version: 6,
  name: 'events-and-hours',
  up(db) {
    db.exec(`
      CREATE TABLE programmes (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),
        created_at TEXT NOT NULL
      ) STRICT;

      -- The rule and the template of a recurring series; its occurrences are rows of events.
      CREATE TABLE series (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        programme_id INTEGER REFERENCES programmes(id),
        description TEXT,
        place TEXT,
        video_link TEXT,
        format TEXT NOT NULL CHECK (format IN ('in_person','virtual','hybrid')),
        capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
        confidentiality_required INTEGER NOT NULL DEFAULT 0 CHECK (confidentiality_required IN (0,1)),
        time_zone TEXT NOT NULL,
        start_time TEXT NOT NULL,            -- HH:MM, local
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
        frequency TEXT NOT NULL CHECK (frequency IN ('weekly','biweekly','monthly')),
        -- Monthly series: the n-th (1..5, or -1 for the last) ISO weekday (1 = Monday) of the month.
        month_ordinal INTEGER CHECK (month_ordinal IS NULL OR month_ordinal IN (-1,1,2,3,4,5)),
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        starts_on TEXT NOT NULL,
        until_on TEXT,
        occurrence_count INTEGER CHECK (occurrence_count IS NULL OR occurrence_count > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- A series always ends: on a date or after a number of sessions.
        CHECK ((until_on IS NULL) <> (occurrence_count IS NULL))
      ) STRICT;

      CREATE TABLE series_facilitators (
        series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
        volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
        PRIMARY KEY (series_id, volunteer_id)
      ) STRICT, WITHOUT ROWID;

      -- Roles copied onto each new occurrence of the series.
      CREATE TABLE series_roles (
        id INTEGER PRIMARY KEY,
        series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        needed INTEGER NOT NULL CHECK (needed >= 1),
        start_offset INTEGER NOT NULL DEFAULT 0 CHECK (start_offset >= 0),
        end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
        -- [{ "skillId": 3, "minLevel": 2 }, ...]
        skills TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        series_id INTEGER REFERENCES series(id),
        -- Which slot of the series' rule this occurrence is (0, 1, 2...): regenerating a series
        -- matches on it, so it never creates a second row for the same slot.
        series_position INTEGER,
        -- Moved or edited on its own: regenerating the series leaves it as it is.
        detached INTEGER NOT NULL DEFAULT 0 CHECK (detached IN (0,1)),
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','cancelled')),
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        programme_id INTEGER REFERENCES programmes(id),
        description TEXT,
        place TEXT,
        video_link TEXT,
        format TEXT NOT NULL CHECK (format IN ('in_person','virtual','hybrid')),
        capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0),
        confidentiality_required INTEGER NOT NULL DEFAULT 0 CHECK (confidentiality_required IN (0,1)),
        time_zone TEXT NOT NULL,
        start_local TEXT NOT NULL,
        end_local TEXT NOT NULL,
        start_utc TEXT NOT NULL,
        end_utc TEXT NOT NULL,
        -- How many people took part (a count: participants of a support group are not recorded by name).
        participant_count INTEGER CHECK (participant_count IS NULL OR participant_count >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_utc > start_utc),
        CHECK ((series_id IS NULL) = (series_position IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX events_series_slot ON events (series_id, series_position) WHERE series_id IS NOT NULL;
      CREATE INDEX events_by_start ON events (start_local, id);
      CREATE INDEX events_by_start_utc ON events (start_utc, end_utc, id);
      CREATE INDEX events_by_programme ON events (programme_id) WHERE programme_id IS NOT NULL;

      CREATE TABLE event_facilitators (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
        PRIMARY KEY (event_id, volunteer_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX event_facilitators_by_volunteer ON event_facilitators (volunteer_id, event_id);

      -- A shift: a time window inside the event (minutes from its start), how many people, which skills.
      CREATE TABLE event_roles (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        series_role_id INTEGER REFERENCES series_roles(id) ON DELETE SET NULL,
        name TEXT NOT NULL,
        needed INTEGER NOT NULL CHECK (needed >= 1),
        start_offset INTEGER NOT NULL DEFAULT 0 CHECK (start_offset >= 0),
        end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
        position INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX event_roles_by_event ON event_roles (event_id, position);

      CREATE TABLE event_role_skills (
        role_id INTEGER NOT NULL REFERENCES event_roles(id) ON DELETE CASCADE,
        skill_id INTEGER NOT NULL REFERENCES skills(id),
        min_level INTEGER NOT NULL CHECK (min_level BETWEEN 1 AND 3),
        PRIMARY KEY (role_id, skill_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE assignments (
        id INTEGER PRIMARY KEY,
        role_id INTEGER NOT NULL REFERENCES event_roles(id) ON DELETE CASCADE,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
        created_at TEXT NOT NULL,
        UNIQUE (role_id, volunteer_id)
      ) STRICT;
      CREATE INDEX assignments_by_volunteer ON assignments (volunteer_id, event_id);
      CREATE INDEX assignments_by_event ON assignments (event_id, role_id);

      CREATE TABLE attendance (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
        status TEXT NOT NULL CHECK (status IN ('present','absent','excused')),
        -- Came without being assigned.
        walk_in INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0,1)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (event_id, volunteer_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX attendance_by_volunteer ON attendance (volunteer_id, event_id);

      CREATE TABLE event_debriefs (
        event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        -- Anonymous satisfaction tallies: how many people gave 1, 2, 3, 4, 5.
        rated1 INTEGER NOT NULL DEFAULT 0 CHECK (rated1 >= 0),
        rated2 INTEGER NOT NULL DEFAULT 0 CHECK (rated2 >= 0),
        rated3 INTEGER NOT NULL DEFAULT 0 CHECK (rated3 >= 0),
        rated4 INTEGER NOT NULL DEFAULT 0 CHECK (rated4 >= 0),
        rated5 INTEGER NOT NULL DEFAULT 0 CHECK (rated5 >= 0),
        incidents TEXT,
        suggestions TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Every hour counted. Attendance writes one entry per person present (source 'attendance',
      -- approved); work outside events is entered by hand and approved. The one hour total
      -- (DESIGN §3) is the sum of approved entries: see electron/core/hours/totals.ts.
      CREATE TABLE hour_entries (
        id INTEGER PRIMARY KEY,
        volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
        worked_on TEXT NOT NULL,
        minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
        category TEXT NOT NULL,
        programme_id INTEGER REFERENCES programmes(id),
        event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
        source TEXT NOT NULL CHECK (source IN ('attendance','manual')),
        approval TEXT NOT NULL CHECK (approval IN ('pending','approved','rejected')),
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX hour_entries_attendance ON hour_entries (event_id, volunteer_id) WHERE source = 'attendance';
      -- Covering indexes for the totals: one volunteer; and by date (month, category, programme).
      CREATE INDEX hour_entries_by_volunteer ON hour_entries (volunteer_id, approval, worked_on, minutes);
      CREATE INDEX hour_entries_by_date ON hour_entries (approval, worked_on, category, programme_id, minutes, volunteer_id);

      -- Counted minutes per month × category × programme (0: none), kept by triggers with the same
      -- condition as totals.ts (approved). A year of totals by month, category or programme then
      -- reads a few hundred rows instead of a million entries; totals.ts reads whole months here
      -- and the days of a partial month from the entries, and a test checks both agree.
      CREATE TABLE hour_rollup (
        month TEXT NOT NULL,
        category TEXT NOT NULL,
        programme_key INTEGER NOT NULL,
        minutes INTEGER NOT NULL,
        entries INTEGER NOT NULL,
        PRIMARY KEY (month, category, programme_key)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER hour_rollup_insert AFTER INSERT ON hour_entries WHEN new.approval = 'approved' BEGIN
        INSERT INTO hour_rollup (month, category, programme_key, minutes, entries)
        VALUES (substr(new.worked_on, 1, 7), new.category, coalesce(new.programme_id, 0), new.minutes, 1)
        ON CONFLICT DO UPDATE SET minutes = minutes + excluded.minutes, entries = entries + 1;
      END;
      CREATE TRIGGER hour_rollup_delete AFTER DELETE ON hour_entries WHEN old.approval = 'approved' BEGIN
        UPDATE hour_rollup SET minutes = minutes - old.minutes, entries = entries - 1
        WHERE month = substr(old.worked_on, 1, 7) AND category = old.category AND programme_key = coalesce(old.programme_id, 0);
      END;
      CREATE TRIGGER hour_rollup_update AFTER UPDATE OF approval, worked_on, minutes, category, programme_id ON hour_entries BEGIN
        UPDATE hour_rollup SET minutes = minutes - old.minutes, entries = entries - 1
        WHERE old.approval = 'approved'
          AND month = substr(old.worked_on, 1, 7) AND category = old.category AND programme_key = coalesce(old.programme_id, 0);
        INSERT INTO hour_rollup (month, category, programme_key, minutes, entries)
        SELECT substr(new.worked_on, 1, 7), new.category, coalesce(new.programme_id, 0), new.minutes, 1 WHERE new.approval = 'approved'
        ON CONFLICT DO UPDATE SET minutes = minutes + excluded.minutes, entries = entries + 1;
      END;
    `);
  },
};

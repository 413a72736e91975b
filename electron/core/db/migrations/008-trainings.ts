import { SEEDED_TRAININGS } from '../../trainings/catalogue-seed';
import type { Migration } from './types';

/**
 * Trainings and the qualifications they give.
 *
 * - `trainings`: the catalogue, each with a validity in months (NULL: never expires).
 * - `training_sessions`: a training session is an event of kind 'training' (planning's `events`
 *   row holds its title, dates, place, format); this row adds which training it teaches, an
 *   outside trainer's name (a volunteer who trains is the event's facilitator, in
 *   `event_facilitators`), the planned cost, and when it was marked complete.
 *   The cost is the session's own planned figure, entered with the session. Finance records what
 *   was actually paid as expenses that may point at the session; its « cost per session » reads
 *   those expenses when there are any and this planned cost otherwise.
 * - `training_participants`: who is enrolled and how it ended for each of them. Not assignments
 *   (a trainee fills no shift and must not count as staff in the staffing warnings) and not
 *   attendance (present/absent on the day is not « completed the course »: someone present on day 1
 *   of a two-day course may not complete it). Kept on erasure: the association's record of its
 *   own activity, and the participant count behind the cost per participant.
 * - `qualifications`: what a person holds, from a completed session or entered by hand (obtained
 *   elsewhere, with a certificate note). Its expiry is fixed when it is obtained (date + the
 *   training's validity at that time, or the certificate's own date): changing the catalogue later
 *   does not rewrite what a certificate already says. Deleted on erasure (facts about the person).
 * - `event_roles.required_training_id` (and on `series_roles`, so a series' occurrences carry it):
 *   a role that needs a valid qualification; staffing warns when the person assigned lacks one.
 */
export const trainings: Migration = {
  version: 8,
  name: 'trainings',
  up(db) {
    db.exec(`
      CREATE TABLE trainings (
        id INTEGER PRIMARY KEY,
        -- Seeded trainings carry a key (translated name); the association's own carry a name.
        key TEXT UNIQUE,
        name TEXT,
        description TEXT,
        validity_months INTEGER CHECK (validity_months IS NULL OR validity_months BETWEEN 1 AND 240),
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0,1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (key IS NOT NULL OR name IS NOT NULL)
      ) STRICT;

      CREATE TABLE training_sessions (
        event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        training_id INTEGER NOT NULL REFERENCES trainings(id),
        trainer_name TEXT,
        -- Planned cost in cents, at most 1,000,000 €.
        cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (cost_cents BETWEEN 0 AND 100000000),
        completed_on TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX training_sessions_by_training ON training_sessions (training_id, event_id);

      CREATE TABLE training_participants (
        event_id INTEGER NOT NULL REFERENCES training_sessions(event_id) ON DELETE CASCADE,
        volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
        result TEXT NOT NULL DEFAULT 'enrolled' CHECK (result IN ('enrolled','completed','not_completed')),
        enrolled_at TEXT NOT NULL,
        PRIMARY KEY (event_id, volunteer_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX training_participants_by_volunteer ON training_participants (volunteer_id, event_id);

      CREATE TABLE qualifications (
        id INTEGER PRIMARY KEY,
        volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
        training_id INTEGER NOT NULL REFERENCES trainings(id),
        obtained_on TEXT NOT NULL,
        -- The first day it is no longer valid; NULL: never expires.
        expires_on TEXT,
        source TEXT NOT NULL CHECK (source IN ('session','manual')),
        -- The session it came from (NULL for one entered by hand, or once that event is deleted:
        -- the person still holds what they obtained).
        event_id INTEGER REFERENCES training_sessions(event_id) ON DELETE SET NULL,
        certificate_note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (expires_on IS NULL OR expires_on > obtained_on),
        CHECK (source = 'session' OR event_id IS NULL)
      ) STRICT;
      CREATE UNIQUE INDEX qualifications_from_session ON qualifications (event_id, volunteer_id) WHERE event_id IS NOT NULL;
      CREATE INDEX qualifications_by_volunteer ON qualifications (volunteer_id, training_id, expires_on);
      CREATE INDEX qualifications_by_expiry ON qualifications (expires_on, volunteer_id) WHERE expires_on IS NOT NULL;

      ALTER TABLE event_roles ADD COLUMN required_training_id INTEGER REFERENCES trainings(id);
      ALTER TABLE series_roles ADD COLUMN required_training_id INTEGER REFERENCES trainings(id);
    `);
    const now = new Date().toISOString();
    const seed = db.prepare('INSERT OR IGNORE INTO trainings (key, validity_months, created_at, updated_at) VALUES (?, ?, ?, ?)');
    for (const t of SEEDED_TRAININGS) seed.run(t.key, t.validityMonths, now, now);
  },
};

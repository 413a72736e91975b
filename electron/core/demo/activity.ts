import { Temporal } from 'temporal-polyfill';
import type { Sqlite } from '../db/connection';
import { prng } from './generator';

export interface ActivityOptions {
  /** How many event occurrences to create (series sessions and one-off events together). */
  occurrences: number;
  /** How many hour entries in total (attendance first, then manual entries up to this number). */
  hourEntries: number;
  seed?: number;
  /** The wall clock of the association. */
  timeZone?: string;
  /** The "today" the activity is spread around (two thirds in the past, one third ahead). */
  today?: string;
}

interface Template {
  title: string;
  kind: string;
  format: 'in_person' | 'virtual' | 'hybrid';
  minutes: number;
  capacity: number | null;
  confidentiality: 0 | 1;
  role: string;
  skill: string | null;
  category: string;
  place: string | null;
  link: string | null;
}

// The sort of things a small association runs, in its own words (the demo is French first).
const TEMPLATES: readonly Template[] = [
  { title: 'Groupe de parole — deuil', kind: 'support_group', format: 'in_person', minutes: 90, capacity: 8, confidentiality: 1, role: 'Animation', skill: 'group_facilitation', category: 'facilitation', place: 'Maison des associations, salle 2', link: null },
  { title: 'Groupe de parole — aidants', kind: 'support_group', format: 'hybrid', minutes: 75, capacity: 10, confidentiality: 1, role: 'Animation', skill: 'group_facilitation', category: 'facilitation', place: 'Local de l’association', link: 'https://visio.exemple.fr/aidants' },
  { title: 'Permanence d’écoute', kind: 'support_group', format: 'virtual', minutes: 60, capacity: 6, confidentiality: 1, role: 'Écoute', skill: 'active_listening', category: 'support', place: null, link: 'https://visio.exemple.fr/ecoute' },
  { title: 'Atelier numérique', kind: 'workshop', format: 'in_person', minutes: 120, capacity: 12, confidentiality: 0, role: 'Accompagnement', skill: 'it_support', category: 'support', place: 'Médiathèque Lacassagne', link: null },
  { title: 'Collecte solidaire', kind: 'community', format: 'in_person', minutes: 180, capacity: null, confidentiality: 0, role: 'Logistique', skill: 'event_logistics', category: 'logistics', place: 'Place Guichard', link: null },
  { title: 'Formation à l’écoute active', kind: 'training', format: 'in_person', minutes: 180, capacity: 12, confidentiality: 0, role: 'Formation', skill: null, category: 'training', place: 'Local de l’association', link: null },
  { title: 'Conseil d’administration', kind: 'board_meeting', format: 'hybrid', minutes: 120, capacity: null, confidentiality: 0, role: 'Administrateur', skill: null, category: 'governance', place: 'Local de l’association', link: 'https://visio.exemple.fr/ca' },
];
const PROGRAMMES = ['Soutien entre pairs', 'Inclusion numérique', 'Vie associative'];
const MANUAL = ['skills_donation', 'admin', 'logistics', 'support', 'governance'];

/**
 * Fills a database that already holds volunteers with a believable year of activity: programmes,
 * weekly and fortnightly series with their sessions, one-off events, roles with required skills,
 * assignments, attendance and the hour entries it gives, plus manual entries. The demo mode and the
 * benchmarks (50k sessions, 1M hour entries) use it; prepared statements in one transaction.
 */
export function generateActivity(sqlite: Sqlite, options: ActivityOptions): { occurrences: number; hourEntries: number } {
  const rnd = prng(options.seed ?? 3);
  const zone = options.timeZone ?? 'Europe/Paris';
  const today = Temporal.PlainDate.from(options.today ?? Temporal.Now.plainDateISO(zone).toString());
  const now = new Date().toISOString();
  const volunteerIds = (sqlite.prepare("SELECT id FROM volunteers WHERE status = 'active' AND archived_at IS NULL").pluck().all() as number[]);
  if (volunteerIds.length === 0 || options.occurrences <= 0) return { occurrences: 0, hourEntries: 0 };
  const skillIds = new Map(
    (sqlite.prepare('SELECT id, key FROM skills WHERE key IS NOT NULL').all() as { id: number; key: string }[]).map((s) => [s.key, s.id]),
  );

  const utc = (local: Temporal.PlainDateTime) => local.toZonedDateTime(zone).toInstant().toString();
  const insertProgramme = sqlite.prepare('INSERT INTO programmes (name, created_at) VALUES (?, ?)');
  const insertSeries = sqlite.prepare(`INSERT INTO series (title, kind, programme_id, description, place, video_link, format, capacity,
      confidentiality_required, time_zone, start_time, duration_minutes, frequency, month_ordinal, weekday, starts_on, until_on,
      occurrence_count, created_at, updated_at)
    VALUES (@title, @kind, @programmeId, NULL, @place, @link, @format, @capacity, @confidentiality, @zone, @startTime, @minutes,
      @frequency, NULL, @weekday, @startsOn, NULL, @count, @now, @now)`);
  const insertSeriesRole = sqlite.prepare(`INSERT INTO series_roles (series_id, name, needed, start_offset, end_offset, skills, position)
    VALUES (?, ?, ?, 0, ?, ?, 0)`);
  const insertEvent = sqlite.prepare(`INSERT INTO events (series_id, series_position, title, kind, programme_id, place, video_link, format,
      capacity, confidentiality_required, time_zone, start_local, end_local, start_utc, end_utc, participant_count, created_at, updated_at)
    VALUES (@seriesId, @position, @title, @kind, @programmeId, @place, @link, @format, @capacity, @confidentiality, @zone,
      @startLocal, @endLocal, @startUtc, @endUtc, @participants, @now, @now)`);
  const insertRole = sqlite.prepare(`INSERT INTO event_roles (event_id, series_role_id, name, needed, start_offset, end_offset, position)
    VALUES (?, ?, ?, ?, 0, ?, 0)`);
  const insertRoleSkill = sqlite.prepare('INSERT INTO event_role_skills (role_id, skill_id, min_level) VALUES (?, ?, ?)');
  const insertAssignment = sqlite.prepare('INSERT OR IGNORE INTO assignments (role_id, event_id, volunteer_id, created_at) VALUES (?, ?, ?, ?)');
  const insertAttendance = sqlite.prepare(`INSERT OR IGNORE INTO attendance (event_id, volunteer_id, status, walk_in, updated_at)
    VALUES (?, ?, ?, 0, ?)`);
  const insertHours = sqlite.prepare(`INSERT OR IGNORE INTO hour_entries (volunteer_id, worked_on, minutes, category, programme_id, event_id,
      source, approval, note, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`);

  let occurrences = 0;
  let hourEntries = 0;
  sqlite.transaction(() => {
    const programmeIds = PROGRAMMES.map((name) => {
      const existing = sqlite.prepare('SELECT id FROM programmes WHERE name = ?').pluck().get(name) as number | undefined;
      return existing ?? Number(insertProgramme.run(name, now).lastInsertRowid);
    });
    // Each volunteer has a small circle of activities, so the same people come back to a group.
    const teamOf = (templateIndex: number, seriesIndex: number) =>
      Array.from({ length: 4 }, (_, k) => volunteerIds[(templateIndex * 7919 + seriesIndex * 104729 + k * 31) % volunteerIds.length]!);

    const span = 400; // days of activity around today
    const firstDay = today.subtract({ days: Math.round((span * 2) / 3) });
    let seriesIndex = 0;
    while (occurrences < options.occurrences) {
      const templateIndex = rnd.int(0, TEMPLATES.length - 1);
      const t = TEMPLATES[templateIndex]!;
      const programmeId = t.kind === 'board_meeting' ? programmeIds[2]! : rnd.pick(programmeIds);
      const recurring = t.kind === 'support_group' || rnd.chance(0.3);
      const frequency = rnd.chance(0.6) ? 'weekly' : 'biweekly';
      const count = recurring ? Math.min(rnd.int(10, 30), options.occurrences - occurrences) : 1;
      const start = firstDay.add({ days: rnd.int(0, span - 1) });
      const time = Temporal.PlainTime.from(rnd.pick(['09:30', '14:00', '18:30', '19:00']));
      const requiredSkill = t.skill ? skillIds.get(t.skill) ?? null : null;
      let seriesId: number | null = null;
      let seriesRoleId: number | null = null;
      if (recurring) {
        seriesId = Number(
          insertSeries.run({
            title: t.title, kind: t.kind, programmeId, place: t.place, link: t.link, format: t.format, capacity: t.capacity,
            confidentiality: t.confidentiality, zone, startTime: time.toString().slice(0, 5), minutes: t.minutes, frequency,
            weekday: start.dayOfWeek, startsOn: start.toString(), count, now,
          }).lastInsertRowid,
        );
        const skills = requiredSkill ? JSON.stringify([{ skillId: requiredSkill, minLevel: 2 }]) : '[]';
        seriesRoleId = Number(insertSeriesRole.run(seriesId, t.role, 2, t.minutes, skills).lastInsertRowid);
      }
      const team = teamOf(templateIndex, seriesIndex++);
      for (let position = 0; position < count; position++) {
        const day = start.add({ days: position * (frequency === 'weekly' || !recurring ? 7 : 14) });
        const startLocal = day.toPlainDateTime(time);
        const endLocal = startLocal.add({ minutes: t.minutes });
        const past = Temporal.PlainDate.compare(day, today) < 0;
        const eventId = Number(
          insertEvent.run({
            seriesId, position: recurring ? position : null, title: t.title, kind: t.kind, programmeId, place: t.place, link: t.link,
            format: t.format, capacity: t.capacity, confidentiality: t.confidentiality, zone,
            startLocal: startLocal.toString().slice(0, 16), endLocal: endLocal.toString().slice(0, 16),
            startUtc: utc(startLocal), endUtc: utc(endLocal), participants: past && t.capacity ? rnd.int(3, t.capacity) : null, now,
          }).lastInsertRowid,
        );
        occurrences++;
        const roleId = Number(insertRole.run(eventId, seriesRoleId, t.role, 2, t.minutes).lastInsertRowid);
        if (requiredSkill) insertRoleSkill.run(roleId, requiredSkill, 2);
        // Future sessions are partly staffed; past ones were staffed and mostly attended.
        const staffed = past ? 2 : rnd.int(0, 2);
        for (let k = 0; k < staffed; k++) {
          const volunteerId = team[(position + k) % team.length]!;
          insertAssignment.run(roleId, eventId, volunteerId, now);
          if (!past) continue;
          const present = rnd.chance(0.85);
          insertAttendance.run(eventId, volunteerId, present ? 'present' : rnd.chance(0.5) ? 'absent' : 'excused', now);
          if (present && hourEntries < options.hourEntries) {
            const r = insertHours.run(volunteerId, day.toString(), t.minutes, t.category, programmeId, eventId, 'attendance', 'approved', now, now);
            hourEntries += r.changes;
          }
        }
        if (occurrences >= options.occurrences) break;
      }
    }
    // Work outside events: skills donation, admin, logistics… mostly approved, some waiting.
    while (hourEntries < options.hourEntries) {
      const day = firstDay.add({ days: rnd.int(0, Math.round((span * 2) / 3)) });
      const approval = rnd.chance(0.9) ? 'approved' : rnd.chance(0.7) ? 'pending' : 'rejected';
      insertHours.run(
        rnd.pick(volunteerIds), day.toString(), 15 * rnd.int(1, 16), rnd.pick(MANUAL), rnd.chance(0.5) ? rnd.pick(programmeIds) : null,
        null, 'manual', approval, now, now,
      );
      hourEntries++;
    }
  })();
  return { occurrences, hourEntries };
}


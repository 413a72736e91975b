import { Temporal } from 'temporal-polyfill';
import type { Sqlite } from '../db/connection';
import { expiryDate } from '../trainings/validity';
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
  /** The seeded training its role requires (`trainings.key`), if any. */
  training: string | null;
}

// The sort of things a small association runs, in its own words (the demo is French first).
const TEMPLATES: readonly Template[] = [
  { title: 'Groupe de parole — deuil', kind: 'support_group', format: 'in_person', minutes: 90, capacity: 8, confidentiality: 1, role: 'Animation', skill: 'group_facilitation', category: 'facilitation', place: 'Maison des associations, salle 2', link: null, training: 'group_facilitation' },
  { title: 'Groupe de parole — aidants', kind: 'support_group', format: 'hybrid', minutes: 75, capacity: 10, confidentiality: 1, role: 'Animation', skill: 'group_facilitation', category: 'facilitation', place: 'Local de l’association', link: 'https://visio.exemple.fr/aidants', training: 'group_facilitation' },
  { title: 'Permanence d’écoute', kind: 'support_group', format: 'virtual', minutes: 60, capacity: 6, confidentiality: 1, role: 'Écoute', skill: 'active_listening', category: 'support', place: null, link: 'https://visio.exemple.fr/ecoute', training: 'active_listening' },
  { title: 'Atelier numérique', kind: 'workshop', format: 'in_person', minutes: 120, capacity: 12, confidentiality: 0, role: 'Accompagnement', skill: 'it_support', category: 'support', place: 'Médiathèque Lacassagne', link: null, training: null },
  { title: 'Collecte solidaire', kind: 'community', format: 'in_person', minutes: 180, capacity: null, confidentiality: 0, role: 'Logistique', skill: 'event_logistics', category: 'logistics', place: 'Place Guichard', link: null, training: null },
  { title: 'Formation à l’écoute active', kind: 'training', format: 'in_person', minutes: 180, capacity: 12, confidentiality: 0, role: 'Formation', skill: null, category: 'training', place: 'Local de l’association', link: null, training: null },
  { title: 'Conseil d’administration', kind: 'board_meeting', format: 'hybrid', minutes: 120, capacity: null, confidentiality: 0, role: 'Administrateur', skill: null, category: 'governance', place: 'Local de l’association', link: 'https://visio.exemple.fr/ca', training: null },
];
const PROGRAMMES = ['Soutien entre pairs', 'Inclusion numérique', 'Vie associative'];

/**
 * What a training event teaches: one of the seeded catalogue trainings, with the session's title,
 * who gives it (an outside trainer by name, or one of the association's volunteers) and its
 * planned cost range in euros.
 */
interface Course {
  key: string;
  title: string;
  trainerName: string | null;
  cost: readonly [number, number];
}
const COURSES: readonly Course[] = [
  { key: 'active_listening', title: 'Formation à l’écoute active', trainerName: null, cost: [0, 150] },
  { key: 'group_facilitation', title: 'Formation à l’animation de groupe', trainerName: null, cost: [50, 250] },
  { key: 'mental_health_first_aid', title: 'Premiers secours en santé mentale (PSSM)', trainerName: 'PSSM France — formatrice accréditée', cost: [800, 1400] },
  { key: 'role_play', title: 'Atelier de mise en situation', trainerName: 'Compagnie Théâtre-Forum', cost: [300, 600] },
];
const CYCLE_TITLE = 'Cycle de formation des bénévoles';
/** Qualifications obtained elsewhere, typed by hand: the expiring and expired lists have something to show. */
const EARLIER_COURSE = 'mental_health_first_aid';
const EARLIER_NOTE = 'Attestation PSSM France, obtenue avant l’arrivée dans l’association';
const MANUAL = ['skills_donation', 'admin', 'logistics', 'support', 'governance'];

/**
 * Fills a database that already holds volunteers with a believable year of activity: programmes,
 * weekly and fortnightly series with their sessions, one-off events, roles with required skills
 * (support groups' roles also require the matching catalogue training), assignments, attendance
 * and the hour entries it gives, plus manual entries. Training events are training sessions of the
 * seeded catalogue (`training_sessions`) with a trainer, a planned cost and participants: past
 * ones are completed and give qualifications (expiring by the catalogue's validity), the last
 * fortnight's sometimes still to close, future ones have people enrolled; a few qualifications
 * obtained elsewhere expire within 60 days or have expired. The demo mode and the benchmarks (50k
 * sessions, 1M hour entries) use it; prepared statements in one transaction, with the same columns
 * the trainings module writes. Finance lines are not made here.
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
  const catalogue = new Map(
    (
      sqlite.prepare('SELECT id, key, validity_months AS validityMonths FROM trainings WHERE key IS NOT NULL AND archived = 0').all() as {
        id: number;
        key: string;
        validityMonths: number | null;
      }[]
    ).map((t) => [t.key, t]),
  );
  const courses = COURSES.filter((c) => catalogue.has(c.key));
  // Trainings draw from their own sequence: the rest of the activity is the same with or without them.
  const trng = prng(((options.seed ?? 3) * 7919 + 17) >>> 0);

  const utc = (local: Temporal.PlainDateTime) => local.toZonedDateTime(zone).toInstant().toString();
  const insertProgramme = sqlite.prepare('INSERT INTO programmes (name, created_at) VALUES (?, ?)');
  const insertSeries = sqlite.prepare(`INSERT INTO series (title, kind, programme_id, description, place, video_link, format, capacity,
      confidentiality_required, time_zone, start_time, duration_minutes, frequency, month_ordinal, weekday, starts_on, until_on,
      occurrence_count, created_at, updated_at)
    VALUES (@title, @kind, @programmeId, NULL, @place, @link, @format, @capacity, @confidentiality, @zone, @startTime, @minutes,
      @frequency, NULL, @weekday, @startsOn, NULL, @count, @now, @now)`);
  const insertSeriesRole = sqlite.prepare(`INSERT INTO series_roles (series_id, name, needed, start_offset, end_offset, skills, position,
      required_training_id)
    VALUES (?, ?, ?, 0, ?, ?, 0, ?)`);
  const insertEvent = sqlite.prepare(`INSERT INTO events (series_id, series_position, title, kind, programme_id, place, video_link, format,
      capacity, confidentiality_required, time_zone, start_local, end_local, start_utc, end_utc, participant_count, created_at, updated_at)
    VALUES (@seriesId, @position, @title, @kind, @programmeId, @place, @link, @format, @capacity, @confidentiality, @zone,
      @startLocal, @endLocal, @startUtc, @endUtc, @participants, @now, @now)`);
  const insertRole = sqlite.prepare(`INSERT INTO event_roles (event_id, series_role_id, name, needed, start_offset, end_offset, position,
      required_training_id)
    VALUES (?, ?, ?, ?, 0, ?, 0, ?)`);
  const insertRoleSkill = sqlite.prepare('INSERT INTO event_role_skills (role_id, skill_id, min_level) VALUES (?, ?, ?)');
  const insertAssignment = sqlite.prepare('INSERT OR IGNORE INTO assignments (role_id, event_id, volunteer_id, created_at) VALUES (?, ?, ?, ?)');
  const insertAttendance = sqlite.prepare(`INSERT OR IGNORE INTO attendance (event_id, volunteer_id, status, walk_in, updated_at)
    VALUES (?, ?, ?, 0, ?)`);
  const insertHours = sqlite.prepare(`INSERT OR IGNORE INTO hour_entries (volunteer_id, worked_on, minutes, category, programme_id, event_id,
      source, approval, note, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`);

  let occurrences = 0;
  let hourEntries = 0;
  /** Training events met in the loop, given their session once everyone who could attend is known. */
  const trainingEvents: { eventId: number; day: string; past: boolean; course: Course; assigned: number[] }[] = [];
  /**
   * Who a training serves: the people holding the skill of the same name (who would be asked to
   * use it), then the teams of the groups whose roles require it (added as series are made).
   */
  const holders = sqlite.prepare(
    `SELECT vs.volunteer_id FROM volunteer_skills vs JOIN skills s ON s.id = vs.skill_id JOIN volunteers v ON v.id = vs.volunteer_id
     WHERE s.key = ? AND v.status = 'active' AND v.archived_at IS NULL ORDER BY vs.volunteer_id`,
  );
  const pools = new Map<string, Set<number>>(courses.map((c) => [c.key, new Set(holders.pluck().all(c.key) as number[])]));
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
      // Trainings run as the association's training cycle: a few sessions a fortnight apart, each
      // teaching the next course of the catalogue.
      const cycle = t.kind === 'training' && courses.length > 0;
      const recurring = cycle || t.kind === 'support_group' || rnd.chance(0.3);
      const frequency = cycle ? 'biweekly' : rnd.chance(0.6) ? 'weekly' : 'biweekly';
      const count = Math.min(cycle ? rnd.int(4, 8) : recurring ? rnd.int(10, 30) : 1, options.occurrences - occurrences);
      const start = firstDay.add({ days: rnd.int(0, span - 1) });
      const time = Temporal.PlainTime.from(rnd.pick(['09:30', '14:00', '18:30', '19:00']));
      const requiredSkill = t.skill ? skillIds.get(t.skill) ?? null : null;
      const requiredTraining = t.training ? (catalogue.get(t.training)?.id ?? null) : null;
      const firstCourse = cycle ? trng.int(0, courses.length - 1) : 0;
      const courseAt = (position: number) => (cycle ? courses[(firstCourse + position) % courses.length]! : null);
      const title = cycle ? CYCLE_TITLE : t.title;
      let seriesId: number | null = null;
      let seriesRoleId: number | null = null;
      if (recurring) {
        seriesId = Number(
          insertSeries.run({
            title, kind: t.kind, programmeId, place: t.place, link: t.link, format: t.format, capacity: t.capacity,
            confidentiality: t.confidentiality, zone, startTime: time.toString().slice(0, 5), minutes: t.minutes, frequency,
            weekday: start.dayOfWeek, startsOn: start.toString(), count, now,
          }).lastInsertRowid,
        );
        const skills = requiredSkill ? JSON.stringify([{ skillId: requiredSkill, minLevel: 2 }]) : '[]';
        seriesRoleId = Number(insertSeriesRole.run(seriesId, t.role, 2, t.minutes, skills, requiredTraining).lastInsertRowid);
      }
      const team = teamOf(templateIndex, seriesIndex++);
      if (t.training) {
        const pool = pools.get(t.training) ?? new Set<number>();
        for (const v of team) pool.add(v);
        pools.set(t.training, pool);
      }
      for (let position = 0; position < count; position++) {
        const day = start.add({ days: position * (frequency === 'weekly' || !recurring ? 7 : 14) });
        const startLocal = day.toPlainDateTime(time);
        const endLocal = startLocal.add({ minutes: t.minutes });
        const past = Temporal.PlainDate.compare(day, today) < 0;
        const eventId = Number(
          insertEvent.run({
            seriesId, position: recurring ? position : null, title, kind: t.kind, programmeId, place: t.place, link: t.link,
            format: t.format, capacity: t.capacity, confidentiality: t.confidentiality, zone,
            startLocal: startLocal.toString().slice(0, 16), endLocal: endLocal.toString().slice(0, 16),
            startUtc: utc(startLocal), endUtc: utc(endLocal), participants: past && t.capacity ? rnd.int(3, t.capacity) : null, now,
          }).lastInsertRowid,
        );
        occurrences++;
        const roleId = Number(insertRole.run(eventId, seriesRoleId, t.role, 2, t.minutes, requiredTraining).lastInsertRowid);
        if (requiredSkill) insertRoleSkill.run(roleId, requiredSkill, 2);
        // Future sessions are partly staffed; past ones were staffed and mostly attended.
        const staffed = past ? 2 : rnd.int(0, 2);
        const assigned: number[] = [];
        const course = courseAt(position);
        if (course) trainingEvents.push({ eventId, day: day.toString(), past, course, assigned });
        for (let k = 0; k < staffed; k++) {
          const volunteerId = team[(position + k) % team.length]!;
          insertAssignment.run(roleId, eventId, volunteerId, now);
          assigned.push(volunteerId);
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
    addTrainingSessions(sqlite, { trainingEvents, pools, catalogue, volunteerIds, trng, today, now });
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

interface TrainingPlan {
  trainingEvents: { eventId: number; day: string; past: boolean; course: Course; assigned: number[] }[];
  pools: ReadonlyMap<string, ReadonlySet<number>>;
  catalogue: ReadonlyMap<string, { id: number; key: string; validityMonths: number | null }>;
  volunteerIds: readonly number[];
  trng: ReturnType<typeof prng>;
  today: Temporal.PlainDate;
  now: string;
}

/**
 * Each training event becomes a session of its catalogue training, as `trainings.createSession`
 * and `trainings.completeSession` would store it: the session row (outside trainer's name or a
 * volunteer as the event's facilitator, planned cost), its participants (those assigned to it,
 * then people of the groups the training serves: support-group facilitators learn to facilitate,
 * listeners learn to listen), and once held its results and the qualifications they give (from the
 * session's day, until that day plus the training's validity). Sessions of the last fortnight are
 * sometimes not closed yet, as on a real desk. Then a few qualifications obtained elsewhere, some
 * expiring within 60 days and some expired.
 */
function addTrainingSessions(sqlite: Sqlite, plan: TrainingPlan): void {
  const { trng, volunteerIds, now } = plan;
  const today = plan.today.toString();
  const recent = plan.today.subtract({ days: 14 }).toString();
  const insertSession = sqlite.prepare(`INSERT INTO training_sessions (event_id, training_id, trainer_name, cost_cents, completed_on, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertTrainer = sqlite.prepare('INSERT OR IGNORE INTO event_facilitators (event_id, volunteer_id) VALUES (?, ?)');
  const insertParticipant = sqlite.prepare('INSERT OR IGNORE INTO training_participants (event_id, volunteer_id, result, enrolled_at) VALUES (?, ?, ?, ?)');
  const insertQualification = sqlite.prepare(`INSERT INTO qualifications (volunteer_id, training_id, obtained_on, expires_on, source, event_id,
      certificate_note, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const pools = new Map([...plan.pools].map(([key, set]) => [key, [...set]]));

  for (const s of plan.trainingEvents) {
    const training = plan.catalogue.get(s.course.key)!;
    let trainer: number | null = null;
    if (s.course.trainerName === null) {
      trainer = trng.pick(volunteerIds);
      insertTrainer.run(s.eventId, trainer);
    }
    const closed = s.past && (s.day < recent || trng.chance(0.5));
    const completedOn = closed ? minDay(Temporal.PlainDate.from(s.day).add({ days: trng.int(0, 6) }).toString(), today) : null;
    const [low, high] = s.course.cost;
    insertSession.run(s.eventId, training.id, s.course.trainerName, trng.int(low / 10, high / 10) * 1000, completedOn, now, now);

    // Those assigned to the session, then people the training serves, up to 4–9 participants.
    const wanted = trng.int(4, 9);
    const from = pools.get(s.course.key) ?? volunteerIds;
    const people = new Set(s.assigned.filter((v) => v !== trainer));
    for (let tries = 0; people.size < wanted && tries < wanted * 4; tries++) {
      const v = trng.pick(from.length ? from : volunteerIds);
      if (v !== trainer) people.add(v);
    }
    const expires = closed ? expiryDate(s.day, training.validityMonths) : null;
    for (const v of people) {
      const completed = closed && trng.chance(0.9);
      insertParticipant.run(s.eventId, v, closed ? (completed ? 'completed' : 'not_completed') : 'enrolled', now);
      if (completed) insertQualification.run(v, training.id, s.day, expires, 'session', s.eventId, null, now, now);
    }
  }

  const earlier = plan.catalogue.get(EARLIER_COURSE);
  if (!earlier || earlier.validityMonths === null) return;
  const validity = earlier.validityMonths;
  const each = Math.max(3, Math.round(volunteerIds.length / 100));
  const chosen = new Set<number>();
  for (let tries = 0; chosen.size < Math.min(each * 2, volunteerIds.length) && tries < each * 8; tries++) chosen.add(trng.pick(volunteerIds));
  [...chosen].forEach((v, i) => {
    // Half expire within the next 60 days (a refresher to book), half have expired already.
    const shift = i % 2 === 0 ? { days: trng.int(5, 55) } : { days: -trng.int(10, 400) };
    const obtained = plan.today.subtract({ months: validity }).add(shift).toString();
    insertQualification.run(v, earlier.id, obtained, expiryDate(obtained, validity), 'manual', null, EARLIER_NOTE, now, now);
  });
}

const minDay = (a: string, b: string) => (a < b ? a : b);

import { divideRoundHalfUp } from '../../../shared/money';
import type { Context } from '../context';
import { trainingSessionFigures } from '../trainings/figures';
import { yearRange } from './years';

interface Session {
  eventId: number;
  title: string;
  date: string;
  programmeId: number | null;
  plannedCents: number | null;
  enrolled: number;
}

/**
 * The cost of each training session of a year and per participant.
 *
 * Sessions: those the trainings domain records (`trainingSessionFigures`: its training sessions
 * not cancelled, with their planned cost and who is enrolled), and the other events of kind
 * `training` of the year — planned without a session record, or cancelled but with money spent.
 * Cost: what was actually paid, the expenses that point at the session; when none were entered
 * yet, the cost planned with the session.
 * Participants: the people enrolled (whatever the result: someone who did not complete it still
 * took a place); a training event with nobody enrolled counts those marked present on the day.
 * Per participant: cost ÷ participants, rounded half up to the cent.
 */
export function trainingCosts(ctx: Context, year: number) {
  const { sqlite } = ctx;
  const range = yearRange(year);
  const next = `${year + 1}-01-01`;
  const sessions = new Map<number, Session>(
    trainingSessionFigures(sqlite, range).map((f) => [
      f.eventId,
      { eventId: f.eventId, title: f.title, date: f.date, programmeId: f.programmeId, plannedCents: f.plannedCostCents, enrolled: f.participantCount },
    ]),
  );
  const spent = new Map(
    (
      sqlite
        .prepare(
          `SELECT l.event_id AS id, sum(l.amount_cents) AS cents FROM money_lines l JOIN events e ON e.id = l.event_id
            WHERE e.kind = 'training' AND e.start_local >= @from AND e.start_local < @next AND l.direction = 'expense'
            GROUP BY l.event_id`,
        )
        .all({ from: range.from, next }) as { id: number; cents: number }[]
    ).map((r) => [r.id, r.cents]),
  );
  // Training events the sessions above leave out: planned ones without a session record, cancelled ones with money spent.
  const others = sqlite
    .prepare(
      `SELECT e.id AS eventId, e.title, substr(e.start_local, 1, 10) AS date, e.programme_id AS programmeId, e.status,
              (SELECT cost_cents FROM training_sessions s WHERE s.event_id = e.id) AS plannedCents,
              (SELECT count(*) FROM training_participants p WHERE p.event_id = e.id) AS enrolled
         FROM events e WHERE e.kind = 'training' AND e.start_local >= @from AND e.start_local < @next`,
    )
    .all({ from: range.from, next }) as (Session & { status: string })[];
  for (const o of others) {
    if (sessions.has(o.eventId) || (o.status === 'cancelled' && !spent.has(o.eventId))) continue;
    sessions.set(o.eventId, o);
  }
  const present = sqlite.prepare("SELECT count(*) FROM attendance WHERE event_id = ? AND status = 'present'").pluck();
  const programmes = new Map((sqlite.prepare('SELECT id, name FROM programmes').all() as { id: number; name: string }[]).map((p) => [p.id, p.name]));
  return [...sessions.values()]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.eventId - b.eventId))
    .map((s) => {
      const paid = spent.get(s.eventId);
      const costSource = paid !== undefined ? ('expenses' as const) : s.plannedCents ? ('planned' as const) : ('none' as const);
      const costCents = paid ?? s.plannedCents ?? 0;
      const onTheDay = s.enrolled > 0 ? 0 : (present.get(s.eventId) as number);
      const participantSource = s.enrolled > 0 ? ('enrolled' as const) : onTheDay > 0 ? ('attendance' as const) : ('none' as const);
      const participants = s.enrolled > 0 ? s.enrolled : onTheDay;
      return {
        eventId: s.eventId,
        title: s.title,
        date: s.date,
        programmeName: s.programmeId === null ? null : (programmes.get(s.programmeId) ?? null),
        costCents,
        costSource,
        participants,
        participantSource,
        perParticipantCents: participants > 0 && costSource !== 'none' ? divideRoundHalfUp(costCents, participants) : null,
      };
    });
}

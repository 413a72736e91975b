import { divideRoundHalfUp } from '../../../shared/money';
import type { Context } from '../context';
import { yearRange } from './years';

interface SessionRow {
  eventId: number;
  title: string;
  date: string;
  status: string;
  programmeName: string | null;
  spentCents: number | null;
  plannedCents: number | null;
  enrolled: number;
  present: number;
}

/**
 * The cost of each training session of a year (events of kind `training`) and per participant.
 *
 * Cost: what was actually paid, the expenses that point at the session; when none were entered
 * yet, the cost planned with the session (trainings' `training_sessions.cost_cents`).
 * Participants: the people enrolled in the session (`training_participants`, whatever the result:
 * someone who did not complete it still took a place); a training event with nobody enrolled
 * counts those marked present on the day.
 * Per participant: cost ÷ participants, rounded half up to the cent.
 */
export function trainingCosts(ctx: Context, year: number) {
  const range = yearRange(year);
  const rows = ctx.sqlite
    .prepare(
      `SELECT e.id AS eventId, e.title, substr(e.start_local, 1, 10) AS date, e.status, p.name AS programmeName,
              (SELECT sum(amount_cents) FROM money_lines l WHERE l.event_id = e.id AND l.direction = 'expense') AS spentCents,
              (SELECT cost_cents FROM training_sessions s WHERE s.event_id = e.id) AS plannedCents,
              (SELECT count(*) FROM training_participants t WHERE t.event_id = e.id) AS enrolled,
              (SELECT count(*) FROM attendance a WHERE a.event_id = e.id AND a.status = 'present') AS present
         FROM events e LEFT JOIN programmes p ON p.id = e.programme_id
        WHERE e.kind = 'training' AND e.start_local >= @from AND e.start_local < @next
        ORDER BY e.start_local, e.id`,
    )
    .all({ from: range.from, next: `${year + 1}-01-01` }) as SessionRow[];
  return rows
    .filter((r) => r.status !== 'cancelled' || r.spentCents !== null)
    .map((r) => {
      const costSource = r.spentCents !== null ? ('expenses' as const) : r.plannedCents ? ('planned' as const) : ('none' as const);
      const costCents = r.spentCents ?? r.plannedCents ?? 0;
      const participantSource = r.enrolled > 0 ? ('enrolled' as const) : r.present > 0 ? ('attendance' as const) : ('none' as const);
      const participants = r.enrolled > 0 ? r.enrolled : r.present;
      return {
        eventId: r.eventId,
        title: r.title,
        date: r.date,
        programmeName: r.programmeName,
        costCents,
        costSource,
        participants,
        participantSource,
        perParticipantCents: participants > 0 && costSource !== 'none' ? divideRoundHalfUp(costCents, participants) : null,
      };
    });
}

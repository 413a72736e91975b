import { parseMilestone, type CertificateSettings, type DueItem } from '../../../shared/api';
import type { Sqlite } from '../db/connection';
import { minutesByVolunteer } from '../hours/totals';
import { milestonesReceived } from './registry';

/** Whole years from `from` to `to` (YYYY-MM-DD): an anniversary counts on its day. */
export function fullYears(from: string, to: string): number {
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to.slice(5) < from.slice(5)) years--;
  return Math.max(0, years);
}

const highestCrossed = (thresholds: readonly number[], value: number) => thresholds.filter((t) => value >= t).at(-1) ?? null;

/**
 * Who crossed a threshold (cumulative hours, the one total; or years since joining) and has no
 * document marking it or a higher one of the same kind. One line per person and kind, for the
 * highest threshold crossed: someone at 260 h who never received anything is due « 250 h », not
 * also « 50 h » and « 100 h ». People who left, archived or erased are not listed.
 */
export function dueForRecognition(sqlite: Sqlite, settings: CertificateSettings, today: string): DueItem[] {
  const people = sqlite
    .prepare(
      `SELECT id, first_name, last_name, joined_on FROM volunteers v
       WHERE archived_at IS NULL AND status <> 'left' AND NOT EXISTS (SELECT 1 FROM erasures e WHERE e.volunteer_id = v.id)
       ORDER BY sort_name, id`,
    )
    .all() as { id: number; first_name: string; last_name: string; joined_on: string }[];
  const minutes = minutesByVolunteer(
    sqlite,
    people.map((p) => p.id),
    { to: today },
  );
  const received = milestonesReceived(sqlite);
  const hours = [...settings.milestones.hours].sort((a, b) => a - b);
  const years = [...settings.milestones.years].sort((a, b) => a - b);
  const out: DueItem[] = [];
  for (const p of people) {
    const had = (received.get(p.id) ?? []).map(parseMilestone);
    const total = minutes.get(p.id) ?? 0;
    const base = { volunteerId: p.id, firstName: p.first_name, lastName: p.last_name, minutes: total, joinedOn: p.joined_on };
    const byHours = highestCrossed(hours, total / 60);
    if (byHours !== null && !had.some((m) => m.kind === 'hours' && m.threshold >= byHours)) {
      out.push({ ...base, milestone: `hours:${byHours}`, kind: 'hours', threshold: byHours });
    }
    const byYears = highestCrossed(years, fullYears(p.joined_on, today));
    if (byYears !== null && !had.some((m) => m.kind === 'years' && m.threshold >= byYears)) {
      out.push({ ...base, milestone: `years:${byYears}`, kind: 'years', threshold: byYears });
    }
  }
  return out;
}

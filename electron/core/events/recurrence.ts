import { Temporal } from 'temporal-polyfill';
import type { Frequency } from '../../../shared/api/events/planning';
import { addLocalMinutes, placeEvent, type Placed } from './time';
import type { TimeAdjustment } from '../../../shared/api/events/planning';

/** When a series' sessions fall: its dates come from this alone, so slot n is always the same day. */
export interface Rule {
  frequency: Frequency;
  /** First day a session may fall on. */
  startsOn: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Monthly: 1…5 or -1 (last). */
  monthOrdinal: number | null;
  untilOn: string | null;
  count: number | null;
}

/** The n-th (or last, n = -1) given weekday of a month; null when the month has no such day (a 5th Monday). */
export function nthWeekday(year: number, month: number, weekday: number, ordinal: number): Temporal.PlainDate | null {
  if (ordinal === -1) {
    const last = Temporal.PlainDate.from({ year, month, day: 1 }).add({ months: 1 }).subtract({ days: 1 });
    return last.subtract({ days: (last.dayOfWeek - weekday + 7) % 7 });
  }
  const first = Temporal.PlainDate.from({ year, month, day: 1 });
  const day = first.add({ days: (weekday - first.dayOfWeek + 7) % 7 + (ordinal - 1) * 7 });
  return day.month === month ? day : null;
}

/**
 * The session dates of a rule, in order: slot 0, 1, 2… Stops at the rule's end or after `limit`
 * dates (callers pass one more than they accept, to tell "too many" from "just enough").
 */
export function ruleDates(rule: Rule, limit: number): string[] {
  const out: string[] = [];
  const start = Temporal.PlainDate.from(rule.startsOn);
  const until = rule.untilOn ? Temporal.PlainDate.from(rule.untilOn) : null;
  const wanted = Math.min(rule.count ?? Infinity, limit);
  const within = (d: Temporal.PlainDate) => !until || Temporal.PlainDate.compare(d, until) <= 0;
  if (rule.frequency === 'monthly') {
    let month = Temporal.PlainYearMonth.from({ year: start.year, month: start.month });
    // A month without a 5th such weekday is skipped; the loop ends at `until` or the count.
    while (out.length < wanted) {
      const day = nthWeekday(month.year, month.month, rule.weekday, rule.monthOrdinal ?? 1);
      if (day && Temporal.PlainDate.compare(day, start) >= 0) {
        if (!within(day)) break;
        out.push(day.toString());
      }
      month = month.add({ months: 1 });
      if (until && Temporal.PlainYearMonth.compare(month, Temporal.PlainYearMonth.from({ year: until.year, month: until.month })) > 0) break;
    }
    return out;
  }
  const step = rule.frequency === 'weekly' ? 7 : 14;
  let day = start.add({ days: (rule.weekday - start.dayOfWeek + 7) % 7 });
  while (out.length < wanted && within(day)) {
    out.push(day.toString());
    day = day.add({ days: step });
  }
  return out;
}

export interface Slot {
  position: number;
  /** The day the rule gives (before any daylight-saving move). */
  date: string;
  start: Placed;
  end: Placed;
}

/** The sessions of a rule at a time of day for a duration, placed in a zone. */
export function ruleSlots(rule: Rule, startTime: string, durationMinutes: number, zone: string, limit: number) {
  const adjustments: TimeAdjustment[] = [];
  const slots: Slot[] = ruleDates(rule, limit).map((date, position) => {
    const startLocal = `${date}T${startTime}`;
    const placed = placeEvent(startLocal, addLocalMinutes(startLocal, durationMinutes), zone, position);
    adjustments.push(...placed.adjustments);
    return { position, date, start: placed.start, end: placed.end };
  });
  return { slots, adjustments };
}

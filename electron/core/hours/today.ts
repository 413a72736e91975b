import { Temporal } from 'temporal-polyfill';
import type { Sqlite } from '../db/connection';
import { defaultTimeZone } from '../events/time';

/** Today on a zone's calendar (YYYY-MM-DD). */
export const todayIn = (zone: string) => Temporal.Now.plainDateISO(zone).toString();

/**
 * Today on the association's calendar: the zone it plans events in. Hours are dated by the local
 * day the work was done, so "not in the future" and "the last 30 days" are read on that calendar,
 * not on UTC's (at 00:30 in Paris, UTC is still yesterday).
 */
export const associationToday = (sqlite: Sqlite) => todayIn(defaultTimeZone(sqlite));

/** A day shifted by a number of days. */
export const addDays = (day: string, days: number) => Temporal.PlainDate.from(day).add({ days }).toString();

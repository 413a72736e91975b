import { z } from 'zod';
import { method, type MethodSpec } from '../define';
import { LIMITS, id, optionalText } from '../fields';
import { HOUR_CATEGORIES } from '../hours';
import { EVENT_KINDS, EVENT_STATUSES } from './planning';

/**
 * Attendance, participants and debriefs per occurrence.
 *
 * Marking someone present writes one hour entry (source `attendance`, approved): minutes = their
 * role's window (several roles: the time they cover, overlaps counted once), or the whole event
 * for facilitators and walk-ins; category from the event's kind (`EVENT_KIND_CATEGORY`,
 * `facilitation` for its facilitators); day and programme from the event. Marking again keeps the
 * entry as it is (an edited duration stays); absent, excused or no mark removes it.
 *
 * Attendance and debriefs are refused for a cancelled occurrence and before the occurrence's own
 * day (in its time zone): a session that has not happened has nobody present.
 */

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Days before an occurrence's own day from which attendance may be marked (0: from that day on). */
export const ATTENDANCE_DAYS_AHEAD = 0;

/** Why an occurrence takes no attendance or debrief now (each reason has a sentence in `errors:reasons`). */
export const ATTENDANCE_BLOCKS = ['sessionCancelled', 'sessionNotHeldYet'] as const;
export type AttendanceBlock = (typeof ATTENDANCE_BLOCKS)[number];

/** The most participants one occurrence may count (anything above is a typing mistake). */
export const MAX_PARTICIPANTS = 100_000;

const participantCount = z
  .number({ error: 'v:number' })
  .int({ error: 'v:number' })
  .min(0, { error: 'v:attendance.participants' })
  .max(MAX_PARTICIPANTS, { error: 'v:attendance.participants' })
  .nullable();

export const attendanceMark = z.strictObject({
  volunteerId: id,
  /** null takes the mark away (a walk-in leaves the list). */
  status: z.enum(ATTENDANCE_STATUSES, { error: 'v:invalidChoice' }).nullable(),
});
export type AttendanceMark = z.input<typeof attendanceMark>;

export const attendanceRow = z.object({
  volunteerId: id,
  firstName: z.string(),
  lastName: z.string(),
  archived: z.boolean(),
  erased: z.boolean(),
  /** Assigned to at least one role of the event. */
  assigned: z.boolean(),
  facilitator: z.boolean(),
  /** Came without being expected. */
  walkIn: z.boolean(),
  roles: z.array(z.object({ roleId: id, name: z.string(), startOffset: z.number().int(), endOffset: z.number().int() })),
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  /** The hour entry attendance wrote (present only). */
  hourEntryId: id.nullable(),
  minutes: z.number().int().nullable(),
  /** What marking present writes: the role window, or the whole event. */
  expectedMinutes: z.number().int(),
  category: z.enum(HOUR_CATEGORIES),
});
export type AttendanceRow = z.infer<typeof attendanceRow>;

export const attendanceView = z.object({
  eventId: id,
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  status: z.enum(EVENT_STATUSES),
  seriesId: id.nullable(),
  timeZone: z.string(),
  start: z.string(),
  end: z.string(),
  durationMinutes: z.number().int(),
  programmeId: id.nullable(),
  participantCount: z.number().int().nullable(),
  /** The first day marks are taken (the occurrence's own day). */
  opensOn: z.string(),
  /** Why marks are refused now; null: they are taken. */
  blocked: z.enum(ATTENDANCE_BLOCKS).nullable(),
  /** Expected people (assigned, facilitators) first by name, then walk-ins by name. */
  rows: z.array(attendanceRow),
  counts: z.object({
    expected: z.number().int(),
    present: z.number().int(),
    absent: z.number().int(),
    excused: z.number().int(),
    unmarked: z.number().int(),
    walkIns: z.number().int(),
  }),
  /** Counted minutes of this occurrence (electron/core/hours/totals.ts). */
  totalMinutes: z.number().int(),
});
export type AttendanceView = z.infer<typeof attendanceView>;

/** Tallies of anonymous 1–5 ratings: how many people gave each. */
const tally = z
  .number({ error: 'v:number' })
  .int({ error: 'v:number' })
  .min(0, { error: 'v:debrief.tally' })
  .max(MAX_PARTICIPANTS, { error: 'v:debrief.tally' });
export const ratingTallies = z.strictObject({ 1: tally, 2: tally, 3: tally, 4: tally, 5: tally });
export type RatingTallies = z.infer<typeof ratingTallies>;
export const NO_RATINGS: RatingTallies = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };

export const debriefInput = z.strictObject({
  eventId: id,
  participantCount: participantCount.default(null),
  tallies: ratingTallies.default(NO_RATINGS),
  incidents: optionalText(LIMITS.text),
  suggestions: optionalText(LIMITS.text),
});
export type DebriefInput = z.input<typeof debriefInput>;

const talliesOut = z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int(), 4: z.number().int(), 5: z.number().int() });

export const debrief = z.object({
  eventId: id,
  seriesId: id.nullable(),
  title: z.string(),
  start: z.string(),
  status: z.enum(EVENT_STATUSES),
  blocked: z.enum(ATTENDANCE_BLOCKS).nullable(),
  /** Saved at least once. */
  saved: z.boolean(),
  participantCount: z.number().int().nullable(),
  tallies: talliesOut,
  /** How many ratings in all. */
  ratings: z.number().int(),
  /** Mean of the ratings (1–5); null without ratings. */
  average: z.number().nullable(),
  incidents: z.string().nullable(),
  suggestions: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type Debrief = z.infer<typeof debrief>;

export const seriesDebrief = z.object({
  seriesId: id,
  title: z.string(),
  /** Sessions already started and not cancelled. */
  sessionsHeld: z.number().int(),
  sessionsDebriefed: z.number().int(),
  /** Ratings of every session added up; the average is weighted by them (each rating counts once). */
  tallies: talliesOut,
  ratings: z.number().int(),
  average: z.number().nullable(),
  /** Mean participants over the held sessions whose count was recorded. */
  participantsAverage: z.number().nullable(),
  participantsTotal: z.number().int(),
  sessionsCounted: z.number().int(),
  sessions: z.array(
    z.object({
      eventId: id,
      start: z.string(),
      participantCount: z.number().int().nullable(),
      ratings: z.number().int(),
      average: z.number().nullable(),
      debriefed: z.boolean(),
    }),
  ),
});
export type SeriesDebrief = z.infer<typeof seriesDebrief>;

export const attendanceMethods = {
  /** Who is expected (assigned, facilitators) and who came, with their marks and hours; participants. */
  'events.attendance': method(z.strictObject({ eventId: id }), attendanceView),
  /** Sets several marks at once (one transaction); hour entries follow. */
  'events.markAttendance': method(
    z.strictObject({ eventId: id, marks: z.array(attendanceMark).min(1, { error: 'v:required' }).max(500, { error: 'v:tooMany' }) }),
    attendanceView,
  ),
  /** Someone who came without being assigned: marked present, hours for the whole event. */
  'events.addWalkIn': method(z.strictObject({ eventId: id, volunteerId: id }), attendanceView),
  /** How many people took part (a count: participants are not recorded by name). */
  'events.setParticipants': method(z.strictObject({ eventId: id, participantCount }), attendanceView),
  'events.debrief': method(z.strictObject({ eventId: id }), debrief),
  'events.saveDebrief': method(debriefInput, debrief),
  /** Every held session of a series: ratings weighted together, participants on average. */
  'events.seriesDebrief': method(z.strictObject({ seriesId: id }), seriesDebrief),
} satisfies Record<string, MethodSpec>;

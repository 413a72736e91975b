import { z } from 'zod';
import { method, type MethodSpec } from '../define';
import { LIMITS, id, isoDate, optionalText, requiredText } from '../fields';

/**
 * Events, recurring series, programmes and the calendar.
 *
 * Times. An event is planned in wall-clock time (`start`/`end`, `YYYY-MM-DDTHH:MM`) in an IANA time
 * zone; core also stores the UTC instants (`startUtc`/`endUtc`). A weekly 18:30 meeting stays 18:30
 * local on both sides of a daylight-saving change.
 *
 * A local time that does not exist (the clocks jump from 02:00 to 03:00 on the spring-forward night
 * in Europe/Paris) is moved forward by the length of the jump — 02:30 becomes 03:30 — and the answer
 * lists it in `adjustments` (reason `nonexistentTime`) so the screen can say so. An ambiguous time
 * (the fall-back night) is read as the first of the two.
 */

export const EVENT_KINDS = ['community', 'support_group', 'training', 'workshop', 'board_meeting', 'general_meeting'] as const;
export const EVENT_FORMATS = ['in_person', 'virtual', 'hybrid'] as const;
export const FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
export const EVENT_STATUSES = ['planned', 'cancelled'] as const;
/** Monthly series: the n-th weekday of the month, or -1 for the last one. */
export const MONTH_ORDINALS = [1, 2, 3, 4, 5, -1] as const;
/** ISO weekdays, 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export type EventKind = (typeof EVENT_KINDS)[number];
export type EventFormat = (typeof EVENT_FORMATS)[number];
export type Frequency = (typeof FREQUENCIES)[number];
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type MonthOrdinal = (typeof MONTH_ORDINALS)[number];

/** A series makes at most this many sessions (about ten years of a weekly meeting). */
export const MAX_OCCURRENCES = 500;
/** An event lasts at most a day; longer is almost always a typing mistake (and hours are per day). */
export const MAX_EVENT_MINUTES = 24 * 60;
/** Guidance from practice: support groups work best with 5–10 people; above this, a warning. */
export const SUPPORT_GROUP_SIZE_WARNING = 15;
/** Guidance from practice: a meeting longer than this tires everyone; a warning. */
export const LONG_MEETING_MINUTES = 120;
/** The kinds that are meetings (the long-meeting guidance applies to them). */
export const MEETING_KINDS: readonly EventKind[] = ['support_group', 'board_meeting', 'general_meeting'];

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A wall-clock date and time, `YYYY-MM-DDTHH:MM`, between 1900 and 2100. */
export const localDateTime = z
  .string()
  .trim()
  .regex(LOCAL_DATE_TIME, { error: 'v:planning.dateTime' })
  .refine((s) => {
    const match = LOCAL_DATE_TIME.exec(s);
    if (!match) return true; // the pattern already said what is wrong
    const [, y, mo, d, h, mi] = match.map(Number) as number[];
    const dt = new Date(Date.UTC(y!, mo! - 1, d!));
    return dt.getUTCMonth() === mo! - 1 && dt.getUTCDate() === d! && h! < 24 && mi! < 60;
  }, { error: 'v:planning.dateTime' })
  .refine((s) => s >= '1900-01-01' && s <= '2100-12-31T23:59', { error: 'v:dateRange' });
export type LocalDateTime = string;

/** A wall-clock time of day, `HH:MM`. */
export const timeOfDay = z.string().trim().regex(TIME, { error: 'v:planning.time' });

/** An IANA time zone name (`Europe/Paris`); core checks it exists. Omitted: the association's default. */
export const timeZoneName = z.string().trim().min(1).max(64, { error: 'v:tooLong' }).regex(/^[A-Za-z0-9_+\-/]+$/, { error: 'v:planning.timeZone' });

const videoLink = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  z
    .string()
    .trim()
    .max(500, { error: 'v:tooLong' })
    .regex(/^https?:\/\/\S+$/i, { error: 'v:planning.url' })
    .nullable(),
).default(null);

/** A required skill of a role: at least this level (1 beginner … 3 expert). */
export const roleTemplateSkill = z.strictObject({ skillId: id, minLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]) });

/**
 * A role (shift) planned with an event or on every occurrence of a series: its time window is in
 * minutes from the event's start. `id` names an existing role of the series being edited (so the
 * occurrences keep that role, and its assignments); new roles have none.
 */
export const roleTemplate = z
  .strictObject({
    id: id.nullable().default(null),
    name: requiredText(LIMITS.name),
    needed: z.number({ error: 'v:number' }).int({ error: 'v:number' }).min(1, { error: 'v:planning.needed' }).max(100, { error: 'v:planning.needed' }),
    startOffset: z.number({ error: 'v:number' }).int({ error: 'v:number' }).min(0, { error: 'v:planning.roleWindow' }),
    endOffset: z.number({ error: 'v:number' }).int({ error: 'v:number' }).min(1, { error: 'v:planning.roleWindow' }),
    skills: z
      .array(roleTemplateSkill)
      .max(20, { error: 'v:tooMany' })
      .refine((xs) => new Set(xs.map((s) => s.skillId)).size === xs.length, { error: 'v:duplicateSkill' })
      .default([]),
    /**
     * A training of the catalogue the person on this role must hold (null: none). Copied onto
     * every occurrence; staffing warns when someone assigned holds no valid qualification for it
     * on the event's day, and suggestions rank them lower. Core checks it exists and is not
     * archived (an archived one stays only on a role that already required it).
     */
    requiredTrainingId: id.nullable().default(null),
  })
  .refine((r) => r.endOffset > r.startOffset, { error: 'v:planning.roleWindow', path: ['endOffset'] });
export type RoleTemplateInput = z.input<typeof roleTemplate>;
export type RoleTemplate = z.output<typeof roleTemplate>;

const roles = z.array(roleTemplate).max(30, { error: 'v:tooMany' }).default([]);

const facilitatorIds = z
  .array(id)
  .max(20, { error: 'v:tooMany' })
  .transform((xs) => [...new Set(xs)])
  .default([]);

/** What an event and a series template have in common. */
const eventFields = {
  title: requiredText(LIMITS.short),
  kind: z.enum(EVENT_KINDS, { error: 'v:invalidChoice' }),
  programmeId: id.nullable().default(null),
  place: optionalText(LIMITS.short),
  videoLink,
  format: z.enum(EVENT_FORMATS, { error: 'v:invalidChoice' }).default('in_person'),
  /** Expected number of participants (not volunteers). */
  capacity: z.number({ error: 'v:number' }).int({ error: 'v:number' }).min(0, { error: 'v:number' }).max(100_000, { error: 'v:number' }).nullable().default(null),
  description: optionalText(LIMITS.text),
  /** Support groups: volunteers must have signed the confidentiality agreement. */
  confidentialityRequired: z.boolean().default(false),
  /** Omitted or null: the association's time zone (setting `timeZone`, else the computer's). */
  timeZone: timeZoneName.nullable().default(null),
  facilitatorIds,
};

/** A one-off event, or one occurrence edited on its own. */
export const eventInput = z
  .strictObject({
    ...eventFields,
    start: localDateTime,
    end: localDateTime,
    /** Roles planned with a new event (ignored by `events.update`: the staffing tab edits them). */
    roles,
  })
  .refine((e) => e.end > e.start, { error: 'v:planning.endBeforeStart', path: ['end'] });
export type EventInput = z.input<typeof eventInput>;
export type EventData = z.output<typeof eventInput>;

/** When a series' sessions fall and when it ends (exactly one of `untilOn` and `count`). */
export const seriesRuleFields = {
  frequency: z.enum(FREQUENCIES, { error: 'v:invalidChoice' }),
  /** First day the series may have a session; weekly series fall on its weekday unless `weekday` says otherwise. */
  startsOn: isoDate,
  /** ISO weekday (1 = Monday). Null: the weekday of `startsOn`. */
  weekday: z.literal(WEEKDAYS, { error: 'v:invalidChoice' }).nullable().default(null),
  /** Monthly series only: 1st … 5th, or -1 for the last weekday of the month. */
  monthOrdinal: z.literal(MONTH_ORDINALS, { error: 'v:invalidChoice' }).nullable().default(null),
  startTime: timeOfDay,
  endTime: timeOfDay,
  untilOn: isoDate.nullable().default(null),
  count: z
    .number({ error: 'v:number' })
    .int({ error: 'v:number' })
    .min(1, { error: 'v:planning.count' })
    .max(MAX_OCCURRENCES, { error: 'v:planning.tooManyOccurrences' })
    .nullable()
    .default(null),
};

type RuleShape = { frequency: Frequency; monthOrdinal: number | null; startTime: string; endTime: string; untilOn: string | null; count: number | null; startsOn: string };

// The same checks for a series and for its preview; issues name the field to fix.
const checkRule = (r: RuleShape, ctx: z.RefinementCtx) => {
  if (r.untilOn === null && r.count === null) ctx.addIssue({ code: 'custom', path: ['untilOn'], message: 'v:planning.seriesNeedsEnd' });
  if (r.untilOn !== null && r.count !== null) ctx.addIssue({ code: 'custom', path: ['count'], message: 'v:planning.seriesTwoEnds' });
  if (r.untilOn !== null && r.untilOn < r.startsOn) ctx.addIssue({ code: 'custom', path: ['untilOn'], message: 'v:planning.untilBeforeStart' });
  if (r.frequency === 'monthly' && r.monthOrdinal === null) ctx.addIssue({ code: 'custom', path: ['monthOrdinal'], message: 'v:required' });
  if (r.endTime <= r.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'v:planning.endBeforeStart' });
};

export const seriesRule = z.strictObject({ ...seriesRuleFields, timeZone: timeZoneName.nullable().default(null) }).superRefine(checkRule);
export type SeriesRuleInput = z.input<typeof seriesRule>;

/** A recurring series: the template every session copies, its rule, its roles and facilitators. */
export const seriesInput = z
  .strictObject({ ...eventFields, ...seriesRuleFields, roles })
  .superRefine(checkRule);
export type SeriesInput = z.input<typeof seriesInput>;
export type SeriesData = z.output<typeof seriesInput>;

// ——— Answers ———

export const person = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  /** Archived, paused, left or erased people are shown with a warning, never silently dropped. */
  status: z.enum(['active', 'paused', 'left']),
  archived: z.boolean(),
  erased: z.boolean(),
});
export type Person = z.infer<typeof person>;

/** Advice, not a block: the form and the event page show it, the save goes through. */
export const guidance = z.object({
  key: z.enum(['largeGroup', 'longMeeting', 'facilitatorInactive']),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type Guidance = z.infer<typeof guidance>;

/** A time moved because it does not exist on that day in that zone (see the top of this file). */
export const timeAdjustment = z.object({
  /** Which session of a series (0-based), null for a one-off event. */
  position: z.number().int().nullable(),
  field: z.enum(['start', 'end']),
  requested: z.string(),
  actual: z.string(),
  reason: z.literal('nonexistentTime'),
});
export type TimeAdjustment = z.infer<typeof timeAdjustment>;

/**
 * A role (shift) whose window ran past the event's new end after the event was shortened (or
 * moved onto a shorter daylight-saving night), by `events.update` or a series edit: its end is
 * brought back to the event's end, so no shift lasts beyond the event it belongs to. `requested`
 * and `actual` are the role's old and new end, local wall clock (`YYYY-MM-DDTHH:MM`).
 * A role that would start at or after the new end cannot be shortened into the event: the edit is
 * refused instead (issue `planning.rolesAfterEnd` naming the roles) and nothing is written.
 */
export const roleAdjustment = z.object({
  position: z.number().int().nullable(),
  eventId: id,
  roleId: id,
  roleName: z.string(),
  requested: z.string(),
  actual: z.string(),
  reason: z.literal('roleShortened'),
});
export type RoleAdjustment = z.infer<typeof roleAdjustment>;

export const adjustment = z.discriminatedUnion('reason', [timeAdjustment, roleAdjustment]);
export type Adjustment = z.infer<typeof adjustment>;

export const seriesInfo = z.object({
  id,
  /** 0-based place of this occurrence in the series. */
  position: z.number().int(),
  /** Sessions the series has (every status). */
  total: z.number().int(),
  frequency: z.enum(FREQUENCIES),
  weekday: z.number().int(),
  monthOrdinal: z.number().int().nullable(),
  startTime: z.string(),
  untilOn: z.string().nullable(),
  count: z.number().int().nullable(),
});

/** What an event and a series (the template of its sessions) both show. */
const templateView = {
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  programmeId: id.nullable(),
  programmeName: z.string().nullable(),
  description: z.string().nullable(),
  place: z.string().nullable(),
  videoLink: z.string().nullable(),
  format: z.enum(EVENT_FORMATS),
  capacity: z.number().int().nullable(),
  confidentialityRequired: z.boolean(),
  timeZone: z.string(),
};

/** Everything an event page shows about one event (staffing, attendance and debrief have their own calls). */
export const eventDetail = z.object({
  id,
  ...templateView,
  start: z.string(),
  end: z.string(),
  startUtc: z.string(),
  endUtc: z.string(),
  durationMinutes: z.number().int(),
  status: z.enum(EVENT_STATUSES),
  /** Part of a series but edited or moved on its own: series edits leave it as it is. */
  detached: z.boolean(),
  /** Already over. */
  past: z.boolean(),
  /** Attendance or hours were recorded: series edits never touch it and it cannot be cancelled. */
  attended: z.boolean(),
  participantCount: z.number().int().nullable(),
  series: seriesInfo.nullable(),
  facilitators: z.array(person),
  guidance: z.array(guidance),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventDetail = z.infer<typeof eventDetail>;

/** The light row of calendars and lists. */
export const calendarEvent = z.object({
  id,
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  start: z.string(),
  end: z.string(),
  startUtc: z.string(),
  endUtc: z.string(),
  timeZone: z.string(),
  status: z.enum(EVENT_STATUSES),
  seriesId: id.nullable(),
  detached: z.boolean(),
  format: z.enum(EVENT_FORMATS),
  place: z.string().nullable(),
  programmeId: id.nullable(),
});
export type CalendarEvent = z.infer<typeof calendarEvent>;

export const occurrence = z.object({
  id,
  position: z.number().int(),
  start: z.string(),
  end: z.string(),
  status: z.enum(EVENT_STATUSES),
  detached: z.boolean(),
  past: z.boolean(),
  attended: z.boolean(),
});
export type Occurrence = z.infer<typeof occurrence>;

export const seriesRole = z.object({
  id,
  name: z.string(),
  needed: z.number().int(),
  startOffset: z.number().int(),
  endOffset: z.number().int(),
  skills: z.array(z.object({ skillId: id, minLevel: z.number().int() })),
  requiredTrainingId: id.nullable(),
});
export type SeriesRole = z.infer<typeof seriesRole>;

export const seriesDetail = z.object({
  id,
  ...templateView,
  frequency: z.enum(FREQUENCIES),
  startsOn: z.string(),
  weekday: z.number().int(),
  monthOrdinal: z.number().int().nullable(),
  startTime: z.string(),
  endTime: z.string(),
  durationMinutes: z.number().int(),
  untilOn: z.string().nullable(),
  count: z.number().int().nullable(),
  roles: z.array(seriesRole),
  facilitators: z.array(person),
  /** Every session, in order (at most MAX_OCCURRENCES, plus sessions kept from an earlier rule). */
  occurrences: z.array(occurrence),
  guidance: z.array(guidance),
});
export type SeriesDetail = z.infer<typeof seriesDetail>;

export const programme = z.object({
  id,
  name: z.string(),
  archived: z.boolean(),
  eventCount: z.number().int(),
  createdAt: z.string(),
});
export type Programme = z.infer<typeof programme>;

const page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};

export const calendarInput = z
  .strictObject({
    /** First and last local day shown, inclusive (a month view: about 42 days). */
    from: isoDate,
    to: isoDate,
    includeCancelled: z.boolean().default(true),
    /** At most this many events per day, the earliest (a month view shows a few and "+ n more"); null: all. */
    perDay: z.number().int().min(1).max(100).nullable().default(null),
  })
  .refine((r) => r.to >= r.from, { error: 'v:planning.rangeOrder', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 86_400_000, { error: 'v:planning.rangeTooLong', path: ['to'] });

/** A calendar answers at most this many events; `truncated` says when there were more. */
export const CALENDAR_LIMIT = 3000;

export const updateSeriesInput = z
  .strictObject({
    seriesId: id,
    /** `all`: every session not yet held; `this_and_following`: from `fromEventId` on (the series is split there). */
    scope: z.enum(['all', 'this_and_following']),
    fromEventId: id.nullable().default(null),
    data: seriesInput,
  })
  .refine((u) => u.scope === 'all' || u.fromEventId !== null, { error: 'v:required', path: ['fromEventId'] });
export type UpdateSeriesInput = z.input<typeof updateSeriesInput>;

export const programmeName = requiredText(LIMITS.name);

/**
 * Guidance for a planned event or series, computed the same way by the form (before saving) and by
 * core (in answers). `facilitators` may be left out by the form.
 */
export function planningGuidance(e: { kind: EventKind; capacity: number | null; durationMinutes: number; facilitators?: readonly Person[] }): Guidance[] {
  const out: Guidance[] = [];
  if (e.kind === 'support_group' && e.capacity !== null && e.capacity > SUPPORT_GROUP_SIZE_WARNING) {
    out.push({ key: 'largeGroup', params: { capacity: e.capacity, max: SUPPORT_GROUP_SIZE_WARNING } });
  }
  if (MEETING_KINDS.includes(e.kind) && e.durationMinutes > LONG_MEETING_MINUTES) {
    out.push({ key: 'longMeeting', params: { minutes: e.durationMinutes, max: LONG_MEETING_MINUTES } });
  }
  for (const f of e.facilitators ?? []) {
    if (f.archived || f.erased || f.status !== 'active') {
      out.push({ key: 'facilitatorInactive', params: { volunteerId: f.id, name: f.erased ? '' : `${f.firstName} ${f.lastName}`.trim() } });
    }
  }
  return out;
}

export const planningMethods = {
  /** A one-off event (with optional roles). */
  'events.create': method(eventInput, z.object({ event: eventDetail, adjustments: z.array(adjustment) })),
  'events.get': method(z.strictObject({ id }), eventDetail),
  /** Edits or moves one event; an occurrence of a series becomes detached (series edits skip it). */
  'events.update': method(z.strictObject({ id, data: eventInput }), z.object({ event: eventDetail, adjustments: z.array(adjustment) })),
  /** Cancels one event or one occurrence (it stays in the calendar, struck through). */
  'events.cancel': method(z.strictObject({ id }), eventDetail),
  'events.restore': method(z.strictObject({ id }), eventDetail),
  /** Creates a series and all its sessions in one transaction. */
  'events.createSeries': method(seriesInput, z.object({ series: seriesDetail, adjustments: z.array(adjustment) })),
  /** The sessions a rule would make, without writing anything (the form's preview). */
  'events.previewSeries': method(
    seriesRule,
    z.object({ occurrences: z.array(z.object({ position: z.number().int(), start: z.string(), end: z.string() })), adjustments: z.array(timeAdjustment), timeZone: z.string() }),
  ),
  'events.getSeries': method(z.strictObject({ id }), seriesDetail),
  /**
   * Edits a series. Sessions already held, attended, cancelled or edited on their own are never
   * changed; the others follow the new template and rule. `this_and_following` from an occurrence
   * splits the series: the old one ends before it, the answer's `series` is the new one.
   */
  'events.updateSeries': method(
    updateSeriesInput,
    z.object({
      series: seriesDetail,
      /** The series that was split (it now ends before the edited occurrence); null without a split. */
      previousSeriesId: id.nullable(),
      created: z.number().int(),
      updated: z.number().int(),
      removed: z.number().int(),
      /** Sessions left exactly as they were (held, attended, cancelled, detached). */
      kept: z.number().int(),
      adjustments: z.array(adjustment),
    }),
  ),
  /** Events starting between two local days (inclusive), in start order: one walk of the start index. */
  'events.calendar': method(
    calendarInput,
    z.object({
      events: z.array(calendarEvent),
      /** How many events start on each day that has any (all of them, whatever `perDay` kept). */
      dayTotals: z.record(z.string(), z.number().int()),
      truncated: z.boolean(),
    }),
  ),
  /** Events not yet over, soonest first. */
  'events.upcoming': method(
    z.strictObject({ ...page, includeCancelled: z.boolean().default(false) }).default({ offset: 0, limit: 50, includeCancelled: false }),
    z.object({ total: z.number().int(), rows: z.array(calendarEvent) }),
  ),
  /** A volunteer's events: as facilitator or through an assignment. Upcoming soonest first, past latest first. */
  'events.volunteerSchedule': method(
    z.strictObject({ volunteerId: id, when: z.enum(['upcoming', 'past']).default('upcoming'), ...page }),
    z.object({
      total: z.number().int(),
      rows: z.array(calendarEvent.extend({ facilitator: z.boolean(), roles: z.array(z.string()) })),
    }),
  ),
  'events.listProgrammes': method(
    z.strictObject({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }),
    z.array(programme),
  ),
  'events.createProgramme': method(z.strictObject({ name: programmeName }), programme),
  'events.renameProgramme': method(z.strictObject({ id, name: programmeName }), programme),
  'events.archiveProgramme': method(z.strictObject({ id, archived: z.boolean() }), programme),
} satisfies Record<string, MethodSpec>;

export type VolunteerScheduleRow = z.infer<(typeof planningMethods)['events.volunteerSchedule']['output']>['rows'][number];

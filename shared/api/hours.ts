import { z } from 'zod';
import { method, type MethodSpec } from './define';
import type { EventKind } from './events/planning';
import { LIMITS, id, isoDate, optionalText } from './fields';

/** What kind of work an hour entry was (the activity category of the issue). */
export const HOUR_CATEGORIES = ['support', 'facilitation', 'training', 'governance', 'skills_donation', 'logistics', 'admin', 'other'] as const;
export type HourCategory = (typeof HOUR_CATEGORIES)[number];

/** Approval of an entry: only approved minutes count (electron/core/hours/totals.ts). */
export const APPROVALS = ['pending', 'approved', 'rejected'] as const;
export type Approval = (typeof APPROVALS)[number];

/** Where an entry comes from: marked present at an event, or typed by hand. */
export const HOUR_SOURCES = ['attendance', 'manual'] as const;
export type HourSource = (typeof HOUR_SOURCES)[number];

/** One entry holds at most a day's work; longer is a typing mistake (the table checks it too). */
export const MAX_ENTRY_MINUTES = 24 * 60;

/**
 * The category of the hours attendance writes, from the event's kind. The facilitators of an event
 * are the exception: their hours are `facilitation` whatever the kind.
 */
export const EVENT_KIND_CATEGORY = {
  community: 'logistics',
  support_group: 'support',
  training: 'training',
  workshop: 'facilitation',
  board_meeting: 'governance',
  general_meeting: 'governance',
} as const satisfies Record<EventKind, HourCategory>;

export const HOUR_GROUPINGS = ['volunteer', 'month', 'category', 'programme'] as const;
export type HourGrouping = (typeof HOUR_GROUPINGS)[number];

/** Minutes of one entry: a whole number from 1 to 1440, with a message that says which bound. */
export const entryMinutes = z
  .number({ error: 'v:number' })
  .int({ error: 'v:number' })
  .min(1, { error: 'v:hours.minutesPositive' })
  .max(MAX_ENTRY_MINUTES, { error: 'v:hours.minutesTooMany' });

export const hourEntryInput = z.strictObject({
  volunteerId: id,
  /** The day the work was done; not in the future (core checks against the local calendar). */
  workedOn: isoDate,
  minutes: entryMinutes,
  category: z.enum(HOUR_CATEGORIES, { error: 'v:invalidChoice' }),
  programmeId: id.nullable().default(null),
  /** Work done for an event outside attendance (preparing it, say). */
  eventId: id.nullable().default(null),
  note: optionalText(LIMITS.text),
  /** Entered by the person who approves hours: `approved`; reported by someone else: `pending`. */
  approval: z.enum(['pending', 'approved'], { error: 'v:invalidChoice' }).default('pending'),
});
export type HourEntryInput = z.input<typeof hourEntryInput>;
export type HourEntryData = z.output<typeof hourEntryInput>;

/**
 * A change to an entry: only the fields given change. Entries written by attendance keep their
 * day, event and programme (they come from the event); their minutes, category and note can change.
 */
export const hourEntryPatch = z.strictObject({
  id,
  workedOn: isoDate.optional(),
  minutes: entryMinutes.optional(),
  category: z.enum(HOUR_CATEGORIES, { error: 'v:invalidChoice' }).optional(),
  programmeId: id.nullable().optional(),
  /** Blank clears the note; left out keeps it. */
  note: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(LIMITS.text, { error: 'v:tooLong' }).nullable()).optional(),
});
export type HourEntryPatch = z.input<typeof hourEntryPatch>;

export const hourEntry = z.object({
  id,
  volunteerId: id,
  /** « First Last » as the record says now (an erased person's placeholder). */
  volunteerName: z.string(),
  workedOn: z.string(),
  minutes: z.number().int(),
  category: z.enum(HOUR_CATEGORIES),
  programmeId: id.nullable(),
  programmeName: z.string().nullable(),
  eventId: id.nullable(),
  eventTitle: z.string().nullable(),
  /** The event's local start (`YYYY-MM-DDTHH:MM`), for attendance entries. */
  eventStart: z.string().nullable(),
  source: z.enum(HOUR_SOURCES),
  approval: z.enum(APPROVALS),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HourEntry = z.infer<typeof hourEntry>;

const period = {
  /** First day, inclusive (YYYY-MM-DD); null: from the beginning. */
  from: isoDate.nullable().default(null),
  /** Last day, inclusive; null: no end. */
  to: isoDate.nullable().default(null),
};

export const hourListInput = z
  .strictObject({
    volunteerId: id.nullable().default(null),
    /** A programme's id, or `none` for entries outside any programme. */
    programmeId: z.union([id, z.literal('none')]).nullable().default(null),
    category: z.enum(HOUR_CATEGORIES, { error: 'v:invalidChoice' }).nullable().default(null),
    approval: z.enum(APPROVALS, { error: 'v:invalidChoice' }).nullable().default(null),
    source: z.enum(HOUR_SOURCES, { error: 'v:invalidChoice' }).nullable().default(null),
    ...period,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .refine((r) => r.from === null || r.to === null || r.to >= r.from, { error: 'v:hours.periodOrder', path: ['to'] });
export type HourListInput = z.input<typeof hourListInput>;

/** One id or many (a page of pending entries approved at once). */
const ids = z
  .array(id)
  .min(1, { error: 'v:required' })
  .max(500, { error: 'v:tooMany' })
  .transform((xs) => [...new Set(xs)]);

export const hourTotalsInput = z
  .strictObject({
    grouping: z.enum(HOUR_GROUPINGS, { error: 'v:invalidChoice' }),
    ...period,
    volunteerId: id.nullable().default(null),
    programmeId: id.nullable().default(null),
    /** Volunteer grouping: the most active first, at most this many groups. */
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .refine((r) => r.from === null || r.to === null || r.to >= r.from, { error: 'v:hours.periodOrder', path: ['to'] });
export type HourTotalsInput = z.input<typeof hourTotalsInput>;

export const hourGroup = z.object({
  /** The month (YYYY-MM), the category key, the programme's id (null: outside any) or the volunteer's id. */
  key: z.union([z.string(), z.number(), z.null()]),
  /** The volunteer's or programme's name; null for months and categories (the screen words them). */
  label: z.string().nullable(),
  minutes: z.number().int(),
  entries: z.number().int(),
});
export type HourGroup = z.infer<typeof hourGroup>;

export const hourTotals = z.object({
  grouping: z.enum(HOUR_GROUPINGS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Every counted minute of the period and filters (all groups, even those left out by `limit`). */
  totalMinutes: z.number().int(),
  entries: z.number().int(),
  /** How many groups there are in all (volunteer grouping may answer fewer). */
  groupCount: z.number().int(),
  groups: z.array(hourGroup),
});
export type HourTotals = z.infer<typeof hourTotals>;

export const volunteerHourSummary = z.object({
  volunteerId: id,
  /** Today on the association's calendar, the day the periods below end. */
  today: z.string(),
  totalMinutes: z.number().int(),
  entries: z.number().int(),
  /** The 30 days up to today, today included. */
  last30DaysMinutes: z.number().int(),
  thisYearMinutes: z.number().int(),
  byMonth: z.array(z.object({ month: z.string(), minutes: z.number().int(), entries: z.number().int() })),
  byCategory: z.array(z.object({ category: z.enum(HOUR_CATEGORIES), minutes: z.number().int(), entries: z.number().int() })),
  byProgramme: z.array(z.object({ programmeId: id.nullable(), name: z.string().nullable(), minutes: z.number().int(), entries: z.number().int() })),
  /** Entries waiting for approval (not counted until approved). */
  pendingEntries: z.number().int(),
  lastWorkedOn: z.string().nullable(),
});
export type VolunteerHourSummary = z.infer<typeof volunteerHourSummary>;

/** Hour entries (attendance and manual), approval and the totals (the one definition, DESIGN §3). */
export const hoursMethods = {
  /** Entries newest first, filtered and paged; `total` counts every match. */
  'hours.list': method(hourListInput, z.object({ total: z.number().int(), rows: z.array(hourEntry) })),
  /** Work outside events (skills donation, admin…), pending or approved at once. */
  'hours.create': method(hourEntryInput, hourEntry),
  'hours.update': method(hourEntryPatch, hourEntry),
  /** Removes a manual entry; attendance entries go by marking the person absent. */
  'hours.remove': method(z.strictObject({ id }), z.object({ removed: id })),
  'hours.approve': method(z.strictObject({ ids }), z.object({ updated: z.number().int() })),
  'hours.reject': method(z.strictObject({ ids }), z.object({ updated: z.number().int() })),
  /** Counted minutes grouped by volunteer, month, category or programme over a period. */
  'hours.totals': method(hourTotalsInput, hourTotals),
  /** The hours block of a volunteer's record: total, last 30 days, this year, by month and category. */
  'hours.volunteerSummary': method(z.strictObject({ volunteerId: id }), volunteerHourSummary),
} satisfies Record<string, MethodSpec>;

import { z } from 'zod';
import { method, type MethodSpec } from '../define';
import { LIMITS, id, optionalDate, requiredText } from '../fields';
import { FORMATS, SLOTS, STATUSES } from '../volunteers';
import { EVENT_FORMATS, EVENT_KINDS, EVENT_STATUSES, MAX_EVENT_MINUTES } from './planning';

/**
 * Staffing: the roles (shifts) of an event, who is assigned to them, ranked suggestions with their
 * reasons, warnings that never block, and the roles still short of people across upcoming events.
 */

/** Where each part of the day starts, in minutes after local midnight (the volunteers' availability grid). */
export const DAY_PART_STARTS = { morning: 0, afternoon: 12 * 60, evening: 18 * 60 } as const;

/** A role asks for at most this many people (as in planning's role templates). */
export const MAX_ROLE_NEEDED = 100;
/** Required skills per role. */
export const MAX_ROLE_SKILLS = 20;
/** Offsets count minutes from the event's start, and an event lasts at most a day. */
export const MAX_OFFSET_MINUTES = MAX_EVENT_MINUTES;
export const MAX_SUGGESTIONS = 50;

/** Whole-number fields carry their own message, so "0 people" or "level 4" reads as what it is. */
const wholeNumber = (key: string, min: number, max: number, belowMin = key) =>
  z
    .number({ error: `v:${key}` })
    .int({ error: `v:${key}` })
    .min(min, { error: `v:${belowMin}` })
    .max(max, { error: `v:${key}` });

export const eventRoleSkillInput = z.strictObject({
  skillId: id,
  /** 1 beginner, 2 confirmed, 3 expert: the volunteer's level must be at least this. */
  minLevel: wholeNumber('staffing.skillLevel', 1, 3),
});

export const eventRoleInput = z
  .strictObject({
    name: requiredText(LIMITS.name),
    needed: wholeNumber('staffing.needed', 1, MAX_ROLE_NEEDED),
    /** Minutes after the event's start; 0: from the start. */
    startOffset: wholeNumber('staffing.offset', 0, MAX_OFFSET_MINUTES, 'staffing.startBeforeEvent').default(0),
    /** Minutes after the event's start; null: until the event ends. Must fit inside the event. */
    endOffset: wholeNumber('staffing.offset', 1, MAX_OFFSET_MINUTES, 'staffing.endBeforeStart').nullable().default(null),
    skills: z
      .array(eventRoleSkillInput)
      .max(MAX_ROLE_SKILLS, { error: 'v:tooMany' })
      .refine((xs) => new Set(xs.map((s) => s.skillId)).size === xs.length, { error: 'v:duplicateSkill' })
      .default([]),
    /**
     * The training the person on this role must hold (null: none): staffing warns about anyone
     * assigned without a valid qualification on the event's day, suggestions rank them lower.
     * Core checks it is in the catalogue and not archived (unless the role already required it).
     */
    requiredTrainingId: id.nullable().default(null),
  })
  .refine((r) => r.endOffset === null || r.endOffset > r.startOffset, { error: 'v:staffing.endBeforeStart', path: ['endOffset'] });
export type EventRoleInput = z.input<typeof eventRoleInput>;

const eventFormat = z.enum(EVENT_FORMATS);

export const eventRoleSkill = z.object({
  skillId: id,
  minLevel: z.number().int().min(1).max(3),
  /** Seeded skills carry a key (translated in the UI); the association's own carry a name. */
  key: z.string().nullable(),
  name: z.string().nullable(),
});

export const requiredTraining = z.object({ id, key: z.string().nullable(), name: z.string().nullable(), archived: z.boolean() });
export type RequiredTraining = z.infer<typeof requiredTraining>;

export const eventRole = z.object({
  id,
  eventId: id,
  /** The series role it was copied from, if any. */
  seriesRoleId: id.nullable(),
  name: z.string(),
  needed: z.number().int(),
  startOffset: z.number().int(),
  endOffset: z.number().int(),
  position: z.number().int(),
  skills: z.array(eventRoleSkill),
  /** The training required on this role (key for seeded trainings, name for the association's own). */
  requiredTraining: requiredTraining.nullable(),
  filled: z.number().int(),
});
export type EventRole = z.infer<typeof eventRole>;

/** Another shift of the same person that runs at the same time. */
const clash = z.object({
  eventId: id,
  eventTitle: z.string(),
  roleName: z.string(),
  /** The clashing shift's own window, ISO UTC. */
  startUtc: z.string(),
  endUtc: z.string(),
});

/**
 * Why an assignment deserves a second look. Warnings never block: the assignment is saved and the
 * answer and the staffing panel show them. A new kind is one more variant here, one more check in
 * `electron/core/events/warnings.ts` (`ASSIGNMENT_CHECKS`) and one sentence under
 * `events:staffing.warnings.<kind>`.
 */
export const assignmentWarning = z.discriminatedUnion('kind', [
  clash.extend({ kind: z.literal('overlap') }),
  z.object({
    kind: z.literal('weeklyCap'),
    /** Monday of the event's week (local calendar). */
    weekStart: z.string(),
    /** Counted minutes that week plus the shifts planned that week whose attendance is not recorded yet. */
    minutes: z.number().int(),
    capMinutes: z.number().int(),
  }),
  z.object({ kind: z.literal('confidentiality') }),
  z.object({ kind: z.literal('archived') }),
  z.object({ kind: z.literal('status'), status: z.enum(['paused', 'left']) }),
  /**
   * The role requires a training (`required_training_id`) and the person holds no valid
   * qualification for it on the event's day: none at all (in training counts as none), or one that
   * has expired by then (`expiredOn`). Checked by electron/core/trainings/warnings.ts.
   */
  z.object({ kind: z.literal('qualificationMissing'), trainingId: id, trainingKey: z.string().nullable(), trainingName: z.string().nullable() }),
  z.object({
    kind: z.literal('qualificationExpired'),
    trainingId: id,
    trainingKey: z.string().nullable(),
    trainingName: z.string().nullable(),
    expiredOn: z.string(),
  }),
]);
export type AssignmentWarning = z.infer<typeof assignmentWarning>;

export const roleWarning = z.object({ kind: z.literal('underStaffed'), needed: z.number().int(), filled: z.number().int() });
export type RoleWarning = z.infer<typeof roleWarning>;

export const staffingWarning = z.union([assignmentWarning, roleWarning]);
export type StaffingWarning = z.infer<typeof staffingWarning>;

export const assignmentView = z.object({
  id,
  roleId: id,
  volunteerId: id,
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(STATUSES),
  archived: z.boolean(),
  createdAt: z.string(),
  warnings: z.array(assignmentWarning),
});
export type AssignmentView = z.infer<typeof assignmentView>;

export const staffingRole = eventRole.extend({
  assignments: z.array(assignmentView),
  warnings: z.array(roleWarning),
});
export type StaffingRole = z.infer<typeof staffingRole>;

export const staffingView = z.object({
  event: z.object({
    id,
    title: z.string(),
    kind: z.enum(EVENT_KINDS),
    format: eventFormat,
    status: z.enum(EVENT_STATUSES),
    timeZone: z.string(),
    startLocal: z.string(),
    endLocal: z.string(),
    startUtc: z.string(),
    endUtc: z.string(),
    /** The event's length: a role's window must end by then. */
    minutes: z.number().int(),
    confidentialityRequired: z.boolean(),
  }),
  /** The weekly hour cap from Settings, in hours (null: none). */
  weeklyHourCap: z.number().int().nullable(),
  roles: z.array(staffingRole),
});
export type StaffingView = z.infer<typeof staffingView>;

/**
 * Why a suggestion ranks where it does: one reason per criterion, each with the points it gave.
 * The total is their sum; equal totals go to the better skill, availability and format match,
 * then by name.
 */
export const suggestionReason = z.discriminatedUnion('kind', [
  /** One per required skill: the person's level (null: does not have it) against the minimum. */
  z.object({ kind: z.literal('skill'), skillId: id, minLevel: z.number().int(), level: z.number().int().nullable(), ok: z.boolean(), points: z.number().int() }),
  /** The week slots the role's window touches, against the person's availability (unknown: none given). */
  z.object({ kind: z.literal('availability'), match: z.enum(['full', 'partial', 'none', 'unknown']), slots: z.array(z.enum(SLOTS)), points: z.number().int() }),
  z.object({ kind: z.literal('format'), ok: z.boolean(), preferred: z.enum(FORMATS), eventFormat, points: z.number().int() }),
  /** Counted minutes over the last 30 days (the one hour total): fewer hours, more points. */
  z.object({ kind: z.literal('load'), minutes: z.number().int(), points: z.number().int() }),
  /** Another shift at the same time (ok: none). */
  z.object({ kind: z.literal('overlap'), ok: z.boolean(), clashes: z.array(clash), points: z.number().int() }),
  /** The week's hours with this shift, against the cap (only when a cap is set). */
  z.object({ kind: z.literal('weeklyCap'), ok: z.boolean(), minutes: z.number().int(), capMinutes: z.number().int(), points: z.number().int() }),
  /** Only for events that require a confidentiality agreement. */
  z.object({ kind: z.literal('confidentiality'), ok: z.boolean(), points: z.number().int() }),
  /** Only for someone on a break (status paused). */
  z.object({ kind: z.literal('status'), status: z.enum(['paused']), points: z.number().int() }),
  /**
   * Only for a role that requires a training: on the event's day the person holds a valid
   * qualification (`qualified`, 0 points), held one that has expired by then (`expired`, with the
   * day it stopped being valid) or holds none (`missing`; being enrolled in a session counts as none).
   */
  z.object({
    kind: z.literal('qualification'),
    state: z.enum(['qualified', 'expired', 'missing']),
    trainingId: id,
    trainingKey: z.string().nullable(),
    trainingName: z.string().nullable(),
    expiredOn: z.string().nullable(),
    points: z.number().int(),
  }),
]);
export type SuggestionReason = z.infer<typeof suggestionReason>;

export const suggestion = z.object({
  volunteerId: id,
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(STATUSES),
  score: z.number().int(),
  reasons: z.array(suggestionReason),
});
export type Suggestion = z.infer<typeof suggestion>;

export const unfilledRole = z.object({
  roleId: id,
  roleName: z.string(),
  needed: z.number().int(),
  filled: z.number().int(),
  eventId: id,
  eventTitle: z.string(),
  eventKind: z.enum(EVENT_KINDS),
  timeZone: z.string(),
  startLocal: z.string(),
  endLocal: z.string(),
  startUtc: z.string(),
});
export type UnfilledRole = z.infer<typeof unfilledRole>;

export const staffingMethods = {
  /** The event's roles with who is assigned, their warnings and how many are still needed. */
  'events.staffing': method(z.strictObject({ eventId: id }), staffingView),
  'events.addRole': method(z.strictObject({ eventId: id, role: eventRoleInput }), eventRole),
  'events.updateRole': method(z.strictObject({ roleId: id, role: eventRoleInput }), eventRole),
  /**
   * Removing a role that has people assigned is refused (CONFLICT, reason `roleHasAssignments`,
   * `assigned`: how many) unless `unassign` is true: then they are unassigned with it.
   */
  'events.removeRole': method(
    z.strictObject({ roleId: id, unassign: z.boolean().default(false) }),
    z.object({ roleId: id, eventId: id, unassigned: z.number().int() }),
  ),
  /** Saves the assignment whatever the warnings, and answers them. */
  'events.assign': method(
    z.strictObject({ roleId: id, volunteerId: id }),
    z.object({ assignment: assignmentView, role: eventRole, warnings: z.array(staffingWarning) }),
  ),
  'events.unassign': method(z.strictObject({ assignmentId: id }), z.object({ role: eventRole, warnings: z.array(roleWarning) })),
  /** People worth asking for a role, best first, each with why. */
  'events.suggest': method(
    z.strictObject({ roleId: id, limit: z.number().int().min(1).max(MAX_SUGGESTIONS).default(10) }),
    z.object({ roleId: id, considered: z.number().int(), suggestions: z.array(suggestion) }),
  ),
  /** Roles with fewer people than needed, in events not over yet (or from a date), soonest first. */
  'events.unfilledRoles': method(
    z
      .strictObject({
        from: optionalDate,
        to: optionalDate,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .default({ from: null, to: null, offset: 0, limit: 50 }),
    z.object({ total: z.number().int(), rows: z.array(unfilledRole) }),
  ),
} satisfies Record<string, MethodSpec>;

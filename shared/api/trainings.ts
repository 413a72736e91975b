import { z } from 'zod';
import { method } from './define';
import { localDateTime, timeZoneName } from './events/planning';
import { LIMITS, id, isoDate, optionalDate, optionalText } from './fields';

/**
 * The training catalogue, training sessions (events of kind « training ») and the qualifications
 * they give. Validation messages `v:<key>` whose sentence is specific to trainings live in
 * `trainings:issues.<key>` (the trainings screens look there first, then in `validation`).
 */

/** A validity longer than 20 years is a typing mistake (months typed as days, say). */
export const MAX_VALIDITY_MONTHS = 240;
/** 1,000,000 € in cents: anything above is not a small association's training. */
export const MAX_COST_CENTS = 100_000_000;
/** The « expiring soon » list looks this many days ahead unless told otherwise. */
export const EXPIRING_WITHIN_DAYS = 60;

export const PARTICIPANT_RESULTS = ['enrolled', 'completed', 'not_completed'] as const;
export type ParticipantResult = (typeof PARTICIPANT_RESULTS)[number];

/**
 * Where a volunteer stands for one training, on a given day: enrolled in a session not completed
 * yet (and holding nothing valid), holding a valid qualification, or holding one that expired.
 */
export const QUALIFICATION_STATES = ['in_training', 'qualified', 'expired'] as const;
export type QualificationState = (typeof QUALIFICATION_STATES)[number];

export const QUALIFICATION_SOURCES = ['session', 'manual'] as const;
export const SESSION_FORMATS = ['in_person', 'virtual', 'hybrid'] as const;

const validityMonths = z
  .number({ error: 'v:validityMonths' })
  .int({ error: 'v:validityMonths' })
  .min(1, { error: 'v:validityMonths' })
  .max(MAX_VALIDITY_MONTHS, { error: 'v:validityMonths' })
  .nullable();

/** Money is integer cents (DESIGN §3): never a float, never negative, never absurd. */
export const costCents = z
  .number({ error: 'v:cost' })
  .int({ error: 'v:cost' })
  .min(0, { error: 'v:costNegative' })
  .max(MAX_COST_CENTS, { error: 'v:costTooHigh' });

const ids = (max: number) =>
  z
    .array(id)
    .max(max, { error: 'v:tooMany' })
    .transform((xs) => [...new Set(xs)])
    .default([]);

/* ---------- catalogue ---------- */

export const trainingInput = z.strictObject({
  id: id.optional(),
  /** Required for the association's own trainings; seeded ones keep their translated name. */
  name: optionalText(LIMITS.name),
  description: optionalText(LIMITS.text),
  validityMonths: validityMonths.default(null),
});
export type TrainingInput = z.input<typeof trainingInput>;

export const training = z.object({
  id,
  /** Seeded trainings carry a key (`trainings:catalogue.<key>`); the association's own carry a name. */
  key: z.string().nullable(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  validityMonths: z.number().int().nullable(),
  archived: z.boolean(),
  sessionCount: z.number().int(),
  /** People holding a qualification valid today. */
  qualifiedCount: z.number().int(),
});
export type Training = z.infer<typeof training>;

/* ---------- sessions ---------- */

export const sessionInput = z
  .strictObject({
    trainingId: id,
    /** The event's title; empty: the training's name. */
    title: optionalText(LIMITS.short),
    startLocal: localDateTime,
    endLocal: localDateTime,
    /** IANA zone the times are typed in; null: the association's (planning's default). */
    timeZone: timeZoneName.nullable().default(null),
    place: optionalText(LIMITS.short),
    format: z.enum(SESSION_FORMATS).default('in_person'),
    programmeId: id.nullable().default(null),
    capacity: z.number({ error: 'v:number' }).int({ error: 'v:number' }).min(1, { error: 'v:capacity' }).max(10_000, { error: 'v:capacity' }).nullable().default(null),
    /** Volunteers who give the training (the event's facilitators). */
    trainerVolunteerIds: ids(10),
    /** An outside trainer: a person or an organisation. */
    trainerName: optionalText(LIMITS.name),
    /** Planned cost of the session, in cents. */
    costCents: costCents.default(0),
    participantIds: ids(500),
  })
  .refine((s) => s.endLocal > s.startLocal, { error: 'v:endBeforeStart', path: ['endLocal'] });
export type SessionInput = z.input<typeof sessionInput>;
export type SessionData = z.output<typeof sessionInput>;

const person = { volunteerId: id, firstName: z.string(), lastName: z.string() };

export const qualification = z.object({
  id,
  volunteerId: id,
  trainingId: id,
  obtainedOn: z.string(),
  /** The first day it is no longer valid; null: never expires. */
  expiresOn: z.string().nullable(),
  source: z.enum(QUALIFICATION_SOURCES),
  eventId: id.nullable(),
  certificateNote: z.string().nullable(),
});
export type Qualification = z.infer<typeof qualification>;

export const sessionSummary = z.object({
  eventId: id,
  trainingId: id,
  trainingKey: z.string().nullable(),
  trainingName: z.string().nullable(),
  title: z.string(),
  startLocal: z.string(),
  endLocal: z.string(),
  timeZone: z.string(),
  place: z.string().nullable(),
  format: z.enum(SESSION_FORMATS),
  programmeId: id.nullable(),
  capacity: z.number().int().nullable(),
  cancelled: z.boolean(),
  trainers: z.array(z.object(person)),
  trainerName: z.string().nullable(),
  costCents: z.number().int(),
  completedOn: z.string().nullable(),
  participantCount: z.number().int(),
  completedCount: z.number().int(),
});
export type SessionSummary = z.infer<typeof sessionSummary>;

export const sessionParticipant = z.object({
  ...person,
  result: z.enum(PARTICIPANT_RESULTS),
  /** The qualification this session gave them, once completed. */
  qualification: qualification.nullable(),
});

export const sessionDetail = sessionSummary.extend({ participants: z.array(sessionParticipant) });
export type SessionDetail = z.infer<typeof sessionDetail>;

export const sessionsQuery = z
  .strictObject({
    trainingId: id.nullable().default(null),
    from: optionalDate,
    to: optionalDate,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .default({ trainingId: null, from: null, to: null, offset: 0, limit: 200 });

export const completeInput = z.strictObject({
  eventId: id,
  /** The day it was marked complete: not before the session's last day, not after today. */
  completedOn: isoDate,
  /** Participants who completed it; every other participant did not. */
  completedIds: ids(500),
});

/* ---------- qualifications ---------- */

export const qualificationInput = z
  .strictObject({
    volunteerId: id,
    trainingId: id,
    obtainedOn: isoDate,
    /** From the certificate; null: the training's validity decides. */
    expiresOn: optionalDate,
    /** Where it was obtained, the certificate's number… */
    certificateNote: optionalText(LIMITS.short),
  })
  .refine((q) => q.expiresOn === null || q.expiresOn > q.obtainedOn, { error: 'v:expiryBeforeObtained', path: ['expiresOn'] });
export type QualificationInput = z.input<typeof qualificationInput>;

/** A qualification with its holder and training, for the lists. */
export const qualificationRow = qualification.extend({
  firstName: z.string(),
  lastName: z.string(),
  trainingKey: z.string().nullable(),
  trainingName: z.string().nullable(),
});
export type QualificationRow = z.infer<typeof qualificationRow>;

const onDate = optionalDate;

export const expiryListInput = z
  .strictObject({
    /** The day the list is seen from; null: today. */
    onDate,
    withinDays: z.number().int().min(1).max(366).default(EXPIRING_WITHIN_DAYS),
    trainingId: id.nullable().default(null),
  })
  .default({ onDate: null, withinDays: EXPIRING_WITHIN_DAYS, trainingId: null });

export const expiryList = z.object({ onDate: z.string(), total: z.number().int(), rows: z.array(qualificationRow) });

export const volunteerTraining = z.object({
  trainingId: id,
  trainingKey: z.string().nullable(),
  trainingName: z.string().nullable(),
  trainingArchived: z.boolean(),
  state: z.enum(QUALIFICATION_STATES),
  /** The qualification that decides the state (the one that lasts longest); null while in training. */
  current: qualification.nullable(),
  /** The next session they are enrolled in and which is not completed yet. */
  enrolledIn: z.object({ eventId: id, title: z.string(), startLocal: z.string() }).nullable(),
});
export type VolunteerTraining = z.infer<typeof volunteerTraining>;

export const trainingsMethods = {
  'trainings.list': method(z.strictObject({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }), z.array(training)),
  /** Create (no id) or change a catalogue entry. */
  'trainings.save': method(trainingInput, training),
  'trainings.archive': method(z.strictObject({ id, archived: z.boolean() }), training),

  'trainings.listSessions': method(sessionsQuery, z.object({ total: z.number().int(), rows: z.array(sessionSummary) })),
  'trainings.getSession': method(z.strictObject({ eventId: id }), sessionDetail),
  /** Records a session: an event of kind « training » plus its training, trainer, cost and participants. */
  'trainings.createSession': method(sessionInput, sessionDetail),
  /** Changes a session; once completed, its qualifications follow the new dates and results. */
  'trainings.updateSession': method(z.strictObject({ eventId: id, data: sessionInput }), sessionDetail),
  /** Deletes a session not completed yet (a completed one holds people's qualifications). */
  'trainings.deleteSession': method(z.strictObject({ eventId: id }), z.object({ eventId: id })),
  /** Marks the session complete: each participant completed it or not; those who did are qualified. */
  'trainings.completeSession': method(completeInput, sessionDetail),
  /** Back to « not completed »: the results and the qualifications it gave are withdrawn. */
  'trainings.reopenSession': method(z.strictObject({ eventId: id }), sessionDetail),

  /** One volunteer's trainings: state per training on a day, and every qualification held. */
  'trainings.forVolunteer': method(
    z.strictObject({ volunteerId: id, onDate }),
    z.object({ onDate: z.string(), trainings: z.array(volunteerTraining), qualifications: z.array(qualificationRow) }),
  ),
  /** Qualifications still valid that expire within the next days (60 unless told). */
  'trainings.expiring': method(expiryListInput, expiryList),
  /** Qualifications that have expired and were not renewed. */
  'trainings.expired': method(expiryListInput, expiryList),
  /** A qualification obtained elsewhere, typed by hand with a certificate note. */
  'trainings.addQualification': method(qualificationInput, qualificationRow),
  'trainings.updateQualification': method(z.strictObject({ id, data: qualificationInput }), qualificationRow),
  'trainings.deleteQualification': method(z.strictObject({ id }), z.object({ id })),
  // A role's required training is part of the role itself: `events.addRole` / `events.updateRole`
  // and the series' role template (`requiredTrainingId`).
};

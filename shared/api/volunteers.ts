import { z } from 'zod';
import { method } from './define';
import {
  LIMITS,
  id,
  isoDate,
  optionalDate,
  optionalEmail,
  optionalPhone,
  optionalText,
  requiredText,
  wordList,
} from './fields';

export const STATUSES = ['active', 'paused', 'left'] as const;
export const ROLES = ['volunteer', 'facilitator', 'supervisor', 'board'] as const;
export const FORMATS = ['in_person', 'remote', 'both'] as const;
export const CONSENT_BASES = ['consent', 'membership', 'legitimate_interest', 'legal_obligation'] as const;
export const SKILL_LEVELS = [1, 2, 3] as const;
export const SKILL_CATEGORIES = ['listening', 'facilitation', 'health', 'technical', 'administration', 'communication', 'legal', 'languages', 'logistics', 'other'] as const;
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const;
/** `mon.morning` … `sun.evening`: the 21 weekly availability slots. */
export const SLOTS = DAYS.flatMap((d) => DAY_PARTS.map((p) => `${d}.${p}` as const));

export type Status = (typeof STATUSES)[number];
export type Role = (typeof ROLES)[number];
export type Format = (typeof FORMATS)[number];
export type Slot = (typeof SLOTS)[number];
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

const customValue = z.union([z.string().max(LIMITS.text, { error: 'v:tooLong' }), z.number().finite(), z.boolean(), z.null()]);

const currentYear = () => new Date().getFullYear();

export const volunteerInput = z
  .strictObject({
    firstName: requiredText(LIMITS.name),
    lastName: requiredText(LIMITS.name),
    email: optionalEmail,
    phone: optionalPhone,
    addressLine: optionalText(LIMITS.short),
    postalCode: optionalText(20),
    city: optionalText(LIMITS.name),
    country: optionalText(LIMITS.name),
    birthYear: z
      .number({ error: 'v:number' })
      .int({ error: 'v:number' })
      .min(1900, { error: 'v:birthYear' })
      .refine((y) => y <= currentYear(), { error: 'v:birthYear' })
      .nullable()
      .default(null),
    joinedOn: isoDate,
    status: z.enum(STATUSES).default('active'),
    statusSince: optionalDate,
    statusReason: optionalText(LIMITS.short),
    roles: z.array(z.enum(ROLES)).max(ROLES.length).transform((xs) => [...new Set(xs)]).default(['volunteer']),
    skills: z
      .array(z.strictObject({ skillId: id, level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }))
      .max(200, { error: 'v:tooMany' })
      .refine((xs) => new Set(xs.map((s) => s.skillId)).size === xs.length, { error: 'v:duplicateSkill' })
      .default([]),
    interests: wordList(30, LIMITS.name),
    languages: wordList(20, 50),
    availability: z.array(z.enum(SLOTS)).max(SLOTS.length).transform((xs) => [...new Set(xs)]).default([]),
    preferredFormat: z.enum(FORMATS).default('both'),
    emergencyName: optionalText(LIMITS.name),
    emergencyPhone: optionalPhone,
    emergencyRelation: optionalText(LIMITS.name),
    notes: optionalText(LIMITS.notes),
    consentOn: optionalDate,
    consentBasis: z.enum(CONSENT_BASES).nullable().default(null),
    photoConsent: z.boolean().default(false),
    confidentialitySignedOn: optionalDate,
    /** Values of the association's own fields, by field id. */
    customValues: z.record(z.string().regex(/^\d+$/), customValue).default({}),
  })
  .refine((v) => !(v.consentBasis && !v.consentOn), { error: 'v:consentDateRequired', path: ['consentOn'] })
  .refine((v) => v.status === 'active' || v.statusSince !== null, { error: 'v:statusDateRequired', path: ['statusSince'] });

export type VolunteerInput = z.input<typeof volunteerInput>;
export type VolunteerData = z.output<typeof volunteerInput>;

export const skill = z.object({
  id,
  /** Seeded skills carry a key (translated in the UI); the association's own carry a name. */
  key: z.string().nullable(),
  name: z.string().nullable(),
  category: z.enum(SKILL_CATEGORIES),
  archived: z.boolean(),
  volunteerCount: z.number().int(),
});
export type Skill = z.infer<typeof skill>;

export const skillInput = z.strictObject({
  id: id.optional(),
  name: requiredText(LIMITS.name),
  category: z.enum(SKILL_CATEGORIES),
});

const historyEntry = z.object({
  at: z.string(),
  kind: z.enum(['created', 'updated', 'status', 'archived', 'unarchived']),
  detail: z.record(z.string(), z.unknown()),
});

export const volunteer = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  birthYear: z.number().nullable(),
  joinedOn: z.string(),
  status: z.enum(STATUSES),
  statusSince: z.string().nullable(),
  statusReason: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  skills: z.array(z.object({ skillId: id, level: z.number().int(), key: z.string().nullable(), name: z.string().nullable(), category: z.enum(SKILL_CATEGORIES) })),
  interests: z.array(z.string()),
  languages: z.array(z.string()),
  availability: z.array(z.enum(SLOTS)),
  preferredFormat: z.enum(FORMATS),
  emergencyName: z.string().nullable(),
  emergencyPhone: z.string().nullable(),
  emergencyRelation: z.string().nullable(),
  notes: z.string().nullable(),
  consentOn: z.string().nullable(),
  consentBasis: z.enum(CONSENT_BASES).nullable(),
  photoConsent: z.boolean(),
  confidentialitySignedOn: z.string().nullable(),
  customValues: z.record(z.string(), customValue),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(historyEntry),
});
export type Volunteer = z.infer<typeof volunteer>;

export const SORT_FIELDS = ['name', 'joinedOn', 'city', 'status'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export const listFilters = z
  .strictObject({
    statuses: z.array(z.enum(STATUSES)).default([]),
    roles: z.array(z.enum(ROLES)).default([]),
    skillId: id.nullable().default(null),
    minLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
    slot: z.enum(SLOTS).nullable().default(null),
    format: z.enum(FORMATS).nullable().default(null),
    archived: z.enum(['hide', 'only', 'include']).default('hide'),
  })
  .default({ statuses: [], roles: [], skillId: null, minLevel: 1, slot: null, format: null, archived: 'hide' });
export type ListFilters = z.input<typeof listFilters>;

export const listInput = z.strictObject({
  query: z.string().max(200, { error: 'v:tooLong' }).default(''),
  filters: listFilters,
  sort: z.strictObject({ field: z.enum(SORT_FIELDS), direction: z.enum(['asc', 'desc']) }).default({ field: 'name', direction: 'asc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListInput = z.input<typeof listInput>;

export const listRow = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  status: z.enum(STATUSES),
  roles: z.array(z.enum(ROLES)),
  joinedOn: z.string(),
  archived: z.boolean(),
});
export type ListRow = z.infer<typeof listRow>;

export const duplicateCandidate = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  postalCode: z.string().nullable(),
  reason: z.enum(['email', 'nameAndPostalCode']),
});

export const volunteersMethods = {
  'volunteers.list': method(listInput, z.object({ total: z.number().int(), rows: z.array(listRow) })),
  'volunteers.get': method(z.strictObject({ id }), volunteer),
  'volunteers.create': method(volunteerInput, volunteer),
  'volunteers.update': method(z.strictObject({ id, data: volunteerInput }), volunteer),
  'volunteers.archive': method(z.strictObject({ id }), volunteer),
  'volunteers.unarchive': method(z.strictObject({ id }), volunteer),
  /** Likely duplicates of a record being typed: same email, or same name and postal code. */
  'volunteers.findDuplicates': method(
    z.strictObject({
      excludeId: id.nullable().default(null),
      firstName: z.string().max(LIMITS.name).default(''),
      lastName: z.string().max(LIMITS.name).default(''),
      email: z.string().max(LIMITS.email).default(''),
      postalCode: z.string().max(20).default(''),
    }),
    z.array(duplicateCandidate),
  ),
  'volunteers.listSkills': method(z.strictObject({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }), z.array(skill)),
  'volunteers.saveSkill': method(skillInput, skill),
  'volunteers.archiveSkill': method(z.strictObject({ id, archived: z.boolean() }), skill),
};

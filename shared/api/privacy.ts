import { z } from 'zod';
import { method } from './define';
import { id } from './fields';
import { CONSENT_BASES, ROLES, STATUSES } from './volunteers';

/**
 * How many whole years after leaving a person is listed for review and erasure. The CNIL's line
 * for an association's member file is that data is not kept beyond the member's departure unless
 * they agree (see electron/core/privacy/retention.ts for the references): 1 year by default leaves
 * one yearly cycle (general meeting, a volunteering certificate asked for later, a return after a
 * break); 0 lists everyone who has left; up to 10 for an association with its own reasons.
 */
export const RETENTION_YEARS = { min: 0, max: 10, default: 1 } as const;

export const retentionYears = z
  .number({ error: 'v:number' })
  .int({ error: 'v:number' })
  .min(RETENTION_YEARS.min, { error: 'v:retentionYears' })
  .max(RETENTION_YEARS.max, { error: 'v:retentionYears' });

const page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};

export const personStatus = z.object({ id, erasedAt: z.string().nullable() });

export const personExportResult = z.object({
  /** False when the person closed the save dialog: nothing was written. */
  saved: z.boolean(),
  /** The JSON file first, then the CSV file beside it. */
  files: z.array(z.string()),
});

export const erasureResult = z.object({
  erased: z.array(id),
  erasedAt: z.string(),
  /** Whether the WAL could be folded into the file and cut to zero at once (false: another reader held it). */
  fileScrubbed: z.boolean(),
});

export const erasureLogEntry = z.object({
  volunteerId: id,
  /** The name the record now carries (« Personne effacée #12 »). */
  name: z.string(),
  erasedAt: z.string(),
  /** When it was applied again to a restored backup. */
  reappliedAt: z.string().nullable(),
});

export const retentionRow = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  joinedOn: z.string(),
  /** The date they left; null when the record does not say (listed: the choice is the association's). */
  leftOn: z.string().nullable(),
  archived: z.boolean(),
});

export const retentionView = z.object({
  years: z.number().int(),
  /** People who left on or before this date are listed. */
  cutoff: z.string(),
  total: z.number().int(),
  rows: z.array(retentionRow),
});

export const CONSENT_GAPS = ['consent', 'photo', 'confidentiality'] as const;
export type ConsentGap = (typeof CONSENT_GAPS)[number];

export const consentRow = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  status: z.enum(STATUSES),
  roles: z.array(z.enum(ROLES)),
  consentOn: z.string().nullable(),
  consentBasis: z.enum(CONSENT_BASES).nullable(),
  photoConsent: z.boolean(),
  confidentialitySignedOn: z.string().nullable(),
});

export const consentOverview = z.object({
  counts: z.object({
    people: z.number().int(),
    /** No date or no legal basis recorded. */
    noConsent: z.number().int(),
    photoYes: z.number().int(),
    photoNo: z.number().int(),
    confidentialitySigned: z.number().int(),
    /** Facilitators and supervisors hear confidences: the agreement matters most for them. */
    confidentialityRequired: z.number().int(),
    confidentialityMissing: z.number().int(),
  }),
  total: z.number().int(),
  rows: z.array(consentRow),
});

export const privacyMethods = {
  /** Whether a record was erased (the record page hides the export and erase buttons then). */
  'privacy.personStatus': method(z.strictObject({ id }), personStatus),
  /** Right of access: everything Relais holds on one person, as a JSON file and a CSV file beside it. */
  'privacy.exportPerson': method(z.strictObject({ id }), personExportResult),
  /** Right to erasure: anonymises the person everywhere; cannot be undone. */
  'privacy.erase': method(z.strictObject({ id }), erasureResult),
  /** Several at once (the retention list): all or nothing. */
  'privacy.eraseMany': method(
    z.strictObject({ ids: z.array(id).min(1, { error: 'v:required' }).max(500, { error: 'v:tooMany' }) }),
    erasureResult,
  ),
  'privacy.erasureLog': method(z.undefined().optional(), z.object({ entries: z.array(erasureLogEntry) })),
  /** People who left more than the retention period ago and are not erased yet. */
  'privacy.retention': method(z.strictObject(page).default({ offset: 0, limit: 50 }), retentionView),
  'privacy.setRetentionYears': method(z.strictObject({ years: retentionYears }), z.object({ years: z.number().int() })),
  'privacy.consentOverview': method(
    z
      .strictObject({
        /** Current people (active or paused, not archived) or everyone whose data is held. */
        scope: z.enum(['current', 'all']).default('current'),
        missing: z.enum(CONSENT_GAPS).nullable().default(null),
        ...page,
      })
      .default({ scope: 'current', missing: null, offset: 0, limit: 50 }),
    consentOverview,
  ),
};

export type PersonStatus = z.infer<typeof personStatus>;
export type ErasureLogEntry = z.infer<typeof erasureLogEntry>;
export type RetentionView = z.infer<typeof retentionView>;
export type ConsentOverview = z.infer<typeof consentOverview>;

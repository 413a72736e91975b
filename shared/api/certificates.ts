import { z } from 'zod';
import { method, type MethodSpec } from './define';
import { id, isoDate, LIMITS, optionalDate, optionalText, requiredText } from './fields';
import { language } from './settings';

/**
 * Attestations, certificates and mission sheets: a prefilled draft, its preview (the very HTML
 * that is printed), issuing one or a batch to PDF, the registry of issued documents (numbered per
 * year, reprinted as issued), milestones and the list of people due for recognition.
 */

export const TEMPLATES = ['attestation', 'recognition', 'training', 'mission'] as const;
export const template = z.enum(TEMPLATES);
export type Template = z.infer<typeof template>;

/** Paper orientation of each kind of document. */
export const TEMPLATE_ORIENTATION: Record<Template, 'portrait' | 'landscape'> = {
  attestation: 'portrait',
  recognition: 'landscape',
  training: 'landscape',
  mission: 'portrait',
};

/** A scanned signature: a PNG or JPEG of at most 1 MB, kept as a data URL. */
export const SIGNATURE_MAX_BYTES = 1024 * 1024;
export const signatureDataUrl = z
  .string()
  .max(Math.ceil((SIGNATURE_MAX_BYTES * 4) / 3) + 64, { error: 'v:signatureTooBig' })
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, { error: 'v:signatureFormat' });

export const MILESTONE_KINDS = ['hours', 'years'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
/** `hours:100` (cumulative hours crossed) or `years:5` (years since joining). */
export const milestoneKey = z.string().regex(/^(hours|years):[1-9]\d{0,4}$/, { error: 'v:invalid' });
export const parseMilestone = (key: string): { kind: MilestoneKind; threshold: number } => {
  const [kind, n] = key.split(':') as [MilestoneKind, string];
  return { kind, threshold: Number(n) };
};

const thresholds = (max: number) =>
  z
    .array(z.number().int({ error: 'v:number' }).min(1, { error: 'v:milestoneRange' }).max(max, { error: 'v:milestoneRange' }))
    .max(12, { error: 'v:tooMany' })
    .transform((xs) => [...new Set(xs)].sort((a, b) => a - b));

export const DEFAULT_MILESTONES = { hours: [50, 100, 250, 500], years: [1, 5, 10] };

export const certificateSettingsInput = z.strictObject({
  milestones: z.strictObject({ hours: thresholds(100_000), years: thresholds(100) }),
  signature: signatureDataUrl.nullable().default(null),
  /** « Fait à … »: where documents are signed (the association's city when empty). */
  place: optionalText(LIMITS.name),
});
export type CertificateSettingsInput = z.input<typeof certificateSettingsInput>;

export const certificateSettings = z.object({
  milestones: z.object({ hours: z.array(z.number()), years: z.array(z.number()) }),
  signature: z.string().nullable(),
  place: z.string().nullable(),
});
export type CertificateSettings = z.infer<typeof certificateSettings>;

const longText = (max: number) => z.string().trim().max(max, { error: 'v:tooLong' }).default('');

/** What every kind of document carries: who, in which language, signed where, when and by whom. */
const common = {
  language,
  volunteerId: id,
  issuedOn: isoDate,
  place: optionalText(LIMITS.name),
  signatoryName: requiredText(LIMITS.name),
  signatoryTitle: optionalText(LIMITS.name),
  /** Print the scanned signature from the certificate settings. */
  withSignature: z.boolean().default(false),
};

export const TEXT_LIMITS = { missions: 2000, skills: 1000, reason: 300, message: 1000, field: 1500 } as const;

export const attestationDraft = z.strictObject({
  template: z.literal('attestation'),
  ...common,
  periodFrom: isoDate,
  periodTo: isoDate,
  missions: longText(TEXT_LIMITS.missions),
  skills: longText(TEXT_LIMITS.skills),
});

export const recognitionDraft = z.strictObject({
  template: z.literal('recognition'),
  ...common,
  milestone: milestoneKey.nullable().default(null),
  reason: requiredText(TEXT_LIMITS.reason),
  message: longText(TEXT_LIMITS.message),
});

export const trainingDraft = z.strictObject({
  template: z.literal('training'),
  ...common,
  course: requiredText(LIMITS.short),
  courseDate: isoDate,
  trainer: optionalText(LIMITS.name),
  durationMinutes: z.number().int({ error: 'v:number' }).min(15, { error: 'v:durationRange' }).max(600 * 60, { error: 'v:durationRange' }),
  content: longText(TEXT_LIMITS.message),
});

export const missionDraft = z.strictObject({
  template: z.literal('mission'),
  ...common,
  periodFrom: isoDate,
  periodTo: isoDate,
  missionPlace: optionalText(LIMITS.short),
  context: longText(TEXT_LIMITS.field),
  purpose: longText(TEXT_LIMITS.field),
  activities: longText(TEXT_LIMITS.field),
  results: longText(TEXT_LIMITS.field),
  responsibilities: longText(TEXT_LIMITS.field),
  skills: longText(TEXT_LIMITS.field),
});

const periodInOrder = (d: object) => {
  const { periodFrom, periodTo } = d as { periodFrom?: string | null; periodTo?: string | null };
  return !periodFrom || !periodTo || periodFrom <= periodTo;
};

/** The editable content of one document before it is issued (also what the preview renders). */
export const certificateDraft = z
  .discriminatedUnion('template', [attestationDraft, recognitionDraft, trainingDraft, missionDraft])
  .refine(periodInOrder, { error: 'v:endBeforeStart', path: ['periodTo'] });
export type CertificateDraft = z.output<typeof certificateDraft>;
export type CertificateDraftInput = z.input<typeof certificateDraft>;

export const draftRequest = z
  .strictObject({
    template,
    language,
    volunteerId: id,
    periodFrom: optionalDate,
    periodTo: optionalDate,
    milestone: milestoneKey.nullable().default(null),
  })
  .refine(periodInOrder, { error: 'v:endBeforeStart', path: ['periodTo'] });

export const draftView = z.object({
  /** A suggestion, not yet checked: a missing signatory or course shows up in the form, not here. */
  draft: z.custom<CertificateDraftInput>((v) => typeof v === 'object' && v !== null && 'template' in v),
  volunteerName: z.string(),
  /** Hours counted over the period (the one definition), in minutes. */
  minutes: z.number().int(),
});
export type DraftView = z.infer<typeof draftView>;

export const previewView = z.object({
  html: z.string(),
  orientation: z.enum(['portrait', 'landscape']),
  /** The number the document will get if issued now (the registry's next one for its year). */
  number: z.string(),
  minutes: z.number().int().nullable(),
});
export type PreviewView = z.infer<typeof previewView>;

export const issuedCertificate = z.object({
  id,
  number: z.string(),
  volunteerId: id,
  volunteerName: z.string(),
  template,
  language,
  milestone: z.string().nullable(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  minutes: z.number().int().nullable(),
  issuedOn: z.string(),
  issuedAt: z.string(),
  signatoryName: z.string(),
  /** The person was erased: the number stays in the registry, the document can no longer be reprinted. */
  erased: z.boolean(),
});
export type IssuedCertificate = z.infer<typeof issuedCertificate>;

export const saveResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('saved'), path: z.string(), certificates: z.array(issuedCertificate) }),
]);
export type SaveResult = z.infer<typeof saveResult>;

export const BATCH_OUTPUTS = ['combined', 'perVolunteer'] as const;
export const BATCH_MAX = 2000;

/** Many volunteers, one kind of document: each gets their own prefilled draft, these fields in common. */
export const batchInput = z
  .strictObject({
    template,
    language,
    items: z
      .array(z.strictObject({ volunteerId: id, milestone: milestoneKey.nullable().default(null) }))
      .min(1, { error: 'v:batchEmpty' })
      .max(BATCH_MAX, { error: 'v:tooMany' }),
    output: z.enum(BATCH_OUTPUTS),
    issuedOn: isoDate,
    place: optionalText(LIMITS.name),
    signatoryName: requiredText(LIMITS.name),
    signatoryTitle: optionalText(LIMITS.name),
    withSignature: z.boolean().default(false),
    periodFrom: optionalDate,
    periodTo: optionalDate,
    /** Recognition: the same reason for everyone (else each person's milestone gives theirs). */
    reason: optionalText(TEXT_LIMITS.reason),
    message: longText(TEXT_LIMITS.message),
    course: optionalText(LIMITS.short),
    courseDate: optionalDate,
    trainer: optionalText(LIMITS.name),
    durationMinutes: z.number().int().min(15, { error: 'v:durationRange' }).max(600 * 60, { error: 'v:durationRange' }).nullable().default(null),
    content: longText(TEXT_LIMITS.message),
  })
  .refine(periodInOrder, { error: 'v:endBeforeStart', path: ['periodTo'] });
export type BatchInput = z.input<typeof batchInput>;

export const batchResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({
    status: z.literal('saved'),
    /** The PDF (combined) or the folder (one file per volunteer). */
    path: z.string(),
    files: z.number().int(),
    certificates: z.array(issuedCertificate),
  }),
]);
export type BatchResult = z.infer<typeof batchResult>;

export const batchJob = z.object({
  phase: z.enum(['prepare', 'print', 'write']),
  done: z.number().int(),
  total: z.number().int(),
  /** 0..1 */
  fraction: z.number(),
  cancellable: z.boolean(),
});
export type BatchJob = z.infer<typeof batchJob>;

export const dueItem = z.object({
  volunteerId: id,
  firstName: z.string(),
  lastName: z.string(),
  milestone: z.string(),
  kind: z.enum(MILESTONE_KINDS),
  threshold: z.number().int(),
  minutes: z.number().int(),
  joinedOn: z.string(),
});
export type DueItem = z.infer<typeof dueItem>;

export const registryQuery = z.strictObject({
  query: z.string().trim().max(LIMITS.name, { error: 'v:tooLong' }).default(''),
  year: z.number().int().min(1900).max(2100).nullable().default(null),
  template: template.nullable().default(null),
  volunteerId: id.nullable().default(null),
});

export const registryPage = z.object({
  rows: z.array(issuedCertificate),
  total: z.number().int(),
  years: z.array(z.number().int()),
});
export type RegistryPage = z.infer<typeof registryPage>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

const saved = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('saved'), path: z.string() }),
]);

export const certificatesMethods = {
  'certificates.settings': method(z.undefined().optional(), certificateSettings),
  'certificates.saveSettings': method(certificateSettingsInput, certificateSettings),
  /** A draft prefilled from the registry, the roles held and the hours counted. */
  'certificates.draft': method(draftRequest, draftView),
  'certificates.preview': method(certificateDraft, previewView),
  /** Asks where to save, prints, then records the document under its number (nothing recorded if anything fails). */
  'certificates.issue': method(certificateDraft, saveResult),
  'certificates.batch': method(batchInput, batchResult),
  'certificates.progress': method(z.undefined().optional(), batchJob.nullable()),
  'certificates.cancel': method(z.undefined().optional(), z.object({ cancelled: z.boolean() })),
  'certificates.due': method(z.undefined().optional(), z.object({ items: z.array(dueItem) })),
  'certificates.list': method(
    registryQuery.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    registryPage,
  ),
  /** The issued document as it was issued (same HTML whatever changed since). */
  'certificates.view': method(z.strictObject({ id }), z.object({ html: z.string(), orientation: z.enum(['portrait', 'landscape']), number: z.string() })),
  'certificates.reprint': method(z.strictObject({ id }), saved),
  'certificates.export': method(registryQuery.extend({ format: z.enum(EXPORT_FORMATS) }), saved),
} satisfies Record<string, MethodSpec>;

import { z } from 'zod';
import { method, type MethodSpec } from './define';
import { id } from './fields';
import { listFilters, listInput } from './volunteers';

/**
 * Import of volunteers from CSV and XLSX files, and export of the data to CSV and XLSX.
 *
 * The import is two calls so nothing is written before the person has seen what will happen:
 * `io.chooseImportFile` (core keeps the file behind a token; the renderer never sends a path),
 * `io.previewImport` (columns, mapping, per-row errors, duplicates, counts; writes nothing), then
 * `io.runImport` with the same token, mapping and policies (one transaction, all or nothing).
 */

/** What a column of the file can fill. `fullName` is split into first and last name. */
export const IMPORT_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'email',
  'phone',
  'addressLine',
  'postalCode',
  'city',
  'country',
  'birthYear',
  /** Only the year is kept (data minimisation). */
  'birthDate',
  'joinedOn',
  'status',
  'statusSince',
  'statusReason',
  'roles',
  'skills',
  'interests',
  'languages',
  'availability',
  'preferredFormat',
  'emergencyName',
  'emergencyPhone',
  'emergencyRelation',
  'notes',
  'consentOn',
  'consentBasis',
  'photoConsent',
  'confidentialitySignedOn',
  'archivedOn',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A volunteer field, or one of the association's own fields as `custom:<id>`. */
export const importTarget = z.union([z.enum(IMPORT_FIELDS), z.string().regex(/^custom:\d{1,9}$/)]);
export type ImportTarget = z.infer<typeof importTarget>;

/** Ready mappings for the member exports of other tools; `relais` is our own export. */
export const IMPORT_PRESETS = ['relais', 'paheko', 'galette', 'helloasso', 'generic'] as const;
export type ImportPreset = (typeof IMPORT_PRESETS)[number];

export const DUPLICATE_POLICIES = ['skip', 'merge', 'create'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

/** `refuse`: any invalid row stops the whole import. `skip`: the invalid rows are left out. */
export const INVALID_ROW_POLICIES = ['refuse', 'skip'] as const;

export const FILE_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export const CSV_DELIMITERS = [';', ',', '\t'] as const;
export const FILE_FORMATS = ['csv', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

const token = z.string().regex(/^[0-9a-f-]{36}$/, { error: 'v:invalid' });

export const importOptions = z.strictObject({
  token,
  /** One entry per column of the file (null: not imported). Omitted: the suggested mapping. */
  mapping: z.array(importTarget.nullable()).max(1000).optional(),
  /** Use this preset's mapping instead of the detected one. */
  preset: z.enum(IMPORT_PRESETS).optional(),
  duplicates: z.enum(DUPLICATE_POLICIES).default('skip'),
  invalidRows: z.enum(INVALID_ROW_POLICIES).default('refuse'),
});
export type ImportOptions = z.input<typeof importOptions>;

export const previewInput = importOptions.extend({
  /** How many rows from the top to show (rows with a problem are added, up to a limit). */
  limit: z.number().int().min(0).max(500).default(50),
});

const issueParams = z.record(z.string(), z.union([z.string(), z.number()]));

/** One problem in one cell: `field` is the target (e.g. `email`), `key` a `validation` or `io:rowErrors` key. */
export const importIssue = z.object({
  rowNumber: z.number().int(),
  field: z.string(),
  /** The file's column it came from, when there is one. */
  column: z.number().int().nullable(),
  key: z.string(),
  params: issueParams.optional(),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const IMPORT_ACTIONS = ['create', 'merge', 'skip', 'invalid'] as const;

export const importDuplicate = z.object({
  /** A volunteer already in the registry … */
  volunteerId: id.nullable(),
  /** … or an earlier row of the same file. */
  rowNumber: z.number().int().nullable(),
  name: z.string(),
  reason: z.enum(['email', 'nameAndPostalCode']),
});

export const previewRow = z.object({
  /** As a spreadsheet numbers it: the header is row 1. */
  rowNumber: z.number().int(),
  /** The values as they will be stored, by target, for display. */
  values: z.record(z.string(), z.string()),
  issues: z.array(importIssue),
  duplicate: importDuplicate.nullable(),
  action: z.enum(IMPORT_ACTIONS),
});
export type PreviewRow = z.infer<typeof previewRow>;

export const importCounts = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  duplicates: z.number().int(),
  create: z.number().int(),
  merge: z.number().int(),
  skip: z.number().int(),
});

export const importPreview = z.object({
  fileName: z.string(),
  format: z.enum(FILE_FORMATS),
  encoding: z.enum(FILE_ENCODINGS).nullable(),
  delimiter: z.enum(CSV_DELIMITERS).nullable(),
  sheet: z.string().nullable(),
  columns: z.array(z.object({ index: z.number().int(), header: z.string(), samples: z.array(z.string()) })),
  preset: z.enum(IMPORT_PRESETS),
  suggestedMapping: z.array(importTarget.nullable()),
  mapping: z.array(importTarget.nullable()),
  /** Fields every volunteer needs that no column fills. */
  missing: z.array(z.enum(['firstName', 'lastName'])),
  rows: z.array(previewRow),
  /** Every row's problems, in row order (at most 1,000; `issuesTruncated` says when there are more). */
  issues: z.array(importIssue),
  issuesTruncated: z.boolean(),
  counts: importCounts,
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importResult = z.object({
  created: z.number().int(),
  merged: z.number().int(),
  skippedDuplicates: z.number().int(),
  skippedInvalid: z.number().int(),
});
export type ImportResult = z.infer<typeof importResult>;

export const chosenFile = z.object({ token, fileName: z.string(), size: z.number().int() });

export const exportResult = z.object({
  /** False when the person closed the save dialog. */
  saved: z.boolean(),
  /** The name of the file or folder written (never its full path). */
  fileName: z.string().nullable(),
  files: z.number().int(),
  rows: z.number().int(),
});
export type ExportResult = z.infer<typeof exportResult>;

const listQuery = listInput.pick({ query: true, sort: true }).extend({ filters: listFilters });

export const ioMethods = {
  /** Opens the system's file dialog; null when cancelled. */
  'io.chooseImportFile': method(z.undefined().optional(), chosenFile.nullable()),
  'io.previewImport': method(previewInput, importPreview),
  'io.runImport': method(importOptions, importResult),
  /** Forgets a chosen file (core keeps a few in memory until then). */
  'io.discardImport': method(z.strictObject({ token }), z.boolean()),
  /** Every table: one XLSX with a sheet per table, or one CSV per table in a new folder. */
  'io.exportTables': method(z.strictObject({ format: z.enum(FILE_FORMATS) }), exportResult),
  /** The volunteers `volunteers.list` would show for the same search, filters and order. */
  'io.exportVolunteers': method(listQuery.extend({ format: z.enum(FILE_FORMATS) }).strict(), exportResult),
} satisfies Record<string, MethodSpec>;

import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { z } from 'zod';
import type { ImportPreview, ImportResult, ImportTarget, PreviewRow, importOptions, previewInput } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import { todayIso } from '../clock';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { loadCustomFields } from '../volunteers/volunteers.repository';
import { cachedFor, chosenTable, forgetFile, keepFile } from './file-store';
import { checkMapping, countPlan, planImport, type PlannedRow } from './import-plan';
import { writePlan } from './import-write';
import { detectPreset, suggestMapping } from './presets';
import { MAX_FILE_BYTES, type Table } from './read-table';
import type { Catalogue } from './row-mapper';

const fileIssue = (key: string, params?: Record<string, string | number>) =>
  new RelaisFailure('VALIDATION', { issues: [{ path: ['file'], key: `io.${key}`, ...(params ? { params } : {}) }] });

/** Asks for a file; core keeps it in memory and hands out a token (the renderer never sees the path). */
export async function chooseImportFile(ctx: Context) {
  const path = await ctx.platform.chooseOpenFile({
    titleKey: 'io.importTitle',
    filters: [{ nameKey: 'io.spreadsheets', extensions: ['csv', 'xlsx', 'txt', 'tsv'] }],
  });
  if (!path) return null;
  let bytes: Buffer;
  try {
    // Sized before it is read: a wrong pick (a video, a disk image) must not fill the memory.
    if (statSync(path).size > MAX_FILE_BYTES) throw fileIssue('fileTooBig', { max: MAX_FILE_BYTES / 1024 / 1024 });
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof RelaisFailure) throw error;
    throw fileIssue('fileUnreadable');
  }
  const fileName = basename(path);
  return { token: keepFile(ctx.session, fileName, bytes), fileName, size: bytes.byteLength };
}

export const discardImport = (ctx: Context, token: string) => forgetFile(ctx.session, token);

function loadCatalogue(ctx: Context): Promise<Catalogue> {
  const skills = (ctx.sqlite.prepare('SELECT id, key, name, archived FROM skills').all() as { id: number; key: string | null; name: string | null; archived: number }[]).map(
    (s) => ({ ...s, archived: s.archived === 1 }),
  );
  return loadCustomFields(ctx.db).then((customFields) => ({ skills, customFields }));
}

type Options = z.output<typeof importOptions>;

async function prepare(ctx: Context, input: Options) {
  const { fileName, table } = await chosenTable(ctx.session, input.token);
  const catalogue = await loadCatalogue(ctx);
  const detected = detectPreset(table.headers);
  const preset = input.preset ?? detected;
  const suggested = suggestMapping(table.headers, preset, catalogue.customFields);
  const mapping: (ImportTarget | null)[] = input.mapping ? [...input.mapping] : suggested;
  checkMapping(mapping, table.headers.length, catalogue);
  const options = { mapping, preset, duplicates: input.duplicates };
  const key = JSON.stringify({ options, today: todayIso(), store: storeId(ctx.sqlite), version: dataVersion(ctx.sqlite) });
  const plan = cachedFor(ctx.session, input.token, key, () => planImport(ctx.sqlite, table, catalogue, options));
  return { fileName, table, preset, suggested, mapping, plan };
}

const storeIds = new WeakMap<Sqlite, number>();
let nextStoreId = 1;
const storeId = (sqlite: Sqlite) => {
  let id = storeIds.get(sqlite);
  if (!id) storeIds.set(sqlite, (id = nextStoreId++));
  return id;
};

/**
 * Changes to the database since…: `total_changes()` counts this connection's writes, `data_version`
 * moves when another connection commits. Equal values: the registry is as the plan saw it.
 */
const dataVersion = (sqlite: Sqlite) =>
  `${sqlite.pragma('data_version', { simple: true }) as number}:${(sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n}`;

const MAX_ISSUES = 1000;
const MAX_ATTENTION_ROWS = 200;

function displayValues(row: PlannedRow): Record<string, string> {
  const source: Record<string, unknown> = row.data ?? row.provided;
  const out: Record<string, string> = {};
  for (const key of ['firstName', 'lastName', 'email', 'phone', 'addressLine', 'postalCode', 'city', 'country', 'birthYear', 'joinedOn', 'status'] as const) {
    const v = source[key];
    if (v !== null && v !== undefined && v !== '') out[key] = String(v);
  }
  if (row.archivedOn) out.archivedOn = row.archivedOn;
  return out;
}

function previewRowOf(row: PlannedRow): PreviewRow {
  const dup = row.duplicate;
  return {
    rowNumber: row.rowNumber,
    values: displayValues(row),
    issues: row.issues,
    duplicate: dup
      ? {
          volunteerId: dup.ref.kind === 'existing' ? dup.ref.id : null,
          rowNumber: dup.ref.kind === 'row' ? dup.ref.row.rowNumber : null,
          name: dup.ref.name,
          reason: dup.reason,
        }
      : null,
    action: row.action,
  };
}

const missingNames = (mapping: readonly (ImportTarget | null)[]) => {
  const has = (t: string) => mapping.includes(t as ImportTarget) || mapping.includes('fullName');
  return (['firstName', 'lastName'] as const).filter((f) => !has(f));
};

/** Everything the person needs to decide, and nothing written. */
export async function previewImport(ctx: Context, input: z.output<typeof previewInput>): Promise<ImportPreview> {
  const { fileName, table, preset, suggested, mapping, plan } = await prepare(ctx, input);
  const issues = plan.rows.filter((r) => r.action === 'invalid').flatMap((r) => r.issues);
  const shown = new Set<PlannedRow>(plan.rows.slice(0, input.limit));
  let attention = 0;
  for (const r of plan.rows) {
    if (attention >= MAX_ATTENTION_ROWS) break;
    if (r.action === 'invalid' || r.duplicate) {
      if (!shown.has(r)) attention++;
      shown.add(r);
    }
  }
  return {
    fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheet: table.sheet,
    columns: columnsOf(table),
    preset,
    suggestedMapping: suggested,
    mapping,
    missing: missingNames(mapping),
    rows: plan.rows.filter((r) => shown.has(r)).map(previewRowOf),
    issues: issues.slice(0, MAX_ISSUES),
    issuesTruncated: issues.length > MAX_ISSUES,
    counts: countPlan(plan),
  };
}

function columnsOf(table: Table) {
  return table.headers.map((header, index) => {
    const samples: string[] = [];
    for (const r of table.rows) {
      const v = r.cells[index] ?? '';
      if (v && !samples.includes(v)) samples.push(v.length > 80 ? `${v.slice(0, 79)}…` : v);
      if (samples.length === 3) break;
    }
    return { index, header, samples };
  });
}

/**
 * The import: the plan is computed again from the same bytes, then written in one transaction.
 * With `invalidRows: 'refuse'` (the default) a single invalid row stops everything and its
 * problems come back as field issues (`rows.<rowNumber>.<field>`); with `skip` those rows are
 * left out and counted.
 */
export async function runImport(ctx: Context, input: Options): Promise<ImportResult> {
  const { plan } = await prepare(ctx, input);
  const invalid = plan.rows.filter((r) => r.action === 'invalid');
  if (invalid.length && input.invalidRows === 'refuse') {
    const issues = invalid.flatMap((r) => r.issues).slice(0, MAX_ISSUES);
    throw new RelaisFailure('VALIDATION', {
      issues: issues.map((i) => ({ path: ['rows', i.rowNumber, i.field], key: i.key, ...(i.params ? { params: i.params } : {}) })),
      invalidRows: invalid.length,
    });
  }
  const written = writePlan(ctx.sqlite, plan);
  return { ...written, skippedDuplicates: plan.rows.filter((r) => r.action === 'skip').length, skippedInvalid: invalid.length };
}

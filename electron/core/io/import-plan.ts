import type { z } from 'zod';
import {
  volunteerInput,
  type DuplicatePolicy,
  type ImportIssue,
  type ImportPreset,
  type ImportTarget,
  type PreviewRow,
  type VolunteerData,
} from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import { todayIso } from '../clock';
import type { Sqlite } from '../db/connection';
import { toFieldIssues } from '../validation';
import { DuplicateIndex, type DuplicateRef } from './duplicates';
import type { Table } from './read-table';
import { createMapper, type Catalogue, type Provided } from './row-mapper';
import { loadVolunteerRecords, recordToInput } from './volunteer-records';

/**
 * What an import would do, row by row, computed the same way for the preview and for the import
 * itself (which recomputes it: the registry may have changed in between). Nothing is written here.
 */

export interface PlannedRow {
  rowNumber: number;
  provided: Provided;
  /** The record to write (create) or the merged record (merge); null when the row is invalid. */
  data: VolunteerData | null;
  archivedOn: string | null;
  issues: ImportIssue[];
  duplicate: { ref: DuplicateRef<PlannedRow>; reason: 'email' | 'nameAndPostalCode' } | null;
  action: PreviewRow['action'];
}

export interface Plan {
  rows: PlannedRow[];
  /** Registry records a merge changes, with their final data (several rows may merge into one). */
  merges: Map<number, { data: VolunteerData; before: VolunteerData | null; archivedOn: string | null; rows: PlannedRow[] }>;
}

export interface PlanOptions {
  mapping: readonly (ImportTarget | null)[];
  preset: ImportPreset;
  duplicates: DuplicatePolicy;
}

function fieldOf(path: (string | number)[]): string {
  if (path[0] === 'customValues' && path[1] !== undefined) return `custom:${path[1]}`;
  return String(path[0] ?? 'record');
}

/** Checks the mapping itself: one entry per column, and only the association's usable fields. */
export function checkMapping(mapping: readonly (ImportTarget | null)[], columns: number, catalogue: Catalogue): void {
  const issues: { path: (string | number)[]; key: string }[] = [];
  if (mapping.length !== columns) issues.push({ path: ['mapping'], key: 'io.mappingLength' });
  mapping.forEach((t, i) => {
    if (!t?.startsWith('custom:')) return;
    const field = catalogue.customFields.find((f) => f.id === Number(t.slice(7)));
    if (!field || field.archived) issues.push({ path: ['mapping', i], key: 'unknownCustomField' });
  });
  if (issues.length) throw new RelaisFailure('VALIDATION', { issues });
}

export function planImport(sqlite: Sqlite, table: Table, catalogue: Catalogue, options: PlanOptions): Plan {
  const mapper = createMapper(options.mapping, catalogue, { linesOnly: options.preset === 'relais' });
  const index = DuplicateIndex.fromRegistry<PlannedRow>(sqlite);
  const today = todayIso();
  const rows: PlannedRow[] = [];
  const merges: Plan['merges'] = new Map();

  const validate = (row: PlannedRow, candidate: Record<string, unknown>): VolunteerData | null => {
    const parsed: z.ZodSafeParseResult<VolunteerData> = volunteerInput.safeParse(candidate);
    if (parsed.success) return parsed.data;
    const found = toFieldIssues(parsed.error);
    // zod checks the record-wide rules only once every field is valid; the person should see every
    // problem of the row at once, so those two rules of the contract are looked at here as well.
    const extra = (path: string, key: string) => !found.some((i) => i.path[0] === path) && found.push({ path: [path], key });
    if (candidate.status && candidate.status !== 'active' && !candidate.statusSince) extra('statusSince', 'statusDateRequired');
    if (candidate.consentBasis && !candidate.consentOn) extra('consentOn', 'consentDateRequired');
    for (const issue of found) {
      const field = fieldOf(issue.path);
      // A cell already reported for this field says it better than the record's rule.
      if (row.issues.some((i) => i.field === field)) continue;
      row.issues.push({ rowNumber: row.rowNumber, field, column: mapperColumn(field), key: issue.key, ...(issue.params ? { params: issue.params } : {}) });
    }
    return null;
  };
  const mapperColumn = (field: string) => mapper.columnOf(field);

  const merged = (base: VolunteerData | ReturnType<typeof recordToInput>, provided: Provided): Record<string, unknown> => {
    const { archivedOn: _a, customValues, ...fields } = provided;
    return { ...base, ...fields, customValues: { ...(base.customValues ?? {}), ...(customValues ?? {}) } };
  };

  // The registry records a merge may start from, read in one go.
  const mergeBases = new Map<number, ReturnType<typeof recordToInput>>();
  const pending: { row: PlannedRow; id: number }[] = [];

  for (const source of table.rows) {
    const { provided, issues } = mapper.map(source.cells);
    const row: PlannedRow = {
      rowNumber: source.rowNumber,
      provided,
      data: null,
      archivedOn: provided.archivedOn ?? null,
      issues: issues.map((i) => ({ rowNumber: source.rowNumber, ...i })),
      duplicate: null,
      action: 'invalid',
    };
    rows.push(row);
    row.duplicate = index.find(provided);
    if (row.duplicate && options.duplicates === 'skip') {
      // Left out whatever its cells hold: their problems would stop nothing.
      row.action = 'skip';
      row.issues = [];
      continue;
    }
    if (row.duplicate && options.duplicates === 'merge') {
      const ref = row.duplicate.ref;
      if (ref.kind === 'existing') pending.push({ row, id: ref.id });
      else if (!row.issues.length && ref.row.data) {
        const data = validate(row, merged(ref.row.data, provided));
        if (data) {
          ref.row.data = data;
          ref.row.archivedOn = row.archivedOn ?? ref.row.archivedOn;
          row.action = 'merge';
        }
      }
      continue;
    }
    const { archivedOn: _a, ...fields } = provided;
    const data = validate(row, { joinedOn: today, ...fields });
    if (row.issues.length || !data) continue;
    row.data = data;
    row.action = 'create';
    index.add({ kind: 'row', row, name: `${data.firstName} ${data.lastName}` }, data);
  }

  // Merges into the registry, in row order, each on top of the previous ones for the same person.
  const records = loadVolunteerRecords(sqlite, [...new Set(pending.map((p) => p.id))]);
  for (const r of records) mergeBases.set(r.id, recordToInput(r));
  for (const { row, id } of pending) {
    const target = merges.get(id);
    const base = target?.data ?? mergeBases.get(id);
    if (!base || row.issues.length) continue;
    const data = validate(row, merged(base, row.provided));
    if (!data) continue;
    row.data = data;
    row.action = 'merge';
    if (target) {
      target.data = data;
      target.archivedOn = row.archivedOn ?? target.archivedOn;
      target.rows.push(row);
    } else {
      const stored = volunteerInput.safeParse(mergeBases.get(id));
      merges.set(id, { data, before: stored.success ? stored.data : null, archivedOn: row.archivedOn, rows: [row] });
    }
  }
  for (const row of rows) {
    if (row.action === 'invalid' && !row.issues.length) row.issues.push({ rowNumber: row.rowNumber, field: 'record', column: null, key: 'invalid' });
  }
  return { rows, merges };
}

/** The counts the preview shows and the import answers. */
export function countPlan(plan: Plan) {
  const count = (a: PreviewRow['action']) => plan.rows.filter((r) => r.action === a).length;
  const invalid = count('invalid');
  return {
    rows: plan.rows.length,
    valid: plan.rows.length - invalid,
    invalid,
    duplicates: plan.rows.filter((r) => r.duplicate).length,
    create: count('create'),
    merge: count('merge'),
    skip: count('skip'),
  };
}

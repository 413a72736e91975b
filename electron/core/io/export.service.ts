import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import type { ExportResult, FileFormat, Language, ioMethods } from '../../../shared/api';
import { todayIso } from '../clock';
import type { Context } from '../context';
import { getSettings } from '../settings/settings.service';
import { listVolunteers } from '../volunteers/volunteers.service';
import { loadCustomFields } from '../volunteers/volunteers.repository';
import { writeCsv } from './csv';
import { cellForCsv, cellForXlsx, volunteerTable } from './volunteer-columns';
import { loadVolunteerRecords } from './volunteer-records';
import { writeXlsx } from './xlsx';

const FILTERS = {
  csv: [{ nameKey: 'io.csvFiles', extensions: ['csv'] }],
  xlsx: [{ nameKey: 'io.xlsxFiles', extensions: ['xlsx'] }],
};

/** Written next to the target then renamed: a failed export never leaves half a file under the chosen name. */
function writeAtomic(path: string, bytes: Buffer): void {
  const part = `${path}.part`;
  try {
    writeFileSync(part, bytes);
    renameSync(part, path);
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
}

/**
 * The user tables of the database as they are stored (snake_case columns, raw values): what a
 * person or another tool needs to take everything elsewhere. The search index is left out: it is
 * derived from the tables and rebuilt from them.
 */
function userTables(ctx: Context): { name: string; columns: string[]; rows: unknown[][] }[] {
  const all = ctx.sqlite.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as {
    name: string;
    sql: string | null;
  }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const tables = all.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
  return tables.map(({ name }) => {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const columns = (ctx.sqlite.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(name) as { name: string }[]).map((c) => c.name);
    const rows = ctx.sqlite.prepare(`SELECT * FROM ${quoted} ORDER BY 1`).raw().all() as unknown[][];
    return { name, columns, rows };
  });
}

const tableCell = (v: unknown): string | number | null =>
  v === null || v === undefined ? null : typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : Buffer.isBuffer(v) ? v.toString('base64') : String(v);

/** A folder name not yet taken next to the others: `relais-export-2026-11-21`, then `-2`, `-3`… */
function freshFolder(parent: string, base: string): string {
  let name = base;
  for (let n = 2; existsSync(join(parent, name)); n++) name = `${base}-${n}`;
  return join(parent, name);
}

/** Every table: one workbook with a sheet per table, or one CSV per table in a new folder. */
export async function exportTables(ctx: Context, format: FileFormat): Promise<ExportResult> {
  const base = `relais-export-${todayIso()}`;
  if (format === 'xlsx') {
    const path = await ctx.platform.chooseSaveFile({ titleKey: 'io.exportTitle', defaultName: `${base}.xlsx`, filters: FILTERS.xlsx });
    if (!path) return { saved: false, fileName: null, files: 0, rows: 0 };
    const tables = userTables(ctx);
    const { buffer } = await writeXlsx(
      tables.map((t) => ({ name: t.name, headers: t.columns, rows: t.rows.map((r) => r.map(tableCell)) })),
    );
    writeAtomic(path, buffer);
    return { saved: true, fileName: basename(path), files: 1, rows: tables.reduce((n, t) => n + t.rows.length, 0) };
  }
  const parent = await ctx.platform.chooseFolder({ titleKey: 'io.exportFolderTitle' });
  if (!parent) return { saved: false, fileName: null, files: 0, rows: 0 };
  const tables = userTables(ctx);
  const folder = freshFolder(parent, base);
  mkdirSync(folder);
  for (const t of tables) writeAtomic(join(folder, `${t.name}.csv`), await writeCsv([t.columns, ...t.rows.map((r) => r.map(tableCell))]));
  return { saved: true, fileName: basename(folder), files: tables.length, rows: tables.reduce((n, t) => n + t.rows.length, 0) };
}

type VolunteersInput = z.output<(typeof ioMethods)['io.exportVolunteers']['input']>;

/** The list as `volunteers.list` shows it for the same search, filters and order, every field. */
export async function exportVolunteers(ctx: Context, input: VolunteersInput): Promise<ExportResult> {
  const lang: Language = (await getSettings(ctx)).language ?? 'en';
  const name = `${lang === 'fr' ? 'benevoles' : 'volunteers'}-${todayIso()}.${input.format}`;
  const path = await ctx.platform.chooseSaveFile({ titleKey: 'io.exportTitle', defaultName: name, filters: FILTERS[input.format] });
  if (!path) return { saved: false, fileName: null, files: 0, rows: 0 };
  const { rows } = listVolunteers(ctx, { query: input.query, filters: input.filters, sort: input.sort, offset: 0, limit: -1 });
  const records = loadVolunteerRecords(ctx.sqlite, rows.map((r) => r.id));
  const table = volunteerTable(records, await loadCustomFields(ctx.db), lang);
  if (input.format === 'csv') {
    writeAtomic(path, await writeCsv([table.headers, ...table.rows.map((r) => r.map(cellForCsv))]));
  } else {
    const dateColumns = new Set(table.rows[0]?.flatMap((c, i) => (c && 'date' in c ? [i] : [])) ?? []);
    for (const r of table.rows) r.forEach((c, i) => c && 'date' in c && dateColumns.add(i));
    const { buffer } = await writeXlsx([
      { name: lang === 'fr' ? 'Bénévoles' : 'Volunteers', headers: table.headers, rows: table.rows.map((r) => r.map(cellForXlsx)), dateColumns },
    ]);
    writeAtomic(path, buffer);
  }
  return { saved: true, fileName: basename(path), files: 1, rows: records.length };
}

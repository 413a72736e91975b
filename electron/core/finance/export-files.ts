import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ExportResult, FileFormat, Language } from '../../../shared/api';
import { centsToDecimal } from '../../../shared/money';
import type { Context } from '../context';
import { escapeFormula, isoToUtcDate } from '../io/cells';
import { writeCsv } from '../io/csv';

/**
 * The accountant's and auditor's files (journal, timesheet, CEC list) as CSV or XLSX. Cells are
 * typed so each format gets what its readers expect: money stays integer cents until it is
 * written, as decimal text built from its digits (CSV, with the language's decimal mark) or as a
 * spreadsheet number shown with two decimals (XLSX, parsed from that same exact decimal text).
 */
export type Cell = { text: string | null } | { date: string } | { cents: number } | { count: number };

export interface Sheet {
  name: string;
  headers: string[];
  rows: Cell[][];
  /** Lines under the table (totals), same cells. */
  footer?: Cell[][];
}

const FILTERS = {
  csv: [{ nameKey: 'io.csvFiles', extensions: ['csv'] }],
  xlsx: [{ nameKey: 'io.xlsxFiles', extensions: ['xlsx'] }],
};

function csvCell(c: Cell, lang: Language): string | null {
  if ('text' in c) return c.text;
  if ('date' in c) return c.date;
  if ('cents' in c) return centsToDecimal(c.cents, lang === 'fr' ? ',' : '.');
  return String(c.count);
}

type ExcelModule = typeof import('exceljs');
async function excel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return mod.default?.Workbook ? mod.default : mod;
}

async function xlsxBytes(sheets: readonly Sheet[]): Promise<Buffer> {
  const { Workbook } = await excel();
  const wb = new Workbook();
  wb.creator = 'Relais';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(sheet.headers.map(escapeFormula)).font = { bold: true };
    const add = (cells: Cell[], bold = false) => {
      const row = ws.addRow(
        cells.map((c) => {
          if ('text' in c) return c.text === null ? null : escapeFormula(c.text);
          if ('date' in c) return isoToUtcDate(c.date);
          // The exact decimal text of the cents, read once as the spreadsheet's number type.
          if ('cents' in c) return Number(centsToDecimal(c.cents));
          return c.count;
        }),
      );
      cells.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if ('date' in c) cell.numFmt = 'dd/mm/yyyy';
        if ('cents' in c) cell.numFmt = '#,##0.00';
      });
      if (bold) row.font = { bold: true };
    };
    for (const r of sheet.rows) add(r);
    for (const r of sheet.footer ?? []) add(r, true);
    sheet.headers.forEach((h, i) => {
      ws.getColumn(i + 1).width = Math.min(40, Math.max(12, h.length + 2));
    });
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Written beside the target then renamed: a failed export never leaves half a file under the chosen name. */
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
 * Asks where to save, then writes the sheets there: the first sheet only for CSV (one table per
 * file), every sheet for XLSX. Nothing is computed when the person cancels.
 */
export async function saveExport(
  ctx: Context,
  options: { format: FileFormat; defaultName: string; lang: Language; build: () => Sheet[] | Promise<Sheet[]> },
): Promise<ExportResult> {
  const { format } = options;
  const path = await ctx.platform.chooseSaveFile({ titleKey: 'io.exportTitle', defaultName: `${options.defaultName}.${format}`, filters: FILTERS[format] });
  if (!path) return { saved: false, fileName: null, files: 0, rows: 0 };
  const sheets = await options.build();
  const first = sheets[0]!;
  const bytes =
    format === 'csv'
      ? await writeCsv([first.headers, ...[...first.rows, ...(first.footer ?? [])].map((r) => r.map((c) => csvCell(c, options.lang)))])
      : await xlsxBytes(sheets);
  writeAtomic(path, bytes);
  return { saved: true, fileName: basename(path), files: 1, rows: first.rows.length };
}

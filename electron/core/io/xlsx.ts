import type { Workbook, CellValue } from 'exceljs';
import { escapeFormula, utcDateToIso } from './cells';

type ExcelModule = typeof import('exceljs');

/** exceljs is large: it is loaded on first use only. */
async function excel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return mod.default?.Workbook ? mod.default : mod;
}

/** Excel refuses longer texts in a cell. */
export const XLSX_CELL_MAX = 32_767;

/** A cell as text: dates as `YYYY-MM-DD`, links by their text, formulas by their last result. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : utcDateToIso(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null);
    if ('text' in value) return cellText((value as { text: CellValue }).text);
    if ('error' in value) return '';
  }
  return String(value);
}

export interface SheetRows {
  sheet: string;
  /** Spreadsheet row numbers (1-based) with their cells as text. */
  rows: { rowNumber: number; cells: string[] }[];
}

/**
 * Reads one sheet of a workbook: the one named like a volunteer list (our own export has one sheet
 * per table), else the first one that holds anything.
 */
export async function readXlsx(bytes: Uint8Array, preferredSheets: readonly string[]): Promise<SheetRows> {
  const { Workbook } = await excel();
  const wb: Workbook = new Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const sheets = wb.worksheets.filter((s) => s.actualRowCount > 0);
  const wanted = preferredSheets.map((n) => n.toLowerCase());
  const ws = sheets.find((s) => wanted.includes(s.name.toLowerCase())) ?? sheets[0];
  if (!ws) return { sheet: wb.worksheets[0]?.name ?? '', rows: [] };
  const rows: SheetRows['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c] ?? null));
    rows.push({ rowNumber, cells });
  });
  return { sheet: ws.name, rows };
}

export type XlsxCell = string | number | Date | null;

export interface XlsxSheet {
  name: string;
  headers: string[];
  rows: XlsxCell[][];
  /** Columns holding calendar dates, shown day/month/year. */
  dateColumns?: ReadonlySet<number>;
}

/**
 * Writes a workbook, one sheet per entry. Texts are escaped against formulas like the CSV export
 * (they are stored as text cells anyway, but a copy to CSV would carry them); texts longer than
 * Excel accepts are cut and counted.
 */
export async function writeXlsx(sheets: readonly XlsxSheet[]): Promise<{ buffer: Buffer; truncated: number }> {
  const { Workbook } = await excel();
  const wb = new Workbook();
  wb.creator = 'Relais';
  let truncated = 0;
  const used = new Set<string>();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheetName(sheet.name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(sheet.headers.map((h) => escapeFormula(h))).font = { bold: true };
    for (const row of sheet.rows) {
      ws.addRow(
        row.map((v) => {
          if (typeof v !== 'string') return v;
          let text = escapeFormula(v);
          if (text.length > XLSX_CELL_MAX) {
            truncated++;
            text = text.slice(0, XLSX_CELL_MAX);
          }
          return text;
        }),
      );
    }
    sheet.headers.forEach((h, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.min(40, Math.max(10, h.length + 2));
      if (sheet.dateColumns?.has(i)) col.numFmt = 'dd/mm/yyyy';
    });
  }
  const out = await wb.xlsx.writeBuffer();
  return { buffer: Buffer.from(out as ArrayBuffer), truncated };
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 28)} ${n}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

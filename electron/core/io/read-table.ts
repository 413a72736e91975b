import type { FileFormat } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import { unescapeFormula } from './cells';
import { detectDelimiter, parseCsv, type Delimiter } from './csv';
import { decodeText, type FileEncoding } from './encoding';
import { readXlsx } from './xlsx';

export interface Table {
  format: FileFormat;
  encoding: FileEncoding | null;
  delimiter: Delimiter | null;
  sheet: string | null;
  headers: string[];
  /** Data rows under the header, with their spreadsheet row numbers; empty rows left out. */
  rows: { rowNumber: number; cells: string[] }[];
}

/** Files larger than this are refused before reading (a registry export is a few megabytes). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_ROWS = 100_000;

const fileIssue = (key: string, params?: Record<string, string | number>) =>
  new RelaisFailure('VALIDATION', { issues: [{ path: ['file'], key: `io.${key}`, ...(params ? { params } : {}) }] });

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** The sheet our own full export names for volunteers, in either language. */
const VOLUNTEER_SHEETS = ['volunteers', 'Volunteers', 'Bénévoles'];

/**
 * Reads a CSV or XLSX file into a header and rows of text. The format is told by the bytes, not
 * the file name; old binary `.xls` files are refused with a hint to save as `.xlsx` or CSV.
 */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  if (bytes.byteLength === 0) throw fileIssue('fileEmpty');
  if (bytes.byteLength > MAX_FILE_BYTES) throw fileIssue('fileTooBig', { max: MAX_FILE_BYTES / 1024 / 1024 });
  if (isOle(bytes)) throw fileIssue('xlsUnsupported');
  let format: FileFormat;
  let encoding: FileEncoding | null = null;
  let delimiter: Delimiter | null = null;
  let sheet: string | null = null;
  let records: { rowNumber: number; cells: string[] }[];
  if (isZip(bytes)) {
    format = 'xlsx';
    try {
      const read = await readXlsx(bytes, VOLUNTEER_SHEETS);
      sheet = read.sheet;
      records = read.rows;
    } catch {
      throw fileIssue('fileUnreadable');
    }
  } else {
    format = 'csv';
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    // A text full of NUL characters is something else (an image, a database) sent by mistake; a stray
    // one inside a cell is text like any other.
    const head = decoded.text.slice(0, 4096);
    if (head.split('\u0000').length - 1 > head.length / 100) throw fileIssue('fileUnreadable');
    delimiter = detectDelimiter(decoded.text);
    records = (await parseCsv(decoded.text, delimiter)).map((cells, i) => ({ rowNumber: i + 1, cells }));
  }
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [head, ...rows] = nonEmpty;
  if (!head) throw fileIssue('fileEmpty');
  if (rows.length > MAX_ROWS) throw fileIssue('tooManyRows', { max: MAX_ROWS });
  // Trailing columns with neither a header nor a value (spreadsheet formatting) are dropped.
  let width = head.cells.length;
  for (const r of rows) width = Math.max(width, r.cells.length);
  while (width > 0 && (head.cells[width - 1] ?? '').trim() === '' && rows.every((r) => (r.cells[width - 1] ?? '').trim() === '')) width--;
  const norm = (cells: string[]) => Array.from({ length: width }, (_, i) => unescapeFormula((cells[i] ?? '').trim()));
  return {
    format,
    encoding,
    delimiter,
    sheet,
    headers: norm(head.cells),
    rows: rows.map((r) => ({ rowNumber: r.rowNumber, cells: norm(r.cells) })),
  };
}

import type { CSV_DELIMITERS } from '../../../shared/api';
import { escapeFormula } from './cells';

export type Delimiter = (typeof CSV_DELIMITERS)[number];

type PapaModule = typeof import('papaparse');

/** papaparse is loaded on first use: start-up stays light. */
async function papa(): Promise<PapaModule> {
  const mod = (await import('papaparse')) as PapaModule & { default?: PapaModule };
  return mod.default ?? mod;
}

const CANDIDATES: readonly Delimiter[] = [';', ',', '\t'];

/**
 * Counts each candidate outside quotes on the first records. The delimiter is the one found the
 * same number of times on every record, the most often; failing that, the most frequent. On a tie
 * `;` wins (French Excel's choice, and a `,` is common inside French text and decimal numbers).
 */
export function detectDelimiter(text: string, maxRecords = 20): Delimiter {
  const counts: Record<Delimiter, number[]> = { ';': [], ',': [], '\t': [] };
  let current: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  let records = 0;
  let nonEmpty = false;
  const endRecord = () => {
    if (nonEmpty) {
      for (const d of CANDIDATES) counts[d].push(current[d]);
      records++;
    }
    current = { ';': 0, ',': 0, '\t': 0 };
    nonEmpty = false;
  };
  for (let i = 0; i < text.length && records < maxRecords; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      continue;
    } else if (!quoted && (c === ';' || c === ',' || c === '\t')) current[c]++;
    if (c !== ' ') nonEmpty = true;
  }
  if (records < maxRecords) endRecord();
  const score = (d: Delimiter) => {
    const xs = counts[d];
    const consistent = xs.length > 0 && xs[0]! > 0 && xs.every((n) => n === xs[0]);
    return { consistent, total: xs.reduce((a, b) => a + b, 0), perRecord: xs[0] ?? 0 };
  };
  const scored = CANDIDATES.map((d) => ({ d, ...score(d) }));
  const consistent = scored.filter((s) => s.consistent).sort((a, b) => b.perRecord - a.perRecord);
  if (consistent.length) return consistent[0]!.d;
  const frequent = [...scored].sort((a, b) => b.total - a.total);
  return frequent[0]!.total > 0 ? frequent[0]!.d : ';';
}

/** Every record of the text as cells (no header handling, empty lines kept as one empty cell). */
export async function parseCsv(text: string, delimiter: Delimiter): Promise<string[][]> {
  const Papa = await papa();
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, header: false });
  return result.data;
}

/**
 * CSV as French Excel opens it cleanly: UTF-8 with a BOM (else Excel reads Windows-1252), `;`
 * between cells, CRLF line ends, every text escaped against formulas.
 */
export async function writeCsv(rows: readonly (readonly (string | number | null)[])[]): Promise<Buffer> {
  const Papa = await papa();
  const cells = rows.map((row) => row.map((v) => (v === null ? '' : escapeFormula(String(v)))));
  const text = Papa.unparse(cells, { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: false });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}

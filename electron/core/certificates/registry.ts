import { createHash } from 'node:crypto';
import type { IssuedCertificate, Template } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import type { Sqlite } from '../db/connection';
import { fold } from '../volunteers/bits';
import { fullName, milestoneOf, periodOf, type CertificateModel } from './model';

/**
 * The registry of issued documents: numbers per year, the snapshot of each document as issued,
 * images stored once by content. All writes happen in the caller's transaction, after the PDFs
 * exist, so a failure anywhere before leaves no number used.
 */

export const formatNumber = (year: number, seq: number) => `${year}-${String(seq).padStart(4, '0')}`;

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

/** The next free sequence number of each year. */
export function nextSequence(sqlite: Sqlite, year: number): number {
  return (sqlite.prepare('SELECT coalesce(max(seq), 0) + 1 FROM certificates WHERE year = ?').pluck().get(year) as number) ?? 1;
}

/**
 * Hands out numbers to models in order (one sequence per year of the document's date), without
 * writing: the caller prints with them, then records them with `record` in one transaction.
 */
export function assignNumbers(sqlite: Sqlite, models: CertificateModel[]): void {
  const next = new Map<number, number>();
  for (const model of models) {
    const year = yearOf(model.draft.issuedOn);
    const seq = next.get(year) ?? nextSequence(sqlite, year);
    model.number = formatNumber(year, seq);
    next.set(year, seq + 1);
  }
}

const IMAGE_REF = 'image:';

function storeImage(sqlite: Sqlite, dataUrl: string | null): string | null {
  if (!dataUrl) return null;
  const hash = createHash('sha256').update(dataUrl).digest('hex');
  sqlite.prepare('INSERT INTO certificate_images (hash, data_url) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING').run(hash, dataUrl);
  return `${IMAGE_REF}${hash}`;
}

function loadImage(sqlite: Sqlite, ref: string | null): string | null {
  if (!ref) return null;
  if (!ref.startsWith(IMAGE_REF)) return ref;
  return (sqlite.prepare('SELECT data_url FROM certificate_images WHERE hash = ?').pluck().get(ref.slice(IMAGE_REF.length)) as string | undefined) ?? null;
}

interface Row {
  id: number;
  number: string;
  volunteer_id: number;
  volunteer_name: string;
  template: Template;
  language: 'fr' | 'en';
  milestone: string | null;
  period_from: string | null;
  period_to: string | null;
  minutes: number | null;
  issued_on: string;
  issued_at: string;
  signatory_name: string;
  erased: number;
}

const COLUMNS = `c.id, c.number, c.volunteer_id, c.volunteer_name, c.template, c.language, c.milestone, c.period_from, c.period_to,
  c.minutes, c.issued_on, c.issued_at, c.signatory_name, (e.volunteer_id IS NOT NULL) AS erased`;
const FROM = `FROM certificates c LEFT JOIN erasures e ON e.volunteer_id = c.volunteer_id`;

const toView = (r: Row): IssuedCertificate => ({
  id: r.id,
  number: r.number,
  volunteerId: r.volunteer_id,
  volunteerName: r.volunteer_name,
  template: r.template,
  language: r.language,
  milestone: r.milestone,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  minutes: r.minutes,
  issuedOn: r.issued_on,
  issuedAt: r.issued_at,
  signatoryName: r.signatory_name,
  erased: r.erased === 1,
});

/** Records numbered models (inside the caller's transaction); answers the registry rows. */
export function record(sqlite: Sqlite, models: readonly CertificateModel[], issuedAt: string): IssuedCertificate[] {
  const insert = sqlite.prepare(
    `INSERT INTO certificates (year, seq, number, volunteer_id, template, language, milestone, period_from, period_to, minutes,
       volunteer_name, signatory_name, issued_on, issued_at, snapshot)
     VALUES (@year, @seq, @number, @volunteerId, @template, @language, @milestone, @periodFrom, @periodTo, @minutes,
       @volunteerName, @signatoryName, @issuedOn, @issuedAt, @snapshot)`,
  );
  const images = new Map<string | null, string | null>();
  const ref = (dataUrl: string | null) => {
    if (!images.has(dataUrl)) images.set(dataUrl, storeImage(sqlite, dataUrl));
    return images.get(dataUrl)!;
  };
  const ids: number[] = [];
  for (const model of models) {
    const [year, seq] = model.number.split('-').map(Number) as [number, number];
    const taken = sqlite.prepare('SELECT 1 FROM certificates WHERE year = ? AND seq = ?').get(year, seq);
    // Numbers were handed out before printing; only a second Relais on the same file could take one meanwhile.
    if (taken) throw new RelaisFailure('CONFLICT', { reason: 'numberTaken', number: model.number });
    const stored: CertificateModel = {
      ...model,
      association: { ...model.association, logo: ref(model.association.logo) },
      signature: ref(model.signature),
    };
    const period = periodOf(model.draft);
    const result = insert.run({
      year,
      seq,
      number: model.number,
      volunteerId: model.draft.volunteerId,
      template: model.draft.template,
      language: model.draft.language,
      milestone: milestoneOf(model.draft),
      periodFrom: period.from,
      periodTo: period.to,
      minutes: model.draft.template === 'training' ? model.draft.durationMinutes : model.minutes,
      volunteerName: fullName(model.volunteer),
      signatoryName: model.draft.signatoryName,
      issuedOn: model.draft.issuedOn,
      issuedAt,
      snapshot: JSON.stringify(stored),
    });
    ids.push(Number(result.lastInsertRowid));
  }
  const get = sqlite.prepare(`SELECT ${COLUMNS} ${FROM} WHERE c.id = ?`);
  return ids.map((id) => toView(get.get(id) as Row));
}

/** The model of an issued document, images put back, exactly as it was printed. */
export function loadModel(sqlite: Sqlite, id: number): CertificateModel {
  const row = sqlite.prepare(`SELECT c.snapshot, (e.volunteer_id IS NOT NULL) AS erased ${FROM} WHERE c.id = ?`).get(id) as
    | { snapshot: string; erased: number }
    | undefined;
  if (!row) throw new RelaisFailure('NOT_FOUND', { id });
  if (row.erased) throw new RelaisFailure('CONFLICT', { reason: 'erased', id });
  const stored = JSON.parse(row.snapshot) as CertificateModel;
  return { ...stored, association: { ...stored.association, logo: loadImage(sqlite, stored.association.logo) }, signature: loadImage(sqlite, stored.signature) };
}

export interface RegistryFilter {
  query: string;
  year: number | null;
  template: Template | null;
  volunteerId: number | null;
}

function where(filter: RegistryFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const q = filter.query.trim();
  if (q) {
    // Number ("2027-0042", "0042") or any part of the name as issued, accents and case ignored.
    parts.push(`(c.number LIKE @like ESCAPE '\\' OR relais_fold(c.volunteer_name) LIKE relais_fold(@like) ESCAPE '\\')`);
    params.like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (filter.year !== null) {
    parts.push('c.year = @year');
    params.year = filter.year;
  }
  if (filter.template !== null) {
    parts.push('c.template = @template');
    params.template = filter.template;
  }
  if (filter.volunteerId !== null) {
    parts.push('c.volunteer_id = @volunteerId');
    params.volunteerId = filter.volunteerId;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const folded = new WeakSet<Sqlite>();

/** Accent- and case-free text for the registry search (a few thousand rows: a scan is fine). */
function registerFold(sqlite: Sqlite): void {
  if (folded.has(sqlite)) return;
  sqlite.function('relais_fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? fold(value) : value));
  folded.add(sqlite);
}

export function listIssued(sqlite: Sqlite, filter: RegistryFilter, page: { offset: number; limit: number } | null) {
  registerFold(sqlite);
  const { sql, params } = where(filter);
  const limit = page ? `LIMIT ${page.limit} OFFSET ${page.offset}` : '';
  const rows = (sqlite.prepare(`SELECT ${COLUMNS} ${FROM} ${sql} ORDER BY c.year DESC, c.seq DESC ${limit}`).all(params) as Row[]).map(toView);
  const total = sqlite.prepare(`SELECT count(*) ${FROM} ${sql}`).pluck().get(params) as number;
  const years = sqlite.prepare('SELECT DISTINCT year FROM certificates ORDER BY year DESC').pluck().all() as number[];
  return { rows, total, years };
}

/** Milestones already marked by a document, per volunteer (for the due list). */
export function milestonesReceived(sqlite: Sqlite): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const r of sqlite.prepare('SELECT volunteer_id AS id, milestone FROM certificates WHERE milestone IS NOT NULL').all() as { id: number; milestone: string }[]) {
    const list = out.get(r.id) ?? [];
    list.push(r.milestone);
    out.set(r.id, list);
  }
  return out;
}

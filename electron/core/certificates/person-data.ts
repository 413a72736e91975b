import type { Language } from '../../../shared/api';
import { formatMinutes } from '../../../shared/format';
import { resources } from '../../../shared/i18n';
import type { Sqlite } from '../db/connection';

/**
 * The registry's share of a person's data: the documents issued to them (right of access), and
 * what erasure leaves of them. The number, kind, dates and hours stay (the registry's numbering
 * has no holes an auditor would ask about); the name as printed and the printed texts go.
 */

type Row = Record<string, unknown>;

export function collectCertificates(db: Sqlite, id: number): { certificates: Row[] } {
  const rows = db
    .prepare(
      `SELECT id, year, seq, number, template, language, milestone, period_from, period_to, minutes, volunteer_name, signatory_name,
         issued_on, issued_at, snapshot
       FROM certificates WHERE volunteer_id = ? ORDER BY year, seq`,
    )
    .all(id) as Row[];
  return {
    certificates: rows.map((r) => ({
      id: r.id,
      year: r.year,
      seq: r.seq,
      number: r.number,
      template: r.template,
      language: r.language,
      milestone: r.milestone,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      minutes: r.minutes,
      volunteerName: r.volunteer_name,
      signatoryName: r.signatory_name,
      issuedOn: r.issued_on,
      issuedAt: r.issued_at,
      // What was printed: the texts as issued (images are referred to, not repeated).
      snapshot: JSON.parse(String(r.snapshot)) as unknown,
    })),
  };
}

export function certificateCsvRows(data: { certificates: Row[] }, lang: Language): string[][] {
  const words = resources[lang].certificates;
  const templates = words.templates as Record<string, string>;
  return data.certificates.map((c) => {
    const parts = [
      templates[String(c.template)] ?? String(c.template),
      c.periodFrom ? `${String(c.periodFrom)} → ${String(c.periodTo)}` : null,
      typeof c.minutes === 'number' ? formatMinutes(c.minutes, lang) : null,
      String(c.volunteerName),
    ];
    return [words.personData.section, `${String(c.number)} — ${String(c.issuedOn)}`, parts.filter((p) => p !== null).join(' · ')];
  });
}

/** Inside the erasure's transaction: the name and texts as printed are cleared. */
export function eraseCertificates(db: Sqlite, id: number, placeholder: string): void {
  db.prepare(`UPDATE certificates SET volunteer_name = ?, snapshot = '{}' WHERE volunteer_id = ?`).run(placeholder, id);
}

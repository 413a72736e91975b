import Papa from 'papaparse';
import { writeFileSync } from 'node:fs';
import type { Language } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import { formatMinutes } from '../../../shared/format';
import { resources } from '../../../shared/i18n';
import { nowIso, todayIso } from '../clock';
import type { Context } from '../context';
import { collectTrainings, trainingCsvRows } from '../trainings/person-data';
import { bitsToRoles, bitsToSlots, sortKey } from '../volunteers/bits';
import { certificateCsvRows, collectCertificates } from '../certificates/person-data';
import { appLanguage } from './privacy.service';
import { camel, columnsOf, tablesReferencingVolunteers } from './references';

/**
 * Right of access (RGPD art. 15): everything Relais holds on one person, as JSON (complete,
 * machine-readable, fit for portability) and as CSV (one fact per line, for a person to read in
 * a spreadsheet). Tables are found from the schema: the ones this file knows become readable
 * sections; any other table that points at volunteers is still exported, column by column.
 */
export const EXPORT_SECTIONS = {
  volunteers: 'volunteer',
  volunteer_skills: 'skills',
  volunteer_custom_values: 'customFields',
  volunteer_history: 'history',
  erasures: 'erasure',
  // The person's activity: what they did for the association and for how long.
  hour_entries: 'hours',
  attendance: 'attendance',
  assignments: 'assignments',
  event_facilitators: 'eventFacilitation',
  series_facilitators: 'seriesFacilitation',
  // Documents issued to the person (electron/core/certificates/person-data.ts).
  certificates: 'certificates',
  // Trainings followed and qualifications held (electron/core/trainings/person-data.ts).
  training_participants: 'trainingSessions',
  qualifications: 'qualifications',
} as const;

type Row = Record<string, unknown>;
type Labels = (typeof resources)['fr']['privacy']['export'];
type VolunteerLabels = (typeof resources)['fr']['volunteers'];

export interface PersonExport {
  relais: 'personal-data-export';
  version: 1;
  exportedAt: string;
  language: Language;
  association: string | null;
  volunteer: Row;
  skills: Row[];
  customFields: Row[];
  history: Row[];
  erasure: Row | null;
  /** Every hour entry, with the event's title and the programme's name beside their ids. */
  hours: Row[];
  /** Present / absent / excused per event, with the event's title and start. */
  attendance: Row[];
  /** Roles (shifts) the person was assigned to. */
  assignments: Row[];
  eventFacilitation: Row[];
  seriesFacilitation: Row[];
  /** Attestations and certificates issued, as printed. */
  certificates: Row[];
  /** Training sessions the person was enrolled in, with their result. */
  trainingSessions: Row[];
  /** Qualifications held, with their expiry and certificate note. */
  qualifications: Row[];
  /** Tables that point at this person and have no section of their own (raw rows, every column). */
  otherTables: Record<string, Row[]>;
}

const camelRow = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]));
const parse = (json: unknown): unknown => {
  try {
    return typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  } catch {
    return json;
  }
};

export function collectPerson(ctx: Context, id: number, lang: Language): PersonExport {
  const db = ctx.sqlite;
  const raw = db.prepare('SELECT * FROM volunteers WHERE id = ?').get(id) as Row | undefined;
  if (!raw) throw new RelaisFailure('NOT_FOUND', { id });
  const vl = resources[lang].volunteers as VolunteerLabels;
  const seeded = vl.skills as Record<string, string>;

  // Every column, as stored, with bit sets and JSON lists written out.
  const volunteer: Row = {
    ...camelRow(raw),
    roles: bitsToRoles(raw.roles as number),
    availability: bitsToSlots(raw.availability as number),
    interests: parse(raw.interests),
    languages: parse(raw.languages),
    photoConsent: raw.photo_consent === 1,
  };
  const skills = (
    db
      .prepare(
        `SELECT vs.skill_id, vs.level, s.key, s.name, s.category FROM volunteer_skills vs JOIN skills s ON s.id = vs.skill_id
         WHERE vs.volunteer_id = ? ORDER BY s.category, s.id`,
      )
      .all(id) as { skill_id: number; level: number; key: string | null; name: string | null; category: string }[]
  ).map((s) => ({
    skillId: s.skill_id,
    name: s.name ?? (s.key ? seeded[s.key] ?? s.key : ''),
    category: (vl.categories as Record<string, string>)[s.category] ?? s.category,
    level: s.level,
    levelLabel: (vl.levels as Record<string, string>)[String(s.level)] ?? String(s.level),
  }));
  const customFields = (
    db
      .prepare(
        `SELECT cv.field_id, cv.value, f.label, f.type FROM volunteer_custom_values cv JOIN custom_fields f ON f.id = cv.field_id
         WHERE cv.volunteer_id = ? ORDER BY f.position, f.id`,
      )
      .all(id) as { field_id: number; value: string; label: string; type: string }[]
  ).map((c) => ({ fieldId: c.field_id, label: c.label, type: c.type, value: parse(c.value) }));
  const history = (
    db.prepare('SELECT id, at, kind, detail FROM volunteer_history WHERE volunteer_id = ? ORDER BY at, id').all(id) as Row[]
  ).map((h) => ({ ...h, detail: parse(h.detail) }));
  const erasureRow = db.prepare('SELECT volunteer_created_at, erased_at, reapplied_at FROM erasures WHERE volunteer_id = ?').get(id) as Row | undefined;

  const activity = (sql: string) =>
    (db.prepare(sql).all(id) as Row[]).map((row) => {
      const { volunteerId: _mine, ...rest } = camelRow(row);
      return rest;
    });
  const hours = activity(
    `SELECT h.*, e.title AS event_title, p.name AS programme_name FROM hour_entries h
     LEFT JOIN events e ON e.id = h.event_id LEFT JOIN programmes p ON p.id = h.programme_id
     WHERE h.volunteer_id = ? ORDER BY h.worked_on, h.id`,
  );
  const attendance = activity(
    `SELECT a.*, e.title AS event_title, e.start_local AS event_start FROM attendance a JOIN events e ON e.id = a.event_id
     WHERE a.volunteer_id = ? ORDER BY e.start_local, e.id`,
  );
  const assignments = activity(
    `SELECT a.*, r.name AS role_name, e.title AS event_title, e.start_local AS event_start FROM assignments a
     JOIN event_roles r ON r.id = a.role_id JOIN events e ON e.id = a.event_id
     WHERE a.volunteer_id = ? ORDER BY e.start_local, a.id`,
  );
  const eventFacilitation = activity(
    `SELECT f.*, e.title AS event_title, e.start_local AS event_start FROM event_facilitators f JOIN events e ON e.id = f.event_id
     WHERE f.volunteer_id = ? ORDER BY e.start_local, e.id`,
  );
  const seriesFacilitation = activity(
    `SELECT f.*, s.title AS series_title, s.starts_on AS series_starts_on FROM series_facilitators f JOIN series s ON s.id = f.series_id
     WHERE f.volunteer_id = ? ORDER BY s.starts_on, s.id`,
  );

  const otherTables: Record<string, Row[]> = {};
  for (const ref of tablesReferencingVolunteers(db)) {
    if (ref.table in EXPORT_SECTIONS) continue;
    otherTables[ref.table] = (db.prepare(`SELECT * FROM "${ref.table}" WHERE "${ref.column}" = ?`).all(id) as Row[]).map(camelRow);
  }
  const association = db.prepare('SELECT name FROM association WHERE id = 1').pluck().get() as string | undefined;
  return {
    relais: 'personal-data-export',
    version: 1,
    exportedAt: nowIso(),
    language: lang,
    association: association ?? null,
    volunteer,
    skills,
    customFields,
    history,
    erasure: erasureRow ? camelRow(erasureRow) : null,
    hours,
    attendance,
    assignments,
    eventFacilitation,
    seriesFacilitation,
    ...collectCertificates(db, id),
    ...collectTrainings(db, id, lang),
    otherTables,
  };
}

/** One line per fact: section, field, value — the way a person reads their own file. */
export function personCsvRows(data: PersonExport, lang: Language): string[][] {
  const L = resources[lang].privacy.export as Labels;
  const vl = resources[lang].volunteers as VolunteerLabels;
  const columns = L.columns as Record<string, string>;
  const yesNo = (b: boolean) => (b ? L.yes : L.no);
  const v = data.volunteer;
  const readable = (key: string, value: unknown): string => {
    if (value === null || value === undefined) return '';
    switch (key) {
      case 'status':
        return (vl.status as Record<string, string>)[value as string] ?? String(value);
      case 'roles':
        return (value as string[]).map((r) => (vl.roles as Record<string, string>)[r] ?? r).join(', ');
      case 'availability':
        return (value as string[])
          .map((s) => {
            const [day, part] = s.split('.') as [string, string];
            return `${(vl.days as Record<string, string>)[day] ?? day} ${(vl.parts as Record<string, string>)[part] ?? part}`;
          })
          .join(', ');
      case 'preferredFormat':
        return (vl.formats as Record<string, string>)[value as string] ?? String(value);
      case 'consentBasis':
        return (vl.consentBases as Record<string, string>)[value as string] ?? String(value);
      case 'photoConsent':
        return yesNo(value === true);
      case 'interests':
      case 'languages':
        return Array.isArray(value) ? value.join(', ') : String(value);
      default:
        return String(value);
    }
  };
  const rows: string[][] = [[L.csvSection, L.csvField, L.csvValue]];
  for (const [key, value] of Object.entries(v)) rows.push([L.sections.volunteer, columns[key] ?? key, readable(key, value)]);
  for (const s of data.skills) rows.push([L.sections.skills, String(s.name), `${String(s.levelLabel)} (${String(s.category)})`]);
  for (const c of data.customFields) {
    rows.push([L.sections.customFields, String(c.label), typeof c.value === 'boolean' ? yesNo(c.value) : String(c.value ?? '')]);
  }
  const kinds = L.historyKinds as Record<string, string>;
  for (const h of data.history) {
    const detail = h.detail && typeof h.detail === 'object' && Object.keys(h.detail).length ? ` — ${JSON.stringify(h.detail)}` : '';
    rows.push([L.sections.history, String(h.at), `${kinds[String(h.kind)] ?? String(h.kind)}${detail}`]);
  }
  if (data.erasure) rows.push([L.sections.erasure, L.erasedAt, String(data.erasure.erasedAt)]);
  rows.push(...activityCsvRows(data, lang));
  rows.push(...certificateCsvRows(data, lang));
  rows.push(...trainingCsvRows(data, lang));
  for (const [table, list] of Object.entries(data.otherTables)) {
    for (const row of list) for (const [k, value] of Object.entries(row)) rows.push([table, k, value === null ? '' : String(value)]);
  }
  return rows;
}

const when = (start: unknown) => String(start ?? '').replace('T', ' ');

/** The activity sections in words: « 2026-03-03 ; 1 h 30 · Animation · Groupe de parole · Validée ». */
function activityCsvRows(data: PersonExport, lang: Language): string[][] {
  const L = resources[lang].privacy.export as Labels;
  const H = resources[lang].hours;
  const statuses = resources[lang].events.attendance.status as Record<string, string>;
  const categories = H.categories as Record<string, string>;
  const approvals = H.approval as Record<string, string>;
  const rows: string[][] = [];
  for (const h of data.hours) {
    const parts = [
      formatMinutes(Number(h.minutes), lang),
      categories[String(h.category)] ?? String(h.category),
      h.eventTitle ? String(h.eventTitle) : L.noEvent,
      h.programmeName ? String(h.programmeName) : null,
      approvals[String(h.approval)] ?? String(h.approval),
      h.note ? String(h.note) : null,
    ];
    rows.push([L.sections.hours, String(h.workedOn), parts.filter((p) => p !== null).join(' · ')]);
  }
  for (const a of data.attendance) {
    const status = statuses[String(a.status)] ?? String(a.status);
    rows.push([L.sections.attendance, `${when(a.eventStart)} — ${String(a.eventTitle)}`, a.walkIn === 1 ? `${status} (${L.walkIn})` : status]);
  }
  for (const a of data.assignments) rows.push([L.sections.assignments, `${when(a.eventStart)} — ${String(a.eventTitle)}`, String(a.roleName)]);
  for (const f of data.eventFacilitation) rows.push([L.sections.eventFacilitation, when(f.eventStart), String(f.eventTitle)]);
  for (const f of data.seriesFacilitation) rows.push([L.sections.seriesFacilitation, String(f.seriesStartsOn), String(f.seriesTitle)]);
  return rows;
}

/** UTF-8 with BOM and `;` (what French Excel opens as columns); no cell can start a formula. */
export const toCsv = (rows: string[][]) =>
  `\ufeff${Papa.unparse(rows, { delimiter: ';', newline: '\r\n', escapeFormulae: true })}\r\n`;

/** The JSON file where the person chose; the CSV beside it with the same name. */
export async function exportPerson(ctx: Context, id: number): Promise<{ saved: boolean; files: string[] }> {
  const lang = appLanguage(ctx);
  const data = collectPerson(ctx, id, lang);
  const name = sortKey(`${String(data.volunteer.firstName)} ${String(data.volunteer.lastName)}`).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const L = resources[lang].privacy.export as Labels;
  const json = await ctx.platform.chooseSaveFile({
    titleKey: 'files.personalDataTitle',
    defaultName: `${L.fileName}-${name || id}-${todayIso()}.json`,
    filters: [{ nameKey: 'files.json', extensions: ['json'] }],
  });
  if (json === null) return { saved: false, files: [] };
  const csv = /\.json$/i.test(json) ? json.replace(/\.json$/i, '.csv') : `${json}.csv`;
  writeFileSync(json, `${JSON.stringify(data, null, 2)}\n`, 'utf8');
  writeFileSync(csv, toCsv(personCsvRows(data, lang)), 'utf8');
  return { saved: true, files: [json, csv] };
}

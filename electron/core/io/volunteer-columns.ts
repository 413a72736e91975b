import type { CustomField, ImportField, Language } from '../../../shared/api';
import { isoToUtcDate } from './cells';
import type { VolunteerRecord } from './volunteer-records';
import {
  booleanLabel,
  columnHeader,
  consentBasisLabel,
  formatLabel,
  roleLabel,
  seededSkillName,
  slotLabel,
  statusLabel,
} from './vocabulary';
import { resources } from '../../../shared/i18n';

/**
 * The volunteer list as exported: every field of the record (not its history), headers and words
 * in the person's language, lists one item per line, skills as « Name (level) ». The import reads
 * this back exactly (`relais` preset), in either language.
 */

/** A cell before it is written: CSV writes text, XLSX keeps numbers and dates typed. */
export type ExportCell = { text: string } | { number: number } | { date: string } | null;

const text = (v: string | null | undefined): ExportCell => (v === null || v === undefined || v === '' ? null : { text: v });
const date = (v: string | null | undefined): ExportCell => (v ? { date: v } : null);
const lines = (items: readonly string[]): ExportCell => (items.length ? { text: items.join('\n') } : null);

const levelLabel = (level: number, lang: Language) =>
  (resources[lang].volunteers as unknown as { levels: Record<string, string> }).levels[String(level)] ?? String(level);

const FIELDS: { field: ImportField; value: (v: VolunteerRecord, lang: Language) => ExportCell }[] = [
  { field: 'firstName', value: (v) => text(v.firstName) },
  { field: 'lastName', value: (v) => text(v.lastName) },
  { field: 'email', value: (v) => text(v.email) },
  { field: 'phone', value: (v) => text(v.phone) },
  { field: 'addressLine', value: (v) => text(v.addressLine) },
  { field: 'postalCode', value: (v) => text(v.postalCode) },
  { field: 'city', value: (v) => text(v.city) },
  { field: 'country', value: (v) => text(v.country) },
  { field: 'birthYear', value: (v) => (v.birthYear === null ? null : { number: v.birthYear }) },
  { field: 'joinedOn', value: (v) => date(v.joinedOn) },
  { field: 'status', value: (v, lang) => text(statusLabel(v.status, lang)) },
  { field: 'statusSince', value: (v) => date(v.statusSince) },
  { field: 'statusReason', value: (v) => text(v.statusReason) },
  { field: 'roles', value: (v, lang) => lines(v.roles.map((r) => roleLabel(r, lang))) },
  {
    field: 'skills',
    value: (v, lang) => lines(v.skills.map((s) => `${s.key ? seededSkillName(s.key, lang) : (s.name ?? '')} (${levelLabel(s.level, lang)})`)),
  },
  { field: 'interests', value: (v) => lines(v.interests) },
  { field: 'languages', value: (v) => lines(v.languages) },
  { field: 'availability', value: (v, lang) => lines(v.availability.map((s) => slotLabel(s, lang))) },
  { field: 'preferredFormat', value: (v, lang) => text(formatLabel(v.preferredFormat, lang)) },
  { field: 'emergencyName', value: (v) => text(v.emergencyName) },
  { field: 'emergencyPhone', value: (v) => text(v.emergencyPhone) },
  { field: 'emergencyRelation', value: (v) => text(v.emergencyRelation) },
  { field: 'notes', value: (v) => text(v.notes) },
  { field: 'consentOn', value: (v) => date(v.consentOn) },
  { field: 'consentBasis', value: (v, lang) => (v.consentBasis ? text(consentBasisLabel(v.consentBasis, lang)) : null) },
  { field: 'photoConsent', value: (v, lang) => text(booleanLabel(v.photoConsent, lang)) },
  { field: 'confidentialitySignedOn', value: (v) => date(v.confidentialitySignedOn) },
  { field: 'archivedOn', value: (v) => date(v.archivedAt ? v.archivedAt.slice(0, 10) : null) },
];

function customCell(field: CustomField, value: string | number | boolean | null | undefined, lang: Language): ExportCell {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'boolean') return text(booleanLabel(value, lang));
  if (typeof value === 'number') return { number: value };
  return field.type === 'date' ? date(value) : text(value);
}

export interface VolunteerTable {
  headers: string[];
  rows: ExportCell[][];
}

export function volunteerTable(records: readonly VolunteerRecord[], customFields: readonly CustomField[], lang: Language): VolunteerTable {
  const headers = [...FIELDS.map((f) => columnHeader(f.field, lang)), ...customFields.map((f) => f.label)];
  const rows = records.map((v) => [
    ...FIELDS.map((f) => f.value(v, lang)),
    ...customFields.map((f) => customCell(f, v.customValues[String(f.id)], lang)),
  ]);
  return { headers, rows };
}

/** CSV: dates as `YYYY-MM-DD` (unambiguous, and French Excel reads them as dates), numbers as text. */
export const cellForCsv = (c: ExportCell): string | null => (c === null ? null : 'text' in c ? c.text : 'number' in c ? String(c.number) : c.date);

/** XLSX: real numbers and dates, so sorting and filters work in the spreadsheet. */
export const cellForXlsx = (c: ExportCell): string | number | Date | null =>
  c === null ? null : 'text' in c ? c.text : 'number' in c ? c.number : isoToUtcDate(c.date);

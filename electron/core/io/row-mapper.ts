import type { CustomField, ImportField, ImportTarget, Role, Slot, VolunteerData } from '../../../shared/api';
import { headerKey, parseBoolean, parseDate, parseNumber, parseYear, splitFullName, splitList } from './cells';
import {
  readConsentBasis,
  readFormat,
  readRole,
  readSlot,
  readStatus,
  seededSkillName,
} from './vocabulary';
import { resources } from '../../../shared/i18n';

/**
 * Turns one row of text cells into the fields of a volunteer, as the mapping says. Only cells that
 * hold something are "provided": a merge keeps what the registry has where the file is empty.
 * Problems with a cell (a date that is no date, an unknown role) are issues on that field; the
 * contract's own rules (required names, email, year range…) are checked afterwards on the whole.
 */

export interface CellIssue {
  field: string;
  column: number | null;
  key: string;
  params?: Record<string, string | number>;
}

export type Provided = Partial<VolunteerData> & { archivedOn?: string };

export interface MappedRow {
  provided: Provided;
  issues: CellIssue[];
}

export interface Catalogue {
  skills: { id: number; key: string | null; name: string | null; archived: boolean }[];
  customFields: CustomField[];
}

export interface Mapper {
  map(cells: readonly string[]): MappedRow;
  /** The first column each field comes from, for issues raised on the whole record. */
  columnOf(field: string): number | null;
}

const LEVELS = new Map<string, 1 | 2 | 3>();
for (const lang of ['fr', 'en'] as const) {
  const levels = (resources[lang].volunteers as unknown as { levels: Record<'1' | '2' | '3', string> }).levels;
  for (const l of ['1', '2', '3'] as const) LEVELS.set(headerKey(levels[l]), Number(l) as 1 | 2 | 3);
}
for (const l of [1, 2, 3] as const) LEVELS.set(String(l), l);

/**
 * Skills by any of their names. Our own export always writes the level after the name, so there the
 * last parenthesis is read as the level first; in other files a skill name with a parenthesis of its
 * own wins over that reading.
 */
function skillLookup(catalogue: Catalogue, levelFirst: boolean) {
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  for (const s of catalogue.skills) {
    if (s.archived) continue;
    const names = s.key ? [s.key, seededSkillName(s.key, 'fr'), seededSkillName(s.key, 'en')] : [s.name ?? ''];
    for (const n of names) {
      if (!exact.has(n.trim())) exact.set(n.trim(), s.id);
      if (headerKey(n) && !folded.has(headerKey(n))) folded.set(headerKey(n), s.id);
    }
  }
  // The name as written first (two names may fold alike, « C » and « C++ »), then folded.
  const byName = { get: (name: string) => exact.get(name.trim()) ?? folded.get(headerKey(name)) };
  /** `Écoute active`, `Écoute active (2)`, `Écoute active (Confirmé)`; null when unknown. */
  const withLevel = (entry: string) => {
    const m = /^(.*)\(([^()]*)\)\s*$/s.exec(entry);
    if (!m) return null;
    const id = byName.get(m[1]!);
    const level = LEVELS.get(headerKey(m[2]!));
    return id && level ? { skillId: id, level } : null;
  };
  const plain = (entry: string) => {
    const id = byName.get(entry);
    return id ? { skillId: id, level: 1 as const } : null;
  };
  return (entry: string): { skillId: number; level: 1 | 2 | 3 } | null =>
    levelFirst ? (withLevel(entry) ?? plain(entry)) : (plain(entry) ?? withLevel(entry));
}

const TEXT_FIELDS = new Set<ImportField>([
  'firstName', 'lastName', 'email', 'phone', 'addressLine', 'postalCode', 'city', 'country', 'statusReason',
  'emergencyName', 'emergencyPhone', 'emergencyRelation', 'notes',
]);
const DATE_FIELDS = new Set<ImportField>(['joinedOn', 'statusSince', 'consentOn', 'confidentialitySignedOn', 'archivedOn']);
const LISTS = new Set<ImportField>(['roles', 'skills', 'interests', 'languages', 'availability']);
/** Several columns into one text field are joined; for the others the first non-empty one wins. */
const JOIN: Partial<Record<ImportField, string>> = { addressLine: ', ', notes: '\n' };

export function createMapper(mapping: readonly (ImportTarget | null)[], catalogue: Catalogue, options: { linesOnly: boolean }): Mapper {
  const findSkill = skillLookup(catalogue, options.linesOnly);
  const fields = new Map(catalogue.customFields.map((f) => [f.id, f]));
  const columns = new Map<string, number[]>();
  mapping.forEach((t, i) => {
    if (!t) return;
    const list = columns.get(t) ?? [];
    list.push(i);
    columns.set(t, list);
  });
  const list = (text: string) => splitList(text, options.linesOnly);

  return {
    columnOf(field) {
      const direct = columns.get(field)?.[0];
      if (direct !== undefined) return direct;
      if (field === 'firstName' || field === 'lastName') return columns.get('fullName')?.[0] ?? null;
      if (field === 'birthYear') return columns.get('birthDate')?.[0] ?? null;
      return null;
    },
    map(cells) {
      const provided: Provided = {};
      const set = provided as Record<string, unknown>;
      const issues: CellIssue[] = [];
      const custom: Record<string, string | number | boolean | null> = {};
      for (const [target, cols] of columns) {
        const filled = cols.map((c) => ({ c, v: cells[c] ?? '' })).filter((x) => x.v !== '');
        if (!filled.length) {
          // Our own export writes every list: an empty one there means none (not "the default roles").
          if (options.linesOnly && LISTS.has(target as ImportField)) set[target] = [];
          continue;
        }
        const { c: column, v: text } = filled[0]!;
        const issue = (key: string, params?: Record<string, string | number>, field = target) =>
          issues.push({ field, column, key, ...(params ? { params } : {}) });

        if (target.startsWith('custom:')) {
          const field = fields.get(Number(target.slice(7)));
          if (!field || field.archived) {
            issue('unknownCustomField');
            continue;
          }
          const value = customValue(field, text);
          if (value === undefined) issue(field.type === 'choice' ? 'io.unknownChoice' : field.type === 'date' ? 'date' : `io.${field.type}`, { value: text });
          else custom[String(field.id)] = value;
          continue;
        }
        const f = target as ImportField;
        if (TEXT_FIELDS.has(f)) {
          set[f] = JOIN[f] ? filled.map((x) => x.v).join(JOIN[f]) : text;
        } else if (DATE_FIELDS.has(f)) {
          const date = parseDate(text);
          if (date) set[f] = date;
          else issue('date', { value: text });
        } else {
          switch (f) {
            case 'fullName': {
              const { firstName, lastName } = splitFullName(text);
              // Columns of their own take precedence over the split.
              if (firstName && !columns.has('firstName')) provided.firstName = firstName;
              if (lastName && !columns.has('lastName')) provided.lastName = lastName;
              break;
            }
            case 'birthYear':
            case 'birthDate': {
              if (f === 'birthDate' && columns.has('birthYear') && (cells[columns.get('birthYear')![0]!] ?? '') !== '') break;
              const year = parseYear(text);
              if (year === null) issue(f === 'birthYear' ? 'number' : 'date', { value: text }, 'birthYear');
              else provided.birthYear = year;
              break;
            }
            case 'status': {
              const s = readStatus(text);
              if (s) provided.status = s;
              else issue('io.unknownStatus', { value: text });
              break;
            }
            case 'preferredFormat': {
              const v = readFormat(text);
              if (v) provided.preferredFormat = v;
              else issue('io.unknownFormat', { value: text });
              break;
            }
            case 'consentBasis': {
              const v = readConsentBasis(text);
              if (v) provided.consentBasis = v;
              else issue('io.unknownConsentBasis', { value: text });
              break;
            }
            case 'photoConsent': {
              const v = parseBoolean(text);
              if (v === null) issue('io.boolean', { value: text });
              else provided.photoConsent = v;
              break;
            }
            case 'roles': {
              const roles: Role[] = [];
              for (const item of list(text)) {
                const r = readRole(item);
                if (r) roles.push(r);
                else issue('io.unknownRole', { value: item });
              }
              provided.roles = roles;
              break;
            }
            case 'availability': {
              const slots: Slot[] = [];
              for (const item of list(text)) {
                const s = readSlot(item);
                if (s) slots.push(s);
                else issue('io.unknownSlot', { value: item });
              }
              provided.availability = slots;
              break;
            }
            case 'skills': {
              const whole = findSkill(text);
              const entries = whole ? [text] : list(text);
              const levels = new Map<number, 1 | 2 | 3>();
              for (const entry of entries) {
                const s = findSkill(entry);
                if (!s) issue('unknownSkill', { value: entry });
                else levels.set(s.skillId, Math.max(levels.get(s.skillId) ?? 1, s.level) as 1 | 2 | 3);
              }
              provided.skills = [...levels].map(([skillId, level]) => ({ skillId, level }));
              break;
            }
            case 'interests':
            case 'languages':
              set[f] = list(text);
              break;
          }
        }
      }
      if (Object.keys(custom).length) provided.customValues = custom;
      return { provided, issues };
    },
  };
}

/** A custom field's value from text; undefined when it does not fit the field's type. */
function customValue(field: CustomField, text: string): string | number | boolean | undefined {
  switch (field.type) {
    case 'text':
      return text;
    case 'number':
      return parseNumber(text) ?? undefined;
    case 'boolean':
      return parseBoolean(text) ?? undefined;
    case 'date':
      return parseDate(text) ?? undefined;
    case 'choice':
      return field.options.find((o) => o === text) ?? field.options.find((o) => headerKey(o) === headerKey(text));
  }
}

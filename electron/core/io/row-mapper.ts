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

type Converted = { values: Record<string, unknown>; issues: { field?: string; key: string; params?: Record<string, string | number> }[] };

const memo = (convert: (text: string) => Converted) => {
  const cache = new Map<string, Converted>();
  return (text: string) => {
    let hit = cache.get(text);
    if (!hit) {
      hit = convert(text);
      // Columns of repeated words (roles, statuses, skills) are converted once per distinct value.
      if (cache.size < 10_000) cache.set(text, hit);
    }
    return hit;
  };
};

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
  /** Items of a list of known words: a cell that is one known word as a whole is one item (a skill named « Cuisine, pâtisserie »). */
  const known = (text: string, isKnown: (item: string) => boolean) => (!/[\r\n]/.test(text) && isKnown(text) ? [text] : splitList(text));
  const one = (field: string, value: unknown): Converted => ({ values: { [field]: value }, issues: [] });
  const bad = (field: string | undefined, key: string, text: string): Converted => ({ values: {}, issues: [{ ...(field ? { field } : {}), key, params: { value: text } }] });
  const items = <T>(field: string, parts: string[], read: (item: string) => T | null, key: string): Converted => {
    const out: T[] = [];
    const issues: Converted['issues'] = [];
    for (const item of parts) {
      const v = read(item);
      if (v === null) issues.push({ key, params: { value: item } });
      else out.push(v);
    }
    return { values: { [field]: out }, issues };
  };

  /** One converter per mapped field, from the first filled cell's text. */
  function converter(target: string): (text: string) => Converted {
    if (target.startsWith('custom:')) {
      const field = fields.get(Number(target.slice(7)));
      if (!field || field.archived) return () => ({ values: {}, issues: [{ key: 'unknownCustomField' }] });
      const key = field.type === 'choice' ? 'io.unknownChoice' : field.type === 'date' ? 'date' : `io.${field.type}`;
      return memo((text) => {
        const value = customValue(field, text);
        return value === undefined ? bad(undefined, key, text) : { values: { [`custom:${field.id}`]: value }, issues: [] };
      });
    }
    const f = target as ImportField;
    if (TEXT_FIELDS.has(f)) return (text) => one(f, text);
    if (DATE_FIELDS.has(f)) return (text) => {
      const date = parseDate(text);
      return date ? one(f, date) : bad(undefined, 'date', text);
    };
    switch (f) {
      case 'fullName':
        return (text) => {
          const { firstName, lastName } = splitFullName(text);
          const values: Record<string, unknown> = {};
          // Columns of their own take precedence over the split.
          if (firstName && !columns.has('firstName')) values.firstName = firstName;
          if (lastName && !columns.has('lastName')) values.lastName = lastName;
          return { values, issues: [] };
        };
      case 'birthYear':
      case 'birthDate':
        return memo((text) => {
          const year = parseYear(text);
          return year === null ? bad('birthYear', f === 'birthYear' ? 'number' : 'date', text) : one('birthYear', year);
        });
      case 'status':
        return memo((text) => {
          const v = readStatus(text);
          return v ? one(f, v) : bad(undefined, 'io.unknownStatus', text);
        });
      case 'preferredFormat':
        return memo((text) => {
          const v = readFormat(text);
          return v ? one(f, v) : bad(undefined, 'io.unknownFormat', text);
        });
      case 'consentBasis':
        return memo((text) => {
          const v = readConsentBasis(text);
          return v ? one(f, v) : bad(undefined, 'io.unknownConsentBasis', text);
        });
      case 'photoConsent':
        return memo((text) => {
          const v = parseBoolean(text);
          return v === null ? bad(undefined, 'io.boolean', text) : one(f, v);
        });
      case 'roles':
        return memo((text) => items<Role>(f, known(text, (x) => readRole(x) !== null), readRole, 'io.unknownRole'));
      case 'availability':
        return memo((text) => items<Slot>(f, known(text, (x) => readSlot(x) !== null), readSlot, 'io.unknownSlot'));
      case 'skills':
        return memo((text) => {
          const found = items(f, known(text, (x) => findSkill(x) !== null), findSkill, 'unknownSkill');
          // Listed twice: the higher level is kept.
          const levels = new Map<number, 1 | 2 | 3>();
          for (const s of found.values[f] as { skillId: number; level: 1 | 2 | 3 }[]) levels.set(s.skillId, Math.max(levels.get(s.skillId) ?? 1, s.level) as 1 | 2 | 3);
          return { values: { [f]: [...levels].map(([skillId, level]) => ({ skillId, level })) }, issues: found.issues };
        });
      case 'interests':
      case 'languages':
        return (text) => one(f, list(text));
      default:
        return () => ({ values: {}, issues: [] });
    }
  }

  const plan = [...columns].map(([target, cols]) => ({
    target,
    cols,
    convert: converter(target),
    join: JOIN[target as ImportField],
    emptyList: options.linesOnly && LISTS.has(target as ImportField),
    /** A year of birth of its own wins over the one read from a date. */
    yieldsTo: target === 'birthDate' ? (columns.get('birthYear') ?? []) : [],
  }));

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
      let custom: Record<string, string | number | boolean> | null = null;
      for (const p of plan) {
        let column = -1;
        for (const c of p.cols) {
          if (cells[c]) {
            column = c;
            break;
          }
        }
        if (column < 0) {
          // Our own export writes every list: an empty one there means none (not "the default roles").
          if (p.emptyList) set[p.target] = [];
          continue;
        }
        if (p.yieldsTo.some((c) => cells[c])) continue;
        const text = p.join ? p.cols.map((c) => cells[c]).filter(Boolean).join(p.join) : cells[column]!;
        const out = p.convert(text);
        for (const [k, v] of Object.entries(out.values)) {
          if (k.startsWith('custom:')) (custom ??= {})[k.slice(7)] = v as string | number | boolean;
          else set[k] = v;
        }
        for (const i of out.issues) issues.push({ field: i.field ?? p.target, column, key: i.key, ...(i.params ? { params: i.params } : {}) });
      }
      if (custom) provided.customValues = custom;
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

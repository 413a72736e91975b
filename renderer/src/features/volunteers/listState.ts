import {
  FORMATS,
  ROLES,
  SLOTS,
  SORT_FIELDS,
  STATUSES,
  type Format,
  type ListInput,
  type Role,
  type Slot,
  type SortField,
  type Status,
} from '../../../../shared/api';

/**
 * What the list shows, kept in the URL (`/volunteers?q=…&status=…`) so the header search can land
 * here, and so "Back" from a record returns to the same search, filters and sort.
 */
export interface ListState {
  q: string;
  statuses: Status[];
  roles: Role[];
  skillId: number | null;
  minLevel: 1 | 2 | 3;
  slot: Slot | null;
  format: Format | null;
  archived: 'hide' | 'only' | 'include';
  sort: SortField;
  dir: 'asc' | 'desc';
}

export const DEFAULT_LIST_STATE: ListState = {
  q: '',
  statuses: [],
  roles: [],
  skillId: null,
  minLevel: 1,
  slot: null,
  format: null,
  archived: 'hide',
  sort: 'name',
  dir: 'asc',
};

const ARCHIVED = ['hide', 'only', 'include'] as const;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : null;

const manyOf = <T extends string>(list: readonly T[], v: string | null): T[] =>
  v ? [...new Set(v.split(',').filter((x): x is T => (list as readonly string[]).includes(x)))] : [];

/** Reads the list state from the URL; anything unknown falls back to the default. */
export function parseListState(sp: URLSearchParams): ListState {
  const skill = Number(sp.get('skill'));
  const level = Number(sp.get('level'));
  return {
    q: (sp.get('q') ?? '').slice(0, 200),
    statuses: manyOf(STATUSES, sp.get('status')),
    roles: manyOf(ROLES, sp.get('role')),
    skillId: Number.isInteger(skill) && skill > 0 ? skill : null,
    minLevel: level === 2 || level === 3 ? level : 1,
    slot: oneOf(SLOTS, sp.get('slot')),
    format: oneOf(FORMATS, sp.get('format')),
    archived: oneOf(ARCHIVED, sp.get('archived')) ?? 'hide',
    sort: oneOf(SORT_FIELDS, sp.get('sort')) ?? 'name',
    dir: sp.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** The URL form of a list state; defaults are left out so plain `/volunteers` stays plain. */
export function listStateToParams(s: ListState): URLSearchParams {
  const sp = new URLSearchParams();
  if (s.q) sp.set('q', s.q);
  if (s.statuses.length) sp.set('status', s.statuses.join(','));
  if (s.roles.length) sp.set('role', s.roles.join(','));
  if (s.skillId !== null) {
    sp.set('skill', String(s.skillId));
    if (s.minLevel !== 1) sp.set('level', String(s.minLevel));
  }
  if (s.slot) sp.set('slot', s.slot);
  if (s.format) sp.set('format', s.format);
  if (s.archived !== 'hide') sp.set('archived', s.archived);
  if (s.sort !== 'name') sp.set('sort', s.sort);
  if (s.dir !== 'asc') sp.set('dir', s.dir);
  return sp;
}

/** How many filters differ from the default (the search text and sort are not filters). */
export function activeFilterCount(s: ListState): number {
  return (
    (s.statuses.length ? 1 : 0) +
    (s.roles.length ? 1 : 0) +
    (s.skillId !== null ? 1 : 0) +
    (s.slot ? 1 : 0) +
    (s.format ? 1 : 0) +
    (s.archived !== 'hide' ? 1 : 0)
  );
}

export type ListQuery = Required<Pick<ListInput, 'query' | 'filters' | 'sort'>>;

/** The part of `volunteers.list`'s input that identifies a result set (offset/limit are added per page). */
export function toListQuery(s: ListState): ListQuery {
  return {
    query: s.q.trim(),
    filters: {
      statuses: s.statuses,
      roles: s.roles,
      skillId: s.skillId,
      minLevel: s.minLevel,
      slot: s.slot,
      format: s.format,
      archived: s.archived,
    },
    sort: { field: s.sort, direction: s.dir },
  };
}

import type { ListRow, Role, Status } from '../../../shared/api';
import type { z } from 'zod';
import type { ListInput, listInput } from '../../../shared/api';
import type { Sqlite } from '../db/connection';
import { bitsToRoles, rolesToBits, slotBit } from './bits';
import { createTokenizer, toFtsQuery, type Tokenizer } from './search-query';

type ParsedList = z.output<typeof listInput>;
export type { ListInput };

// Every key ends with sort_name and id in the same direction, so each order is one index scan.
// The expressions match the indexes of migration 003 exactly, or SQLite would sort instead.
const ORDER: Record<ParsedList['sort']['field'], Record<'ASC' | 'DESC', string>> = {
  name: { ASC: 'v.sort_name ASC, v.id ASC', DESC: 'v.sort_name DESC, v.id DESC' },
  joinedOn: {
    ASC: 'v.joined_on ASC, v.sort_name ASC, v.id ASC',
    DESC: 'v.joined_on DESC, v.sort_name DESC, v.id DESC',
  },
  city: {
    ASC: 'ifnull(v.city_key, char(1114111)) ASC, v.sort_name ASC, v.id ASC',
    DESC: "ifnull(v.city_key, '') DESC, v.sort_name DESC, v.id DESC",
  },
  status: {
    ASC: "(CASE v.status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END) ASC, v.sort_name ASC, v.id ASC",
    DESC: "(CASE v.status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END) DESC, v.sort_name DESC, v.id DESC",
  },
};

interface Built {
  where: string;
  params: Record<string, string | number>;
  /** Only the search text and the default "hide archived" apply: the count has a shortcut. */
  searchOnly: boolean;
}

function buildWhere(input: ParsedList, tokenizer: Tokenizer): Built {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  const fts = toFtsQuery(input.query, tokenizer);
  if (fts) {
    clauses.push('%FTS%v.id IN (SELECT rowid FROM volunteers_fts WHERE volunteers_fts MATCH @fts)');
    params.fts = fts;
  }
  const f = input.filters;
  const searchOnly =
    fts !== null && f.archived === 'hide' && !f.statuses.length && !f.roles.length && !f.slot && !f.format && f.skillId === null;
  if (f.archived === 'hide') clauses.push('v.archived_at IS NULL');
  if (f.archived === 'only') clauses.push('v.archived_at IS NOT NULL');
  if (f.statuses.length) {
    clauses.push(`v.status IN (${f.statuses.map((_, i) => `@status${i}`).join(', ')})`);
    f.statuses.forEach((s, i) => (params[`status${i}`] = s));
  }
  if (f.roles.length) {
    clauses.push('(v.roles & @roles) != 0');
    params.roles = rolesToBits(f.roles);
  }
  if (f.slot) {
    clauses.push('(v.availability & @slot) != 0');
    params.slot = slotBit(f.slot);
  }
  if (f.format) {
    // Someone happy with both formats fits either request.
    clauses.push("v.preferred_format IN (@format, 'both')");
    params.format = f.format;
  }
  if (f.skillId !== null) {
    // An IN over the by-skill index reads only that skill's holders, not one lookup per volunteer.
    clauses.push('v.id IN (SELECT volunteer_id FROM volunteer_skills WHERE skill_id = @skill AND level >= @minLevel)');
    params.skill = f.skillId;
    params.minLevel = f.minLevel;
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params, searchOnly };
}

// Measured at 100k volunteers: fetching by id wins up to a few thousand matches, the index walk beyond.
const BROAD_MATCHES = 4000;

interface RawRow {
  id: number;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  status: Status;
  roles: number;
  joined_on: string;
  archived_at: string | null;
}

/**
 * The list screen's query (search-as-you-type, filters, sort, one window of rows). It runs on
 * every keystroke, so it uses prepared statements on the connection directly, cached by shape.
 */
export function createVolunteerSearch(sqlite: Sqlite) {
  const tokenizer = createTokenizer();
  const cache = new Map<string, ReturnType<Sqlite['prepare']>>();
  const prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = sqlite.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };

  return function search(input: ParsedList): { total: number; rows: ListRow[] } {
    const { where, params, searchOnly } = buildWhere(input, tokenizer);
    const dir = input.sort.direction === 'desc' ? 'DESC' : 'ASC';
    const order = ORDER[input.sort.field][dir];
    // Counting the matches of a plain search straight in the index, minus the few archived ones,
    // avoids reading one row per match.
    const countSql = searchOnly
      ? `SELECT count(*) AS n FROM volunteers_fts WHERE volunteers_fts MATCH @fts
           AND rowid NOT IN (SELECT id FROM volunteers WHERE archived_at IS NOT NULL)`
      : `SELECT count(*) AS n FROM volunteers v ${where}`;
    const total = (prepare(countSql.replace('%FTS%', '')).get(searchOnly ? { fts: params.fts } : params) as { n: number }).n;
    if (total === 0 || input.offset >= total) return { total, rows: [] };
    // A few hundred matches are fetched by id and sorted; for a broad prefix the unary + keeps the
    // planner walking the ordered index and stopping after one window instead.
    const pageWhere = where.replace('%FTS%', total > BROAD_MATCHES ? '+' : '');
    // The window is chosen on the narrow index first, then only its rows are read in full (a deep
    // offset costs an index walk, not tens of thousands of row reads). Those rows are put back in
    // the window's order here: an ORDER BY on the outer query would send SQLite down the whole
    // index again to sort a hundred rows.
    const ids = prepare(`SELECT v.id FROM volunteers v ${pageWhere} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit: input.limit, offset: input.offset }) as number[];
    const position = new Map(ids.map((id, i) => [id, i]));
    const raw = (
      prepare(
        `SELECT id, first_name, last_name, email, phone, city, status, roles, joined_on, archived_at
         FROM volunteers WHERE id IN (SELECT value FROM json_each(@ids))`,
      ).all({ ids: JSON.stringify(ids) }) as RawRow[]
    ).sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    const rows = raw.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.email,
      phone: r.phone,
      city: r.city,
      status: r.status,
      roles: bitsToRoles(r.roles) as Role[],
      joinedOn: r.joined_on,
      archived: r.archived_at !== null,
    }));
    return { total, rows };
  };
}

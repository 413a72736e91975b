import type { ListRow, Role, Status } from '../../../shared/api';
import type { z } from 'zod';
import type { ListInput, listInput } from '../../../shared/api';
import type { Sqlite } from '../db/connection';
import { bitsToRoles, rolesToBits, slotBit } from './bits';
import { toFtsQuery } from './search-index';

type ParsedList = z.output<typeof listInput>;
export type { ListInput };

const ORDER: Record<ParsedList['sort']['field'], string> = {
  name: 'v.sort_name %DIR%, v.id %DIR%',
  joinedOn: 'v.joined_on %DIR%, v.sort_name, v.id',
  city: "coalesce(v.city, '') = '' , lower(v.city) %DIR%, v.sort_name, v.id",
  status: "CASE v.status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END %DIR%, v.sort_name, v.id",
};

interface Built {
  where: string;
  params: Record<string, string | number>;
}

function buildWhere(input: ParsedList): Built {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  const fts = toFtsQuery(input.query);
  if (fts) {
    clauses.push('v.id IN (SELECT rowid FROM volunteers_fts WHERE volunteers_fts MATCH @fts)');
    params.fts = fts;
  }
  const f = input.filters;
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
    clauses.push('EXISTS (SELECT 1 FROM volunteer_skills vs WHERE vs.volunteer_id = v.id AND vs.skill_id = @skill AND vs.level >= @minLevel)');
    params.skill = f.skillId;
    params.minLevel = f.minLevel;
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

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
    const { where, params } = buildWhere(input);
    const dir = input.sort.direction === 'desc' ? 'DESC' : 'ASC';
    const order = ORDER[input.sort.field].replaceAll('%DIR%', dir);
    const total = (prepare(`SELECT count(*) AS n FROM volunteers v ${where}`).get(params) as { n: number }).n;
    const raw = prepare(
      `SELECT v.id, v.first_name, v.last_name, v.email, v.phone, v.city, v.status, v.roles, v.joined_on, v.archived_at
       FROM volunteers v ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    ).all({ ...params, limit: input.limit, offset: input.offset }) as RawRow[];
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

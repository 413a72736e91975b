import type { Programme } from '../../../shared/api/events/planning';
import { RelaisFailure } from '../../../shared/errors';
import { nowIso } from '../clock';
import type { Context } from '../context';
import { sortKey } from '../volunteers/bits';

/** Programmes: named projects ("Peer support 2027") that events belong to and finance reports on. */

interface ProgrammeRow {
  id: number;
  name: string;
  archived: number;
  created_at: string;
  event_count: number;
}

const SELECT = `SELECT p.id, p.name, p.archived, p.created_at,
  (SELECT count(*) FROM events e WHERE e.programme_id = p.id) AS event_count FROM programmes p`;

const toProgramme = (r: ProgrammeRow): Programme => ({ id: r.id, name: r.name, archived: r.archived === 1, eventCount: r.event_count, createdAt: r.created_at });

export function listProgrammes(ctx: Context, includeArchived: boolean): Programme[] {
  const rows = ctx.sqlite.prepare(`${SELECT} ${includeArchived ? '' : 'WHERE p.archived = 0'}`).all() as ProgrammeRow[];
  return rows.map(toProgramme).sort((a, b) => sortKey(a.name).localeCompare(sortKey(b.name)) || a.id - b.id);
}

function getProgramme(ctx: Context, id: number): Programme {
  const row = ctx.sqlite.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProgrammeRow | undefined;
  if (!row) throw new RelaisFailure('NOT_FOUND', { id });
  return toProgramme(row);
}

/** Names compare as the lists sort them, so "Écoute" and "ecoute" are the same programme. */
function refuseClash(ctx: Context, name: string, exceptId: number | null): void {
  const names = ctx.sqlite.prepare('SELECT id, name FROM programmes').all() as { id: number; name: string }[];
  if (names.some((p) => p.id !== exceptId && sortKey(p.name) === sortKey(name))) {
    throw new RelaisFailure('VALIDATION', { issues: [{ path: ['name'], key: 'planning.programmeExists' }] });
  }
}

export function createProgramme(ctx: Context, name: string): Programme {
  refuseClash(ctx, name, null);
  const id = Number(ctx.sqlite.prepare('INSERT INTO programmes (name, created_at) VALUES (?, ?)').run(name, nowIso()).lastInsertRowid);
  return getProgramme(ctx, id);
}

export function renameProgramme(ctx: Context, id: number, name: string): Programme {
  getProgramme(ctx, id);
  refuseClash(ctx, name, id);
  ctx.sqlite.prepare('UPDATE programmes SET name = ? WHERE id = ?').run(name, id);
  return getProgramme(ctx, id);
}

/** Archived programmes leave the pickers; their events and figures stay. */
export function archiveProgramme(ctx: Context, id: number, archived: boolean): Programme {
  getProgramme(ctx, id);
  ctx.sqlite.prepare('UPDATE programmes SET archived = ? WHERE id = ?').run(archived ? 1 : 0, id);
  return getProgramme(ctx, id);
}

import type { Sqlite } from '../db/connection';

/**
 * The statements that write events, their facilitators and roles, shared by one-off events and
 * series generation. Callers own the transaction.
 */

/** The template columns an event shares with its series. */
export interface TemplateColumns {
  title: string;
  kind: string;
  programme_id: number | null;
  description: string | null;
  place: string | null;
  video_link: string | null;
  format: string;
  capacity: number | null;
  confidentiality_required: number;
  time_zone: string;
}

export interface TimeColumns {
  start_local: string;
  end_local: string;
  start_utc: string;
  end_utc: string;
}

export const TEMPLATE_KEYS = ['title', 'kind', 'programme_id', 'description', 'place', 'video_link', 'format', 'capacity', 'confidentiality_required', 'time_zone'] as const;
const TIME_KEYS = ['start_local', 'end_local', 'start_utc', 'end_utc'] as const;

export function templateColumns(d: {
  title: string;
  kind: string;
  programmeId: number | null;
  description: string | null;
  place: string | null;
  videoLink: string | null;
  format: string;
  capacity: number | null;
  confidentialityRequired: boolean;
}, zone: string): TemplateColumns {
  return {
    title: d.title,
    kind: d.kind,
    programme_id: d.programmeId,
    description: d.description,
    place: d.place,
    video_link: d.videoLink,
    format: d.format,
    capacity: d.capacity,
    confidentiality_required: d.confidentialityRequired ? 1 : 0,
    time_zone: zone,
  };
}

export function insertEvent(
  sqlite: Sqlite,
  columns: TemplateColumns & TimeColumns & { series_id: number | null; series_position: number | null },
  at: string,
): number {
  const keys = ['series_id', 'series_position', ...TEMPLATE_KEYS, ...TIME_KEYS] as const;
  const statement = sqlite.prepare(
    `INSERT INTO events (${keys.join(', ')}, created_at, updated_at) VALUES (${keys.map((k) => `@${k}`).join(', ')}, @at, @at)`,
  );
  return Number(statement.run({ ...columns, at }).lastInsertRowid);
}

/** Writes template and time columns that differ; answers whether anything changed. */
export function updateEventColumns(sqlite: Sqlite, id: number, columns: Partial<TemplateColumns & TimeColumns & { detached: number }>, at: string): boolean {
  const current = sqlite.prepare('SELECT * FROM events WHERE id = ?').get(id) as Record<string, unknown>;
  const changed = Object.entries(columns).filter(([k, v]) => current[k] !== v);
  if (changed.length === 0) return false;
  sqlite
    .prepare(`UPDATE events SET ${changed.map(([k]) => `${k} = @${k}`).join(', ')}, updated_at = @at WHERE id = @id`)
    .run({ ...Object.fromEntries(changed), at, id });
  return true;
}

/** Sets the facilitators of an event or series; answers whether the list changed. */
export function replaceFacilitators(sqlite: Sqlite, table: 'event_facilitators' | 'series_facilitators', ownerId: number, ids: readonly number[]): boolean {
  const owner = table === 'event_facilitators' ? 'event_id' : 'series_id';
  const current = (sqlite.prepare(`SELECT volunteer_id FROM ${table} WHERE ${owner} = ?`).pluck().all(ownerId) as number[]).sort((a, b) => a - b);
  const wanted = [...new Set(ids)].sort((a, b) => a - b);
  if (current.length === wanted.length && current.every((v, i) => v === wanted[i])) return false;
  sqlite.prepare(`DELETE FROM ${table} WHERE ${owner} = ?`).run(ownerId);
  const insert = sqlite.prepare(`INSERT INTO ${table} (${owner}, volunteer_id) VALUES (?, ?)`);
  for (const v of wanted) insert.run(ownerId, v);
  return true;
}

/** A role as planned: on a one-off event, or copied from a series' template (`seriesRoleId`). */
export interface PlannedRole {
  seriesRoleId: number | null;
  name: string;
  needed: number;
  startOffset: number;
  endOffset: number;
  skills: readonly { skillId: number; minLevel: number }[];
  /** The training the person on it must hold (null: none), copied from the series' template. */
  requiredTrainingId: number | null;
}

const INSERT_ROLE = `INSERT INTO event_roles (event_id, series_role_id, name, needed, start_offset, end_offset, position, required_training_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

export function insertRoles(sqlite: Sqlite, eventId: number, roles: readonly PlannedRole[]): void {
  const insertRole = sqlite.prepare(INSERT_ROLE);
  const insertSkill = sqlite.prepare('INSERT INTO event_role_skills (role_id, skill_id, min_level) VALUES (?, ?, ?)');
  roles.forEach((r, position) => {
    const roleId = Number(insertRole.run(eventId, r.seriesRoleId, r.name, r.needed, r.startOffset, r.endOffset, position, r.requiredTrainingId).lastInsertRowid);
    for (const s of r.skills) insertSkill.run(roleId, s.skillId, s.minLevel);
  });
}

/**
 * Brings the series-made roles of one (free) occurrence in line with the series' template: a
 * role still in the template is updated in place (its assignments stay), a role dropped from the
 * template goes, a new one is added. Roles added by hand on the occurrence are left alone.
 * Answers whether anything changed.
 */
export function syncSeriesRoles(sqlite: Sqlite, eventId: number, template: readonly (PlannedRole & { seriesRoleId: number })[]): boolean {
  const existing = sqlite
    .prepare(
      `SELECT id, series_role_id, name, needed, start_offset, end_offset, position, required_training_id
       FROM event_roles WHERE event_id = ? AND series_role_id IS NOT NULL`,
    )
    .all(eventId) as {
    id: number;
    series_role_id: number;
    name: string;
    needed: number;
    start_offset: number;
    end_offset: number;
    position: number;
    required_training_id: number | null;
  }[];
  const skillsOf = sqlite.prepare('SELECT skill_id AS skillId, min_level AS minLevel FROM event_role_skills WHERE role_id = ? ORDER BY skill_id');
  const bySeriesRole = new Map(existing.map((r) => [r.series_role_id, r]));
  const keep = new Set(template.map((t) => t.seriesRoleId));
  let changed = false;
  for (const r of existing) {
    if (!keep.has(r.series_role_id)) {
      sqlite.prepare('DELETE FROM event_roles WHERE id = ?').run(r.id);
      changed = true;
    }
  }
  const missing: (PlannedRole & { position: number })[] = [];
  template.forEach((t, position) => {
    const r = bySeriesRole.get(t.seriesRoleId);
    if (!r) {
      missing.push({ ...t, position });
      return;
    }
    if (
      r.name !== t.name ||
      r.needed !== t.needed ||
      r.start_offset !== t.startOffset ||
      r.end_offset !== t.endOffset ||
      r.position !== position ||
      r.required_training_id !== t.requiredTrainingId
    ) {
      sqlite
        .prepare('UPDATE event_roles SET name = ?, needed = ?, start_offset = ?, end_offset = ?, position = ?, required_training_id = ? WHERE id = ?')
        .run(t.name, t.needed, t.startOffset, t.endOffset, position, t.requiredTrainingId, r.id);
      changed = true;
    }
    const have = JSON.stringify(skillsOf.all(r.id));
    const want = JSON.stringify([...t.skills].sort((a, b) => a.skillId - b.skillId).map((s) => ({ skillId: s.skillId, minLevel: s.minLevel })));
    if (have !== want) {
      sqlite.prepare('DELETE FROM event_role_skills WHERE role_id = ?').run(r.id);
      const insertSkill = sqlite.prepare('INSERT INTO event_role_skills (role_id, skill_id, min_level) VALUES (?, ?, ?)');
      for (const s of t.skills) insertSkill.run(r.id, s.skillId, s.minLevel);
      changed = true;
    }
  });
  if (missing.length) {
    const insertRole = sqlite.prepare(INSERT_ROLE);
    const insertSkill = sqlite.prepare('INSERT INTO event_role_skills (role_id, skill_id, min_level) VALUES (?, ?, ?)');
    for (const m of missing) {
      const roleId = Number(insertRole.run(eventId, m.seriesRoleId, m.name, m.needed, m.startOffset, m.endOffset, m.position, m.requiredTrainingId).lastInsertRowid);
      for (const s of m.skills) insertSkill.run(roleId, s.skillId, s.minLevel);
    }
    changed = true;
  }
  return changed;
}

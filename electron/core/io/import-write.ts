import { STATUSES, type VolunteerData } from '../../../shared/api';
import { nowIso } from '../clock';
import type { Sqlite } from '../db/connection';
import { bitsToRoles, bitsToSlots, cityKey, rolesToBits, slotsToBits } from '../volunteers/bits';
import { volunteerColumns } from '../volunteers/volunteer-columns';
import { personName } from './duplicates';
import { ftsRow, reindexVolunteers } from '../volunteers/search-index';
import type { Plan } from './import-plan';

/**
 * Writes a plan: the bulk path of DESIGN §7, prepared statements in one better-sqlite3
 * transaction. Either every row of the plan is written, with its history and search index entry,
 * or (on any error) nothing is.
 *
 * The columns are stored exactly as `volunteers.create` stores them (a test compares the two).
 */
const cityKeys = new Map<string | null, string | null>();
/** `cityKey`, once per distinct city (a registry has a few dozen). */
function cityKeyOf(city: string | null): string | null {
  let key = cityKeys.get(city);
  if (key === undefined) {
    key = cityKey(city);
    if (cityKeys.size > 5000) cityKeys.clear();
    cityKeys.set(city, key);
  }
  return key;
}

const columns = (data: VolunteerData) => volunteerColumns(data, { sortName: personName, cityKey: cityKeyOf });

const ARCHIVED_DETAIL = JSON.stringify({ source: 'import' });

const COLUMNS = [
  'firstName', 'lastName', 'sortName', 'email', 'phone', 'addressLine', 'postalCode', 'city', 'cityKey', 'country',
  'birthYear', 'joinedOn', 'status', 'statusSince', 'statusReason', 'roles', 'availability', 'interests', 'languages',
  'preferredFormat', 'emergencyName', 'emergencyPhone', 'emergencyRelation', 'notes', 'consentOn', 'consentBasis',
  'photoConsent', 'confidentialitySignedOn',
] as const satisfies readonly (keyof ReturnType<typeof columns>)[];
// Every stored column is written: the compiler fails here if `columns` gains one the list lacks.
const _allColumns: Exclude<keyof ReturnType<typeof columns>, (typeof COLUMNS)[number]> extends never ? true : never = true;
void _allColumns;
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Names of the fields that differ, compared in stored form (as the record's history lists them). */
function changedFields(before: VolunteerData | null, after: VolunteerData): string[] {
  if (!before) return Object.keys(after);
  const norm = (d: VolunteerData): Record<string, unknown> => ({
    ...d,
    roles: bitsToRoles(rolesToBits(d.roles)),
    availability: bitsToSlots(slotsToBits(d.availability)),
    skills: d.skills.map((s) => `${s.skillId}:${s.level}`).sort(),
  });
  const a = norm(before);
  const b = norm(after);
  return Object.keys(b).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

export interface WriteCounts {
  created: number;
  merged: number;
}

export function writePlan(sqlite: Sqlite, plan: Plan): WriteCounts {
  const at = nowIso();
  // Positional parameters: 10,000 rows should not build 10,000 named-parameter objects.
  const insert = sqlite.prepare(
    `INSERT INTO volunteers (${COLUMNS.map(snake).join(', ')}, archived_at, created_at, updated_at)
     VALUES (${COLUMNS.map(() => '?').join(', ')}, ?, ?, ?)`,
  );
  const insertFts = sqlite.prepare('INSERT INTO volunteers_fts (rowid, name, contact, city, skills) VALUES (?, ?, ?, ?, ?)');
  const skillNames = new Map(
    (sqlite.prepare('SELECT id, key, name FROM skills').all() as { id: number; key: string | null; name: string | null }[]).map((s) => [s.id, s]),
  );
  const update = sqlite.prepare(
    `UPDATE volunteers SET ${COLUMNS.map((c) => `${snake(c)} = @${c}`).join(', ')}, updated_at = @at,
       archived_at = coalesce(archived_at, @archivedAt) WHERE id = @id`,
  );
  const deleteSkills = sqlite.prepare('DELETE FROM volunteer_skills WHERE volunteer_id = ?');
  const insertSkill = sqlite.prepare('INSERT INTO volunteer_skills (volunteer_id, skill_id, level) VALUES (?, ?, ?)');
  const deleteCustom = sqlite.prepare('DELETE FROM volunteer_custom_values WHERE volunteer_id = ?');
  const insertCustom = sqlite.prepare('INSERT INTO volunteer_custom_values (volunteer_id, field_id, value) VALUES (?, ?, ?)');
  const history = sqlite.prepare('INSERT INTO volunteer_history (volunteer_id, at, kind, detail) VALUES (?, ?, ?, ?)');
  const wasArchived = sqlite.prepare('SELECT archived_at IS NOT NULL AS archived FROM volunteers WHERE id = ?').pluck();

  const writeLinks = (id: number, data: VolunteerData) => {
    for (const s of data.skills) insertSkill.run(id, s.skillId, s.level);
    for (const [fieldId, value] of Object.entries(data.customValues)) {
      if (value === null || value === '') continue;
      insertCustom.run(id, Number(fieldId), JSON.stringify(typeof value === 'string' ? value.trim() : value));
    }
  };
  const archivedAt = (date: string | null) => (date ? `${date}T00:00:00.000Z` : null);

  return sqlite.transaction((): WriteCounts => {
    const touched: number[] = [];
    let created = 0;
    const createdDetail = new Map(STATUSES.map((st) => [st, JSON.stringify({ status: st, source: 'import' })]));
    for (const row of plan.rows) {
      if (row.action !== 'create' || !row.data) continue;
      const c = columns(row.data);
      const id = Number(insert.run(...COLUMNS.map((k) => c[k]), archivedAt(row.archivedOn), at, at).lastInsertRowid);
      writeLinks(id, row.data);
      history.run(id, at, 'created', createdDetail.get(row.data.status));
      if (row.archivedOn) history.run(id, at, 'archived', ARCHIVED_DETAIL);
      // The new row's index entry from what is in hand, as reindexVolunteers would build it from the tables.
      const fts = ftsRow({ id, ...row.data, skills: row.data.skills.map((s) => skillNames.get(s.skillId) ?? { key: null, name: null }) });
      insertFts.run(fts.id, fts.name, fts.contact, fts.city, fts.skills);
      created++;
    }
    for (const [id, merge] of plan.merges) {
      const archiving = merge.archivedOn !== null && wasArchived.get(id) === 0;
      update.run({ ...columns(merge.data), archivedAt: archivedAt(merge.archivedOn), at, id });
      deleteSkills.run(id);
      deleteCustom.run(id);
      writeLinks(id, merge.data);
      if (merge.before && merge.before.status !== merge.data.status) {
        history.run(id, at, 'status', JSON.stringify({ from: merge.before.status, to: merge.data.status, since: merge.data.statusSince, reason: merge.data.statusReason }));
      }
      const fields = changedFields(merge.before, merge.data).filter((f) => !['status', 'statusSince', 'statusReason'].includes(f));
      if (fields.length) history.run(id, at, 'updated', JSON.stringify({ fields, source: 'import' }));
      if (archiving) history.run(id, at, 'archived', ARCHIVED_DETAIL);
      touched.push(id);
    }
    reindexVolunteers(sqlite, touched);
    return { created, merged: plan.rows.filter((r) => r.action === 'merge').length };
  })();
}

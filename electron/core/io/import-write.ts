import type { VolunteerData } from '../../../shared/api';
import { nowIso } from '../clock';
import type { Sqlite } from '../db/connection';
import { bitsToRoles, bitsToSlots, cityKey, rolesToBits, slotsToBits, sortName } from '../volunteers/bits';
import { reindexVolunteers } from '../volunteers/search-index';
import type { Plan } from './import-plan';

/**
 * Writes a plan: the bulk path of DESIGN §7, prepared statements in one better-sqlite3
 * transaction. Either every row of the plan is written, with its history and search index entry,
 * or (on any error) nothing is.
 *
 * The columns are stored exactly as `volunteers.create` stores them (a test compares the two).
 */
function columns(data: VolunteerData) {
  return {
    firstName: data.firstName,
    lastName: data.lastName,
    sortName: sortName(data.firstName, data.lastName),
    email: data.email,
    phone: data.phone,
    addressLine: data.addressLine,
    postalCode: data.postalCode,
    city: data.city,
    cityKey: cityKey(data.city),
    country: data.country,
    birthYear: data.birthYear,
    joinedOn: data.joinedOn,
    status: data.status,
    statusSince: data.statusSince,
    statusReason: data.status === 'active' ? null : data.statusReason,
    roles: rolesToBits(data.roles),
    availability: slotsToBits(data.availability),
    interests: JSON.stringify(data.interests),
    languages: JSON.stringify(data.languages),
    preferredFormat: data.preferredFormat,
    emergencyName: data.emergencyName,
    emergencyPhone: data.emergencyPhone,
    emergencyRelation: data.emergencyRelation,
    notes: data.notes,
    consentOn: data.consentOn,
    consentBasis: data.consentBasis,
    photoConsent: data.photoConsent ? 1 : 0,
    confidentialitySignedOn: data.confidentialitySignedOn,
  };
}

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
  const insert = sqlite.prepare(
    `INSERT INTO volunteers (${COLUMNS.map(snake).join(', ')}, archived_at, created_at, updated_at)
     VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')}, @archivedAt, @at, @at)`,
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
    for (const row of plan.rows) {
      if (row.action !== 'create' || !row.data) continue;
      const id = Number(insert.run({ ...columns(row.data), archivedAt: archivedAt(row.archivedOn), at }).lastInsertRowid);
      writeLinks(id, row.data);
      history.run(id, at, 'created', JSON.stringify({ status: row.data.status, source: 'import' }));
      if (row.archivedOn) history.run(id, at, 'archived', JSON.stringify({ source: 'import' }));
      touched.push(id);
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
      if (archiving) history.run(id, at, 'archived', JSON.stringify({ source: 'import' }));
      touched.push(id);
    }
    reindexVolunteers(sqlite, touched);
    return { created, merged: plan.rows.filter((r) => r.action === 'merge').length };
  })();
}

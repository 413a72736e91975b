import type { z } from 'zod';
import type { CustomField, VolunteerData, Volunteer, listInput, skillInput } from '../../../shared/api';
import type { FieldIssue } from '../../../shared/errors';
import { RelaisFailure } from '../../../shared/errors';
import { isoDate } from '../../../shared/api';
import { nowIso } from '../clock';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { bitsToRoles, bitsToSlots, rolesToBits, slotsToBits, sortKey, sortName } from './bits';
import { volunteerColumns } from './volunteer-columns';
import { reindexVolunteers } from './search-index';
import {
  addHistory,
  findVolunteerRow,
  listSkillRows,
  loadCustomFields,
  loadVolunteer,
  replaceCustomValues,
  replaceSkills,
} from './volunteers.repository';
import { createVolunteerSearch } from './volunteers.search';

const searches = new WeakMap<Sqlite, ReturnType<typeof createVolunteerSearch>>();

export function listVolunteers(ctx: Context, input: z.output<typeof listInput>) {
  let search = searches.get(ctx.sqlite);
  if (!search) searches.set(ctx.sqlite, (search = createVolunteerSearch(ctx.sqlite)));
  return search(input);
}

export async function getVolunteer(ctx: Context, id: number): Promise<Volunteer> {
  const v = await loadVolunteer(ctx.db, id);
  if (!v) throw new RelaisFailure('NOT_FOUND', { id });
  return v;
}

/** Checks what the contract cannot: that skills and custom fields exist and values fit their type. */
async function checkReferences(ctx: Context, data: VolunteerData, previous: Volunteer | null): Promise<{ fieldId: number; value: unknown }[]> {
  const issues: FieldIssue[] = [];
  if (data.skills.length) {
    const ids = data.skills.map((s) => s.skillId);
    const known = await ctx.db.selectFrom('skills').select(['id', 'archived']).where('id', 'in', ids).execute();
    const usable = new Set(known.filter((k) => k.archived === 0 || previous?.skills.some((p) => p.skillId === k.id)).map((k) => k.id));
    data.skills.forEach((s, i) => {
      if (!usable.has(s.skillId)) issues.push({ path: ['skills', i, 'skillId'], key: 'unknownSkill' });
    });
  }
  const fields = new Map<number, CustomField>((await loadCustomFields(ctx.db)).map((f) => [f.id, f]));
  const values: { fieldId: number; value: unknown }[] = [];
  for (const [rawId, value] of Object.entries(data.customValues)) {
    const field = fields.get(Number(rawId));
    const path = ['customValues', rawId];
    if (!field || (field.archived && previous?.customValues[rawId] === undefined)) {
      issues.push({ path, key: 'unknownCustomField' });
      continue;
    }
    if (value === null || value === '') {
      values.push({ fieldId: field.id, value: null });
      continue;
    }
    const fits =
      (field.type === 'text' && typeof value === 'string') ||
      (field.type === 'number' && typeof value === 'number') ||
      (field.type === 'boolean' && typeof value === 'boolean') ||
      (field.type === 'date' && typeof value === 'string' && isoDate.safeParse(value).success) ||
      (field.type === 'choice' && typeof value === 'string' && field.options.includes(value));
    if (!fits) issues.push({ path, key: 'customField' });
    else values.push({ fieldId: field.id, value: typeof value === 'string' ? value.trim() : value });
  }
  if (issues.length) throw new RelaisFailure('VALIDATION', { issues });
  return values;
}

export async function createVolunteer(ctx: Context, data: VolunteerData): Promise<Volunteer> {
  const customValues = await checkReferences(ctx, data, null);
  const at = nowIso();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('volunteers')
      .values({ ...volunteerColumns(data), createdAt: at, updatedAt: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceSkills(trx, id, data.skills);
    await replaceCustomValues(trx, id, customValues);
    await addHistory(trx, id, at, 'created', { status: data.status });
    reindexVolunteers(ctx.sqlite, [id]);
    return id;
  });
  return getVolunteer(ctx, id);
}

/** Names of the fields whose stored value differs, for the record's history. */
function changedFields(before: Volunteer, data: VolunteerData): string[] {
  // Compare in stored form: the same roles or slots ticked in another order are no change.
  const after: Record<string, unknown> = {
    ...data,
    roles: bitsToRoles(rolesToBits(data.roles)),
    availability: bitsToSlots(slotsToBits(data.availability)),
    skills: data.skills.map((s) => `${s.skillId}:${s.level}`).sort(),
  };
  const prev: Record<string, unknown> = { ...before, skills: before.skills.map((s) => `${s.skillId}:${s.level}`).sort() };
  return Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(k === 'customValues' ? before.customValues : prev[k]));
}

/** An erased person's record keeps only anonymous facts; typing personal data back in is refused. */
function refuseIfErased(ctx: Context, id: number): void {
  const erased = ctx.sqlite.prepare('SELECT 1 FROM erasures WHERE volunteer_id = ?').get(id);
  if (erased) throw new RelaisFailure('CONFLICT', { reason: 'erased', id });
}

export async function updateVolunteer(ctx: Context, id: number, data: VolunteerData): Promise<Volunteer> {
  const before = await getVolunteer(ctx, id);
  refuseIfErased(ctx, id);
  const customValues = await checkReferences(ctx, data, before);
  const changed = changedFields(before, data);
  if (changed.length === 0) return before;
  const at = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('volunteers').set({ ...volunteerColumns(data), updatedAt: at }).where('id', '=', id).execute();
    await replaceSkills(trx, id, data.skills);
    await replaceCustomValues(trx, id, customValues);
    if (before.status !== data.status) {
      await addHistory(trx, id, at, 'status', { from: before.status, to: data.status, since: data.statusSince, reason: data.statusReason });
    }
    const others = changed.filter((f) => !['status', 'statusSince', 'statusReason'].includes(f));
    if (others.length) await addHistory(trx, id, at, 'updated', { fields: others });
    reindexVolunteers(ctx.sqlite, [id]);
  });
  return getVolunteer(ctx, id);
}

/** Archiving hides a record from the everyday lists; nothing is deleted. */
export async function setArchived(ctx: Context, id: number, archived: boolean): Promise<Volunteer> {
  const row = await findVolunteerRow(ctx.db, id);
  if (!row) throw new RelaisFailure('NOT_FOUND', { id });
  if ((row.archivedAt !== null) === archived) return getVolunteer(ctx, id);
  if (!archived) refuseIfErased(ctx, id);
  const at = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('volunteers').set({ archivedAt: archived ? at : null, updatedAt: at }).where('id', '=', id).execute();
    await addHistory(trx, id, at, archived ? 'archived' : 'unarchived');
  });
  return getVolunteer(ctx, id);
}

export async function findDuplicates(
  ctx: Context,
  input: { excludeId: number | null; firstName: string; lastName: string; email: string; postalCode: string },
) {
  const out: { id: number; firstName: string; lastName: string; email: string | null; postalCode: string | null; reason: 'email' | 'nameAndPostalCode' }[] = [];
  const email = input.email.trim();
  if (email.includes('@')) {
    const rows = await ctx.db
      .selectFrom('volunteers')
      .select(['id', 'firstName', 'lastName', 'email', 'postalCode'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .limit(5)
      .execute();
    out.push(...rows.map((r) => ({ ...r, reason: 'email' as const })));
  }
  const postal = input.postalCode.replace(/\s+/g, '');
  if (input.firstName.trim() && input.lastName.trim() && postal) {
    const rows = await ctx.db
      .selectFrom('volunteers')
      .select(['id', 'firstName', 'lastName', 'email', 'postalCode'])
      .where('sortName', '=', sortName(input.firstName, input.lastName))
      .where((eb) => eb(eb.fn('replace', ['postalCode', eb.val(' '), eb.val('')]), '=', postal))
      .limit(5)
      .execute();
    for (const r of rows) if (!out.some((o) => o.id === r.id)) out.push({ ...r, reason: 'nameAndPostalCode' });
  }
  return out.filter((o) => o.id !== input.excludeId);
}

export const listSkills = (ctx: Context, includeArchived: boolean) => listSkillRows(ctx.db, includeArchived);

export async function saveSkill(ctx: Context, input: z.output<typeof skillInput>) {
  // SQLite's lower() folds ASCII only; compare as the registry sorts, so "Écoute" = "écoute".
  const named = await ctx.db.selectFrom('skills').select(['id', 'name']).where('name', 'is not', null).execute();
  const clash = named.find((s) => sortKey(s.name!) === sortKey(input.name));
  if (clash && clash.id !== input.id) throw new RelaisFailure('VALIDATION', { issues: [{ path: ['name'], key: 'skillExists' }] });
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (input.id === undefined) {
      const row = await trx.insertInto('skills').values({ name: input.name, category: input.category }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    }
    const existing = await trx.selectFrom('skills').select(['id', 'key']).where('id', '=', input.id).executeTakeFirst();
    if (!existing) throw new RelaisFailure('NOT_FOUND', { id: input.id });
    // Seeded skills keep their translated name; only the category can change.
    await trx
      .updateTable('skills')
      .set(existing.key ? { category: input.category } : { name: input.name, category: input.category })
      .where('id', '=', input.id)
      .execute();
    const holders = await trx.selectFrom('volunteerSkills').select('volunteerId').where('skillId', '=', input.id).execute();
    reindexVolunteers(ctx.sqlite, holders.map((h) => h.volunteerId));
    return input.id;
  });
  const skills = await listSkillRows(ctx.db, true);
  return skills.find((s) => s.id === id)!;
}

export async function setSkillArchived(ctx: Context, id: number, archived: boolean) {
  const result = await ctx.db.updateTable('skills').set({ archived: archived ? 1 : 0 }).where('id', '=', id).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new RelaisFailure('NOT_FOUND', { id });
  const skills = await listSkillRows(ctx.db, true);
  return skills.find((s) => s.id === id)!;
}

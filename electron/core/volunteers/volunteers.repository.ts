import type { Kysely } from 'kysely';
import type { CustomField, ListRow, Skill, Status, Volunteer } from '../../../shared/api';
import type { DB } from '../db/schema';
import { bitsToRoles, bitsToSlots } from './bits';

type Executor = Kysely<DB>;

/** Reads and writes of the registry tables. Takes the executor (db or transaction) first. */

export async function findVolunteerRow(db: Executor, id: number) {
  return db.selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function loadVolunteer(db: Executor, id: number): Promise<Volunteer | null> {
  const row = await findVolunteerRow(db, id);
  if (!row) return null;
  const [skills, custom, history] = await Promise.all([
    db
      .selectFrom('volunteerSkills as vs')
      .innerJoin('skills as s', 's.id', 'vs.skillId')
      .select(['vs.skillId', 'vs.level', 's.key', 's.name', 's.category'])
      .where('vs.volunteerId', '=', id)
      .orderBy('s.category')
      .orderBy('s.id')
      .execute(),
    db.selectFrom('volunteerCustomValues').select(['fieldId', 'value']).where('volunteerId', '=', id).execute(),
    db.selectFrom('volunteerHistory').select(['at', 'kind', 'detail']).where('volunteerId', '=', id).orderBy('at', 'desc').orderBy('id', 'desc').execute(),
  ]);
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    addressLine: row.addressLine,
    postalCode: row.postalCode,
    city: row.city,
    country: row.country,
    birthYear: row.birthYear,
    joinedOn: row.joinedOn,
    status: row.status as Status,
    statusSince: row.statusSince,
    statusReason: row.statusReason,
    roles: bitsToRoles(row.roles),
    skills: skills.map((s) => ({ ...s, category: s.category as Skill['category'] })),
    interests: JSON.parse(row.interests) as string[],
    languages: JSON.parse(row.languages) as string[],
    availability: bitsToSlots(row.availability),
    preferredFormat: row.preferredFormat as Volunteer['preferredFormat'],
    emergencyName: row.emergencyName,
    emergencyPhone: row.emergencyPhone,
    emergencyRelation: row.emergencyRelation,
    notes: row.notes,
    consentOn: row.consentOn,
    consentBasis: row.consentBasis as Volunteer['consentBasis'],
    photoConsent: row.photoConsent === 1,
    confidentialitySignedOn: row.confidentialitySignedOn,
    customValues: Object.fromEntries(custom.map((c) => [String(c.fieldId), JSON.parse(c.value) as string | number | boolean])),
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    history: history.map((h) => ({ at: h.at, kind: h.kind as Volunteer['history'][number]['kind'], detail: JSON.parse(h.detail) as Record<string, unknown> })),
  };
}

export async function addHistory(db: Executor, volunteerId: number, at: string, kind: Volunteer['history'][number]['kind'], detail: Record<string, unknown> = {}) {
  await db.insertInto('volunteerHistory').values({ volunteerId, at, kind, detail: JSON.stringify(detail) }).execute();
}

export async function replaceSkills(db: Executor, volunteerId: number, skills: readonly { skillId: number; level: number }[]) {
  await db.deleteFrom('volunteerSkills').where('volunteerId', '=', volunteerId).execute();
  if (skills.length) await db.insertInto('volunteerSkills').values(skills.map((s) => ({ volunteerId, ...s }))).execute();
}

export async function replaceCustomValues(db: Executor, volunteerId: number, values: readonly { fieldId: number; value: unknown }[]) {
  await db.deleteFrom('volunteerCustomValues').where('volunteerId', '=', volunteerId).execute();
  const kept = values.filter((v) => v.value !== null && v.value !== '');
  if (kept.length) {
    await db.insertInto('volunteerCustomValues').values(kept.map((v) => ({ volunteerId, fieldId: v.fieldId, value: JSON.stringify(v.value) }))).execute();
  }
}

export async function listSkillRows(db: Executor, includeArchived: boolean): Promise<Skill[]> {
  let q = db
    .selectFrom('skills as s')
    .leftJoin('volunteerSkills as vs', 'vs.skillId', 's.id')
    .select((eb) => ['s.id', 's.key', 's.name', 's.category', 's.archived', eb.fn.count<number>('vs.volunteerId').as('volunteerCount')])
    .groupBy('s.id')
    .orderBy('s.category')
    .orderBy('s.id');
  if (!includeArchived) q = q.where('s.archived', '=', 0);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, category: r.category as Skill['category'], archived: r.archived === 1, volunteerCount: Number(r.volunteerCount) }));
}

export async function loadCustomFields(db: Executor): Promise<CustomField[]> {
  const rows = await db.selectFrom('customFields').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map((r) => ({ ...r, type: r.type as CustomField['type'], options: JSON.parse(r.options) as string[], archived: r.archived === 1 }));
}

export type { ListRow };

import type { Skill, Volunteer, VolunteerInput } from '../../../shared/api';
import type { Sqlite } from '../db/connection';
import { bitsToRoles, bitsToSlots } from '../volunteers/bits';

/** A volunteer as exported: every field but the history. */
export type VolunteerRecord = Omit<Volunteer, 'history'>;

interface Row {
  id: number;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  address_line: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  birth_year: number | null;
  joined_on: string;
  status: Volunteer['status'];
  status_since: string | null;
  status_reason: string | null;
  roles: number;
  availability: number;
  interests: string;
  languages: string;
  preferred_format: Volunteer['preferredFormat'];
  emergency_name: string | null;
  emergency_phone: string | null;
  emergency_relation: string | null;
  notes: string | null;
  consent_on: string | null;
  consent_basis: Volunteer['consentBasis'];
  photo_consent: number;
  confidentiality_signed_on: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const IN_IDS = 'IN (SELECT value FROM json_each(?))';

/**
 * Many volunteers at once, in the order of `ids`, with three queries (not four per person as the
 * record screen does): the export of 100,000 people and the merge of an import both need this.
 */
export function loadVolunteerRecords(sqlite: Sqlite, ids: readonly number[]): VolunteerRecord[] {
  if (!ids.length) return [];
  const json = JSON.stringify(ids);
  const rows = sqlite.prepare(`SELECT * FROM volunteers WHERE id ${IN_IDS}`).all(json) as Row[];
  const skills = new Map<number, VolunteerRecord['skills']>();
  for (const s of sqlite
    .prepare(
      `SELECT vs.volunteer_id AS v, vs.skill_id AS skillId, vs.level, s.key, s.name, s.category
       FROM volunteer_skills vs JOIN skills s ON s.id = vs.skill_id
       WHERE vs.volunteer_id ${IN_IDS} ORDER BY s.category, s.id`,
    )
    .all(json) as { v: number; skillId: number; level: number; key: string | null; name: string | null; category: Skill['category'] }[]) {
    const { v, ...skill } = s;
    let list = skills.get(v);
    if (!list) skills.set(v, (list = []));
    list.push(skill);
  }
  const custom = new Map<number, Record<string, string | number | boolean>>();
  for (const c of sqlite
    .prepare(`SELECT volunteer_id AS v, field_id AS f, value FROM volunteer_custom_values WHERE volunteer_id ${IN_IDS}`)
    .all(json) as { v: number; f: number; value: string }[]) {
    let values = custom.get(c.v);
    if (!values) custom.set(c.v, (values = {}));
    values[String(c.f)] = JSON.parse(c.value) as string | number | boolean;
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        firstName: r.first_name,
        lastName: r.last_name,
        email: r.email,
        phone: r.phone,
        addressLine: r.address_line,
        postalCode: r.postal_code,
        city: r.city,
        country: r.country,
        birthYear: r.birth_year,
        joinedOn: r.joined_on,
        status: r.status,
        statusSince: r.status_since,
        statusReason: r.status_reason,
        roles: bitsToRoles(r.roles),
        skills: skills.get(id) ?? [],
        interests: JSON.parse(r.interests) as string[],
        languages: JSON.parse(r.languages) as string[],
        availability: bitsToSlots(r.availability),
        preferredFormat: r.preferred_format,
        emergencyName: r.emergency_name,
        emergencyPhone: r.emergency_phone,
        emergencyRelation: r.emergency_relation,
        notes: r.notes,
        consentOn: r.consent_on,
        consentBasis: r.consent_basis,
        photoConsent: r.photo_consent === 1,
        confidentialitySignedOn: r.confidentiality_signed_on,
        customValues: custom.get(id) ?? {},
        archivedAt: r.archived_at,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      },
    ];
  });
}

/** What `volunteers.update` would take back for this record (the base a merge starts from). */
export function recordToInput(v: VolunteerRecord): VolunteerInput {
  const { id: _id, archivedAt: _a, createdAt: _c, updatedAt: _u, skills, ...rest } = v;
  return { ...rest, skills: skills.map((s) => ({ skillId: s.skillId, level: s.level as 1 | 2 | 3 })) };
}

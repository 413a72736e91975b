import type { Generated } from 'kysely';

/** The tables as Kysely sees them (camelCase; the CamelCasePlugin maps to snake_case SQL). */
export interface SettingsTable {
  key: string;
  value: string;
}

export interface AssociationTable {
  id: number;
  name: string;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  rna: string | null;
  siret: string | null;
  logo: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  updatedAt: string;
}

export interface CustomFieldsTable {
  id: Generated<number>;
  label: string;
  type: string;
  options: string;
  position: number;
  archived: number;
}

export interface SkillsTable {
  id: Generated<number>;
  key: string | null;
  name: string | null;
  category: string;
  archived: Generated<number>;
}

export interface VolunteersTable {
  id: Generated<number>;
  firstName: string;
  lastName: string;
  sortName: string;
  email: string | null;
  phone: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  cityKey: string | null;
  birthYear: number | null;
  joinedOn: string;
  status: string;
  statusSince: string | null;
  statusReason: string | null;
  roles: number;
  availability: number;
  interests: string;
  languages: string;
  preferredFormat: string;
  emergencyName: string | null;
  emergencyPhone: string | null;
  emergencyRelation: string | null;
  notes: string | null;
  consentOn: string | null;
  consentBasis: string | null;
  photoConsent: number;
  confidentialitySignedOn: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface VolunteerSkillsTable {
  volunteerId: number;
  skillId: number;
  level: number;
}

export interface VolunteerCustomValuesTable {
  volunteerId: number;
  fieldId: number;
  value: string;
}

export interface VolunteerHistoryTable {
  id: Generated<number>;
  volunteerId: number;
  at: string;
  kind: string;
  detail: string;
}

export interface DB {
  settings: SettingsTable;
  association: AssociationTable;
  customFields: CustomFieldsTable;
  skills: SkillsTable;
  volunteers: VolunteersTable;
  volunteerSkills: VolunteerSkillsTable;
  volunteerCustomValues: VolunteerCustomValuesTable;
  volunteerHistory: VolunteerHistoryTable;
}

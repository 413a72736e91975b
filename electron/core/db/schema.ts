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

export interface ProgrammesTable {
  id: Generated<number>;
  name: string;
  archived: Generated<number>;
  createdAt: string;
}

interface EventFields {
  title: string;
  kind: string;
  programmeId: number | null;
  description: string | null;
  place: string | null;
  videoLink: string | null;
  format: string;
  capacity: number | null;
  confidentialityRequired: number;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

export interface SeriesTable extends EventFields {
  id: Generated<number>;
  startTime: string;
  durationMinutes: number;
  frequency: string;
  monthOrdinal: number | null;
  weekday: number;
  startsOn: string;
  untilOn: string | null;
  occurrenceCount: number | null;
}

export interface SeriesFacilitatorsTable {
  seriesId: number;
  volunteerId: number;
}

export interface SeriesRolesTable {
  id: Generated<number>;
  seriesId: number;
  name: string;
  needed: number;
  startOffset: number;
  endOffset: number;
  skills: string;
  position: number;
  requiredTrainingId: number | null;
}

export interface EventsTable extends EventFields {
  id: Generated<number>;
  seriesId: number | null;
  seriesPosition: number | null;
  detached: Generated<number>;
  status: Generated<string>;
  startLocal: string;
  endLocal: string;
  startUtc: string;
  endUtc: string;
  participantCount: number | null;
}

export interface EventFacilitatorsTable {
  eventId: number;
  volunteerId: number;
}

export interface EventRolesTable {
  id: Generated<number>;
  eventId: number;
  seriesRoleId: number | null;
  name: string;
  needed: number;
  startOffset: number;
  endOffset: number;
  position: number;
  requiredTrainingId: number | null;
}

export interface EventRoleSkillsTable {
  roleId: number;
  skillId: number;
  minLevel: number;
}

export interface AssignmentsTable {
  id: Generated<number>;
  roleId: number;
  eventId: number;
  volunteerId: number;
  createdAt: string;
}

export interface AttendanceTable {
  eventId: number;
  volunteerId: number;
  status: string;
  walkIn: number;
  updatedAt: string;
}

export interface EventDebriefsTable {
  eventId: number;
  rated1: number;
  rated2: number;
  rated3: number;
  rated4: number;
  rated5: number;
  incidents: string | null;
  suggestions: string | null;
  updatedAt: string;
}

export interface HourEntriesTable {
  id: Generated<number>;
  volunteerId: number;
  workedOn: string;
  minutes: number;
  category: string;
  programmeId: number | null;
  eventId: number | null;
  source: string;
  approval: string;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TrainingsTable {
  id: Generated<number>;
  key: string | null;
  name: string | null;
  description: string | null;
  validityMonths: number | null;
  archived: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface TrainingSessionsTable {
  eventId: number;
  trainingId: number;
  trainerName: string | null;
  costCents: number;
  completedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TrainingParticipantsTable {
  eventId: number;
  volunteerId: number;
  result: string;
  enrolledAt: string;
}

export interface QualificationsTable {
  id: Generated<number>;
  volunteerId: number;
  trainingId: number;
  obtainedOn: string;
  expiresOn: string | null;
  source: string;
  eventId: number | null;
  certificateNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MoneyCategoriesTable {
  id: Generated<number>;
  direction: string;
  key: string | null;
  name: string | null;
  account: string;
  funded: Generated<number>;
  archived: Generated<number>;
  position: Generated<number>;
}

export interface MoneyLinesTable {
  id: Generated<number>;
  direction: string;
  occurredOn: string;
  amountCents: number;
  label: string;
  categoryId: number;
  paymentMethod: string;
  programmeId: number | null;
  eventId: number | null;
  funder: string | null;
  reference: string | null;
  note: string | null;
  receiptFile: string | null;
  receiptName: string | null;
  receiptBytes: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface BudgetsTable {
  id: Generated<number>;
  year: number;
  programmeId: number | null;
  categoryId: number;
  amountCents: number;
  updatedAt: string;
}

export interface ValuationMethodsTable {
  effectiveYear: number;
  basis: string;
  rates: string;
  excluded: Generated<string>;
  updatedAt: string;
}

export interface CertificateImagesTable {
  hash: string;
  dataUrl: string;
}

export interface CertificatesTable {
  id: Generated<number>;
  year: number;
  seq: number;
  number: string;
  volunteerId: number;
  template: string;
  language: string;
  milestone: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  minutes: number | null;
  volunteerName: string;
  signatoryName: string;
  issuedOn: string;
  issuedAt: string;
  snapshot: string;
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
  programmes: ProgrammesTable;
  series: SeriesTable;
  seriesFacilitators: SeriesFacilitatorsTable;
  seriesRoles: SeriesRolesTable;
  events: EventsTable;
  eventFacilitators: EventFacilitatorsTable;
  eventRoles: EventRolesTable;
  eventRoleSkills: EventRoleSkillsTable;
  assignments: AssignmentsTable;
  attendance: AttendanceTable;
  eventDebriefs: EventDebriefsTable;
  hourEntries: HourEntriesTable;
  certificateImages: CertificateImagesTable;
  certificates: CertificatesTable;
  trainings: TrainingsTable;
  trainingSessions: TrainingSessionsTable;
  trainingParticipants: TrainingParticipantsTable;
  qualifications: QualificationsTable;
  moneyCategories: MoneyCategoriesTable;
  moneyLines: MoneyLinesTable;
  budgets: BudgetsTable;
  valuationMethods: ValuationMethodsTable;
}

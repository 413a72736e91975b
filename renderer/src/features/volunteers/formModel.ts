import {
  CONSENT_BASES,
  type CustomField,
  type Format,
  type Role,
  type Slot,
  type Status,
  type VolunteerInput,
} from '../../../../shared/api';
import type { VolunteerOut } from './queries';

export type ConsentBasis = (typeof CONSENT_BASES)[number];
export type CustomValue = string | number | boolean | null;
export type Level = 1 | 2 | 3;

/** One skill line of the form; `uid` keeps React's keys stable while lines are added and removed. */
export interface SkillRow {
  uid: number;
  skillId: number | null;
  level: Level;
}

/** What the form edits: text as typed, so nothing is lost when the server refuses a value. */
export interface FormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  addressLine: string;
  postalCode: string;
  city: string;
  country: string;
  birthYear: number | string;
  joinedOn: string;
  status: Status;
  statusSince: string;
  statusReason: string;
  roles: Role[];
  skills: SkillRow[];
  interests: string[];
  languages: string[];
  availability: Slot[];
  preferredFormat: Format;
  emergencyName: string;
  emergencyPhone: string;
  emergencyRelation: string;
  notes: string;
  consentOn: string;
  consentBasis: ConsentBasis | null;
  photoConsent: boolean;
  confidentialitySignedOn: string;
  customValues: Record<string, CustomValue>;
}

let nextUid = 1;
export const newSkillRow = (): SkillRow => ({ uid: nextUid++, skillId: null, level: 1 });

export function emptyValues(today: string): FormValues {
  return {
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    addressLine: '',
    postalCode: '',
    city: '',
    country: '',
    birthYear: '',
    joinedOn: today,
    status: 'active',
    statusSince: '',
    statusReason: '',
    roles: ['volunteer'],
    skills: [],
    interests: [],
    languages: [],
    availability: [],
    preferredFormat: 'both',
    emergencyName: '',
    emergencyPhone: '',
    emergencyRelation: '',
    notes: '',
    consentOn: '',
    consentBasis: null,
    photoConsent: false,
    confidentialitySignedOn: '',
    customValues: {},
  };
}

export function valuesFromVolunteer(v: VolunteerOut): FormValues {
  return {
    firstName: v.firstName,
    lastName: v.lastName,
    email: v.email ?? '',
    phone: v.phone ?? '',
    addressLine: v.addressLine ?? '',
    postalCode: v.postalCode ?? '',
    city: v.city ?? '',
    country: v.country ?? '',
    birthYear: v.birthYear ?? '',
    joinedOn: v.joinedOn,
    status: v.status,
    statusSince: v.statusSince ?? '',
    statusReason: v.statusReason ?? '',
    roles: [...v.roles],
    skills: v.skills.map((s) => ({ uid: nextUid++, skillId: s.skillId, level: s.level === 2 || s.level === 3 ? s.level : 1 })),
    interests: [...v.interests],
    languages: [...v.languages],
    availability: [...v.availability],
    preferredFormat: v.preferredFormat,
    emergencyName: v.emergencyName ?? '',
    emergencyPhone: v.emergencyPhone ?? '',
    emergencyRelation: v.emergencyRelation ?? '',
    notes: v.notes ?? '',
    consentOn: v.consentOn ?? '',
    consentBasis: v.consentBasis,
    photoConsent: v.photoConsent,
    confidentialitySignedOn: v.confidentialitySignedOn ?? '',
    customValues: { ...v.customValues },
  };
}

/**
 * The contract's input from the form. Text goes as typed (core trims it and turns blanks into
 * nothing); only blank skill lines are left out, and `skillRows` says which form line each sent
 * skill came from, so a server message on `skills.1.level` lands on the right line.
 */
export function toInput(values: FormValues, fields: readonly CustomField[]): { input: VolunteerInput; skillRows: number[] } {
  const skillRows: number[] = [];
  const skills: { skillId: number; level: Level }[] = [];
  values.skills.forEach((s, i) => {
    if (s.skillId === null) return;
    skillRows.push(i);
    skills.push({ skillId: s.skillId, level: s.level });
  });
  const customValues: Record<string, CustomValue> = {};
  // Values of fields the association has since archived are kept as they were.
  for (const [k, v] of Object.entries(values.customValues)) customValues[k] = v;
  for (const f of fields) {
    const v = customValues[String(f.id)];
    if (v === undefined) continue;
    if (v === '' || (f.type === 'choice' && v === null)) customValues[String(f.id)] = null;
  }
  const active = values.status === 'active';
  const birthYear = values.birthYear === '' ? null : Number(values.birthYear);
  const input: VolunteerInput = {
    firstName: values.firstName,
    lastName: values.lastName,
    email: values.email,
    phone: values.phone,
    addressLine: values.addressLine,
    postalCode: values.postalCode,
    city: values.city,
    country: values.country,
    birthYear: Number.isFinite(birthYear) ? birthYear : null,
    joinedOn: values.joinedOn,
    status: values.status,
    // A date and reason only mean something for a pause or a departure.
    statusSince: active ? null : values.statusSince,
    statusReason: active ? null : values.statusReason,
    roles: values.roles,
    skills,
    interests: values.interests,
    languages: values.languages,
    availability: values.availability,
    preferredFormat: values.preferredFormat,
    emergencyName: values.emergencyName,
    emergencyPhone: values.emergencyPhone,
    emergencyRelation: values.emergencyRelation,
    notes: values.notes,
    consentOn: values.consentOn,
    consentBasis: values.consentBasis,
    photoConsent: values.photoConsent,
    confidentialitySignedOn: values.confidentialitySignedOn,
    customValues,
  };
  return { input, skillRows };
}

/** What the form holds, with what the person cannot tell apart made equal (line ids, empty custom values). */
function comparable(v: FormValues): string {
  const custom = Object.entries(v.customValues)
    .filter(([, x]) => x !== '' && x !== null && x !== undefined && x !== false)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify({
    ...v,
    birthYear: String(v.birthYear),
    skills: v.skills.map(({ skillId, level }) => ({ skillId, level })),
    customValues: custom,
  });
}

/** Whether the form holds something other than what it started with (and so would lose it when left). */
export function hasChanges(values: FormValues, initial: FormValues): boolean {
  return values !== initial && comparable(values) !== comparable(initial);
}

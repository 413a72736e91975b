import type { VolunteerData } from '../../../shared/api';
import { cityKey, rolesToBits, slotsToBits, sortName } from './bits';

/** How the sort keys are made; the bulk import passes memoised versions of the same functions. */
export interface SortKeys {
  sortName(firstName: string, lastName: string): string;
  cityKey(city: string | null): string | null;
}

/**
 * A volunteer as stored in the `volunteers` row: one definition for the form's create and update
 * and for the bulk import, so an imported record is stored exactly like a typed one.
 */
export function volunteerColumns(data: VolunteerData, keys: SortKeys = { sortName, cityKey }) {
  return {
    firstName: data.firstName,
    lastName: data.lastName,
    sortName: keys.sortName(data.firstName, data.lastName),
    email: data.email,
    phone: data.phone,
    addressLine: data.addressLine,
    postalCode: data.postalCode,
    city: data.city,
    cityKey: keys.cityKey(data.city),
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

export type VolunteerColumns = ReturnType<typeof volunteerColumns>;

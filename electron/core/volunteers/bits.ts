import { ROLES, SLOTS, type Role, type Slot } from '../../../shared/api';

/** Roles and weekly slots are stored as bit sets so a filter is one `&`, with no join. */
export const roleBit = (role: Role) => 1 << ROLES.indexOf(role);
export const slotBit = (slot: Slot) => 1 << SLOTS.indexOf(slot);

export const rolesToBits = (roles: readonly Role[]) => roles.reduce((acc, r) => acc | roleBit(r), 0);
export const bitsToRoles = (bits: number): Role[] => ROLES.filter((r) => (bits & roleBit(r)) !== 0);

export const slotsToBits = (slots: readonly Slot[]) => slots.reduce((acc, s) => acc | slotBit(s), 0);
export const bitsToSlots = (bits: number): Slot[] => SLOTS.filter((s) => (bits & slotBit(s)) !== 0);

/** "Dupré Hélène" → "dupre helene": accent- and case-free sort key, last name first. */
export function sortName(firstName: string, lastName: string): string {
  return `${lastName} ${firstName}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();
}

import { ROLES, SLOTS, type Role, type Slot } from '../../../shared/api';

/** Roles and weekly slots are stored as bit sets so a filter is one `&`, with no join. */
export const roleBit = (role: Role) => 1 << ROLES.indexOf(role);
export const slotBit = (slot: Slot) => 1 << SLOTS.indexOf(slot);

export const rolesToBits = (roles: readonly Role[]) => roles.reduce((acc, r) => acc | roleBit(r), 0);
export const bitsToRoles = (bits: number): Role[] => ROLES.filter((r) => (bits & roleBit(r)) !== 0);

export const slotsToBits = (slots: readonly Slot[]) => slots.reduce((acc, s) => acc | slotBit(s), 0);
export const bitsToSlots = (bits: number): Slot[] => SLOTS.filter((s) => (bits & slotBit(s)) !== 0);

/** Lower-case, accent-free text for ordering: "Évry" sorts with "E". */
export function sortKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** "Dupré Hélène" → "dupre helene": the registry's order, last name first. */
export const sortName = (firstName: string, lastName: string) => sortKey(`${lastName} ${firstName}`);

export const cityKey = (city: string | null) => (city ? sortKey(city) || null : null);

import { ROLES, SLOTS, type Role, type Slot } from '../../../shared/api';

/** Roles and weekly slots are stored as bit sets so a filter is one `&`, with no join. */
export const roleBit = (role: Role) => 1 << ROLES.indexOf(role);
export const slotBit = (slot: Slot) => 1 << SLOTS.indexOf(slot);

export const rolesToBits = (roles: readonly Role[]) => roles.reduce((acc, r) => acc | roleBit(r), 0);
export const bitsToRoles = (bits: number): Role[] => ROLES.filter((r) => (bits & roleBit(r)) !== 0);

export const slotsToBits = (slots: readonly Slot[]) => slots.reduce((acc, s) => acc | slotBit(s), 0);
export const bitsToSlots = (bits: number): Slot[] => SLOTS.filter((s) => (bits & slotBit(s)) !== 0);

/**
 * Letters that are not "a letter plus an accent" in Unicode, so stripping marks leaves them as
 * they are; a French or English reader still files Łukasz under L and Œuvre under O.
 */
const FOLD: Record<string, string> = { ł: 'l', đ: 'd', ð: 'd', ø: 'o', œ: 'oe', æ: 'ae', ß: 'ss', þ: 'th', ı: 'i', ŀ: 'l' };

/** Lower-case, accent-free, folded text: "Évry" sorts with "E", "Łódź" finds "lodz". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łđðøœæßþıŀ]/g, (c) => FOLD[c]!)
    .normalize('NFC');
}

/** Ordering key: folded, with runs of spaces made one. */
export const sortKey = (text: string) => fold(text).replace(/\s+/g, ' ').trim();

/** "Dupré Hélène" → "dupre helene": the registry's order, last name first. */
export const sortName = (firstName: string, lastName: string) => sortKey(`${lastName.trim()} ${firstName.trim()}`);

export const cityKey = (city: string | null) => (city ? sortKey(city) || null : null);

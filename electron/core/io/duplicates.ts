import type { Sqlite } from '../db/connection';
import { sortKey } from '../volunteers/bits';

/**
 * Likely duplicates, by the same rules as `volunteers.findDuplicates`: the same email (case
 * ignored), or the same name and postal code (accents, case and spaces ignored). Built once per
 * import from the registry, then fed with the file's own rows as they are planned, so a person
 * listed twice in the file is caught too.
 */
export type DuplicateRef<Row> = { kind: 'existing'; id: number; name: string } | { kind: 'row'; row: Row; name: string };

export interface PersonKeys {
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  postalCode?: string | null;
}

const emailKey = (email: string | null | undefined) => {
  const e = (email ?? '').trim().toLowerCase();
  return e.includes('@') ? e : null;
};

const parts = new Map<string, string>();
/**
 * `sortName` (folded « last first »), built from its two halves, each folded once per distinct
 * name: a file of 10,000 people holds a few hundred first names. A test holds it equal to sortName.
 */
export function personName(first: string, last: string): string {
  const key = (s: string) => {
    let k = parts.get(s);
    if (k === undefined) {
      k = sortKey(s);
      if (parts.size > 50_000) parts.clear();
      parts.set(s, k);
    }
    return k;
  };
  return `${key(last)} ${key(first)}`.replace(/\s+/g, ' ').trim();
}

const nameKey = (p: PersonKeys, stored?: string) => {
  const postal = (p.postalCode ?? '').replace(/\s+/g, '');
  if (!p.firstName?.trim() || !p.lastName?.trim() || !postal) return null;
  return `${stored ?? personName(p.firstName, p.lastName)}|${postal}`;
};

export class DuplicateIndex<Row> {
  private readonly byEmail = new Map<string, DuplicateRef<Row>>();
  private readonly byName = new Map<string, DuplicateRef<Row>>();

  static fromRegistry<Row>(sqlite: Sqlite): DuplicateIndex<Row> {
    const index = new DuplicateIndex<Row>();
    const rows = sqlite.prepare('SELECT id, first_name, last_name, sort_name, email, postal_code FROM volunteers ORDER BY id').all() as {
      id: number;
      first_name: string;
      last_name: string;
      sort_name: string;
      email: string | null;
      postal_code: string | null;
    }[];
    for (const r of rows) {
      // The stored sort name is the same folding, already done.
      index.add(
        { kind: 'existing', id: r.id, name: `${r.first_name} ${r.last_name}` },
        { email: r.email, firstName: r.first_name, lastName: r.last_name, postalCode: r.postal_code },
        r.sort_name,
      );
    }
    return index;
  }

  /** The first one seen keeps the key: a match points at the oldest record. */
  add(ref: DuplicateRef<Row>, keys: PersonKeys, storedSortName?: string): void {
    const e = emailKey(keys.email);
    if (e && !this.byEmail.has(e)) this.byEmail.set(e, ref);
    const n = nameKey(keys, storedSortName);
    if (n && !this.byName.has(n)) this.byName.set(n, ref);
  }

  find(keys: PersonKeys): { ref: DuplicateRef<Row>; reason: 'email' | 'nameAndPostalCode' } | null {
    const e = emailKey(keys.email);
    const byEmail = e ? this.byEmail.get(e) : undefined;
    if (byEmail) return { ref: byEmail, reason: 'email' };
    const n = nameKey(keys);
    const byName = n ? this.byName.get(n) : undefined;
    return byName ? { ref: byName, reason: 'nameAndPostalCode' } : null;
  }
}

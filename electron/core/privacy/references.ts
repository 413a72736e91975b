import type { Sqlite } from '../db/connection';

export interface VolunteerReference {
  table: string;
  /** The column that holds the volunteer's id. */
  column: string;
}

/** The erasure log names volunteers by id on purpose: it is about the erasure, not the person. */
const NOT_ABOUT_THE_PERSON = new Set(['erasures']);

/**
 * Every table that points at a volunteer, read from the schema itself: a foreign key to
 * `volunteers`, or a column named `volunteer_id`. The export and the erasure both start from this
 * list, so a table added later is either handled on purpose or caught by their tests.
 */
export function tablesReferencingVolunteers(sqlite: Sqlite): VolunteerReference[] {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: VolunteerReference[] = [];
  for (const table of tables) {
    if (table === 'volunteers' || NOT_ABOUT_THE_PERSON.has(table)) continue;
    const keys = sqlite.prepare('SELECT "from", "table" FROM pragma_foreign_key_list(?)').all(table) as { from: string; table: string }[];
    const byKey = keys.find((k) => k.table === 'volunteers')?.from;
    const named = (sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).find((c) => c === 'volunteer_id');
    const column = byKey ?? named;
    if (column) out.push({ table, column });
  }
  return out;
}

export const columnsOf = (sqlite: Sqlite, table: string): string[] =>
  sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];

export const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

import type { z } from 'zod';
import type { Category, Language, categoryInput } from '../../../shared/api';
import { resources } from '../../../shared/i18n';
import { RelaisFailure } from '../../../shared/errors';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { sortKey } from '../volunteers/bits';

interface CategoryRow {
  id: number;
  direction: 'expense' | 'income';
  key: Category['key'];
  name: string | null;
  account: string;
  funded: number;
  archived: number;
  lineCount: number;
}

// How many lines use each category, from the running totals (money_rollup) rather than by counting lines.
const SELECT = `
  SELECT c.id, c.direction, c.key, c.name, c.account, c.funded, c.archived,
         (SELECT coalesce(sum(r.lines), 0) FROM money_rollup r WHERE r.category_id = c.id) AS lineCount
    FROM money_categories c`;

const toCategory = (r: CategoryRow): Category => ({ ...r, funded: r.funded === 1, archived: r.archived === 1 });

/** Every category, expenses first, in the order they were set up. */
export function listCategories(sqlite: Sqlite): Category[] {
  return (sqlite.prepare(`${SELECT} ORDER BY c.direction = 'income', c.position, c.id`).all() as CategoryRow[]).map(toCategory);
}

export function findCategory(sqlite: Sqlite, id: number): Category | null {
  const row = sqlite.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CategoryRow | undefined;
  return row ? toCategory(row) : null;
}

/** A category's name in a language: the association's own name, else the seeded one's translation. */
export function categoryName(c: Pick<Category, 'key' | 'name'>, lang: Language): string {
  if (c.name) return c.name;
  return c.key ? resources[lang].finance.categories[c.key] : '';
}

const nameIssue = (key: string) => new RelaisFailure('VALIDATION', { issues: [{ path: ['name'], key }] });

/**
 * Adds or changes a category. A new one needs a name; a seeded one may be renamed (or given its
 * translated name back with an empty name). Its direction never changes once lines use it.
 */
export function saveCategory(ctx: Context, input: z.output<typeof categoryInput>): Category {
  const { sqlite } = ctx;
  const existing = input.id === undefined ? null : findCategory(sqlite, input.id);
  if (input.id !== undefined && !existing) throw new RelaisFailure('NOT_FOUND', { id: input.id });
  if (!input.name && !existing?.key) throw nameIssue('required');
  if (existing && existing.direction !== input.direction && existing.lineCount > 0) {
    throw new RelaisFailure('VALIDATION', { issues: [{ path: ['direction'], key: 'finance.directionLocked' }] });
  }
  if (input.name) {
    // Names compare as people read them: « Déplacements » and « deplacements » are the same.
    const wanted = sortKey(input.name);
    const clash = listCategories(sqlite).some(
      (c) => c.id !== input.id && c.direction === input.direction && (c.name ? sortKey(c.name) : null) === wanted,
    );
    if (clash) throw nameIssue('finance.categoryExists');
  }
  const id = sqlite.transaction(() => {
    if (!existing) {
      const position = (sqlite.prepare('SELECT coalesce(max(position), 0) + 1 FROM money_categories').pluck().get() as number) ?? 0;
      return Number(
        sqlite
          .prepare('INSERT INTO money_categories (direction, name, account, funded, position) VALUES (?, ?, ?, ?, ?)')
          .run(input.direction, input.name, input.account, input.funded ? 1 : 0, position).lastInsertRowid,
      );
    }
    sqlite
      .prepare('UPDATE money_categories SET direction = ?, name = ?, account = ?, funded = ? WHERE id = ?')
      .run(input.direction, input.name, input.account, input.funded ? 1 : 0, existing.id);
    return existing.id;
  })();
  return findCategory(sqlite, id)!;
}

/** Archived categories stay on the lines filed under them but are no longer offered for new ones. */
export function setCategoryArchived(ctx: Context, id: number, archived: boolean): Category {
  const result = ctx.sqlite.prepare('UPDATE money_categories SET archived = ? WHERE id = ?').run(archived ? 1 : 0, id);
  if (result.changes === 0) throw new RelaisFailure('NOT_FOUND', { id });
  return findCategory(ctx.sqlite, id)!;
}

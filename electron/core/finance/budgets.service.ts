import type { Overview } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import { nowIso } from '../clock';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { listCategories } from './categories';
import { yearRange } from './years';

/** `null`: every programme and none together; `0`: outside any programme; else one programme. */
export type ProgrammeScope = number | null;

const scopeClause = (column: string, scope: ProgrammeScope) =>
  scope === null ? '1' : scope === 0 ? `${column} IS NULL` : `${column} = @programmeId`;

/** The same scope on `money_rollup`, whose programme_key is 0 for money outside any programme. */
const rollupScope = (scope: ProgrammeScope) => (scope === null ? '1' : 'programme_key = @programmeId');

/** A year's months as `money_rollup` keys them. */
export const monthRange = (year: number) => ({ firstMonth: `${year}-01`, lastMonth: `${year}-12` });

/**
 * Actual money per category over a year, from `money_rollup` (kept by triggers on every line
 * written, migration 009): a few hundred rows whatever the number of lines.
 */
function actualByCategory(sqlite: Sqlite, year: number, scope: ProgrammeScope): Map<number, number> {
  const rows = sqlite
    .prepare(
      `SELECT category_id AS id, sum(cents) AS cents FROM money_rollup
        WHERE month BETWEEN @firstMonth AND @lastMonth AND ${rollupScope(scope)} AND lines > 0 GROUP BY category_id`,
    )
    .all({ ...monthRange(year), programmeId: scope }) as { id: number; cents: number }[];
  return new Map(rows.map((r) => [r.id, r.cents]));
}

/** What one category spent (or received) in a year for one programme (0: none), from the rollup. */
export function categoryYearCents(sqlite: Sqlite, year: number, categoryId: number, programmeKey: number): number {
  return sqlite
    .prepare(
      `SELECT coalesce(sum(cents), 0) FROM money_rollup
        WHERE month BETWEEN @firstMonth AND @lastMonth AND category_id = @categoryId AND programme_key = @programmeKey`,
    )
    .pluck()
    .get({ ...monthRange(year), categoryId, programmeKey }) as number;
}

function budgetByCategory(sqlite: Sqlite, year: number, scope: ProgrammeScope): Map<number, number> {
  const rows = sqlite
    .prepare(`SELECT category_id AS id, sum(amount_cents) AS cents FROM budgets WHERE year = @year AND ${scopeClause('programme_id', scope)} GROUP BY category_id`)
    .all({ year, programmeId: scope }) as { id: number; cents: number }[];
  return new Map(rows.map((r) => [r.id, r.cents]));
}

/**
 * Budget against actual, category by category. Every category in use shows (archived ones only
 * when they hold a budget or money that year), so the table reads the same from year to year.
 */
export function budgetRows(sqlite: Sqlite, year: number, scope: ProgrammeScope) {
  const actual = actualByCategory(sqlite, year, scope);
  const budget = budgetByCategory(sqlite, year, scope);
  return listCategories(sqlite)
    .filter((c) => !c.archived || actual.has(c.id) || budget.has(c.id))
    .map((c) => ({ categoryId: c.id, direction: c.direction, budgetCents: budget.get(c.id) ?? null, actualCents: actual.get(c.id) ?? 0 }));
}

const hasAnyBudget = (sqlite: Sqlite, year: number) => Boolean(sqlite.prepare('SELECT 1 FROM budgets WHERE year = ? LIMIT 1').get(year));

export function getBudget(ctx: Context, year: number, scope: ProgrammeScope) {
  return { year, hasBudget: hasAnyBudget(ctx.sqlite, year), rows: budgetRows(ctx.sqlite, year, scope) };
}

/** Saves one column of the budget (a programme, or the general budget) for a year, all cells at once. */
export function saveBudget(ctx: Context, input: { year: number; programmeId: number | null; cells: { categoryId: number; amountCents: number | null }[] }) {
  const { sqlite } = ctx;
  if (input.programmeId !== null && !sqlite.prepare('SELECT 1 FROM programmes WHERE id = ?').get(input.programmeId)) {
    throw new RelaisFailure('VALIDATION', { issues: [{ path: ['programmeId'], key: 'finance.unknownProgramme' }] });
  }
  const known = new Map(listCategories(sqlite).map((c) => [c.id, c]));
  const current = budgetByCategory(sqlite, input.year, input.programmeId ?? 0);
  const issues = input.cells.flatMap((cell, i) => {
    const category = known.get(cell.categoryId);
    if (!category) return [{ path: ['cells', i, 'categoryId'], key: 'finance.unknownCategory' }];
    // An archived category keeps the budget it had, but gets no new one.
    if (category.archived && cell.amountCents !== null && current.get(cell.categoryId) !== cell.amountCents) {
      return [{ path: ['cells', i, 'categoryId'], key: 'finance.categoryArchived' }];
    }
    return [];
  });
  if (issues.length) throw new RelaisFailure('VALIDATION', { issues });
  const at = nowIso();
  const remove = sqlite.prepare('DELETE FROM budgets WHERE year = ? AND coalesce(programme_id, 0) = ? AND category_id = ?');
  const upsert = sqlite.prepare(
    `INSERT INTO budgets (year, programme_id, category_id, amount_cents, updated_at) VALUES (@year, @programmeId, @categoryId, @amountCents, @at)
     ON CONFLICT (year, coalesce(programme_id, 0), category_id) DO UPDATE SET amount_cents = excluded.amount_cents, updated_at = excluded.updated_at
     WHERE amount_cents <> excluded.amount_cents`,
  );
  sqlite.transaction(() => {
    for (const cell of input.cells) {
      if (cell.amountCents === null) remove.run(input.year, input.programmeId ?? 0, cell.categoryId);
      else upsert.run({ year: input.year, programmeId: input.programmeId, categoryId: cell.categoryId, amountCents: cell.amountCents, at });
    }
  })();
  return getBudget(ctx, input.year, input.programmeId ?? 0);
}

/**
 * The dashboard of a year: budget against actual by category, totals, who funded what, and money
 * in and out month by month. Each figure is one grouped pass over a covering index.
 */
export function getOverview(ctx: Context, year: number, scope: ProgrammeScope): Overview {
  const { sqlite } = ctx;
  const byCategory = budgetRows(sqlite, year, scope);
  const sum = (direction: 'expense' | 'income', field: 'budgetCents' | 'actualCents') =>
    byCategory.filter((r) => r.direction === direction).reduce((n, r) => n + (r[field] ?? 0), 0);
  const range = yearRange(year);
  const funders = sqlite
    .prepare(
      `SELECT funder, sum(amount_cents) AS cents FROM money_lines
        WHERE funder IS NOT NULL AND occurred_on BETWEEN @from AND @to AND direction = 'income' AND ${scopeClause('programme_id', scope)}
        GROUP BY funder ORDER BY cents DESC, funder`,
    )
    .all({ ...range, programmeId: scope }) as { funder: string; cents: number }[];
  // The funders' sum walks the few lines that name one (`money_lines_by_funder` is partial).
  const months = sqlite
    .prepare(
      `SELECT substr(month, 6, 2) AS m,
              sum(CASE WHEN direction = 'income' THEN cents ELSE 0 END) AS inCents,
              sum(CASE WHEN direction = 'expense' THEN cents ELSE 0 END) AS outCents
         FROM money_rollup WHERE month BETWEEN @firstMonth AND @lastMonth AND ${rollupScope(scope)} GROUP BY 1`,
    )
    .all({ ...monthRange(year), programmeId: scope }) as { m: string; inCents: number; outCents: number }[];
  const byMonth = new Map(months.map((r) => [r.m, r]));
  const monthly = Array.from({ length: 12 }, (_, i) => {
    const m = String(i + 1).padStart(2, '0');
    const row = byMonth.get(m);
    return { month: `${year}-${m}`, inCents: row?.inCents ?? 0, outCents: row?.outCents ?? 0 };
  });
  return {
    year,
    hasBudget: hasAnyBudget(sqlite, year),
    totals: {
      expenseCents: sum('expense', 'actualCents'),
      incomeCents: sum('income', 'actualCents'),
      budgetExpenseCents: sum('expense', 'budgetCents'),
      budgetIncomeCents: sum('income', 'budgetCents'),
    },
    byCategory,
    funders,
    monthly,
  };
}

/**
 * What each funder gave in a year, the references of their decisions, and which programmes the
 * money went to next to what those programmes spent: the figures a grant report asks for.
 */
export function getFunders(ctx: Context, year: number) {
  const { sqlite } = ctx;
  const range = yearRange(year);
  const rows = sqlite
    .prepare(
      `SELECT l.funder, l.programme_id AS programmeId, p.name AS programmeName, sum(l.amount_cents) AS cents, count(*) AS lines,
              json_group_array(DISTINCT l.reference) AS refs
         FROM money_lines l LEFT JOIN programmes p ON p.id = l.programme_id
        WHERE l.funder IS NOT NULL AND l.direction = 'income' AND l.occurred_on BETWEEN @from AND @to
        GROUP BY l.funder, l.programme_id`,
    )
    .all(range) as { funder: string; programmeId: number | null; programmeName: string | null; cents: number; lines: number; refs: string }[];
  const spent = new Map(
    (
      sqlite
        .prepare(
          `SELECT programme_key AS id, sum(cents) AS cents FROM money_rollup
            WHERE month BETWEEN @firstMonth AND @lastMonth AND direction = 'expense' AND programme_key <> 0 GROUP BY programme_key`,
        )
        .all(monthRange(year)) as { id: number; cents: number }[]
    ).map((r) => [r.id, r.cents]),
  );
  const byFunder = new Map<string, ReturnType<typeof emptyFunder>>();
  function emptyFunder(funder: string) {
    return { funder, totalCents: 0, lines: 0, references: new Set<string>(), programmes: [] as { programmeId: number | null; programmeName: string | null; cents: number; programmeExpenseCents: number | null }[] };
  }
  for (const r of rows) {
    let f = byFunder.get(r.funder);
    if (!f) byFunder.set(r.funder, (f = emptyFunder(r.funder)));
    f.totalCents += r.cents;
    f.lines += r.lines;
    for (const ref of JSON.parse(r.refs ?? '[]') as (string | null)[]) if (ref) f.references.add(ref);
    f.programmes.push({
      programmeId: r.programmeId,
      programmeName: r.programmeName,
      cents: r.cents,
      programmeExpenseCents: r.programmeId === null ? null : (spent.get(r.programmeId) ?? 0),
    });
  }
  return [...byFunder.values()]
    .map((f) => ({ ...f, references: [...f.references].sort(), programmes: f.programmes.sort((a, b) => b.cents - a.cents) }))
    .sort((a, b) => b.totalCents - a.totalCents || a.funder.localeCompare(b.funder));
}

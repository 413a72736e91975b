import type { Sqlite } from '../db/connection';
import { countedSpan } from '../hours/year-totals';
import { todayIso } from '../clock';

/** A calendar year as the first and last day, for `BETWEEN @from AND @to` on `YYYY-MM-DD` columns. */
export const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

export const currentYear = () => Number(todayIso().slice(0, 4));

/**
 * The years the pickers offer: every year from the first to the last with money, a budget, a
 * valuation method or counted hours, and always this year. Found from the ends of the indexes
 * (min/max), so it costs the same at 100 or 1,000,000 rows.
 */
export function financeYears(sqlite: Sqlite): number[] {
  const bounds = sqlite
    .prepare(
      `SELECT (SELECT min(month) FROM money_rollup WHERE lines > 0) AS lineFirst, (SELECT max(month) FROM money_rollup WHERE lines > 0) AS lineLast,
              (SELECT min(year) FROM budgets) AS budgetFirst, (SELECT max(year) FROM budgets) AS budgetLast,
              (SELECT min(effective_year) FROM valuation_methods) AS methodFirst`,
    )
    .get() as Record<string, string | number | null>;
  const hours = countedSpan(sqlite);
  const now = currentYear();
  const candidates = [
    now,
    ...[bounds.lineFirst, bounds.lineLast, hours.first, hours.last].filter((d): d is string => typeof d === 'string').map((d) => Number(d.slice(0, 4))),
    ...[bounds.budgetFirst, bounds.budgetLast, bounds.methodFirst].filter((y): y is number => typeof y === 'number'),
  ];
  const first = Math.max(Math.min(...candidates), now - 50);
  const last = Math.min(Math.max(...candidates), now + 10);
  const years: number[] = [];
  for (let y = last; y >= first; y--) years.push(y);
  return years;
}

import type { z } from 'zod';
import {
  HOUR_CATEGORIES,
  RATE_LIMITS,
  ROLES,
  type ExportResult,
  type FileFormat,
  type HourCategory,
  type Role,
  type Valuation,
  type ValuationMethod,
  type ValuationWarning,
  type valuationMethodInput,
} from '../../../shared/api';
import type { FieldIssue } from '../../../shared/errors';
import { RelaisFailure } from '../../../shared/errors';
import { valueOfMinutes } from '../../../shared/money';
import { nowIso } from '../clock';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { countedEntries, valueGroups } from '../hours/year-totals';
import { bitsToRoles } from '../volunteers/bits';
import { saveExport, type Cell } from './export-files';
import { fileLanguage, financeWords } from './language';
import type { ProgrammeScope } from './budgets.service';
import { currentYear, yearRange } from './years';

/**
 * The value of volunteer time (contributions volontaires en nature, accounts 864 / 875).
 *
 * Hours are the one hour total (hours/totals.ts): approved entries only. The method in force for a
 * year is the one with the greatest effective year not after it, so a method set for 2025 keeps
 * valuing 2026 until the association decides otherwise, and changing it never rewrites the years
 * before its effective year.
 *
 * Money: each counted entry is one timesheet line worth `rate × minutes / 60` cents rounded half
 * up (shared/money.ts `valueOfMinutes`); every total is the sum of its lines. Entries are summed
 * in groups of the same rate and the same length (totals.ts `valueGroups`), each group worth
 * `entries × value of one line`, which is that sum exactly, without reading the entries one by one.
 *
 * Role basis: a person's rate is that of their role (volunteers' roles as recorded today). Someone
 * holding several roles is valued at the lowest of their roles' rates (principe de prudence: an
 * estimate in the accounts must never overstate), and a person with no role at the « volunteer » one.
 */

interface MethodRow {
  effectiveYear: number;
  basis: ValuationMethod['basis'];
  rates: string;
  excluded: string;
  updatedAt: string;
}

const toMethod = (r: MethodRow): ValuationMethod => ({
  effectiveYear: r.effectiveYear,
  basis: r.basis,
  rates: JSON.parse(r.rates) as Record<string, number>,
  excluded: JSON.parse(r.excluded) as HourCategory[],
  updatedAt: r.updatedAt,
});

const SELECT = 'SELECT effective_year AS effectiveYear, basis, rates, excluded, updated_at AS updatedAt FROM valuation_methods';

export function listMethods(sqlite: Sqlite): ValuationMethod[] {
  return (sqlite.prepare(`${SELECT} ORDER BY effective_year`).all() as MethodRow[]).map(toMethod);
}

/** The method that values a year (null: none set for it or before it). */
export function methodFor(sqlite: Sqlite, year: number): ValuationMethod | null {
  const row = sqlite.prepare(`${SELECT} WHERE effective_year <= ? ORDER BY effective_year DESC LIMIT 1`).get(year) as MethodRow | undefined;
  return row ? toMethod(row) : null;
}

/** The keys a method must give a rate for. */
function rateKeys(basis: ValuationMethod['basis'], excluded: readonly HourCategory[]): string[] {
  if (basis === 'single') return ['all'];
  if (basis === 'category') return HOUR_CATEGORIES.filter((c) => !excluded.includes(c));
  return [...ROLES];
}

const sameMethod = (a: Pick<ValuationMethod, 'basis' | 'rates' | 'excluded'>, b: Pick<ValuationMethod, 'basis' | 'rates' | 'excluded'>) =>
  a.basis === b.basis &&
  JSON.stringify(Object.entries(a.rates).sort()) === JSON.stringify(Object.entries(b.rates).sort()) &&
  JSON.stringify([...a.excluded].sort()) === JSON.stringify([...b.excluded].sort());

type MethodInput = z.output<typeof valuationMethodInput>;

/**
 * Saves a method from its effective year on. Refused: a rate missing for a key the basis needs,
 * or a key it does not know (rates of 0 and above 1,000 €/h are refused by the contract).
 * Warned, saved only once confirmed: a rate above 150 €/h; a method that differs from the one
 * the year before (it should stay stable year to year); a change for a year already begun (its
 * figures so far change) or already over (the figures of every year from it change).
 */
export function saveMethod(ctx: Context, input: MethodInput) {
  const { sqlite } = ctx;
  const keys = rateKeys(input.basis, input.excluded);
  // Only the rates the basis uses are kept: a category left out needs none.
  const rates = Object.fromEntries(keys.filter((k) => input.rates[k] !== undefined).map((k) => [k, input.rates[k]!]));
  const issues: FieldIssue[] = [];
  for (const k of keys) if (input.rates[k] === undefined) issues.push({ path: ['rates', k], key: 'finance.rateMissing' });
  const allowed = new Set([...keys, ...(input.basis === 'category' ? input.excluded : [])]);
  for (const k of Object.keys(input.rates)) if (!allowed.has(k)) issues.push({ path: ['rates', k], key: 'finance.rateUnknownKey' });
  if (input.basis === 'category' && input.excluded.length === HOUR_CATEGORIES.length) issues.push({ path: ['excluded'], key: 'finance.everythingExcluded' });
  if (issues.length) throw new RelaisFailure('VALIDATION', { issues });

  const next = { basis: input.basis, rates, excluded: input.excluded };
  const warnings: ValuationWarning[] = [];
  const highest = Math.max(...Object.values(rates));
  if (highest > RATE_LIMITS.warnAbove) warnings.push({ key: 'highRate', params: { rateCents: highest } });
  const inForce = methodFor(sqlite, input.effectiveYear);
  const before = methodFor(sqlite, input.effectiveYear - 1);
  const now = currentYear();
  if (inForce && !sameMethod(inForce, next)) {
    if (before && !sameMethod(before, next)) warnings.push({ key: 'methodChanged', params: { year: before.effectiveYear } });
    if (input.effectiveYear === now) warnings.push({ key: 'changedMidYear', params: { year: now } });
    else if (input.effectiveYear < now) warnings.push({ key: 'changesPastYears', params: { year: input.effectiveYear } });
  }
  if (warnings.length && !input.confirmed) return { saved: false, warnings, methods: listMethods(sqlite) };
  sqlite
    .prepare(
      `INSERT INTO valuation_methods (effective_year, basis, rates, excluded, updated_at) VALUES (@year, @basis, @rates, @excluded, @at)
       ON CONFLICT (effective_year) DO UPDATE SET basis = excluded.basis, rates = excluded.rates, excluded = excluded.excluded, updated_at = excluded.updated_at`,
    )
    .run({ year: input.effectiveYear, basis: input.basis, rates: JSON.stringify(rates), excluded: JSON.stringify(input.excluded), at: nowIso() });
  return { saved: true, warnings, methods: listMethods(sqlite) };
}

export function deleteMethod(ctx: Context, effectiveYear: number): ValuationMethod[] {
  const result = ctx.sqlite.prepare('DELETE FROM valuation_methods WHERE effective_year = ?').run(effectiveYear);
  if (result.changes === 0) throw new RelaisFailure('NOT_FOUND', { effectiveYear });
  return listMethods(ctx.sqlite);
}

/**
 * The hourly rate of an entry under a method, and the role it came from on the role basis;
 * null when its category is left out.
 */
export function rateOf(method: ValuationMethod, category: string, roleBits: number): { cents: number; role: Role | null } | null {
  if (method.excluded.includes(category as HourCategory)) return null;
  if (method.basis === 'single') return { cents: method.rates.all!, role: null };
  if (method.basis === 'category') {
    const cents = method.rates[category];
    return cents === undefined ? null : { cents, role: null };
  }
  const roles = bitsToRoles(roleBits);
  let best: { cents: number; role: Role } | null = null;
  for (const role of roles.length ? roles : (['volunteer'] as Role[])) {
    const cents = method.rates[role]!;
    if (!best || cents < best.cents) best = { cents, role };
  }
  return best;
}

/** The valuation of a year, for every programme together, outside any (`0`) or one. */
export function valuationOf(ctx: Context, year: number, scope: ProgrammeScope): Valuation {
  const { sqlite } = ctx;
  const method = methodFor(sqlite, year);
  const groups = valueGroups(sqlite, year, { programmeId: scope });
  const names = new Map((sqlite.prepare('SELECT id, name FROM programmes').all() as { id: number; name: string }[]).map((p) => [p.id, p.name]));
  const byCategory = new Map(HOUR_CATEGORIES.map((c) => [c as string, { minutes: 0, entries: 0, cents: 0 }]));
  const byProgramme = new Map<number | null, { minutes: number; entries: number; cents: number }>();
  const byRole = new Map<Role, { minutes: number; entries: number; cents: number; rateCents: number }>();
  const out = { countedMinutes: 0, valuedMinutes: 0, excludedMinutes: 0, entries: 0, totalCents: 0 };
  for (const g of groups) {
    const { category } = g;
    const minutes = g.entries * g.duration;
    const rate = method ? rateOf(method, category, g.roles) : null;
    // Every entry of the group has the same length and rate: the same rounded value each.
    const cents = rate ? g.entries * valueOfMinutes(rate.cents, g.duration) : 0;
    out.countedMinutes += minutes;
    out.entries += g.entries;
    if (rate) {
      out.valuedMinutes += minutes;
      out.totalCents += cents;
    } else out.excludedMinutes += minutes;
    let c = byCategory.get(category);
    if (!c) byCategory.set(category, (c = { minutes: 0, entries: 0, cents: 0 }));
    c.minutes += minutes;
    c.entries += g.entries;
    c.cents += cents;
    if (rate) {
      let p = byProgramme.get(g.programmeId);
      if (!p) byProgramme.set(g.programmeId, (p = { minutes: 0, entries: 0, cents: 0 }));
      p.minutes += minutes;
      p.entries += g.entries;
      p.cents += cents;
      if (rate.role) {
        let r = byRole.get(rate.role);
        if (!r) byRole.set(rate.role, (r = { minutes: 0, entries: 0, cents: 0, rateCents: rate.cents }));
        r.minutes += minutes;
        r.entries += g.entries;
        r.cents += cents;
      }
    }
  }
  return {
    year,
    method,
    ...out,
    byCategory: [...byCategory.entries()]
      .filter(([k]) => (HOUR_CATEGORIES as readonly string[]).includes(k))
      .map(([category, v]) => {
        const excluded = !method || method.excluded.includes(category as HourCategory);
        const rateCents = method && !excluded ? (method.basis === 'single' ? method.rates.all! : method.basis === 'category' ? (method.rates[category] ?? null) : null) : null;
        return { category: category as HourCategory, excluded, rateCents, ...v };
      }),
    byProgramme: [...byProgramme.entries()]
      .map(([programmeId, v]) => ({ programmeId, programmeName: programmeId === null ? null : (names.get(programmeId) ?? null), ...v }))
      .sort((a, b) => b.cents - a.cents),
    byRole: ROLES.flatMap((role) => {
      const r = byRole.get(role);
      return r ? [{ role, ...r }] : [];
    }),
  };
}

/**
 * The timesheet behind the figure: one line per valued entry (volunteer, date, activity,
 * programme, duration, rate, value), a total that is the sum of the lines, and (XLSX) a sheet
 * with the method and the two accounts the total goes to.
 */
export async function exportTimesheet(ctx: Context, year: number, scope: ProgrammeScope, format: FileFormat): Promise<ExportResult> {
  const lang = await fileLanguage(ctx);
  const w = financeWords(lang);
  const h = w.export.timesheet;
  return saveExport(ctx, {
    format,
    lang,
    defaultName: `${w.export.timesheetFile}-${year}`,
    build: () => {
      const { sqlite } = ctx;
      const method = methodFor(sqlite, year);
      const programmes = new Map((sqlite.prepare('SELECT id, name FROM programmes').all() as { id: number; name: string }[]).map((p) => [p.id, p.name]));
      const people = new Map<number, { name: string; roles: number }>();
      const person = sqlite.prepare('SELECT last_name AS lastName, first_name AS firstName, roles FROM volunteers WHERE id = ?');
      const rows: Cell[][] = [];
      let minutes = 0;
      let total = 0;
      if (method) {
        for (const e of countedEntries(sqlite, yearRange(year), { programmeId: scope })) {
          let who = people.get(e.volunteerId);
          if (!who) {
            const v = person.get(e.volunteerId) as { lastName: string; firstName: string; roles: number };
            people.set(e.volunteerId, (who = { name: `${v.lastName} ${v.firstName}`.trim(), roles: v.roles }));
          }
          const rate = rateOf(method, e.category, who.roles);
          if (!rate) continue;
          const value = valueOfMinutes(rate.cents, e.minutes);
          minutes += e.minutes;
          total += value;
          rows.push([
            { text: who.name },
            { date: e.workedOn },
            { text: w.hourCategories[e.category as HourCategory] ?? e.category },
            { text: e.programmeId === null ? null : (programmes.get(e.programmeId) ?? null) },
            { count: e.minutes },
            { text: durationText(e.minutes) },
            { cents: rate.cents },
            { cents: value },
          ]);
        }
      }
      const sheets = [
        {
          name: `${h.sheet} ${year}`,
          headers: [h.volunteer, h.date, h.activity, h.programme, h.minutes, h.duration, h.rate, h.value],
          rows,
          footer: [[{ text: h.total }, { text: null }, { text: null }, { text: null }, { count: minutes }, { text: durationText(minutes) }, { text: null }, { cents: total }]],
        },
      ];
      const s = w.export.summary;
      const methodText = method ? w.valuation.bases[method.basis] : s.noMethod;
      sheets.push({
        name: s.sheet,
        headers: [s.item, s.value],
        rows: [
          [{ text: s.year }, { count: year }],
          [{ text: s.method }, { text: methodText }],
          [{ text: s.effectiveYear }, method ? { count: method.effectiveYear } : { text: null }],
          ...(method
            ? Object.entries(method.rates).map(([k, cents]): Cell[] => [
                { text: `${s.rate} — ${k === 'all' ? s.allActivities : ((w.hourCategories as Record<string, string>)[k] ?? (w.roles as Record<string, string>)[k] ?? k)}` },
                { cents },
              ])
            : []),
          ...(method?.excluded.length ? [[{ text: s.excluded }, { text: method.excluded.map((c) => w.hourCategories[c]).join(', ') }] as Cell[]] : []),
          [{ text: s.rounding }, { text: s.roundingRule }],
          [{ text: s.hours }, { text: durationText(minutes) }],
          [{ text: `${s.debit} 864` }, { cents: total }],
          [{ text: `${s.credit} 875` }, { cents: total }],
        ],
        footer: [],
      });
      return sheets;
    },
  });
}

/** 90 → `1:30`: hours and minutes, the way a timesheet is read. */
const durationText = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

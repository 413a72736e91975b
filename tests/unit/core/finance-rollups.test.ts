import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { minutesByVolunteer } from '../../../electron/core/hours/totals';
import { minutesByKeys, minutesOf, valueGroups } from '../../../electron/core/hours/year-totals';
import { DATABASE_FILE } from '../../../electron/core/relais';
import type { Sqlite } from '../../../electron/core/db/connection';
import { openBackupCore } from './fixtures/backup-core';
import { categoryIds, line } from './finance.support';
import { roleBit } from '../../../electron/core/volunteers/bits';
import { tempDir } from './helpers';

/**
 * The running totals of migration 009 (kept by triggers) against the rows they sum: whatever
 * sequence of writes happens, reading the totals gives what reading every row would.
 */

const CATEGORIES = ['support', 'facilitation', 'governance', 'admin'];
const YEARS = [2024, 2025];

/** Groups read the slow way (every entry, through totals.ts), keyed like `valueGroups`. */
function fromEntries(sqlite: Sqlite, year: number, programmeId?: number | null) {
  return minutesByKeys(sqlite, ['category', 'programme', 'roles', 'duration'], { from: `${year}-01-01`, to: `${year}-12-31` }, { programmeId })
    .map((g) => `${g.category}|${g.programme ?? 0}|${g.roles ?? 0}|${g.duration}|${g.entries}`)
    .sort();
}
const fromRollup = (sqlite: Sqlite, year: number, programmeId?: number | null) =>
  valueGroups(sqlite, year, { programmeId })
    .map((g) => `${g.category}|${g.programmeId ?? 0}|${g.roles}|${g.duration}|${g.entries}`)
    .sort();

type Op =
  | { kind: 'insert'; volunteer: number; year: number; day: number; minutes: number; category: number; programme: number; approval: number }
  | { kind: 'update'; pick: number; field: 'approval' | 'minutes' | 'category' | 'programme' | 'day'; value: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'roles'; volunteer: number; roles: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), volunteer: fc.nat(4), year: fc.nat(1), day: fc.nat(27), minutes: fc.integer({ min: 1, max: 240 }), category: fc.nat(3), programme: fc.nat(2), approval: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), field: fc.constantFrom('approval' as const, 'minutes' as const, 'category' as const, 'programme' as const, 'day' as const), value: fc.nat(400) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('roles' as const), volunteer: fc.nat(4), roles: fc.nat(15) }) },
);

describe('the valuation rollup', () => {
  it('agree with the entries after any sequence of inserts, approvals, edits, deletions and role changes', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, DATABASE_FILE), { backupDir: join(dir, 'backups') });
    const { sqlite } = db;
    const volunteers = Array.from({ length: 5 }, (_, i) =>
      Number(
        sqlite
          .prepare(
            `INSERT INTO volunteers (first_name, last_name, sort_name, joined_on, status, roles, availability, interests, languages, preferred_format, photo_consent, created_at, updated_at)
             VALUES ('P', ?, ?, '2020-01-01', 'active', 1, 0, '[]', '[]', 'both', 0, '2020-01-01', '2020-01-01')`,
          )
          .run(`N${i}`, `n${i} p`).lastInsertRowid,
      ),
    );
    const programmes = [null, ...['A', 'B'].map((n) => Number(sqlite.prepare("INSERT INTO programmes (name, created_at) VALUES (?, '2020-01-01')").run(n).lastInsertRowid))];
    const approvals = ['approved', 'pending', 'rejected'];
    const dayOf = (year: number, day: number) => `${year}-${String(1 + (day % 12)).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}`;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        sqlite.exec('DELETE FROM hour_entries');
        for (const o of ops) {
          const ids = sqlite.prepare('SELECT id FROM hour_entries ORDER BY id').pluck().all() as number[];
          if (o.kind === 'insert') {
            sqlite
              .prepare(
                `INSERT INTO hour_entries (volunteer_id, worked_on, minutes, category, programme_id, source, approval, created_at, updated_at)
                 VALUES (?, ?, ?, ?, ?, 'manual', ?, '2025-01-01', '2025-01-01')`,
              )
              .run(volunteers[o.volunteer], dayOf(YEARS[o.year]!, o.day), o.minutes, CATEGORIES[o.category], programmes[o.programme], approvals[o.approval]);
          } else if (o.kind === 'update' && ids.length) {
            const id = ids[o.pick % ids.length];
            const set = {
              approval: ['approval', approvals[o.value % 3]],
              minutes: ['minutes', 1 + (o.value % 240)],
              category: ['category', CATEGORIES[o.value % 4]],
              programme: ['programme_id', programmes[o.value % 3]],
              day: ['worked_on', dayOf(YEARS[o.value % 2]!, o.value)],
            }[o.field] as [string, unknown];
            sqlite.prepare(`UPDATE hour_entries SET ${set[0]} = ? WHERE id = ?`).run(set[1], id);
          } else if (o.kind === 'delete' && ids.length) {
            sqlite.prepare('DELETE FROM hour_entries WHERE id = ?').run(ids[o.pick % ids.length]);
          } else if (o.kind === 'roles') {
            sqlite.prepare('UPDATE volunteers SET roles = ? WHERE id = ?').run(o.roles, volunteers[o.volunteer]);
          }
        }
        for (const year of YEARS) {
          expect(fromRollup(sqlite, year)).toEqual(fromEntries(sqlite, year));
          for (const p of [0, programmes[1]!]) expect(fromRollup(sqlite, year, p)).toEqual(fromEntries(sqlite, year, p));
          // The CEC's per-person expression gives what totals.ts gives.
          const slow = minutesByVolunteer(sqlite, volunteers, { from: `${year}-01-01`, to: `${year}-12-31` });
          const inSql = sqlite.prepare(`SELECT v.id, ${minutesOf('v.id', '@from', '@to')} AS m FROM volunteers v`).all({ from: `${year}-01-01`, to: `${year}-12-31` }) as { id: number; m: number }[];
          for (const r of inSql) expect(r.m).toBe(slow.get(r.id));
        }
      }),
      { numRuns: 60 },
    );
    sqlite.close();
  });

  it('are filled from the hours already there when a database of version 8 is upgraded', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const v8 = openDatabase(file, { backupDir: join(dir, 'backups'), targetVersion: 8 });
    const add = v8.sqlite.prepare(
      `INSERT INTO volunteers (first_name, last_name, sort_name, joined_on, status, roles, availability, interests, languages, preferred_format, photo_consent, created_at, updated_at)
       VALUES ('P', 'Q', 'q p', '2020-01-01', 'active', ?, 0, '[]', '[]', 'both', 0, '2020-01-01', '2020-01-01')`,
    );
    const board = Number(add.run(8).lastInsertRowid);
    const helper = Number(add.run(1).lastInsertRowid);
    const entry = v8.sqlite.prepare(
      `INSERT INTO hour_entries (volunteer_id, worked_on, minutes, category, source, approval, created_at, updated_at) VALUES (?, ?, ?, ?, 'manual', ?, '2025-01-01', '2025-01-01')`,
    );
    entry.run(board, '2025-03-01', 90, 'governance', 'approved');
    entry.run(board, '2025-04-01', 90, 'governance', 'approved');
    entry.run(board, '2025-05-01', 60, 'support', 'pending');
    entry.run(helper, '2024-12-31', 45, 'support', 'approved');
    v8.sqlite.close();
    const v9 = openDatabase(file, { backupDir: join(dir, 'backups') });
    expect(valueGroups(v9.sqlite, 2025)).toEqual([{ category: 'governance', programmeId: null, roles: 8, duration: 90, entries: 2 }]);
    expect(valueGroups(v9.sqlite, 2024)).toEqual([{ category: 'support', programmeId: null, roles: 1, duration: 45, entries: 1 }]);
    v9.sqlite.close();
  });
});

describe('money rollup', () => {
  it('gives the overview the sums of the lines after creations, edits and deletions', async () => {
    const t = await openBackupCore();
    const cat = await categoryIds(t);
    const p = (await t.call('events.createProgramme', { name: 'P' })).id;
    const ids: number[] = [];
    const rnd = fc.sample(fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.nat(11), fc.nat(3), fc.boolean(), fc.nat(9)), { numRuns: 80, seed: 42 });
    const expenseKeys = ['training', 'venue_hire', 'travel', 'materials'] as const;
    for (const [i, [cents, month, c, inP, action]] of rnd.entries()) {
      const occurredOn = `2025-${String(month + 1).padStart(2, '0')}-1${i % 10}`;
      const data = line({ occurredOn, amountCents: cents, categoryId: cat[expenseKeys[c]!]!, programmeId: inP ? p : null });
      if (action < 6 || ids.length === 0) ids.push((await t.call('finance.createLine', data)).line.id);
      else if (action < 8) await t.call('finance.updateLine', { id: ids[i % ids.length]!, data });
      else await t.call('finance.deleteLine', { id: ids.splice(i % ids.length, 1)[0]! });
    }
    const lines = (await t.call('finance.listLines', { year: 2025, limit: 500 })).rows;
    for (const scope of [null, 0, p] as const) {
      const mine = lines.filter((l) => scope === null || (scope === 0 ? l.programmeId === null : l.programmeId === scope));
      const o = await t.call('finance.overview', { year: 2025, programmeId: scope });
      expect(o.totals.expenseCents).toBe(mine.reduce((n, l) => n + l.amountCents, 0));
      for (const r of o.byCategory) expect(r.actualCents).toBe(mine.filter((l) => l.categoryId === r.categoryId).reduce((n, l) => n + l.amountCents, 0));
      for (const m of o.monthly) expect(m.outCents).toBe(mine.filter((l) => l.occurredOn.startsWith(m.month)).reduce((n, l) => n + l.amountCents, 0));
    }
    const { categories } = await t.call('finance.options');
    for (const k of expenseKeys) expect(categories.find((c) => c.key === k)!.lineCount).toBe(lines.filter((l) => l.categoryId === cat[k]).length);
  });
});

describe('indexes the finance screens rely on', () => {
  it('the CEC list walks the partial index of board members and supervisors; training sessions their own index', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, DATABASE_FILE), { backupDir: join(dir, 'backups') });
    const plan = (sql: string) => (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' / ');
    // board | supervisor are the bits the partial index was written with.
    expect(roleBit('board') | roleBit('supervisor')).toBe(12);
    expect(plan('SELECT id FROM volunteers v WHERE (roles & 12) <> 0')).toContain('volunteers_cec_roles');
    expect(plan("SELECT id FROM events e WHERE e.kind = 'training' AND e.start_local >= '2026-01-01' AND e.start_local < '2027-01-01'")).toContain('events_by_kind');
    expect(plan("SELECT count(*), sum(amount_cents) FROM money_lines l WHERE l.occurred_on BETWEEN '2026-01-01' AND '2026-12-31' AND l.search LIKE '%lyon%'")).toContain('COVERING INDEX money_lines_search');
    db.sqlite.close();
  });
});

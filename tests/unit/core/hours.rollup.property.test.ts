import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { minutesBy, type HourGrouping } from '../../../electron/core/hours/totals';
import { tempDir } from './helpers';

/**
 * `hour_rollup` is kept by triggers; totals by month, category and programme read it for whole
 * months. Whatever happens to the entries (added, approved, rejected, moved, edited, removed), the
 * totals must equal a plain sum over the approved entries, for any period.
 */
const day = fc
  .record({ m: fc.integer({ min: 1, max: 6 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ m, d }) => `2026-${String(m).padStart(2, '0')}-${String(Math.min(d, m === 2 ? 28 : [4, 6].includes(m) ? 30 : 31)).padStart(2, '0')}`);
const entry = fc.record({
  volunteer: fc.integer({ min: 1, max: 3 }),
  day,
  minutes: fc.integer({ min: 1, max: 600 }),
  category: fc.constantFrom('support', 'admin', 'training'),
  programme: fc.constantFrom(null, 1, 2),
  approval: fc.constantFrom('approved', 'pending', 'rejected'),
});
const change = fc.oneof(
  fc.record({ op: fc.constant('add' as const), entry }),
  fc.record({ op: fc.constant('approval' as const), pick: fc.nat(), approval: fc.constantFrom('approved', 'pending', 'rejected') }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), day, minutes: fc.integer({ min: 1, max: 600 }) }),
  fc.record({ op: fc.constant('recategorise' as const), pick: fc.nat(), category: fc.constantFrom('support', 'admin'), programme: fc.constantFrom(null, 1, 2) }),
  fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
);
const period = fc.record({ from: fc.option(day, { nil: null }), to: fc.option(day, { nil: null }) }).map((p) =>
  p.from !== null && p.to !== null && p.to < p.from ? { from: p.to, to: p.from } : p,
);

describe('hour totals from the rollup', () => {
  it('equal a plain sum of approved entries after any sequence of changes, over any period', () => {
    const dir = tempDir();
    const { sqlite } = openDatabase(join(dir, 'relais.sqlite'), { backupDir: dir });
    const now = '2026-07-01T00:00:00.000Z';
    for (let i = 1; i <= 3; i++) {
      sqlite
        .prepare(`INSERT INTO volunteers (first_name, last_name, sort_name, joined_on, status, preferred_format, created_at, updated_at)
                  VALUES ('A', ?, ?, '2020-01-01', 'active', 'both', ?, ?)`)
        .run(`N${i}`, `n${i} a`, now, now);
    }
    sqlite.prepare("INSERT INTO programmes (name, created_at) VALUES ('P1', ?), ('P2', ?)").run(now, now);

    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), fc.array(period, { minLength: 1, maxLength: 4 }), (changes, periods) => {
        sqlite.exec('DELETE FROM hour_entries');
        for (const c of changes) {
          const ids = sqlite.prepare('SELECT id FROM hour_entries ORDER BY id').pluck().all() as number[];
          const target = ids.length ? ids[('pick' in c ? c.pick : 0) % ids.length]! : null;
          if (c.op === 'add') {
            const e = c.entry;
            sqlite
              .prepare(`INSERT INTO hour_entries (volunteer_id, worked_on, minutes, category, programme_id, source, approval, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, 'manual', ?, ?, ?)`)
              .run(e.volunteer, e.day, e.minutes, e.category, e.programme, e.approval, now, now);
          } else if (target === null) continue;
          else if (c.op === 'approval') sqlite.prepare('UPDATE hour_entries SET approval = ? WHERE id = ?').run(c.approval, target);
          else if (c.op === 'move') sqlite.prepare('UPDATE hour_entries SET worked_on = ?, minutes = ? WHERE id = ?').run(c.day, c.minutes, target);
          else if (c.op === 'recategorise') {
            sqlite.prepare('UPDATE hour_entries SET category = ?, programme_id = ? WHERE id = ?').run(c.category, c.programme, target);
          } else sqlite.prepare('DELETE FROM hour_entries WHERE id = ?').run(target);
        }
        for (const range of periods) {
          for (const [grouping, column] of [['month', 'substr(worked_on, 1, 7)'], ['category', 'category'], ['programme', 'programme_id']] as [HourGrouping, string][]) {
            for (const programmeId of [undefined, 1]) {
              const plain = sqlite
                .prepare(
                  `SELECT ${column} AS key, sum(minutes) AS minutes, count(*) AS entries FROM hour_entries
                   WHERE approval = 'approved' AND (@from IS NULL OR worked_on >= @from) AND (@to IS NULL OR worked_on <= @to)
                     AND (@p IS NULL OR programme_id = @p)
                   GROUP BY 1 ORDER BY 1`,
                )
                .all({ ...range, p: programmeId ?? null });
              expect(minutesBy(sqlite, grouping, range, programmeId === undefined ? {} : { programmeId })).toEqual(plain);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
    sqlite.close();
  });
});

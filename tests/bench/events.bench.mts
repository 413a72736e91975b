/**
 * Event planning at scale (issue: 100k volunteers, 50k sessions, 1M hour entries). Each figure is
 * one call through `dispatch` (contract parsing included), as the screens ask:
 * - a volunteer's hour summary (their record),
 * - a month of the calendar (42 days, as the month view shows),
 * - the ranked suggestions for a role (staffing panel),
 * - the hour totals by month, category and programme over a year, and unfilled roles (dashboards).
 * Budget (DESIGN §7): any aggregate ≤ 100 ms; the same bound is applied to the calendar and the
 * suggestions, which are what a person waits for on those screens.
 * Run: npm run bench (or `tsx tests/bench/events.bench.mts`; BENCH_VOLUNTEERS etc. to change sizes).
 */
import { rmSync } from 'node:fs';
import { openRelais } from '../../electron/core';
import { ms, percentile } from './stats';
import { syntheticDataDir } from './synthetic';

const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 100_000);
const OCCURRENCES = Number(process.env.BENCH_OCCURRENCES ?? 50_000);
const HOURS = Number(process.env.BENCH_HOURS ?? 1_000_000);
const TODAY = '2026-11-21';
const BUDGET_MS = 100;

const { dataDir, seconds } = syntheticDataDir(VOLUNTEERS, 7, { occurrences: OCCURRENCES, hourEntries: HOURS, today: TODAY });
console.log(
  `${VOLUNTEERS.toLocaleString('en')} volunteers, ${OCCURRENCES.toLocaleString('en')} sessions, ` +
    `${HOURS.toLocaleString('en')} hour entries generated in ${seconds.toFixed(1)} s`,
);
const relais = await openRelais({ dataDir });

async function call(method: string, input: unknown): Promise<unknown> {
  const r = await relais.dispatch(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.data;
}

async function measure(label: string, inputs: unknown[], method: string): Promise<boolean> {
  for (const input of inputs.slice(0, 3)) await call(method, input); // warm statements and pages
  const samples: number[] = [];
  for (const input of inputs) {
    const t0 = performance.now();
    await call(method, input);
    samples.push(performance.now() - t0);
  }
  const p95 = percentile(samples, 95);
  const ok = p95 <= BUDGET_MS;
  console.log(
    `${label.padEnd(38)} n=${String(samples.length).padStart(4)}  p50 ${ms(percentile(samples, 50)).padStart(11)}  ` +
      `p95 ${ms(p95).padStart(11)}  max ${ms(Math.max(...samples)).padStart(11)}  ${ok ? 'within' : 'OVER'} ${BUDGET_MS} ms`,
  );
  return ok;
}

// People who have hours (the busy ones are the slow case) and upcoming roles to staff.
const busy = (await call('hours.totals', { grouping: 'volunteer', limit: 200 })) as { groups: { key: number | string | null }[] };
const volunteerIds = busy.groups.map((g) => Number(g.key)).filter((n) => Number.isInteger(n) && n > 0);
const unfilled = (await call('events.unfilledRoles', { from: TODAY, limit: 200 })) as { rows: { roleId: number }[] };
const roleIds = unfilled.rows.map((r) => r.roleId);

const months: { from: string; to: string; perDay: number }[] = [];
for (let m = 0; m < 24; m++) {
  const first = new Date(Date.UTC(2025, 10 + m - 12, 1));
  const from = new Date(first.getTime() - ((first.getUTCDay() + 6) % 7) * 86_400_000); // Monday before the 1st
  const to = new Date(from.getTime() + 41 * 86_400_000);
  // As the month view asks: each day's first three events and its total.
  months.push({ from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10), perDay: 3 });
}
const year = { from: '2026-01-01', to: '2026-12-31' };

let allOk = true;
allOk = (await measure("a volunteer's hour summary", volunteerIds.map((volunteerId) => ({ volunteerId })), 'hours.volunteerSummary')) && allOk;
allOk = (await measure('a month of the calendar (42 days)', months, 'events.calendar')) && allOk;
allOk = (await measure('suggestions for a role (10 best)', roleIds.slice(0, 60).map((roleId) => ({ roleId, limit: 10 })), 'events.suggest')) && allOk;
for (const grouping of ['month', 'category', 'programme'] as const) {
  allOk = (await measure(`hour totals by ${grouping} over a year`, Array.from({ length: 20 }, () => ({ grouping, ...year })), 'hours.totals')) && allOk;
}
allOk =
  (await measure(
    'unfilled roles, first page',
    Array.from({ length: 20 }, () => ({ from: TODAY, limit: 50 })),
    'events.unfilledRoles',
  )) && allOk;

await relais.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(allOk ? 0 : 1);

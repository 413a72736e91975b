/**
 * Staffing benchmark (DESIGN §7: ≤ 100 ms at 100k volunteers and 1M hour entries): the ranked
 * suggestions for upcoming roles with a required skill and without one, with a required training
 * (support groups' roles, and open roles given one), the staffing panel of an event and the first
 * page of unfilled roles, each through `dispatch` (contract parsing included).
 * Run: npx tsx tests/bench/staffing.bench.mts (BENCH_SIZES, BENCH_ROUNDS to change the defaults).
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openRelais } from '../../electron/core';
import { DATABASE_FILE } from '../../electron/core/relais';
import { ms, percentile } from './stats';
import { syntheticDataDir } from './synthetic';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const BUDGET_MS = 100;

async function bench(size: number): Promise<boolean> {
  const { dataDir, seconds } = syntheticDataDir(size, 7, { occurrences: size / 2, hourEntries: size * 10 });
  console.log(`\n${size.toLocaleString('en')} volunteers, ${(size / 2).toLocaleString('en')} sessions, ${(size * 10).toLocaleString('en')} hour entries generated in ${seconds.toFixed(1)} s`);
  // Upcoming roles to rank: with a required skill (the common case) and without (everyone is a candidate).
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  const now = new Date().toISOString();
  const pick = (withSkill: boolean, training: 'none' | 'required', limit = 5) =>
    db
      .prepare(
        `SELECT r.id FROM events e JOIN event_roles r ON r.event_id = e.id
         WHERE e.start_utc > ? AND e.status = 'planned' AND ${withSkill ? '' : 'NOT'} EXISTS (SELECT 1 FROM event_role_skills s WHERE s.role_id = r.id)
           AND r.required_training_id IS ${training === 'none' ? '' : 'NOT'} NULL
         ORDER BY e.start_utc LIMIT ${limit}`,
      )
      .pluck()
      .all(now) as number[];
  const skillRoles = pick(true, 'none');
  const openRoles = pick(false, 'none', 7);
  const trainedRoles = pick(true, 'required', 3);
  // Two open roles are given a required training: everyone is a candidate, ranked by qualification.
  const trainedOpenRoles = openRoles.splice(5, 2);
  const facilitation = db.prepare("SELECT id FROM trainings WHERE key = 'group_facilitation'").pluck().get() as number;
  const eventIds = db.prepare('SELECT event_id FROM event_roles WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(skillRoles)) as number[];
  const eventOf = new Map(
    (db.prepare('SELECT id, event_id AS eventId FROM event_roles WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(trainedOpenRoles)) as { id: number; eventId: number }[]).map((r) => [
      r.id,
      r.eventId,
    ]),
  );
  db.close();

  const relais = await openRelais({ dataDir });
  for (const roleId of trainedOpenRoles) {
    const staffing = (await relais.dispatch('events.staffing', { eventId: eventOf.get(roleId)! })) as { ok: true; data: { roles: { id: number; name: string; needed: number }[] } };
    const role = staffing.data.roles.find((r) => r.id === roleId)!;
    await relais.dispatch('events.updateRole', { roleId, role: { name: role.name, needed: role.needed, requiredTrainingId: facilitation } });
  }
  const cases: [string, () => Promise<unknown>][] = [
    ...skillRoles.map((roleId) => [`suggest (skill) role ${roleId}`, () => relais.dispatch('events.suggest', { roleId, limit: 10 })] as [string, () => Promise<unknown>]),
    ...openRoles.map((roleId) => [`suggest (no skill) role ${roleId}`, () => relais.dispatch('events.suggest', { roleId, limit: 10 })] as [string, () => Promise<unknown>]),
    ...trainedRoles.map((roleId) => [`suggest (skill+training) ${roleId}`, () => relais.dispatch('events.suggest', { roleId, limit: 10 })] as [string, () => Promise<unknown>]),
    ...trainedOpenRoles.map((roleId) => [`suggest (training) role ${roleId}`, () => relais.dispatch('events.suggest', { roleId, limit: 10 })] as [string, () => Promise<unknown>]),
    ...eventIds.slice(0, 2).map((eventId) => [`staffing event ${eventId}`, () => relais.dispatch('events.staffing', { eventId })] as [string, () => Promise<unknown>]),
    ['unfilledRoles first page', () => relais.dispatch('events.unfilledRoles', { limit: 50 })],
    ['unfilledRoles page 20', () => relais.dispatch('events.unfilledRoles', { offset: 1000, limit: 50 })],
  ];
  let ok = true;
  console.log('call'.padEnd(34), 'p50'.padStart(12), 'p95'.padStart(12));
  for (const [name, run] of cases) {
    const first = (await run()) as { ok: boolean; data?: { considered?: number; total?: number } };
    if (!first.ok) throw new Error(`${name} failed: ${JSON.stringify(first)}`);
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
    }
    const p95 = percentile(samples, 95);
    ok = ok && p95 <= BUDGET_MS;
    const extra = first.data?.considered !== undefined ? ` (${first.data.considered} candidates)` : first.data?.total !== undefined ? ` (${first.data.total} rows)` : '';
    console.log(name.padEnd(34), ms(percentile(samples, 50)).padStart(12), ms(p95).padStart(12), extra);
  }
  console.log(`budget p95 ≤ ${BUDGET_MS} ms: ${ok ? 'within' : 'OVER'}`);
  await relais.close();
  rmSync(dataDir, { recursive: true, force: true });
  return ok;
}

const sizes = (process.env.BENCH_SIZES ?? '100000').split(',').map(Number);
let allOk = true;
for (const size of sizes) allOk = (await bench(size)) && allOk;
process.exit(allOk ? 0 : 1);

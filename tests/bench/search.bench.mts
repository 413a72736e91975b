/**
 * Search-as-you-type benchmark (DESIGN §7: p95 ≤ 2 ms at 10k volunteers, ≤ 5 ms at 100k).
 * Each word is typed one letter at a time; each keystroke is one `volunteers.list` call through
 * `dispatch` (contract parsing included), first window of 100 rows plus the total, as the list
 * screen asks. Run: npm run bench
 */
import { rmSync } from 'node:fs';
import { openRelais } from '../../electron/core';
import { ms, percentile } from './stats';
import { syntheticDataDir } from './synthetic';

const TYPED = ['hélène', 'dupre', 'lefèvre', 'camille', 'lyon', 'saint', 'o’brien', '0612', 'ecoute', 'listening', 'marie martin', 'zz'];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const BUDGET: Record<number, number> = { 10_000: 2, 100_000: 5 };

async function bench(size: number): Promise<boolean> {
  const { dataDir, seconds } = syntheticDataDir(size);
  console.log(`\n${size.toLocaleString('en')} volunteers generated in ${seconds.toFixed(1)} s`);
  const relais = await openRelais({ dataDir });
  const keystrokes = TYPED.flatMap((w) => Array.from({ length: [...w].length }, (_, i) => [...w].slice(0, i + 1).join('')));
  // Warm the statement cache and SQLite's page cache as a user session would.
  for (const q of keystrokes) await relais.dispatch('volunteers.list', { query: q });
  const all: number[] = [];
  const perWord = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of keystrokes) {
      const t0 = performance.now();
      const r = await relais.dispatch('volunteers.list', { query: q, limit: 100 });
      const dt = performance.now() - t0;
      if (!r.ok) throw new Error(`search failed for ${q}`);
      all.push(dt);
      perWord.set(q, [...(perWord.get(q) ?? []), dt]);
    }
  }
  console.log('query'.padEnd(16), 'p50'.padStart(10), 'p95'.padStart(10), 'matches'.padStart(9));
  for (const [q, samples] of perWord) {
    const r = (await relais.dispatch('volunteers.list', { query: q, limit: 1 })) as { ok: true; data: { total: number } };
    console.log(q.padEnd(16), ms(percentile(samples, 50)).padStart(10), ms(percentile(samples, 95)).padStart(10), String(r.data.total).padStart(9));
  }
  const p50 = percentile(all, 50);
  const p95 = percentile(all, 95);
  const budget = BUDGET[size]!;
  const ok = p95 <= budget;
  console.log(`ALL keystrokes (${all.length}): p50 ${ms(p50)}, p95 ${ms(p95)} — budget p95 ≤ ${budget} ms: ${ok ? 'within' : 'OVER'}`);
  await relais.close();
  rmSync(dataDir, { recursive: true, force: true });
  return ok;
}

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
let allOk = true;
for (const size of sizes) allOk = (await bench(size)) && allOk;
process.exit(allOk ? 0 : 1);

/**
 * Erasure cost at 10k and 100k volunteers: one `privacy.erase` through dispatch (anonymise, rebuild
 * the search index, TRUNCATE checkpoint), a batch of 50 from the retention list, and — for the
 * VACUUM decision — what a full VACUUM of the same file would add. Run: npx tsx tests/bench/erasure.bench.mts
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openRelais } from '../../electron/core';
import { DATABASE_FILE } from '../../electron/core/relais';
import { ms } from './stats';
import { syntheticDataDir } from './synthetic';

async function bench(size: number) {
  const { dataDir, seconds } = syntheticDataDir(size);
  const file = join(dataDir, DATABASE_FILE);
  console.log(`\n${size.toLocaleString('en')} volunteers generated in ${seconds.toFixed(1)} s, file ${(statSync(file).size / 1e6).toFixed(1)} MB`);
  const relais = await openRelais({ dataDir });
  const once: number[] = [];
  for (const id of [11, 222, 3333]) {
    const t0 = performance.now();
    const r = await relais.dispatch('privacy.erase', { id });
    if (!r.ok) throw new Error(JSON.stringify(r));
    once.push(performance.now() - t0);
  }
  console.log('erase one (3 runs)'.padEnd(28), once.map(ms).join('  '));
  const ids = Array.from({ length: 50 }, (_, i) => 5000 + i * 7).filter((id) => id <= size);
  const t1 = performance.now();
  const many = await relais.dispatch('privacy.eraseMany', { ids });
  if (!many.ok) throw new Error(JSON.stringify(many));
  console.log(`erase ${ids.length} together`.padEnd(28), ms(performance.now() - t1));
  await relais.close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const t2 = performance.now();
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
  console.log('VACUUM + checkpoint'.padEnd(28), ms(performance.now() - t2), `(file ${(statSync(file).size / 1e6).toFixed(1)} MB after)`);
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
}

for (const size of [10_000, 100_000]) await bench(size);

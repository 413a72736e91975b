/**
 * Backup and restore of a ~100 MB database (DESIGN §7: backup ≤ 3 s, restore ≤ 6 s), with and
 * without a passphrase, through `dispatch` exactly as the Backups screen calls them. A restore
 * counts everything the person waits for: checking the file (checksum, passphrase, integrity_check,
 * foreign_key_check), the undo copy of the current data, and the swap.
 * Run: npx tsx tests/bench/backup.bench.mts   (BENCH_VOLUNTEERS to change the size)
 */
import { statSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openRelais } from '../../electron/core';
import { deriveKeys, SCRYPT } from '../../electron/core/backups/crypto';
import { headlessPlatform } from '../../electron/core/platform';
import { DATABASE_FILE } from '../../electron/core/relais';
import { syntheticDataDir } from './synthetic';

const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 100_000);
const BUDGET = { backup: 3, restore: 6 };
const PASSPHRASE = 'correct horse battery staple';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const { dataDir, seconds } = syntheticDataDir(VOLUNTEERS);
const size = statSync(join(dataDir, DATABASE_FILE)).size;
console.log(`${VOLUNTEERS.toLocaleString('en')} volunteers generated in ${seconds.toFixed(1)} s: database ${mb(size)}`);

const out = mkdtempSync(join(tmpdir(), 'relais-bench-backups-'));
let next: string | null = null;
const platform = { ...headlessPlatform(), chooseSaveFile: async () => next, chooseOpenFile: async () => next };
const relais = await openRelais({ dataDir, platform });
const call = async (method: string, input?: unknown) => {
  const r = await relais.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.data as never;
};
const time = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
};

const t0 = performance.now();
await deriveKeys(PASSPHRASE, randomBytes(16));
console.log(`scrypt N=2^${Math.log2(SCRYPT.N)} r=${SCRYPT.r} p=${SCRYPT.p}: ${(performance.now() - t0).toFixed(0)} ms (paid once per backup and once per restore)`);

let ok = true;
const report = (what: string, s: number, budget: number, extra = '') => {
  const within = s <= budget;
  ok &&= within;
  console.log(`${what.padEnd(34)} ${s.toFixed(2).padStart(6)} s — budget ≤ ${budget} s: ${within ? 'within' : 'OVER'}${extra}`);
};

for (const passphrase of [null, PASSPHRASE]) {
  const label = passphrase ? 'with passphrase' : 'without passphrase';
  const file = join(out, `bench-${passphrase ? 'encrypted' : 'plain'}.relaisbackup`);
  next = file;
  const backup = await time(() => call('backups.create', { passphrase }));
  report(`backup ${label}`, backup, BUDGET.backup, ` (file ${mb(statSync(file).size)})`);
  next = file;
  let token = '';
  const restore = await time(async () => {
    token = ((await call('backups.inspect', {})) as { token: string }).token;
    await call('backups.restore', { token, passphrase });
  });
  report(`restore ${label}`, restore, BUDGET.restore);
}
const list = (await call('volunteers.list', { limit: 1 })) as { total: number };
if (list.total !== VOLUNTEERS) throw new Error(`restored ${list.total} volunteers, expected ${VOLUNTEERS}`);

await relais.close();
rmSync(dataDir, { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });
process.exit(ok ? 0 : 1);

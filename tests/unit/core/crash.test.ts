import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { openRelais } from '../../../electron/core';
import { extractDatabase, inspectBackupFile, writeBackupFile } from '../../../electron/core/backups/format';
import { silentWork } from '../../../electron/core/backups/jobs';
import { takeSnapshot } from '../../../electron/core/backups/snapshot';
import { verifyDatabase } from '../../../electron/core/backups/verify';
import { openDatabase } from '../../../electron/core/db/open-database';
import { generateAssociation, prng } from '../../../electron/core/demo/generator';
import { DATABASE_FILE } from '../../../electron/core/relais';
import { tempDir } from './helpers';

/**
 * Kills a process that is writing (or backing up, or restoring) with SIGKILL at random moments,
 * then opens its data folder as Relais would at the next start: the file is intact, every write
 * the process acknowledged is there, no transaction is half there, and an interrupted restore
 * left the old database or the new one, never a mix.
 */
const CHILD_SOURCE = resolve(__dirname, 'fixtures/crash-child.mts');
let childBundle = '';

/**
 * The child is bundled once (esbuild, which tsx brings) so each of the hundred-odd processes
 * starts in a tenth of a second instead of transpiling core again.
 */
beforeAll(async () => {
  const { build } = await import('esbuild');
  // Inside the project, so the bundle finds better-sqlite3 (a native module, left outside it).
  const cache = resolve(__dirname, '../../../node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, 'relais-crash-child-'));
  childBundle = join(out, 'crash-child.mjs');
  await build({
    entryPoints: [CHILD_SOURCE],
    outfile: childBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    // The CommonJS libraries bundled in (yazl, yauzl) call require for Node's own modules.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  return () => rmSync(out, { recursive: true, force: true });
});
const RUNS = { write: 50, atCreation: 10, backup: 30, restore: 30 };
const PARALLEL = 3;
const rnd = prng(Number(process.env.RELAIS_CRASH_SEED ?? 20261121));

interface Run {
  lines: string[];
  /** When each line arrived (performance.now()). */
  times: Map<string, number>;
  /** Milliseconds between the given line and the kill (or the end). */
  killedAfter: number | null;
  exitedAlone: boolean;
}

const childScript = () => childBundle;
/** Children still alive: killed when the tests end, even after a failure (they write in a loop). */
const running = new Set<ReturnType<typeof spawn>>();
afterAll(() => {
  for (const c of running) c.kill('SIGKILL');
});

/**
 * A temp folder in memory where there is one (/dev/shm): a SIGKILL loses nothing the page cache
 * holds, so a RAM disk tests the same thing, without waiting on a slow disk's fsync.
 */
function fastTempDir(prefix: string): string {
  const root = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(join(root, prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Starts the child and kills it `delay` ms after it prints `startLine` (or after it was started,
 * when startLine is null); never kills it when delay is null.
 */
function runChild(args: string[], startLine: string | null, delay: number | null): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [childScript(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    child.on('exit', () => running.delete(child));
    const lines: string[] = [];
    const times = new Map<string, number>();
    let buffered = '';
    let stderr = '';
    let startedAt: number | null = null;
    let killedAfter: number | null = null;
    let timer: NodeJS.Timeout | null = null;
    const arm = () => {
      startedAt = performance.now();
      if (delay === null) return;
      timer = setTimeout(() => {
        killedAfter = performance.now() - startedAt!;
        child.kill('SIGKILL');
      }, delay);
    };
    if (startLine === null) arm();
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        times.set(line, performance.now());
        if (line === startLine && startedAt === null) arm();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`child failed (${code}): ${stderr}`));
      // A line without its newline was not fully acknowledged: it is not counted.
      resolvePromise({ lines: lines.filter(Boolean), times, killedAfter, exitedAlone: signal !== 'SIGKILL' });
    });
  });
}

/** Opens the folder the way the app does at its next start, then closes it. */
async function restart(dataDir: string): Promise<void> {
  const core = await openRelais({ dataDir, quarantineInvalid: false });
  await core.close();
}

function checkIntegrity(db: Database.Database): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
}

/** Acknowledged writes are there; every transaction that is there is whole. */
function checkWrites(dataDir: string, lines: string[]): void {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    checkIntegrity(db);
    const skillsOf = db.prepare('SELECT count(*) AS n FROM volunteer_skills WHERE volunteer_id = ?');
    const historyOf = db.prepare("SELECT count(*) AS n FROM volunteer_history WHERE volunteer_id = ? AND kind = 'created'");
    const ftsOf = db.prepare('SELECT count(*) AS n FROM volunteers_fts WHERE rowid = ?');
    const n = (stmt: Database.Statement, id: number) => (stmt.get(id) as { n: number }).n;
    const singles = db.prepare("SELECT id, last_name FROM volunteers WHERE first_name = 'Single'").all() as { id: number; last_name: string }[];
    const present = new Set(singles.map((s) => s.id));
    for (const s of singles) {
      const i = Number(s.last_name.split(' ')[1]);
      expect(n(skillsOf, s.id), `skills of ${s.id}`).toBe(i % 3);
      expect(n(historyOf, s.id), `history of ${s.id}`).toBe(1);
      expect(n(ftsOf, s.id), `search row of ${s.id}`).toBe(1);
    }
    const batches = new Map(
      (db.prepare("SELECT last_name AS batch, count(*) AS n FROM volunteers WHERE first_name = 'Batch' GROUP BY last_name").all() as { batch: string; n: number }[]).map(
        (b) => [b.batch, b.n],
      ),
    );
    for (const count of batches.values()) expect(count, 'a batch is all or nothing').toBe(25);
    for (const line of lines) {
      const [ack, kind, key] = line.split(' ');
      if (ack !== 'ack') continue;
      if (kind === 'v') expect(present.has(Number(key)), `acknowledged volunteer ${key}`).toBe(true);
      if (kind === 'b') expect(batches.get(key!), `acknowledged batch ${key}`).toBe(25);
    }
  } finally {
    db.close();
  }
}

/** Every file under a backup's name is a complete, restorable backup. */
async function checkBackups(dataDir: string): Promise<number> {
  const folder = join(dataDir, 'backups', 'automatic');
  if (!existsSync(folder)) return 0;
  const names = readdirSync(folder).filter((n) => n.endsWith('.relaisbackup'));
  for (const name of names) {
    const out = join(tempDir(), 'check.sqlite');
    const inspected = await inspectBackupFile(join(folder, name), silentWork);
    await extractDatabase(inspected, out, null, silentWork);
    verifyDatabase(out);
  }
  return names.length;
}

const fingerprintOf = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    checkIntegrity(db);
    const rows = db.prepare('SELECT id, first_name, last_name, email FROM volunteers ORDER BY id').all();
    const generation = (db.prepare("SELECT value FROM settings WHERE key = 'crash.generation'").get() as { value: string } | undefined)?.value;
    return { generation, sha: createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
  } finally {
    db.close();
  }
};

function makeDatabase(file: string, generation: string, volunteers: number, seed: number): void {
  const opened = openDatabase(file, { backupDir: join(file, '..', 'pre') });
  generateAssociation(opened.sqlite, { volunteers, seed });
  opened.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('crash.generation', ?)").run(JSON.stringify(generation));
  opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  opened.sqlite.close();
}

/** Runs `count` jobs, `PARALLEL` at a time; `worker` tells which lane runs the job. */
async function pool<T>(count: number, job: (i: number, worker: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async (_, worker) => {
      while (next < count) {
        const i = next++;
        results[i] = await job(i, worker);
      }
    }),
  );
  return results;
}

describe('SIGKILL at random moments', { timeout: 240_000 }, () => {
  test(`${RUNS.write} kills while writing, ${RUNS.backup} while backing up: integrity, every acknowledged write, no partial batch`, async () => {
    const base = fastTempDir('relais-crash-');
    // The same folder is killed again and again: each run starts from what the last crash left.
    // The first runs each get a new folder and are killed while it is being created.
    const results = await pool(RUNS.write + RUNS.backup, async (i, worker) => {
      const mode = i < RUNS.write ? 'write' : 'backup';
      const atCreation = i < RUNS.atCreation;
      const dataDir = join(base, atCreation ? `new-${i}` : `${mode}-${worker}`);
      mkdirSync(dataDir, { recursive: true });
      const run = atCreation
        ? await runChild([mode, dataDir], null, rnd.int(20, 400))
        : await runChild([mode, dataDir], 'ready', rnd.int(5, mode === 'backup' ? 900 : 400));
      expect(run.exitedAlone).toBe(false);
      await restart(dataDir);
      checkWrites(dataDir, run.lines);
      return { mode, acks: run.lines.filter((l) => l.startsWith('ack')).length, backups: run.lines.filter((l) => l === 'backup created').length, dataDir };
    });
    const backupDirs = [...new Set(results.filter((r) => r.mode === 'backup').map((r) => r.dataDir))];
    let complete = 0;
    for (const dir of backupDirs) complete += await checkBackups(dir);
    // The kills landed while work was going on, not before it started.
    expect(results.reduce((s, r) => s + r.acks, 0)).toBeGreaterThan(RUNS.write + RUNS.backup);
    expect(results.reduce((s, r) => s + r.backups, 0)).toBeGreaterThan(RUNS.backup);
    expect(complete).toBeGreaterThan(0);
    console.log(`crash: ${results.length} kills, ${results.reduce((s, r) => s + r.acks, 0)} acknowledged writes checked, ${complete} backup files verified`);
  });

  test(`${RUNS.restore} kills during a restore: the old database or the new one, never a mix`, async () => {
    const base = fastTempDir('relais-crash-restore-');
    const source = join(base, 'source');
    mkdirSync(source);
    makeDatabase(join(source, 'new.sqlite'), 'new', 1500, 11);
    const newFacts = fingerprintOf(join(source, 'new.sqlite'));
    const live = openDatabase(join(source, 'new.sqlite'), { backupDir: join(source, 'pre') });
    const backup = join(source, 'new.relaisbackup');
    await writeBackupFile(backup, await takeSnapshot(live.sqlite, join(source, 'snap.sqlite')), { kind: 'manual', work: silentWork });
    live.sqlite.close();
    makeDatabase(join(source, 'old.sqlite'), 'old', 2000, 5);
    const oldFacts = fingerprintOf(join(source, 'old.sqlite'));

    const prepare = (i: number) => {
      const dataDir = join(base, `run-${i}`);
      mkdirSync(dataDir);
      makeDatabase(join(dataDir, DATABASE_FILE), 'old', 2000, 5);
      return dataDir;
    };
    // How long a restore takes here, so the kills spread over it.
    const calibration = await runChild(['restore', prepare(-1), backup], 'restoring', null);
    expect(calibration.lines).toEqual(['restoring', 'restored']);
    expect(calibration.exitedAlone).toBe(true);
    const window = calibration.times.get('restored')! - calibration.times.get('restoring')!;

    const outcomes = await pool(RUNS.restore, async (i) => {
      const dataDir = prepare(i);
      const run = await runChild(['restore', dataDir, backup], 'restoring', rnd.int(0, Math.round(window * 1.2)));
      await restart(dataDir);
      const facts = fingerprintOf(join(dataDir, DATABASE_FILE));
      expect([oldFacts, newFacts], `run ${i} killed ${run.killedAfter} ms into the restore`).toContainEqual(facts);
      if (run.lines.includes('restored')) expect(facts).toEqual(newFacts);
      expect(readdirSync(dataDir).filter((n) => n.includes('.restore-'))).toEqual([]);
      rmSync(dataDir, { recursive: true, force: true });
      return facts.generation;
    });
    console.log(`crash: ${outcomes.length} restores killed: ${outcomes.filter((g) => g === '"old"').length} left the old database, ${outcomes.filter((g) => g === '"new"').length} the new one`);
    // Both ends were seen: some kills landed before the swap, some after.
    expect(outcomes).toContain(JSON.stringify('old'));
    expect(outcomes).toContain(JSON.stringify('new'));
  });
});

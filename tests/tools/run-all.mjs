#!/usr/bin/env node
// Runs every suite (typecheck, unit + component, e2e in Chromium, Electron specs) and ends with
// one plain line totalling them: "N passed, N failed, N skipped". CI reads only that line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = join(root, 'tests/.tmp/reports');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

const npx = (args, env) => run(args[0], 'npx', ['--no-install', ...args], env);

// 1. The native module must be built for Node (not Electron) before anything opens a database.
if (!run('native module', 'node', ['tests/tools/native-abi.mjs', 'node'])) problems.push('native module');

// 2. Types: one check for the whole tree (strict everywhere).
if (npx(['tsc', '--noEmit', '-p', 'tsconfig.json'])) totals.passed += 1;
else { totals.failed += 1; problems.push('typecheck'); }

// 3. Unit and component tests.
const vitestJson = join(tmp, 'vitest.json');
npx(['vitest', 'run', '--config', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  totals.skipped += v.numPendingTests + v.numTodoTests;
  if (v.numFailedTests > 0 || v.success === false) problems.push('vitest');
  if (v.numFailedTestSuites > 0 && v.numFailedTests === 0) { totals.failed += v.numFailedTestSuites; }
} else {
  totals.failed += 1;
  problems.push('vitest (no report)');
}

// 4. Build the app (the e2e suite loads the built renderer), then the Playwright suites.
const built = npx(['electron-vite', 'build']);
if (!built) { totals.failed += 1; problems.push('build'); }

function playwright(label, config) {
  const out = join(tmp, `${label}.json`);
  npx(['playwright', 'test', '-c', config, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (!existsSync(out)) { totals.failed += 1; problems.push(`${label} (no report)`); return; }
  const s = JSON.parse(readFileSync(out, 'utf8')).stats;
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected;
  totals.skipped += s.skipped;
  if (s.unexpected > 0 || (JSON.parse(readFileSync(out, 'utf8')).errors ?? []).length > 0) problems.push(label);
  for (const e of JSON.parse(readFileSync(out, 'utf8')).errors ?? []) { totals.failed += 1; console.error(e.message); }
}
if (built) playwright('e2e', 'tests/e2e/playwright.config.ts');
playwright('electron', 'tests/electron/playwright.config.ts');

if (problems.length) console.log(`\nProblems in: ${problems.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || problems.length > 0 ? 1 : 0);

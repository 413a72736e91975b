#!/usr/bin/env node
// Usage: node tests/tools/native-abi.mjs node|electron
//
// better-sqlite3 is a native module: the tests need a build for this Node, the app a build for
// Electron's ABI, and one folder holds only one of them. This script makes sure the wanted one is in
// place, rebuilding only when needed, and prints one line saying what it did. It is called by the
// npm scripts on purpose: a postinstall hook would silently build the wrong ABI (or fail) here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(join(ROOT, 'package.json'));
const MODULE_DIR = dirname(require.resolve('better-sqlite3/package.json'));
const BINARY = join(MODULE_DIR, 'build/Release/better_sqlite3.node');
const MARKER = join(MODULE_DIR, 'build/relais-abi.json');
const PROBE = "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get();";
// What a build for the other runtime (or no build at all) looks like when loaded.
const WRONG_BUILD =
  /NODE_MODULE_VERSION|ERR_DLOPEN_FAILED|Could not locate the bindings file|Cannot find module '.*better_sqlite3\.node'|invalid ELF header|not a valid Win32 application|incompatible architecture/;

const target = process.argv[2];
if (target === 'node') forNode();
else if (target === 'electron') forElectron();
else fail('usage: node tests/tools/native-abi.mjs node|electron');

function forNode() {
  const abi = process.versions.modules;
  const before = probe(process.execPath, {});
  if (before.ok) {
    remember({ runtime: 'node', target: process.versions.node, abi });
    done(`better-sqlite3 already built for Node ${process.versions.node} (ABI ${abi}); nothing to do`);
  }
  if (!WRONG_BUILD.test(before.output)) fail('better-sqlite3 fails to load in Node, and not because of its build:', before.output);

  const env = { ...process.env };
  // Debian's Node ships its headers: build against them instead of downloading them.
  if (existsSync('/usr/include/node')) env.npm_config_nodedir = '/usr';
  const rebuild = npm(['rebuild', 'better-sqlite3'], env);
  if (rebuild.status !== 0) fail('npm rebuild better-sqlite3 failed:', output(rebuild));
  const after = probe(process.execPath, {});
  if (!after.ok) fail('better-sqlite3 was rebuilt but still does not load in Node:', after.output);
  remember({ runtime: 'node', target: process.versions.node, abi });
  done(`rebuilt better-sqlite3 for Node ${process.versions.node} (ABI ${abi})`);
}

function forElectron() {
  const electron = electronBinary();
  if (!electron) {
    fail(
      'the Electron binary is not installed (node_modules/electron has no dist), so better-sqlite3 cannot be ' +
        'built or checked for it. Install Electron without ELECTRON_SKIP_BINARY_DOWNLOAD, then run this again.',
    );
  }
  const version = require('electron/package.json').version;
  const abi = readFileSync(join(dirname(require.resolve('electron/package.json')), 'abi_version'), 'utf8').trim();
  const marker = readMarker();
  // The binary's mtime guards against a rebuild done by hand since the marker was written.
  if (marker?.runtime === 'electron' && marker.target === version && marker.mtimeMs === mtimeMs()) {
    done(`better-sqlite3 already built for Electron ${version} (ABI ${abi}); nothing to do`);
  }

  const env = { ...process.env };
  // A nodedir (from npm or .npmrc) would make node-gyp use Node's headers: the wrong ABI.
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  const gyp = spawnSync(
    process.execPath,
    [
      require.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${version}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: MODULE_DIR, env, encoding: 'utf8' },
  );
  if (gyp.status !== 0) fail(`node-gyp could not build better-sqlite3 for Electron ${version}:`, output(gyp));
  const check = probe(electron, { ELECTRON_RUN_AS_NODE: '1' });
  if (!check.ok) fail(`better-sqlite3 was built for Electron ${version} but does not load in it:`, check.output);
  remember({ runtime: 'electron', target: version, abi });
  done(`rebuilt better-sqlite3 for Electron ${version} (ABI ${abi})`);
}

/** Loads better-sqlite3 in a child process of `command` (a fresh process sees the file on disk now). */
function probe(command, extraEnv) {
  const result = spawnSync(command, ['-e', PROBE], { cwd: ROOT, env: { ...process.env, ...extraEnv }, encoding: 'utf8' });
  return { ok: result.status === 0, output: output(result) };
}

/** The `electron` package exports its binary's path, and throws when the binary was never downloaded. */
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function npm(args, env) {
  // Under `npm run`, npm_execpath is npm's own script: no shell needed (npm.cmd would need one on Windows).
  const cli = process.env.npm_execpath;
  return cli
    ? spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, env, encoding: 'utf8' })
    : spawnSync('npm', args, { cwd: ROOT, env, encoding: 'utf8', shell: process.platform === 'win32' });
}

function mtimeMs() {
  return existsSync(BINARY) ? statSync(BINARY).mtimeMs : null;
}

function readMarker() {
  try {
    return JSON.parse(readFileSync(MARKER, 'utf8'));
  } catch {
    return null;
  }
}

function remember(build) {
  const marker = { ...build, mtimeMs: mtimeMs() };
  if (JSON.stringify(readMarker()) === JSON.stringify(marker)) return;
  mkdirSync(dirname(MARKER), { recursive: true });
  writeFileSync(MARKER, `${JSON.stringify(marker, null, 2)}\n`);
}

function output(result) {
  return [result.stdout, result.stderr, result.error?.message].filter(Boolean).join('\n').trim();
}

function done(line) {
  console.log(`native-abi: ${line}`);
  process.exit(0);
}

function fail(line, details) {
  console.error(`native-abi: ${line}`);
  // The last lines of a build log are the ones that say why.
  if (details) console.error(details.split('\n').slice(-25).join('\n'));
  process.exit(1);
}

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { openRelais, type Platform } from '../../../electron/core';
import { DATABASE_FILE } from '../../../electron/core/relais';
import { headlessPlatform } from '../../../electron/core/platform';
import type { Input, MethodName, Output } from '../../../shared/api';
import type { RelaisError } from '../../../shared/errors';
import { CallFailed, tempDir } from './helpers';

/**
 * Core over a temp data folder with a Platform whose dialogs answer what the test queued: the
 * import and export go through the same `chooseOpenFile` / `chooseSaveFile` / `chooseFolder` as in
 * the app.
 */
export interface IoCore {
  dataDir: string;
  file: string;
  call<M extends MethodName>(method: M, input?: Input<M>): Promise<Output<M>>;
  failure(method: string, input?: unknown): Promise<RelaisError>;
  /** The next open dialog picks this file. */
  willOpen(path: string | null): void;
  /** The next save dialog picks this path (default: `<dataDir>/out/<default name>`). */
  willSave(path: string | null): void;
  willChooseFolder(path: string | null): void;
  /** What each save dialog was asked (titles, default names, filters). */
  saveRequests: Parameters<Platform['chooseSaveFile']>[0][];
  openRequests: Parameters<Platform['chooseOpenFile']>[0][];
  close(): Promise<void>;
}

/**
 * `inMemory`: the folder goes to /dev/shm when the machine has it. For property tests that open
 * hundreds of data folders: their point is the logic, and fsyncs to disk would make them slow.
 */
export async function openIoCore(options: { dataDir?: string; keep?: boolean; inMemory?: boolean } = {}): Promise<IoCore> {
  const shm = options.inMemory && existsSync('/dev/shm') ? mkdtempSync(join('/dev/shm', 'relais-io-')) : null;
  if (shm && !options.keep) onTestFinished(() => rmSync(shm, { recursive: true, force: true }));
  const dataDir = options.dataDir ?? shm ?? tempDir('relais-io-', { keep: options.keep });
  const out = join(dataDir, 'out');
  const opens: (string | null)[] = [];
  const saves: (string | null)[] = [];
  const folders: (string | null)[] = [];
  const saveRequests: IoCore['saveRequests'] = [];
  const openRequests: IoCore['openRequests'] = [];
  const platform: Platform = {
    ...headlessPlatform('fr-FR'),
    async chooseOpenFile(o) {
      openRequests.push(o);
      return opens.length ? opens.shift()! : null;
    },
    async chooseSaveFile(o) {
      saveRequests.push(o);
      mkdirSync(out, { recursive: true });
      return saves.length ? saves.shift()! : join(out, o.defaultName);
    },
    async chooseFolder() {
      mkdirSync(out, { recursive: true });
      return folders.length ? folders.shift()! : out;
    },
  };
  const core = await openRelais({ dataDir, platform, checkOutputs: true, demoSize: 20 });
  let closed = false;
  const close = async () => {
    if (!closed) await core.close();
    closed = true;
  };
  if (!options.keep) onTestFinished(close);
  return {
    dataDir,
    file: join(dataDir, DATABASE_FILE),
    async call(method, input) {
      const r = await core.dispatch(method, input);
      if (!r.ok) throw new CallFailed(method, r.error);
      return r.data as never;
    },
    async failure(method, input) {
      const r = await core.dispatch(method, input);
      if (r.ok) throw new Error(`${method} was expected to fail, answered ${JSON.stringify(r.data).slice(0, 300)}`);
      return r.error;
    },
    willOpen: (p) => void opens.push(p),
    willSave: (p) => void saves.push(p),
    willChooseFolder: (p) => void folders.push(p),
    saveRequests,
    openRequests,
    close,
  };
}

/** Writes bytes to a temp file and chooses it for import: the token core answers. */
export async function chooseBytes(t: IoCore, name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(tempDir('relais-io-in-'), name);
  writeFileSync(path, bytes);
  return choosePath(t, path);
}

export async function choosePath(t: IoCore, path: string): Promise<string> {
  t.willOpen(path);
  const chosen = await t.call('io.chooseImportFile');
  if (!chosen) throw new Error('the open dialog answered nothing');
  return chosen.token;
}

export const FIXTURES = join(__dirname, 'fixtures', 'io');

import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { openRelais, type RelaisCore } from '../../../electron/core';
import { DATABASE_FILE } from '../../../electron/core/relais';
import type { Input, MethodName, Output, VolunteerInput } from '../../../shared/api';
import type { ErrorCode, RelaisError, Result } from '../../../shared/errors';

/**
 * Test helpers for core: real SQLite files in temp folders, a typed `call`, builders so each test
 * states only what it cares about, and read-only views of the file to check what was (not) written.
 */

/** A fresh temp folder, removed when the current test ends (or by hand with `keep`). */
export function tempDir(prefix = 'relais-test-', options: { keep?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (!options.keep) onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

type Args<M extends MethodName> = undefined extends Input<M> ? [input?: Input<M>] : [input: Input<M>];

export class CallFailed extends Error {
  constructor(
    readonly method: string,
    readonly error: RelaisError,
  ) {
    super(`${method} failed: ${JSON.stringify(error)}`);
  }
}

export interface TestCore {
  core: RelaisCore;
  dataDir: string;
  /** The real database file of the folder. */
  file: string;
  /** The raw door, for inputs the types would refuse. */
  dispatch(method: unknown, input?: unknown): Promise<Result<unknown>>;
  /** Typed call that answers the data or throws `CallFailed`. */
  call<M extends MethodName>(method: M, ...input: Args<M>): Promise<Output<M>>;
  /** Runs a call that must fail and answers its error. */
  failure(method: string, input?: unknown): Promise<RelaisError>;
  close(): Promise<void>;
  /** Closes and opens the same folder again. */
  reopen(): Promise<TestCore>;
}

export interface TestCoreOptions {
  dataDir?: string;
  demoSize?: number;
  /** Do not clean up at the end of the test (the caller closes it, e.g. in afterAll). */
  keep?: boolean;
  onInternalError?: (method: string, error: unknown) => void;
}

/** Opens core over a temp data folder with output checking on; closed and removed after the test. */
export async function openTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const dataDir = options.dataDir ?? tempDir('relais-core-', { keep: options.keep });
  const core = await openRelais({
    dataDir,
    checkOutputs: true,
    demoSize: options.demoSize ?? 30,
    onInternalError: options.onInternalError,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await core.close();
  };
  if (!options.keep) onTestFinished(close);
  const t: TestCore = {
    core,
    dataDir,
    file: join(dataDir, DATABASE_FILE),
    dispatch: (method, input) => core.dispatch(method as string, input),
    async call(method, ...input) {
      const result = await core.dispatch(method, input[0]);
      if (!result.ok) throw new CallFailed(method, result.error);
      return result.data as never;
    },
    async failure(method, input) {
      const result = await core.dispatch(method, input);
      if (result.ok) throw new Error(`${method} was expected to fail but answered ${JSON.stringify(result.data).slice(0, 300)}`);
      return result.error;
    },
    close,
    async reopen() {
      await close();
      return openTestCore({ ...options, dataDir });
    },
  };
  return t;
}

let serial = 0;

/** A valid `volunteers.create` input; overrides state what the test is about. */
export function buildVolunteer(overrides: Partial<VolunteerInput> = {}): VolunteerInput {
  serial += 1;
  return {
    firstName: 'Camille',
    lastName: `Martin-${serial}`,
    joinedOn: '2024-03-01',
    ...overrides,
  };
}

/** The parts of a stored volunteer that `volunteers.update` takes back as input. */
export function toInput(v: Output<'volunteers.get'>): VolunteerInput {
  const { id: _id, history: _h, archivedAt: _a, createdAt: _c, updatedAt: _u, skills, ...rest } = v;
  return { ...rest, skills: skills.map((s) => ({ skillId: s.skillId, level: s.level as 1 | 2 | 3 })) };
}

/** Opens the file read-only (better-sqlite3) for the length of `fn`. */
export function withReadonly<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export const REGISTRY_TABLES = [
  'volunteers',
  'volunteer_skills',
  'volunteer_history',
  'volunteer_custom_values',
  'volunteers_fts',
  'skills',
  'custom_fields',
  'association',
  'settings',
] as const;

/** Row counts of the registry tables, read from the file itself. */
export function countRows(file: string): Record<(typeof REGISTRY_TABLES)[number], number> {
  return withReadonly(file, (db) =>
    Object.fromEntries(
      REGISTRY_TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
    ),
  ) as Record<(typeof REGISTRY_TABLES)[number], number>;
}

/** Every row of every table (FTS shadow tables included), to compare a whole database before/after. */
export function dumpTables(file: string): Record<string, unknown[]> {
  return withReadonly(file, (db) => {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()]));
  });
}

export const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The file's bytes and the files next to it (no -wal/-shm/journal appearing). */
export function fingerprint(file: string): { sha: string; siblings: string[] } {
  const dir = join(file, '..');
  return { sha: sha256(file), siblings: existsSync(dir) ? readdirSync(dir).sort() : [] };
}

/** Asserts a dispatch Result failed with this code (and answers the error for more checks). */
export function expectFailure(result: Result<unknown>, code: ErrorCode): RelaisError {
  expect(result.ok, `expected ${code}, got ${JSON.stringify(result).slice(0, 300)}`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  return result.error;
}

/** Asserts a VALIDATION error names this key at this field path. */
export function expectIssue(error: RelaisError, path: (string | number)[], key: string): void {
  expect(error.code).toBe('VALIDATION');
  expect(error.details?.issues ?? []).toContainEqual(expect.objectContaining({ path, key }));
}

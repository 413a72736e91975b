import { randomUUID } from 'node:crypto';
import { RelaisFailure } from '../../../shared/errors';
import type { Session } from '../context';
import { readTable, type Table } from './read-table';

/**
 * Files chosen for import, kept in memory behind a token. The renderer only ever holds the token:
 * it cannot make core read a path of its choosing, and the preview and the import read the very
 * same bytes even if the file changes on disk in between.
 */
interface Chosen {
  fileName: string;
  bytes: Uint8Array;
  table: Promise<Table> | null;
  /** The last plan computed for this file, and what it depended on. */
  plan: { key: string; value: unknown } | null;
}

const KEEP = 4;
const stores = new WeakMap<Session, Map<string, Chosen>>();

function storeOf(session: Session): Map<string, Chosen> {
  let store = stores.get(session);
  if (!store) stores.set(session, (store = new Map()));
  return store;
}

export function keepFile(session: Session, fileName: string, bytes: Uint8Array): string {
  const store = storeOf(session);
  const token = randomUUID();
  store.set(token, { fileName, bytes, table: null, plan: null });
  // Only the last few files chosen stay in memory.
  while (store.size > KEEP) store.delete(store.keys().next().value!);
  return token;
}

export function forgetFile(session: Session, token: string): boolean {
  return storeOf(session).delete(token);
}

/** The file behind a token, read once and kept parsed. */
export async function chosenTable(session: Session, token: string): Promise<{ fileName: string; table: Table }> {
  const chosen = storeOf(session).get(token);
  if (!chosen) throw new RelaisFailure('NOT_FOUND', { token });
  chosen.table ??= readTable(chosen.bytes);
  try {
    return { fileName: chosen.fileName, table: await chosen.table };
  } catch (error) {
    chosen.table = null;
    throw error;
  }
}

/**
 * Keeps one computed value per file (the import plan), valid as long as `key` is the same: the
 * import right after its preview need not check 10,000 rows again when nothing has changed.
 */
export function cachedFor<T>(session: Session, token: string, key: string, compute: () => T): T {
  const chosen = storeOf(session).get(token);
  if (!chosen) throw new RelaisFailure('NOT_FOUND', { token });
  if (chosen.plan?.key === key) return chosen.plan.value as T;
  const value = compute();
  chosen.plan = { key, value };
  return value;
}

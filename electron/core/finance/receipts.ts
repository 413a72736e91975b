import { randomUUID } from 'node:crypto';
import { existsSync, fsyncSync, closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { RECEIPT_EXTENSIONS, RECEIPT_MAX_BYTES } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import type { Context, Session } from '../context';

/**
 * Receipts: a copy of the chosen file in the data folder (`receipts/`, or `demo/receipts/` for the
 * sample data), under a random name that says nothing of its content; the line keeps the original
 * name to show. Backups carry the receipts the database points at (backups/attachments.ts).
 *
 * Choosing a file does not write anything: the bytes wait in memory behind a token until the line
 * is saved with it, so a form closed without saving leaves no stray file behind.
 */
export const RECEIPTS_DIR = 'receipts';
/** The stored name: a UUID and the original extension. Anything else found in the folder is not ours. */
export const RECEIPT_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,5}$/;

export const receiptsDir = (ctx: Pick<Context, 'session'>) =>
  ctx.session.mode === 'demo' ? join(ctx.session.dataDir, 'demo', RECEIPTS_DIR) : join(ctx.session.dataDir, RECEIPTS_DIR);

const issue = (key: string, params?: Record<string, string | number>) =>
  new RelaisFailure('VALIDATION', { issues: [{ path: ['receipt'], key: `finance.${key}`, ...(params ? { params } : {}) }] });

interface Chosen {
  name: string;
  extension: string;
  bytes: Buffer;
}
const KEEP = 3;
const chosen = new WeakMap<Session, Map<string, Chosen>>();
const storeOf = (session: Session) => {
  let store = chosen.get(session);
  if (!store) chosen.set(session, (store = new Map()));
  return store;
};

/**
 * Reads a file picked as a receipt after checking it is one: a regular file (not a folder, a
 * device or a pipe), not empty, at most 20 MB (sized before reading: a 2 GB video picked by
 * mistake is refused without being read), and a document or image type (never something the
 * system would run when the receipt is opened).
 */
export function readReceiptFile(path: string): Chosen {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw issue('receiptNotAFile');
    size = stat.size;
  } catch (error) {
    if (error instanceof RelaisFailure) throw error;
    throw issue('receiptUnreadable');
  }
  const extension = extname(path).slice(1).toLowerCase();
  if (!(RECEIPT_EXTENSIONS as readonly string[]).includes(extension)) throw issue('receiptType', { types: RECEIPT_EXTENSIONS.join(', ') });
  if (size === 0) throw issue('receiptEmpty');
  if (size > RECEIPT_MAX_BYTES) throw issue('receiptTooBig', { max: RECEIPT_MAX_BYTES / 1024 / 1024 });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw issue('receiptUnreadable');
  }
  if (bytes.byteLength > RECEIPT_MAX_BYTES) throw issue('receiptTooBig', { max: RECEIPT_MAX_BYTES / 1024 / 1024 });
  return { name: basename(path).slice(0, 200), extension, bytes };
}

export async function chooseReceipt(ctx: Context) {
  const path = await ctx.platform.chooseOpenFile({
    titleKey: 'files.chooseReceipt',
    filters: [{ nameKey: 'files.receipts', extensions: [...RECEIPT_EXTENSIONS] }],
  });
  if (!path) return null;
  const file = readReceiptFile(path);
  const store = storeOf(ctx.session);
  const token = randomUUID();
  store.set(token, file);
  while (store.size > KEEP) store.delete(store.keys().next().value!);
  return { token, name: file.name, bytes: file.bytes.byteLength };
}

export function takeChosen(ctx: Context, token: string): Chosen {
  const file = storeOf(ctx.session).get(token);
  if (!file) throw issue('receiptExpired');
  return file;
}

export function forgetChosen(ctx: Context, token: string): void {
  storeOf(ctx.session).delete(token);
}

/** Writes a chosen file into the receipts folder (synced, under its final name only when complete). */
export function storeReceipt(ctx: Context, file: Chosen): { receiptFile: string; path: string } {
  const dir = receiptsDir(ctx);
  mkdirSync(dir, { recursive: true });
  const receiptFile = `${randomUUID()}.${file.extension}`;
  const path = join(dir, receiptFile);
  const part = `${path}.part`;
  try {
    const fd = openSync(part, 'w');
    try {
      writeSync(fd, file.bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(part, path);
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
  return { receiptFile, path };
}

/** Removes a stored receipt no line points at any more (a name that is not ours is left alone). */
export function deleteReceipt(ctx: Context, receiptFile: string | null): void {
  if (!receiptFile || !RECEIPT_FILE.test(receiptFile)) return;
  const still = ctx.sqlite.prepare('SELECT 1 FROM money_lines WHERE receipt_file = ?').get(receiptFile);
  if (!still) rmSync(join(receiptsDir(ctx), receiptFile), { force: true });
}

export async function openReceipt(ctx: Context, lineId: number): Promise<null> {
  const row = ctx.sqlite.prepare('SELECT receipt_file AS file FROM money_lines WHERE id = ?').get(lineId) as { file: string | null } | undefined;
  if (!row) throw new RelaisFailure('NOT_FOUND', { id: lineId });
  if (!row.file || !RECEIPT_FILE.test(row.file)) throw new RelaisFailure('NOT_FOUND', { reason: 'receiptMissing', id: lineId });
  const path = join(receiptsDir(ctx), row.file);
  if (!existsSync(path)) throw new RelaisFailure('NOT_FOUND', { reason: 'receiptMissing', id: lineId });
  await ctx.platform.openPath(path);
  return null;
}

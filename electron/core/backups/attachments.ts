import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import type yazl from 'yazl';
import { z } from 'zod';
import { RelaisFailure } from '../../../shared/errors';
import { decryptor, encryptor, newIv } from './crypto';
import type { Work } from './jobs';

/**
 * Files kept beside the database that a backup must carry: the receipts of money lines
 * (`<data folder>/receipts/<uuid>.<ext>`, see finance/receipts.ts). Each is one stored entry
 * `receipts/<name>` after the database; with a passphrase, encrypted with the backup's key and
 * its own IV (its GCM tag in the manifest). The manifest lists them with their size and SHA-256.
 *
 * Only the receipts the database in the backup points at are taken. A restore puts back those
 * missing from the folder and leaves the others: the stored names are random, so a file of that
 * name already there is that very receipt, and the undo of a restore still finds its own.
 */
export const ATTACHMENTS_DIR = 'receipts';
const ENTRY = /^receipts\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{1,5}$/;

const base64 = (bytes: number) => z.string().refine((s) => /^[A-Za-z0-9+/=]+$/.test(s) && Buffer.from(s, 'base64').length === bytes);

export const attachmentSchema = z.object({
  entry: z.string().regex(ENTRY),
  bytes: z.number().int().positive().max(1024 * 1024 * 1024),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  iv: base64(12).nullable(),
  tag: base64(16).nullable(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export interface AttachmentFile {
  entry: string;
  file: string;
}

/** The receipts the snapshot's database points at that are present in the data folder. */
export function attachmentsOf(snapshotFile: string, dataDir: string): AttachmentFile[] {
  const db = new Database(snapshotFile, { readonly: true, fileMustExist: true });
  let names: string[];
  try {
    names = db.prepare('SELECT DISTINCT receipt_file FROM money_lines WHERE receipt_file IS NOT NULL ORDER BY 1').pluck().all() as string[];
  } catch {
    names = []; // a database from before receipts existed
  } finally {
    db.close();
  }
  return names
    .map((name) => ({ entry: `${ATTACHMENTS_DIR}/${name}`, file: join(dataDir, ATTACHMENTS_DIR, name) }))
    .filter((a) => ENTRY.test(a.entry) && existsSync(a.file));
}

/**
 * Adds the files to the archive, each read (and encrypted) only when the archive gets to it.
 * Resolves with their manifest records once the last one has been written.
 */
export function addAttachments(zip: yazl.ZipFile, files: readonly AttachmentFile[], key: Buffer | null, mtime: Date, work: Work): Promise<Attachment[]> {
  return Promise.all(
    files.map((a) => {
      const bytes = statSync(a.file).size;
      return new Promise<Attachment>((resolve, reject) => {
        const iv = key ? newIv() : null;
        const cipher = key && iv ? encryptor(key, iv) : null;
        const hash = createHash('sha256');
        async function* content() {
          try {
            let read = 0;
            for await (const chunk of createReadStream(a.file)) {
              work.checkpoint();
              read += (chunk as Buffer).length;
              const out = cipher ? cipher.update(chunk as Buffer) : (chunk as Buffer);
              hash.update(out);
              yield out;
            }
            if (cipher) {
              const last = cipher.final();
              hash.update(last);
              if (last.length) yield last;
            }
            // A receipt that changed size while being read would not match its entry's size.
            if (read !== bytes) throw new Error(`attachment changed while backed up: ${a.entry}`);
            resolve({
              entry: a.entry,
              bytes,
              sha256: hash.digest('hex'),
              iv: iv ? iv.toString('base64') : null,
              tag: cipher ? cipher.getAuthTag().toString('base64') : null,
            });
          } catch (error) {
            reject(error);
            throw error;
          }
        }
        zip.addReadStream(Readable.from(content()), a.entry, { mtime, compress: false, size: bytes });
      });
    }),
  );
}

const damaged = (cause: string) => new RelaisFailure('BACKUP_INVALID', { reason: 'damaged', cause });

/**
 * Puts the archive's receipts missing from the data folder back into it, each checked against its
 * SHA-256 (and, encrypted, its authentication tag) before it takes its final name.
 */
export async function restoreAttachments(
  attachments: readonly Attachment[],
  dataDir: string,
  key: Buffer | null,
  work: Work,
  open: (entry: string) => Promise<{ stream: Readable; size: number } | null>,
): Promise<number> {
  const dir = join(dataDir, ATTACHMENTS_DIR);
  let restored = 0;
  for (const a of attachments) {
    const target = join(dir, a.entry.slice(ATTACHMENTS_DIR.length + 1));
    if (existsSync(target) && statSync(target).size === a.bytes) continue;
    if ((a.iv === null) !== (key === null) || (a.tag === null) !== (key === null)) throw damaged('attachment-encryption');
    const source = await open(a.entry);
    if (!source || source.size !== a.bytes) throw damaged('attachment-missing');
    mkdirSync(dir, { recursive: true });
    const part = `${target}.part`;
    const fd = openSync(part, 'w');
    try {
      const hash = createHash('sha256');
      const decipher = key && a.iv && a.tag ? decryptor(key, Buffer.from(a.iv, 'base64'), Buffer.from(a.tag, 'base64')) : null;
      for await (const chunk of source.stream) {
        work.checkpoint();
        hash.update(chunk as Buffer);
        writeSync(fd, decipher ? decipher.update(chunk as Buffer) : (chunk as Buffer));
      }
      if (hash.digest('hex') !== a.sha256) throw damaged('attachment-checksum');
      if (decipher) {
        try {
          writeSync(fd, decipher.final());
        } catch {
          throw damaged('attachment-authentication');
        }
      }
      fsyncSync(fd);
      closeSync(fd);
      renameSync(part, target);
      restored++;
    } catch (error) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      rmSync(part, { force: true });
      if (error instanceof RelaisFailure) throw error;
      throw damaged('attachment-zip');
    }
  }
  return restored;
}

/** Opens an entry of an open archive for `restoreAttachments`. */
export const entryOpener = (zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>) => async (name: string) => {
  const entry = entries.get(name);
  if (!entry) return null;
  return { stream: await zip.openReadStreamPromise(entry), size: entry.uncompressedSize };
};

/**
 * # The Relais backup file (`.relaisbackup`)
 *
 * A plain ZIP archive, so any unzip tool opens it:
 *
 * | entry               | what it is |
 * | ------------------- | ---------- |
 * | `README.txt`        | first: these instructions in short, in English and French |
 * | `relais.sqlite`     | without a passphrase: the database itself, an ordinary SQLite 3 file |
 * | `relais.sqlite.enc` | with a passphrase instead: the SQLite file encrypted with AES-256-GCM |
 * | `manifest.json`     | last (it holds the database's checksum), never encrypted: what the file holds (below) |
 *
 * The archive comment is `RELAIS-BACKUP sha256=<64 hex digits>`: the SHA-256 of every byte of the
 * file before those 64 digits. Any change anywhere in the file (a flipped bit, a cut) is caught by
 * it before anything else is read.
 *
 * `manifest.json`:
 * ```json
 * { "format": "RELAIS-BACKUP", "formatVersion": 1,
 *   "app": { "name": "Relais", "version": "0.1.0" },
 *   "schemaVersion": 4, "association": "Les Amis du Relais",
 *   "createdAt": "2026-11-21T09:30:00.000Z", "kind": "manual",
 *   "counts": { "volunteers": 1250, "skills": 40 },
 *   "payload": { "entry": "relais.sqlite", "bytes": 104857600, "sha256": "<hex>" },
 *   "encryption": null }
 * ```
 * `payload.sha256` is the SHA-256 of the entry as unzipped (the SQLite file, or the ciphertext).
 * With a passphrase, `encryption` is
 * `{ "cipher": "aes-256-gcm", "kdf": "scrypt", "N": 131072, "r": 8, "p": 1, "salt": <base64 16 bytes>,
 *    "iv": <base64 12 bytes>, "tag": <base64 16 bytes>, "aad": "RELAIS-BACKUP/1", "check": <base64> }`:
 * the 64 bytes `scrypt(passphrase NFC, salt, N, r, p)` give the key (first 32) and `check` =
 * base64(sha256(last 32)), which tells a wrong passphrase apart from a damaged file.
 *
 * Reading one without Relais: `unzip backup.relaisbackup relais.sqlite`, then open `relais.sqlite`
 * with `sqlite3` or DB Browser for SQLite. `sha256sum relais.sqlite` matches `payload.sha256`.
 *
 * Entries are stored, not deflated: a 100 MB database must be backed up within 3 s on an office
 * laptop (DESIGN §7), and deflate, even at level 1, took longer than that on its own. Whoever needs
 * a smaller file can compress the backup with any tool.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { z } from 'zod';
import pkg from '../../../package.json';
import { RelaisFailure } from '../../../shared/errors';
import { addAttachments, attachmentSchema, entryOpener, restoreAttachments, type AttachmentFile } from './attachments';
import { checksMatch, decryptor, deriveKeys, encryptor, newIv, newSalt, SCRYPT, type ScryptParams } from './crypto';
import type { JobPhase, Work } from './jobs';

export const BACKUP_EXTENSION = 'relaisbackup';
export const FORMAT_MAGIC = 'RELAIS-BACKUP';
export const FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const PLAIN_ENTRY = 'relais.sqlite';
export const ENCRYPTED_ENTRY = 'relais.sqlite.enc';
export const README_ENTRY = 'README.txt';
const TRAILER_PREFIX = `${FORMAT_MAGIC} sha256=`;
const DIGEST_CHARS = 64;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export const BACKUP_KINDS = ['manual', 'automatic', 'before-restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** Why a file cannot be restored; each has its own translated message (`backups:errors.<reason>`). */
export type RefusalReason =
  | 'empty'
  | 'not-a-backup'
  | 'damaged'
  | 'passphrase-required'
  | 'wrong-passphrase'
  | 'not-relais'
  | 'too-new';

export const refuse = (reason: RefusalReason, facts: Record<string, unknown> = {}) =>
  new RelaisFailure('BACKUP_INVALID', { reason, ...facts });

const base64 = (bytes: number) => z.string().refine((s) => Buffer.from(s, 'base64').length === bytes && /^[A-Za-z0-9+/=]+$/.test(s));
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const encryptionSchema = z.object({
  cipher: z.literal('aes-256-gcm'),
  kdf: z.literal('scrypt'),
  // Bounds keep a doctored manifest from asking for gigabytes of memory.
  N: z.number().int().min(2 ** 14).max(2 ** 20).refine((n) => (n & (n - 1)) === 0),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: base64(16),
  iv: base64(12),
  tag: base64(16),
  aad: z.literal('RELAIS-BACKUP/1'),
  check: base64(32),
});

export const manifestSchema = z.object({
  format: z.literal(FORMAT_MAGIC),
  formatVersion: z.literal(FORMAT_VERSION),
  app: z.object({ name: z.literal('Relais'), version: z.string().max(50) }),
  schemaVersion: z.number().int().min(1),
  association: z.string().max(1000).nullable(),
  createdAt: z.iso.datetime(),
  kind: z.enum(BACKUP_KINDS),
  counts: z.record(z.string().max(100), z.number().int().nonnegative()),
  payload: z.object({ entry: z.enum([PLAIN_ENTRY, ENCRYPTED_ENTRY]), bytes: z.number().int().nonnegative(), sha256: hex64 }),
  encryption: encryptionSchema.nullable(),
  /** Receipts carried with the database (absent when there are none; see attachments.ts). */
  attachments: z.array(attachmentSchema).max(1_000_000).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** What a snapshot of the live database says about itself (see snapshot.ts). */
export interface SnapshotFacts {
  /** A standalone SQLite file (VACUUM INTO), deleted by the caller. */
  file: string;
  schemaVersion: number;
  association: string | null;
  counts: Record<string, number>;
  /** Files from the data folder the database points at (receipts), written after it. */
  attachments?: AttachmentFile[];
}

const README = `Relais backup (${FORMAT_MAGIC} format ${FORMAT_VERSION})
==============================================
This ZIP file is a backup made by Relais. manifest.json says what it holds: app and schema
versions, association, date, row counts and the SHA-256 of the database.
- relais.sqlite is the database itself: an ordinary SQLite 3 file (open it with sqlite3 or
  DB Browser for SQLite). Its SHA-256 is payload.sha256 in manifest.json.
- relais.sqlite.enc instead means the backup is protected by a passphrase (AES-256-GCM, key from
  scrypt with the parameters in manifest.json): restore it with Relais.
To restore, open Relais > Backups > Restore from a file.

Sauvegarde Relais
=================
Ce fichier ZIP est une sauvegarde faite par Relais. manifest.json décrit son contenu : versions,
association, date, nombres de lignes et empreinte SHA-256 de la base.
- relais.sqlite est la base elle-même : un fichier SQLite 3 ordinaire (sqlite3, DB Browser for SQLite).
- relais.sqlite.enc signifie que la sauvegarde est protégée par une phrase secrète (AES-256-GCM,
  clé dérivée par scrypt) : restaurez-la avec Relais.
Pour restaurer : Relais > Sauvegardes > Restaurer depuis un fichier.
`;

/** Reads a file chunk by chunk, with progress and a chance to cancel between chunks. */
async function* chunks(file: string, work: Work, phase: JobPhase, end?: number): AsyncGenerator<Buffer> {
  const total = end ?? statSync(file).size;
  let done = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, ...(end !== undefined ? { end: end - 1 } : {}) })) {
    work.checkpoint();
    done += (chunk as Buffer).length;
    work.phase(phase, total ? done / total : 1);
    yield chunk as Buffer;
  }
}

export const fsyncFile = (file: string) => {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/** Makes a rename durable (POSIX); directories cannot be opened this way on Windows, where rename is already durable. */
export const fsyncDir = (dir: string) => {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

export async function sha256File(file: string, work: Work, phase: JobPhase, end?: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks(file, work, phase, end)) hash.update(chunk);
  return hash.digest('hex');
}

export interface WriteOptions {
  kind: BackupKind;
  passphrase?: string | null;
  work: Work;
  /** Tests use cheaper scrypt settings; the app always uses SCRYPT. */
  scrypt?: ScryptParams;
}

/**
 * Writes a backup of `snapshot` to `target`: first as `<target>.part` in the same folder, synced
 * to disk, then renamed, so a file under the final name is always complete. One pass over the
 * database: read, (encrypt,) hash and zip as it streams; the manifest, which needs the hash and
 * the authentication tag, goes last.
 */
export async function writeBackupFile(target: string, snapshot: SnapshotFacts, options: WriteOptions): Promise<{ bytes: number; manifest: Manifest }> {
  const { work } = options;
  const part = `${target}.part`;
  try {
    let cipher: ReturnType<typeof encryptor> | null = null;
    let keyFacts: { params: ScryptParams; salt: Buffer; iv: Buffer; check: string } | null = null;
    let attachmentKey: Buffer | null = null;
    if (options.passphrase) {
      const params = options.scrypt ?? SCRYPT;
      const salt = newSalt();
      const iv = newIv();
      const { key, check } = await deriveKeys(options.passphrase, salt, params);
      work.checkpoint();
      cipher = encryptor(key, iv);
      keyFacts = { params, salt, iv, check };
      attachmentKey = key;
    }
    const bytes = statSync(snapshot.file).size;
    const createdAt = new Date().toISOString();
    const mtime = new Date(createdAt);
    const entry = cipher ? ENCRYPTED_ENTRY : PLAIN_ENTRY;
    const payloadHash = createHash('sha256');
    let payloadDone!: () => void;
    const payloadWritten = new Promise<void>((resolve) => (payloadDone = resolve));
    const payload = async function* () {
      for await (const chunk of chunks(snapshot.file, work, cipher ? 'encrypt' : 'write')) {
        const out = cipher ? cipher.update(chunk) : chunk;
        payloadHash.update(out);
        yield out;
      }
      if (cipher) {
        const last = cipher.final();
        payloadHash.update(last);
        if (last.length) yield last;
      }
      payloadDone();
    };

    const zip = new yazl.ZipFile();
    const hash = createHash('sha256');
    const state = { tail: Buffer.alloc(0) };
    // Hash everything but the 64 placeholder digits while the archive streams to disk.
    const written = pipeline(zip.outputStream as Readable, holdBack(DIGEST_CHARS, hash, state), createWriteStream(part));
    zip.addBuffer(Buffer.from(README, 'utf8'), README_ENTRY, { mtime, compress: false });
    zip.addReadStream(Readable.from(payload()), entry, { mtime, compress: false, size: bytes });
    const attachmentsWritten = addAttachments(zip, snapshot.attachments ?? [], attachmentKey, mtime, work);
    const manifestReady = Promise.all([payloadWritten, attachmentsWritten]).then(([, attachments]) => {
      const manifest: Manifest = {
        format: FORMAT_MAGIC,
        formatVersion: FORMAT_VERSION,
        app: { name: 'Relais', version: pkg.version },
        schemaVersion: snapshot.schemaVersion,
        association: snapshot.association,
        createdAt,
        kind: options.kind,
        counts: snapshot.counts,
        payload: { entry, bytes, sha256: payloadHash.digest('hex') },
        encryption:
          cipher && keyFacts
            ? {
                cipher: 'aes-256-gcm',
                kdf: 'scrypt',
                ...keyFacts.params,
                salt: keyFacts.salt.toString('base64'),
                iv: keyFacts.iv.toString('base64'),
                tag: cipher.getAuthTag().toString('base64'),
                aad: 'RELAIS-BACKUP/1',
                check: keyFacts.check,
              }
            : null,
        ...(attachments.length ? { attachments } : {}),
      };
      zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), MANIFEST_ENTRY, { mtime, compress: false });
      zip.end({ comment: TRAILER_PREFIX + '0'.repeat(DIGEST_CHARS), forceZip64Format: false });
      return manifest;
    });
    const [manifest] = await Promise.all([manifestReady, written]);
    const digest = hash.digest('hex');
    const size = statSync(part).size;
    const fd = openSync(part, 'r+');
    try {
      writeSync(fd, Buffer.from(digest, 'ascii'), 0, DIGEST_CHARS, size - DIGEST_CHARS);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    work.checkpoint();
    renameSync(part, target);
    fsyncDir(dirname(target));
    return { bytes: size, manifest };
  } finally {
    rmSync(part, { force: true });
  }
}

/** Passes chunks through, hashing all but the last `n` bytes of the stream. */
function holdBack(n: number, hash: Hash, state: { tail: Buffer }) {
  return async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      const all = state.tail.length ? Buffer.concat([state.tail, chunk]) : chunk;
      const cut = Math.max(0, all.length - n);
      hash.update(all.subarray(0, cut));
      state.tail = Buffer.from(all.subarray(cut));
      yield chunk;
    }
  };
}

export type Inspected =
  | { kind: 'archive'; file: string; size: number; manifest: Manifest }
  /** A bare SQLite file (e.g. a copy taken before a schema upgrade): checked once copied out. */
  | { kind: 'database'; file: string; size: number };

function readAt(file: string, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    const read = readSync(fd, buffer, 0, length, position);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a file that failed the checks was meant to be a Relais backup (so: damaged) or is
 * something else entirely. The magic words sit at both ends of the file (the readme first, the
 * manifest and the comment last), so one flipped bit, a cut or a zeroed page cannot hide them all.
 */
function looksLikeOurs(file: string, size: number): boolean {
  const head = readAt(file, 0, Math.min(size, 64 * 1024));
  const tail = readAt(file, Math.max(0, size - 8 * 1024), Math.min(size, 8 * 1024));
  const magic = Buffer.from(FORMAT_MAGIC, 'ascii');
  if (head.includes(magic) || tail.includes(magic)) return true;
  // Our archives open with the local header of README.txt (its name at offset 30).
  const signature = Buffer.from('PK\x03\x04', 'latin1');
  const name = Buffer.from(README_ENTRY, 'ascii');
  if (head.length < 30 + name.length) return head.length > 0 && signature.subarray(0, Math.min(4, head.length)).equals(head.subarray(0, 4));
  return head.subarray(0, 4).equals(signature) && head.subarray(30, 30 + name.length).equals(name);
}

/** Checks the whole-file checksum and reads the manifest. Nothing is extracted. */
export async function inspectBackupFile(file: string, work: Work): Promise<Inspected> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw refuse('not-a-backup', { cause: 'unreadable' });
  }
  if (size === 0) throw refuse('empty');
  if (readAt(file, 0, 16).equals(SQLITE_MAGIC)) return { kind: 'database', file, size };

  const damaged = (cause: string) => (looksLikeOurs(file, size) ? refuse('damaged', { cause }) : refuse('not-a-backup'));
  const trailerLength = TRAILER_PREFIX.length + DIGEST_CHARS;
  if (size < trailerLength + 22) throw damaged('too-short');
  const trailer = readAt(file, size - trailerLength, trailerLength).toString('latin1');
  const expected = trailer.slice(TRAILER_PREFIX.length);
  if (!trailer.startsWith(TRAILER_PREFIX) || !/^[0-9a-f]{64}$/.test(expected)) throw damaged('trailer');
  const actual = await sha256File(file, work, 'read', size - DIGEST_CHARS);
  if (actual !== expected) throw refuse('damaged', { cause: 'checksum' });

  // From here the bytes are exactly those Relais wrote; what follows guards against a file made by hand.
  const manifest = await withZip(file, async (zip, entries) => {
    const entry = entries.get(MANIFEST_ENTRY);
    if (!entry || entry.uncompressedSize > 64 * 1024) throw refuse('damaged', { cause: 'manifest-missing' });
    const text = (await readEntry(zip, entry)).toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw refuse('damaged', { cause: 'manifest-json' });
    }
    const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
    if (typeof version === 'number' && version > FORMAT_VERSION) throw refuse('too-new', { formatVersion: version });
    const parsed = manifestSchema.safeParse(json);
    if (!parsed.success) throw refuse('damaged', { cause: 'manifest-fields' });
    const payload = entries.get(parsed.data.payload.entry);
    if (!payload || payload.uncompressedSize !== parsed.data.payload.bytes) throw refuse('damaged', { cause: 'payload-missing' });
    if ((parsed.data.encryption === null) !== (parsed.data.payload.entry === PLAIN_ENTRY)) throw refuse('damaged', { cause: 'manifest-fields' });
    return parsed.data;
  });
  return { kind: 'archive', file, size, manifest };
}

async function withZip<T>(file: string, fn: (zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>) => Promise<T>): Promise<T> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true });
  } catch {
    throw refuse('damaged', { cause: 'zip' });
  }
  try {
    const entries = new Map<string, yauzl.Entry>();
    try {
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    } catch {
      throw refuse('damaged', { cause: 'zip' });
    }
    return await fn(zip, entries);
  } finally {
    zip.close();
  }
}

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  try {
    const parts: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
    return Buffer.concat(parts);
  } catch {
    throw refuse('damaged', { cause: 'zip' });
  }
}

/**
 * Writes the database held by an inspected archive to `target` (plain SQLite), checking the
 * passphrase first and the payload's checksum and authentication tag on the way.
 */
export async function extractDatabase(inspected: Inspected, target: string, passphrase: string | null | undefined, work: Work): Promise<Buffer | null> {
  if (inspected.kind === 'database') {
    await pipeline(chunks(inspected.file, work, 'read'), createWriteStream(target));
    return null;
  }
  const { manifest } = inspected;
  const enc = manifest.encryption;
  let decipher: ReturnType<typeof decryptor> | null = null;
  let payloadKey: Buffer | null = null;
  if (enc) {
    if (!passphrase) throw refuse('passphrase-required');
    work.phase('decrypt', 0);
    const { key, check } = await deriveKeys(passphrase, Buffer.from(enc.salt, 'base64'), { N: enc.N, r: enc.r, p: enc.p });
    if (!checksMatch(check, enc.check)) throw refuse('wrong-passphrase');
    decipher = decryptor(key, Buffer.from(enc.iv, 'base64'), Buffer.from(enc.tag, 'base64'));
    payloadKey = key;
  }
  await withZip(inspected.file, async (zip, entries) => {
    const entry = entries.get(manifest.payload.entry)!;
    const hash = createHash('sha256');
    let done = 0;
    const total = manifest.payload.bytes || 1;
    let source: Readable;
    try {
      source = await zip.openReadStreamPromise(entry);
    } catch {
      throw refuse('damaged', { cause: 'zip' });
    }
    try {
      await pipeline(
        source,
        async function* (input: AsyncIterable<Buffer>) {
          for await (const chunk of input) {
            work.checkpoint();
            hash.update(chunk);
            done += chunk.length;
            work.phase(decipher ? 'decrypt' : 'read', done / total);
            yield decipher ? decipher.update(chunk) : chunk;
          }
          if (hash.digest('hex') !== manifest.payload.sha256) throw refuse('damaged', { cause: 'payload-checksum' });
          if (decipher) {
            try {
              yield decipher.final();
            } catch {
              throw refuse('damaged', { cause: 'authentication' });
            }
          }
        },
        createWriteStream(target),
      );
    } catch (error) {
      if (error instanceof RelaisFailure) throw error;
      throw refuse('damaged', { cause: 'zip' });
    }
  });
  return payloadKey;
}

/** Puts back into the data folder the receipts an archive carries and the folder lacks (attachments.ts). */
export async function extractAttachments(inspected: Inspected, dataDir: string, key: Buffer | null, work: Work): Promise<number> {
  const attachments = inspected.kind === 'archive' ? (inspected.manifest.attachments ?? []) : [];
  if (attachments.length === 0) return 0;
  return withZip(inspected.file, (zip, entries) => restoreAttachments(attachments, dataDir, key, work, entryOpener(zip, entries)));
}

export const backupFileName = (kind: BackupKind, at: Date, association?: string | null) => {
  const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const prefix = kind === 'manual' ? slug(association) || 'relais' : kind === 'automatic' ? 'relais-auto' : 'relais-before-restore';
  return `${prefix}-${stamp}.${BACKUP_EXTENSION}`;
};

/** A file-name-safe, accent-free form of the association name. */
export function slug(name: string | null | undefined): string {
  return (name ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

export const isBackupName = (name: string) => basename(name).endsWith(`.${BACKUP_EXTENSION}`);

import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { BackupEntry, BackupStatus, BackupSummary } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import type { Context, Session } from '../context';
import type { Sqlite } from '../db/connection';
import { LATEST_VERSION } from '../db/migrations';
import { afterRestore } from './after-restore';
import {
  BACKUP_EXTENSION,
  backupFileName,
  extractAttachments,
  extractDatabase,
  fsyncDir,
  fsyncFile,
  inspectBackupFile,
  sha256File,
  writeBackupFile,
  type BackupKind,
  type Inspected,
} from './format';
import { currentJob, requestCancel, runJob, type Work } from './jobs';
import { QUARANTINE_DIR } from './quarantine';
import { backupsToKeep } from './rotation';
import { takeSnapshot } from './snapshot';
import { readState, remember, updateState, type BackupState, type HistoryEntry } from './state';
import { syncedFolderKind, systemMounts } from './synced';
import { verifyDatabase } from './verify';

/** Automatic backups run at most this often while Relais is in use (and at every quit). */
export const AUTOMATIC_INTERVAL_MS = 24 * 60 * 60 * 1000;
const BEFORE_RESTORE_KEEP = 10;
const DATABASE_NAME = 'relais.sqlite';

const backupsDir = (dataDir: string) => join(dataDir, 'backups');
export const defaultAutomaticFolder = (dataDir: string) => join(backupsDir(dataDir), 'automatic');
const beforeRestoreFolder = (dataDir: string) => join(backupsDir(dataDir), 'before-restore');
const workFolder = (dataDir: string) => join(backupsDir(dataDir), '.work');
const automaticFolder = (dataDir: string, state: BackupState) => state.folder ?? defaultAutomaticFolder(dataDir);

const isInside = (file: string, folder: string) => {
  const rel = relative(resolve(folder), resolve(file));
  return !rel.startsWith('..') && !isAbsolute(rel);
};
const entryId = (file: string) => createHash('sha256').update(file).digest('hex').slice(0, 16);

// Per-session memory: files checked by `inspect` (token → path) and the change count at the last
// automatic backup (to skip one when nothing changed without even taking a snapshot).
interface Checked {
  file: string;
  size: number;
  mtimeMs: number;
  inspected: Inspected;
}
interface Memory {
  tokens: Map<string, Checked>;
  lastChanges: WeakMap<Sqlite, number>;
}
const memories = new WeakMap<Session, Memory>();
const memoryOf = (session: Session) => {
  let m = memories.get(session);
  if (!m) memories.set(session, (m = { tokens: new Map(), lastChanges: new WeakMap() }));
  return m;
};

const totalChanges = (sqlite: Sqlite) => (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

function refuseInDemo(ctx: Context): void {
  // Backups and restores are about the association's own data; the sample database is thrown away.
  if (ctx.session.mode === 'demo') throw new RelaisFailure('CONFLICT', { reason: 'demo-mode' });
}

/** Takes a snapshot of the real database and writes it as a backup file at `target`. */
async function backupTo(session: Session, target: string, kind: BackupKind, passphrase: string | null, work: Work) {
  const dir = workFolder(session.dataDir);
  mkdirSync(dir, { recursive: true });
  mkdirSync(dirname(target), { recursive: true });
  const snapshotFile = join(dir, `snapshot-${randomBytes(6).toString('hex')}.sqlite`);
  try {
    const snapshot = await takeSnapshot(session.real.sqlite, snapshotFile, work, session.dataDir);
    work.checkpoint();
    const written = await writeBackupFile(target, snapshot, { kind, passphrase, work });
    return { ...written, snapshotSha: written.manifest.encryption ? null : written.manifest.payload.sha256, snapshotFile };
  } finally {
    rmSync(snapshotFile, { force: true });
  }
}

function historyEntry(dataDir: string, file: string, kind: BackupKind, bytes: number, encrypted: boolean, at: string): HistoryEntry {
  return { at, kind, file, bytes, encrypted, external: !isInside(file, dataDir) };
}

export function getStatus(ctx: Context): BackupStatus {
  const { dataDir } = ctx.session;
  const state = readState(dataDir);
  const folder = automaticFolder(dataDir, state);
  const history: BackupEntry[] = state.history.map((h) => ({
    id: entryId(h.file),
    at: h.at,
    kind: h.kind,
    name: basename(h.file),
    folder: dirname(h.file),
    bytes: h.bytes,
    encrypted: h.encrypted,
    external: h.external,
    present: existsSync(h.file),
  }));
  const mine = state.history.filter((h) => h.kind !== 'before-restore');
  const lastBackupAt = mine[0]?.at ?? null;
  const lastExternalAt = mine.find((h) => h.external)?.at ?? null;
  const dueBefore = Date.now() - state.reminderDays * 24 * 60 * 60 * 1000;
  return {
    mode: ctx.session.mode,
    folder,
    folderIsDefault: state.folder === null,
    automatic: state.automatic,
    reminderDays: state.reminderDays,
    lastBackupAt,
    lastExternalAt,
    reminderDue: state.recovery === null && (lastExternalAt === null || Date.parse(lastExternalAt) < dueBefore),
    dataDirSynced: syncedFolderKind(dataDir, systemMounts()),
    dataDir,
    history,
    lastRestore: state.lastRestore
      ? { at: state.lastRestore.at, source: state.lastRestore.source, kind: state.lastRestore.kind, undoAvailable: existsSync(state.lastRestore.undoFile) }
      : null,
    recovery: state.recovery,
  };
}

/** "Back up now": asks where, writes there, remembers it. */
export async function createBackup(ctx: Context, passphrase: string | null) {
  refuseInDemo(ctx);
  const { session, platform } = ctx;
  const association = (ctx.session.real.sqlite.prepare('SELECT name FROM association WHERE id = 1').get() as { name: string } | undefined)?.name;
  const at = new Date();
  const target = await platform.chooseSaveFile({
    titleKey: 'files.saveBackup',
    defaultName: backupFileName('manual', at, association),
    filters: [{ nameKey: 'files.backup', extensions: [BACKUP_EXTENSION] }],
  });
  if (!target) return null;
  const file = target.endsWith(`.${BACKUP_EXTENSION}`) ? target : `${target}.${BACKUP_EXTENSION}`;
  if (resolve(file) === resolve(join(session.dataDir, DATABASE_NAME))) throw new RelaisFailure('CONFLICT', { reason: 'target-is-database' });
  return runJob(session, 'backup', async (work) => {
    const { bytes, manifest } = await backupTo(session, file, 'manual', passphrase, work);
    updateState(session.dataDir, (s) => remember(s, historyEntry(session.dataDir, file, 'manual', bytes, passphrase !== null, manifest.createdAt)));
    return { name: basename(file), folder: dirname(file), bytes, encrypted: passphrase !== null, at: manifest.createdAt };
  });
}

/** Deletes the automatic backups the rotation no longer keeps (only files Relais named itself). */
function rotate(folder: string): void {
  // A backup cut short by a crash stays a `.part` file, never a file under a backup's name.
  for (const name of readdirSync(folder)) if (name.endsWith(`.${BACKUP_EXTENSION}.part`)) rmSync(join(folder, name), { force: true });
  const files = readdirSync(folder).filter((n) => /^relais-auto-\d{8}-\d{6}\.relaisbackup$/.test(n));
  const dated = files.map((name) => {
    const m = /(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(name)!;
    return { name, at: new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) };
  });
  const keep = backupsToKeep(dated);
  for (const { name } of dated) if (!keep.has(name)) rmSync(join(folder, name), { force: true });
}

export async function runAutomatic(ctx: Context, trigger: 'quit' | 'timer' | 'now') {
  const { session } = ctx;
  const state = readState(session.dataDir);
  if (state.recovery) return { outcome: 'recovery' as const, name: null };
  if (!state.automatic && trigger !== 'now') return { outcome: 'disabled' as const, name: null };
  const lastAuto = state.history.find((h) => h.kind === 'automatic');
  if (trigger === 'timer' && lastAuto && Date.now() - Date.parse(lastAuto.at) < AUTOMATIC_INTERVAL_MS) return { outcome: 'not-due' as const, name: null };
  const memory = memoryOf(session);
  const sqlite = session.real.sqlite;
  const changes = totalChanges(sqlite);
  if (state.lastAutomaticSha && memory.lastChanges.get(sqlite) === changes) return { outcome: 'unchanged' as const, name: null };

  return runJob(session, 'automatic', async (work) => {
    const folder = automaticFolder(session.dataDir, state);
    const file = join(folder, backupFileName('automatic', new Date()));
    const dir = workFolder(session.dataDir);
    mkdirSync(dir, { recursive: true });
    mkdirSync(folder, { recursive: true });
    // Nothing changed since the last one (e.g. Relais was reopened): same snapshot, no new file.
    const snapshot = await takeSnapshot(sqlite, join(dir, `snapshot-${randomBytes(6).toString('hex')}.sqlite`), work, session.dataDir);
    try {
      const sha = await sha256File(snapshot.file, work, 'encrypt');
      if (sha === state.lastAutomaticSha && lastAuto && existsSync(lastAuto.file)) {
        memory.lastChanges.set(sqlite, changes);
        return { outcome: 'unchanged' as const, name: null };
      }
      const { bytes, manifest } = await writeBackupFile(file, snapshot, { kind: 'automatic', passphrase: null, work });
      memory.lastChanges.set(sqlite, changes);
      updateState(session.dataDir, (s) => {
        s.lastAutomaticSha = sha;
        remember(s, historyEntry(session.dataDir, file, 'automatic', bytes, false, manifest.createdAt));
      });
      rotate(folder);
      return { outcome: 'created' as const, name: basename(file) };
    } finally {
      rmSync(snapshot.file, { force: true });
    }
  });
}

export async function chooseFolder(ctx: Context): Promise<BackupStatus> {
  const folder = await ctx.platform.chooseFolder({ titleKey: 'files.chooseBackupFolder' });
  if (folder) {
    // The live database's own folder would mix backups with the files a restore swaps.
    if (resolve(folder) === resolve(ctx.session.dataDir)) throw new RelaisFailure('CONFLICT', { reason: 'folder-is-data-folder' });
    updateState(ctx.session.dataDir, (s) => {
      s.folder = folder;
    });
  }
  return getStatus(ctx);
}

export function saveSettings(ctx: Context, input: { automatic: boolean; reminderDays: number; resetFolder: boolean }): BackupStatus {
  updateState(ctx.session.dataDir, (s) => {
    s.automatic = input.automatic;
    s.reminderDays = input.reminderDays;
    if (input.resetFolder) s.folder = null;
  });
  return getStatus(ctx);
}

function findEntry(ctx: Context, id: string): HistoryEntry {
  const entry = readState(ctx.session.dataDir).history.find((h) => entryId(h.file) === id);
  if (!entry || !existsSync(entry.file)) throw new RelaisFailure('NOT_FOUND', { id });
  return entry;
}

function summaryOf(token: string, inspected: Inspected, facts?: { schemaVersion: number; association: string | null; counts: Record<string, number> }): BackupSummary {
  const m = inspected.kind === 'archive' ? inspected.manifest : null;
  return {
    token,
    name: basename(inspected.file),
    bytes: inspected.size,
    source: inspected.kind,
    encrypted: m?.encryption != null,
    createdAt: m?.createdAt ?? null,
    appVersion: m?.app.version ?? null,
    schemaVersion: m?.schemaVersion ?? facts?.schemaVersion ?? null,
    association: m?.association ?? facts?.association ?? null,
    counts: m?.counts ?? facts?.counts ?? null,
  };
}

/** A temp place for a restored copy: beside the live database, so the final rename stays on one disk. */
const candidatePath = (dataDir: string) => join(dataDir, `${DATABASE_NAME}.restore-${randomBytes(6).toString('hex')}.tmp`);
const removeCandidate = (file: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
};

/**
 * Checks a backup without changing anything: structure and checksum, manifest, schema version. A
 * bare database file is copied out and checked whole (it has no manifest to describe it).
 */
export async function inspect(ctx: Context, id: string | undefined): Promise<BackupSummary | null> {
  refuseInDemo(ctx);
  const { session, platform } = ctx;
  const file = id
    ? findEntry(ctx, id).file
    : await platform.chooseOpenFile({
        titleKey: 'files.chooseBackup',
        filters: [{ nameKey: 'files.backup', extensions: [BACKUP_EXTENSION, 'sqlite'] }],
      });
  if (!file) return null;
  return runJob(session, 'inspect', async (work) => {
    const inspected = await inspectBackupFile(file, work);
    if (inspected.kind === 'archive') {
      const { manifest } = inspected;
      if (manifest.schemaVersion > LATEST_VERSION) throw new RelaisFailure('BACKUP_INVALID', { reason: 'too-new', found: manifest.schemaVersion, supported: LATEST_VERSION });
    }
    let facts: { schemaVersion: number; association: string | null; counts: Record<string, number> } | undefined;
    if (inspected.kind === 'database') {
      const candidate = candidatePath(session.dataDir);
      try {
        await extractDatabase(inspected, candidate, null, work);
        work.phase('verify', 0);
        const verified = verifyDatabase(candidate);
        facts = { schemaVersion: verified.foundVersion, association: verified.association, counts: verified.counts };
      } finally {
        removeCandidate(candidate);
      }
    }
    const token = randomBytes(12).toString('hex');
    const { size, mtimeMs } = statSync(file);
    memoryOf(session).tokens.set(token, { file, size, mtimeMs, inspected });
    return summaryOf(token, inspected, facts);
  });
}

/**
 * Restores a backup over the real database. Everything is checked on a copy first; the current
 * data is then saved as an undo copy; only then is the copy swapped in (atomic rename, no WAL
 * left beside it). A failure or a cancel before the swap leaves the live database untouched.
 */
async function restoreFile(ctx: Context, file: string, passphrase: string | null, kind: 'restore' | 'undo', checked?: Checked): Promise<BackupStatus> {
  const { session } = ctx;
  const { dataDir } = session;
  await runJob(session, 'restore', async (work) => {
    // Checked a moment ago and not touched since: its checksum need not be read again (the
    // payload's own checksum and, encrypted, its authentication tag are checked while extracting).
    const now = existsSync(file) ? statSync(file) : null;
    const inspected =
      checked && now && now.size === checked.size && now.mtimeMs === checked.mtimeMs ? checked.inspected : await inspectBackupFile(file, work);
    const candidate = candidatePath(dataDir);
    try {
      const key = await extractDatabase(inspected, candidate, passphrase, work);
      work.checkpoint();
      work.phase('verify', 0);
      verifyDatabase(candidate, (sqlite) => afterRestore(sqlite, dataDir));
      // Receipts first: once the restored database is live, every file it points at is there.
      await extractAttachments(inspected, dataDir, key, work);
      work.phase('upgrade', 1);
      fsyncFile(candidate);
      work.checkpoint();

      work.commit();
      // The undo copy, taken inside the swap once the live database is closed: the file itself,
      // hard-linked (instant) or copied, kept as a plain SQLite file Relais can restore.
      mkdirSync(beforeRestoreFolder(dataDir), { recursive: true });
      const undoFile = unusedName(join(beforeRestoreFolder(dataDir), backupFileName('before-restore', new Date()).replace(/\.relaisbackup$/, '.sqlite')));
      work.phase('swap', 0);
      await session.replaceReal((live) => swapIn(live, candidate, undoFile));
      work.phase('swap', 1);
      updateState(dataDir, (s) => {
        remember(s, historyEntry(dataDir, undoFile, 'before-restore', statSync(undoFile).size, false, new Date().toISOString()));
        s.lastRestore = kind === 'undo' ? null : { at: new Date().toISOString(), source: basename(file), undoFile, kind };
        s.recovery = null;
        // The next automatic backup must not be skipped as "unchanged" against the old data.
        s.lastAutomaticSha = null;
      });
      pruneBeforeRestore(dataDir);
    } finally {
      removeCandidate(candidate);
    }
  });
  return getStatus({ ...ctx, ...session.active });
}

/**
 * The swap itself, with no connection open. The live database was closed with its WAL folded in
 * and removed; a WAL that is still there holds writes the file lacks, so the swap stops rather
 * than pair it with another database. The closed file is kept as the undo copy (a second name for
 * it, or a copy where the disk cannot link). -shm is only an index and goes. Then one rename: a
 * crash before it leaves the old database, after it the new one, never a mix and never none.
 */
export function swapIn(live: string, candidate: string, undoFile: string): void {
  const wal = `${live}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) throw new Error('restore: the live database still has a WAL after closing');
  try {
    linkSync(live, undoFile);
  } catch {
    copyFileSync(live, undoFile);
    fsyncFile(undoFile);
  }
  fsyncDir(dirname(undoFile));
  rmSync(wal, { force: true });
  rmSync(`${live}-shm`, { force: true });
  renameSync(candidate, live);
  fsyncDir(dirname(live));
}

/** `name.sqlite`, or `name-2.sqlite`… when a file of that name exists (two restores in one second). */
function unusedName(file: string): string {
  let candidate = file;
  for (let n = 2; existsSync(candidate); n++) candidate = file.replace(/(\.[a-z]+)$/, `-${n}$1`);
  return candidate;
}

function pruneBeforeRestore(dataDir: string): void {
  const folder = beforeRestoreFolder(dataDir);
  if (!existsSync(folder)) return;
  const files = readdirSync(folder).filter((n) => /^relais-before-restore-\d{8}-\d{6}(-\d+)?\.sqlite$/.test(n)).sort().reverse();
  for (const name of files.slice(BEFORE_RESTORE_KEEP)) rmSync(join(folder, name), { force: true });
}

export async function restore(ctx: Context, token: string, passphrase: string | null): Promise<BackupStatus> {
  refuseInDemo(ctx);
  const checked = memoryOf(ctx.session).tokens.get(token);
  if (!checked) throw new RelaisFailure('NOT_FOUND', { token });
  const status = await restoreFile(ctx, checked.file, passphrase, 'restore', checked);
  memoryOf(ctx.session).tokens.delete(token);
  return status;
}

export async function undoRestore(ctx: Context): Promise<BackupStatus> {
  refuseInDemo(ctx);
  const last = readState(ctx.session.dataDir).lastRestore;
  if (!last || !existsSync(last.undoFile)) throw new RelaisFailure('NOT_FOUND', { reason: 'no-undo' });
  return restoreFile(ctx, last.undoFile, null, 'undo');
}

export function dismissRecovery(ctx: Context): BackupStatus {
  updateState(ctx.session.dataDir, (s) => {
    s.recovery = null;
  });
  return getStatus(ctx);
}

export async function show(ctx: Context, input: { which?: 'automatic' | 'quarantine'; id?: string }): Promise<null> {
  const { dataDir } = ctx.session;
  const state = readState(dataDir);
  let target: string;
  if (input.id) target = findEntry(ctx, input.id).file;
  else if (input.which === 'quarantine') target = state.recovery?.folder ?? join(dataDir, QUARANTINE_DIR);
  else target = automaticFolder(dataDir, state);
  mkdirSync(input.id ? dirname(target) : target, { recursive: true });
  await ctx.platform.openPath(target);
  return null;
}

export const progress = (ctx: Context) => currentJob(ctx.session);
export const cancel = (ctx: Context) => ({ cancelled: requestCancel(ctx.session) });

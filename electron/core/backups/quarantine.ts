import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RelaisFailure } from '../../../shared/errors';
import { updateState } from './state';

export const QUARANTINE_DIR = 'quarantine';
const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

/** Errors that mean the file itself cannot be used (anything else, e.g. a locked file, is not its fault). */
export function isUnusableDatabase(error: unknown): boolean {
  if (error instanceof RelaisFailure) return error.code === 'DATABASE_INVALID';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/**
 * Moves a database that cannot be opened, with its -wal/-shm, into
 * `<dataDir>/quarantine/<timestamp>/`, never deleting it, and records why. Relais then starts on
 * an empty database in recovery: the person is told and offered to restore a backup.
 */
export function quarantineDatabase(file: string, dataDir: string, error: unknown): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const folder = join(dataDir, QUARANTINE_DIR, stamp);
  mkdirSync(folder, { recursive: true });
  for (const suffix of SIDE_FILES) {
    const from = `${file}${suffix}`;
    if (existsSync(from)) renameSync(from, join(folder, `${basename(file)}${suffix}`));
  }
  const reason = error instanceof RelaisFailure ? String(error.details?.reason ?? error.code) : String((error as { code?: unknown }).code ?? 'unknown');
  writeFileSync(join(folder, 'about.json'), `${JSON.stringify({ quarantinedAt: new Date().toISOString(), reason, message: String((error as Error).message ?? error) }, null, 2)}\n`);
  updateState(dataDir, (s) => {
    s.recovery = { at: new Date().toISOString(), folder, reason };
  });
  return folder;
}

/**
 * Leftovers of work cut short by a crash: restore copies beside the database (the swap had not
 * happened, so the live file is the old one) and snapshots of backups being written.
 */
export function removeRestoreLeftovers(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    if (/^relais\.sqlite\.restore-.*\.tmp(-wal|-shm|-journal)?$/.test(name)) rmSync(join(dataDir, name), { force: true });
  }
  rmSync(join(dataDir, 'backups', '.work'), { recursive: true, force: true });
}

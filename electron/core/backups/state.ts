import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BACKUP_KINDS } from './format';
import { fsyncDir } from './format';

/**
 * What Relais remembers about backups, in `<dataDir>/backups.json` rather than in the database:
 * a restore replaces the database with an older one, and must not make Relais forget the backups
 * taken since, the undo copy of that restore, or where automatic backups go. Written atomically
 * (temp file, fsync, rename); a damaged file is set aside and defaults are used.
 */
export const STATE_FILE = 'backups.json';
export const DEFAULT_REMINDER_DAYS = 7;
const HISTORY_LIMIT = 60;

const historyEntry = z.object({
  at: z.string(),
  kind: z.enum(BACKUP_KINDS),
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  encrypted: z.boolean(),
  /** Outside the data folder: a copy that survives the loss of this disk. */
  external: z.boolean(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

const stateSchema = z.object({
  version: z.literal(1),
  /** The folder for automatic backups; null: `<dataDir>/backups/automatic`. */
  folder: z.string().nullable().default(null),
  automatic: z.boolean().default(true),
  reminderDays: z.number().int().min(1).max(365).default(DEFAULT_REMINDER_DAYS),
  history: z.array(historyEntry).default([]),
  /** sha256 of the last automatic snapshot, to skip a backup when nothing changed. */
  lastAutomaticSha: z.string().nullable().default(null),
  lastRestore: z
    .object({ at: z.string(), source: z.string(), undoFile: z.string(), kind: z.enum(['restore', 'undo']) })
    .nullable()
    .default(null),
  /** Set when the database failed to open and was moved aside; cleared by a restore or by "start empty". */
  recovery: z.object({ at: z.string(), folder: z.string(), reason: z.string() }).nullable().default(null),
});
export type BackupState = z.infer<typeof stateSchema>;

export const defaultState = (): BackupState => stateSchema.parse({ version: 1 });

export function readState(dataDir: string): BackupState {
  const file = join(dataDir, STATE_FILE);
  if (!existsSync(file)) return defaultState();
  try {
    return stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    renameSync(file, join(dataDir, `${STATE_FILE}.damaged-${Date.now()}`));
    return defaultState();
  }
}

export function writeState(dataDir: string, state: BackupState): void {
  const file = join(dataDir, STATE_FILE);
  const temp = `${file}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(state, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  fsyncDir(dataDir);
}

export function updateState(dataDir: string, change: (state: BackupState) => void): BackupState {
  const state = readState(dataDir);
  change(state);
  writeState(dataDir, state);
  return state;
}

export function remember(state: BackupState, entry: HistoryEntry): void {
  state.history = [entry, ...state.history.filter((h) => h.file !== entry.file)].slice(0, HISTORY_LIMIT);
}

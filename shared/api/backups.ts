import { z } from 'zod';
import { method } from './define';
import type { MethodSpec } from './define';

/** Why a file cannot be restored (`BACKUP_INVALID` details.reason); each has its own message. */
export const REFUSAL_REASONS = ['empty', 'not-a-backup', 'damaged', 'passphrase-required', 'wrong-passphrase', 'not-relais', 'too-new'] as const;
export type RefusalReasonName = (typeof REFUSAL_REASONS)[number];

/** The shortest passphrase Relais accepts (the screen says so before asking core). */
export const PASSPHRASE_MIN = 8;
const passphrase = z.string().min(PASSPHRASE_MIN, { error: 'v:tooShort' }).max(1024, { error: 'v:tooLong' });

export const backupKind = z.enum(['manual', 'automatic', 'before-restore']);

export const backupEntry = z.object({
  /** Opaque: names the entry for `backups.inspect` and `backups.show`. */
  id: z.string(),
  at: z.string(),
  kind: backupKind,
  name: z.string(),
  folder: z.string(),
  bytes: z.number(),
  encrypted: z.boolean(),
  external: z.boolean(),
  /** Whether the file is still where it was written. */
  present: z.boolean(),
});
export type BackupEntry = z.infer<typeof backupEntry>;

export const syncedKind = z.enum(['dropbox', 'onedrive', 'google-drive', 'icloud', 'nextcloud', 'owncloud', 'sync-client', 'network']);

export const backupStatus = z.object({
  mode: z.enum(['real', 'demo']),
  folder: z.string(),
  folderIsDefault: z.boolean(),
  automatic: z.boolean(),
  reminderDays: z.number().int(),
  lastBackupAt: z.string().nullable(),
  /** The last backup written outside the data folder (the one that survives a lost laptop). */
  lastExternalAt: z.string().nullable(),
  reminderDue: z.boolean(),
  /** The data folder sits in a synced or network folder (SQLite's known risk). */
  dataDirSynced: syncedKind.nullable(),
  dataDir: z.string(),
  history: z.array(backupEntry),
  lastRestore: z.object({ at: z.string(), source: z.string(), kind: z.enum(['restore', 'undo']), undoAvailable: z.boolean() }).nullable(),
  /** The database failed to open at start and was moved aside: Relais runs on an empty one until a restore. */
  recovery: z.object({ at: z.string(), folder: z.string(), reason: z.string() }).nullable(),
});
export type BackupStatus = z.infer<typeof backupStatus>;

export const backupSummary = z.object({
  /** Names the checked file for `backups.restore` (the renderer never handles paths). */
  token: z.string(),
  name: z.string(),
  bytes: z.number(),
  /** A Relais backup file, or a bare Relais database file. */
  source: z.enum(['archive', 'database']),
  encrypted: z.boolean(),
  createdAt: z.string().nullable(),
  appVersion: z.string().nullable(),
  schemaVersion: z.number().nullable(),
  association: z.string().nullable(),
  counts: z.record(z.string(), z.number()).nullable(),
});
export type BackupSummary = z.infer<typeof backupSummary>;

export const backupJob = z.object({
  kind: z.enum(['backup', 'automatic', 'restore', 'inspect']),
  phase: z.enum(['snapshot', 'encrypt', 'write', 'read', 'decrypt', 'verify', 'upgrade', 'safety-copy', 'swap']),
  fraction: z.number(),
  cancellable: z.boolean(),
});
export type BackupJob = z.infer<typeof backupJob>;

export const backupCreated = z.object({
  name: z.string(),
  folder: z.string(),
  bytes: z.number(),
  encrypted: z.boolean(),
  at: z.string(),
});

export const backupsMethods = {
  'backups.status': method(z.undefined().optional(), backupStatus),
  /** Asks where to save, then writes a backup there; null when the person cancels the dialog. */
  'backups.create': method(z.strictObject({ passphrase: passphrase.nullable().default(null) }), backupCreated.nullable()),
  /** The shell calls this at quit and on a timer: at most daily, skipped when nothing changed. */
  'backups.runAutomatic': method(
    z.strictObject({ trigger: z.enum(['quit', 'timer', 'now']) }),
    z.object({ outcome: z.enum(['created', 'unchanged', 'not-due', 'disabled', 'demo', 'recovery']), name: z.string().nullable() }),
  ),
  'backups.chooseFolder': method(z.undefined().optional(), backupStatus),
  'backups.saveSettings': method(
    z.strictObject({
      automatic: z.boolean(),
      reminderDays: z.number({ error: 'v:number' }).int({ error: 'v:number' }).min(1, { error: 'v:invalid' }).max(365, { error: 'v:invalid' }),
      resetFolder: z.boolean().default(false),
    }),
    backupStatus,
  ),
  /** Checks a backup (chosen in a dialog, or one of the list by id) without changing anything. */
  'backups.inspect': method(z.strictObject({ id: z.string().max(64).optional() }).optional(), backupSummary.nullable()),
  'backups.restore': method(z.strictObject({ token: z.string().max(64), passphrase: z.string().max(1024).nullable().default(null) }), backupStatus),
  'backups.undoRestore': method(z.undefined().optional(), backupStatus),
  'backups.progress': method(z.undefined().optional(), backupJob.nullable()),
  'backups.cancel': method(z.undefined().optional(), z.object({ cancelled: z.boolean() })),
  /** Recovery: carry on with the empty database (the quarantined files stay where they are). */
  'backups.dismissRecovery': method(z.undefined().optional(), backupStatus),
  'backups.show': method(z.strictObject({ which: z.enum(['automatic', 'quarantine']).optional(), id: z.string().max(64).optional() }), z.null()),
} satisfies Record<string, MethodSpec>;

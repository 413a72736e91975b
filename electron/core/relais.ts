import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../shared/errors';
import { isUnusableDatabase, quarantineDatabase, removeRestoreLeftovers } from './backups/quarantine';
import { localTimeZone } from './clock';
import type { Context, Session } from './context';
import { openDatabase, type OpenedDatabase } from './db/open-database';
import { reapplyErasures } from './privacy/erasure';
import { generateActivity } from './demo/activity';
import { generateAssociation } from './demo/generator';
import { createDispatch, type DispatchOptions } from './dispatch';
import { headlessPlatform, type Platform } from './platform';

export interface OpenOptions extends DispatchOptions {
  /** The folder that holds `relais.sqlite`, its backups and the sample database. */
  dataDir: string;
  platform?: Platform;
  /** How many volunteers the sample database gets. */
  demoSize?: number;
  /**
   * On (the app): a database that cannot be opened (not SQLite, damaged, not Relais's) is moved to
   * `quarantine/<time>/` and Relais starts in recovery on an empty one (`backups.status` says so).
   * Off (the default, for scripts): openRelais throws DATABASE_INVALID and touches nothing. A
   * database of a newer Relais is always refused, untouched.
   */
  quarantineInvalid?: boolean;
}

export interface RelaisCore {
  dispatch(method: string, input?: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
  readonly dataDir: string;
}

export const DATABASE_FILE = 'relais.sqlite';
const DEMO_DIR = 'demo';

async function closeDatabase(d: OpenedDatabase): Promise<void> {
  if (!d.sqlite.open) return;
  // Fold the WAL back into the file and refresh the planner's statistics before leaving.
  d.sqlite.pragma('optimize');
  d.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await d.db.destroy();
  // Kysely only closes a connection it has used; the list queries run on the handle directly.
  if (d.sqlite.open) d.sqlite.close();
}

function openReal(file: string, dataDir: string, backupDir: string, quarantine: boolean): OpenedDatabase {
  try {
    return openDatabase(file, { backupDir });
  } catch (error) {
    if (!quarantine || !isUnusableDatabase(error)) throw error;
    quarantineDatabase(file, dataDir, error);
    return openDatabase(file, { backupDir });
  }
}

/** Opens a data folder and returns the only door into it. See ./index.ts. */
export async function openRelais(options: OpenOptions): Promise<RelaisCore> {
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true });
  const platform = options.platform ?? headlessPlatform();
  const backupDir = join(dataDir, 'backups');
  const realFile = join(dataDir, DATABASE_FILE);
  removeRestoreLeftovers(dataDir);
  let real = openReal(realFile, dataDir, backupDir, options.quarantineInvalid ?? false);
  // Erasures logged beside the database are applied again at every start too: an older file put
  // back by hand, or a crash between the two writes of an erasure, must not bring a person back.
  reapplyErasures(real.sqlite, dataDir);
  let demo: OpenedDatabase | null = null;

  // Calls in flight, and the swap that new calls wait for (a restore replaces `real` under them).
  let inFlight = 0;
  let idle: (() => void) | null = null;
  let swapping: Promise<void> | null = null;

  const session: Session = {
    dataDir,
    get mode() {
      return demo ? 'demo' : 'real';
    },
    get real() {
      return real;
    },
    get active() {
      return demo ?? real;
    },
    async openDemo() {
      if (demo) await closeDatabase(demo);
      // A fresh sample each time: whatever was tried last time is gone, the real file is never opened for it.
      const folder = join(dataDir, DEMO_DIR);
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      const opened = openDatabase(join(folder, 'relais-demo.sqlite'), { backupDir: folder });
      const volunteers = options.demoSize ?? 600;
      generateAssociation(opened.sqlite, { volunteers, seed: 2026 });
      // About a year of sessions and hours, so the calendar, staffing and hours screens have something to show.
      generateActivity(opened.sqlite, { occurrences: Math.ceil(volunteers / 2), hourEntries: volunteers * 4, seed: 2026, timeZone: localTimeZone() });
      demo = opened;
    },
    async closeDemo() {
      if (!demo) return;
      const closing = demo;
      demo = null;
      await closeDatabase(closing);
    },
    async replaceReal(swap) {
      let done!: () => void;
      swapping = new Promise<void>((resolve) => (done = resolve));
      try {
        // The restore itself is one of the calls in flight; the others finish on the old database.
        while (inFlight > 1) await new Promise<void>((resolve) => (idle = resolve));
        await closeDatabase(real);
        try {
          swap(realFile);
        } finally {
          real = openDatabase(realFile, { backupDir });
        }
      } finally {
        swapping = null;
        done();
      }
    },
  };

  const context = (): Context => ({ ...session.active, platform, session });
  const dispatch = createDispatch(context, options);

  return {
    dataDir,
    async dispatch(method, input) {
      while (swapping) await swapping;
      inFlight += 1;
      try {
        return await dispatch(method, input);
      } finally {
        inFlight -= 1;
        if (inFlight <= 1 && idle) {
          const wake = idle;
          idle = null;
          wake();
        }
      }
    },
    async close() {
      while (swapping) await swapping;
      await session.closeDemo();
      await closeDatabase(real);
    },
  };
}

import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../shared/errors';
import type { Context, Session } from './context';
import { openDatabase, type OpenedDatabase } from './db/open-database';
import { generateAssociation } from './demo/generator';
import { createDispatch, type DispatchOptions } from './dispatch';
import { headlessPlatform, type Platform } from './platform';

export interface OpenOptions extends DispatchOptions {
  /** The folder that holds `relais.sqlite`, its backups and the sample database. */
  dataDir: string;
  platform?: Platform;
  /** How many volunteers the sample database gets. */
  demoSize?: number;
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

/** Opens a data folder and returns the only door into it. See ./index.ts. */
export async function openRelais(options: OpenOptions): Promise<RelaisCore> {
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true });
  const platform = options.platform ?? headlessPlatform();
  const backupDir = join(dataDir, 'backups');
  const real = openDatabase(join(dataDir, DATABASE_FILE), { backupDir });
  let demo: OpenedDatabase | null = null;

  const session: Session = {
    dataDir,
    get mode() {
      return demo ? 'demo' : 'real';
    },
    real,
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
      generateAssociation(opened.sqlite, { volunteers: options.demoSize ?? 600, seed: 2026 });
      demo = opened;
    },
    async closeDemo() {
      if (!demo) return;
      const closing = demo;
      demo = null;
      await closeDatabase(closing);
    },
  };

  const context = (): Context => ({ ...session.active, platform, session });
  const dispatch = createDispatch(context, options);

  return {
    dataDir,
    dispatch: (method, input) => dispatch(method, input),
    async close() {
      await session.closeDemo();
      await closeDatabase(real);
    },
  };
}

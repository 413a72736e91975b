import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { METHOD_NAMES, type Input, type MethodName, type Output } from '../../shared/api';
import type { Result } from '../../shared/errors';
import { openRelais, type Platform, type RelaisCore } from '../../electron/core';
import { serveRenderer } from './static-server';

const TMP = resolve(__dirname, '../.tmp');

/**
 * A Platform for tests: saved files go to the test's data folder (or where the test said), the
 * "open" dialog answers what the test queued, PDFs are printed by this Chromium.
 */
function testPlatform(browser: Browser, dataDir: string) {
  const exports = join(dataDir, 'exports');
  const saved: string[] = [];
  const toOpen: (string | null)[] = [];
  const toSave: (string | null)[] = [];
  const folders: (string | null)[] = [];
  const platform: Platform & {
    saved: string[];
    /** The next "open file" dialog picks this path (null: the user cancels). */
    queueOpenFile(path: string | null): void;
    /** The next "save file" dialog picks this path instead of exports/<default name>. */
    queueSaveFile(path: string | null): void;
    queueFolder(path: string | null): void;
  } = {
    saved,
    queueOpenFile: (path) => void toOpen.push(path),
    queueSaveFile: (path) => void toSave.push(path),
    queueFolder: (path) => void folders.push(path),
    async chooseSaveFile({ defaultName }) {
      mkdirSync(exports, { recursive: true });
      const file = toSave.length ? toSave.shift()! : join(exports, defaultName);
      if (file) saved.push(file);
      return file;
    },
    chooseOpenFile: async () => (toOpen.length ? toOpen.shift()! : null),
    chooseFolder: async () => {
      if (folders.length) return folders.shift()!;
      mkdirSync(exports, { recursive: true });
      return exports;
    },
    async printToPdf(html, options) {
      const page = await browser.newPage({ javaScriptEnabled: false });
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, landscape: options?.landscape ?? false, preferCSSPageSize: true });
      } finally {
        await page.close();
      }
    },
    openPath: async () => undefined,
    systemLocale: () => 'en-GB',
  };
  return platform;
}

export interface CoreFixture {
  dataDir: string;
  core: RelaisCore;
  /** Typed call into the real core, for seeding and for checking what was (not) written. */
  dispatch<M extends MethodName>(method: M, input?: Input<M>): Promise<Result<Output<M>>>;
  /** Same, but fails the test on an error and returns the data. */
  call<M extends MethodName>(method: M, input?: Input<M>): Promise<Output<M>>;
  platform: ReturnType<typeof testPlatform>;
}

export interface AppFixture {
  page: Page;
  /** Opens the built renderer at a route (`/volunteers`, …) with window.relais bridged to the core. */
  open(hashPath?: string): Promise<void>;
}

export const test = base.extend<{ core: CoreFixture; app: AppFixture }, { rendererUrl: string }>({
  rendererUrl: [
    async ({}, use) => {
      const server = await serveRenderer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],

  core: async ({ browser }, use) => {
    mkdirSync(TMP, { recursive: true });
    const dataDir = mkdtempSync(join(TMP, 'e2e-'));
    const platform = testPlatform(browser, dataDir);
    const core = await openRelais({ dataDir, platform, checkOutputs: true, demoSize: 300 });
    const dispatch = core.dispatch as CoreFixture['dispatch'];
    const call: CoreFixture['call'] = async (method, input) => {
      const result = await dispatch(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    };
    await use({ dataDir, core, dispatch, call, platform });
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  },

  app: async ({ page, core, rendererUrl }, use) => {
    // The only difference with Electron is the transport: a Playwright binding instead of IPC.
    await page.exposeBinding('__relaisInvoke', (_source, method: string, input: unknown) => core.core.dispatch(method, input));
    await page.addInitScript((names: string[]) => {
      const w = window as unknown as { relais: Record<string, Record<string, (i?: unknown) => Promise<unknown>>>; __relaisInvoke(m: string, i: unknown): Promise<unknown> };
      const api: Record<string, Record<string, (i?: unknown) => Promise<unknown>>> = {};
      for (const name of names) {
        const [domain, fn] = name.split('.') as [string, string];
        (api[domain] ??= {})[fn] = (input?: unknown) => w.__relaisInvoke(name, input);
      }
      w.relais = api;
    }, METHOD_NAMES as string[]);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await use({
      page,
      open: async (hashPath = '/') => {
        await page.goto(`${rendererUrl}#${hashPath}`);
      },
    });
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

/** Skips the first-run screen: an association identity and a language. */
export async function completeSetup(core: CoreFixture, language: 'fr' | 'en' = 'en') {
  await core.call('settings.setLanguage', { language });
  await core.call('settings.saveAssociation', {
    name: 'Les Amis du Relais',
    addressLine: '3 place des Terreaux',
    postalCode: '69001',
    city: 'Lyon',
    rna: 'W691000123',
    siret: '12345678900019',
    signatoryName: 'Claire Fontaine',
    signatoryTitle: 'Présidente',
  });
}

export { expect };

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'out/main/index.js');

/** The `electron` package exports its binary's path, and throws when the binary was never downloaded. */
function electronBinary(): string | null {
  try {
    const path = require('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const executablePath = electronBinary();

test.describe('Relais in Electron', () => {
  // Reported as skipped here, never passed: these only mean something with a real Electron.
  test.skip(!executablePath, 'Electron binary not installed on this machine');

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeEach(async () => {
    // A missing build is a failure, not a skip: run `npm run build` first.
    expect(existsSync(MAIN), `${MAIN} is missing: run npm run build`).toBe(true);
    dataDir = mkdtempSync(join(tmpdir(), 'relais-electron-'));
    app = await electron.launch({
      executablePath: executablePath ?? undefined,
      args: [MAIN],
      env: { ...process.env, RELAIS_DATA_DIR: dataDir },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterEach(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens one window titled Relais on the app page', async () => {
    await expect(page).toHaveTitle(/Relais/);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(page.url()).toMatch(/^file:.*\/out\/renderer\/index\.html/);
  });

  test('runs the page sandboxed, isolated and without Node', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      module: typeof (globalThis as { module?: unknown }).module,
      // With webviewTag off the <webview> element is never registered.
      webview: typeof customElements.get('webview'),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', webview: 'undefined' });
    // app.enableSandbox() forces the sandbox switch for every renderer.
    expect(await app.evaluate(({ app: electronApp }) => electronApp.commandLine.hasSwitch('enable-sandbox'))).toBe(true);
  });

  test('exposes window.relais as functions that reach core over IPC', async () => {
    const exposed = await page.evaluate(() => {
      const api = (window as unknown as { relais: Record<string, Record<string, unknown>> }).relais;
      return Object.values(api).flatMap((methods) => Object.values(methods).map((fn) => typeof fn));
    });
    expect(exposed.length).toBeGreaterThan(0);
    expect(new Set(exposed)).toEqual(new Set(['function']));
    const result = await page.evaluate(() =>
      (window as unknown as { relais: { settings: { get(): Promise<{ ok: boolean; data?: { dataDir: string } }> } } }).relais.settings.get(),
    );
    expect(result.ok).toBe(true);
    expect(result.data?.dataDir).toBe(dataDir);
  });

  test('refuses to navigate away from the app', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
  });
});

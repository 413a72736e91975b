import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  shell,
  type BrowserWindowConstructorOptions,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import type { Language } from '../../shared/api/settings';
import { resources } from '../../shared/i18n';
import type { FileFilter, PdfOptions, Platform } from '../core/platform';

/** A `common` key (dotted, e.g. `files.pdf`) in the language, then English, then the key itself. */
export function commonText(language: Language, key: string): string {
  const lookup = (node: unknown, part: string) =>
    typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  for (const lang of [language, 'en'] as const) {
    const found = key.split('.').reduce(lookup, resources[lang].common as unknown);
    if (typeof found === 'string') return found;
  }
  return key;
}

/**
 * The hidden window that turns core's HTML into a PDF. Core's HTML is self-contained and needs no
 * script, so scripts are off and there is no preload: even a mistake in escaping user text cannot
 * run code or reach IPC.
 */
export const printWindowOptions = (): BrowserWindowConstructorOptions => ({
  show: false,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webviewTag: false,
    spellcheck: false,
  },
});

export interface PlatformDeps {
  /** Dialogs are attached to the main window when there is one (modal, and placed over the app). */
  getWindow(): BrowserWindow | null;
  getLanguage(): Language;
}

export function createPlatform({ getWindow, getLanguage }: PlatformDeps): Platform {
  const title = (key: string) => commonText(getLanguage(), key);
  const filters = (list: FileFilter[]) => list.map((f) => ({ name: title(f.nameKey), extensions: f.extensions }));
  const parent = () => {
    const window = getWindow();
    return window && !window.isDestroyed() ? window : null;
  };
  const save = (options: SaveDialogOptions) => {
    const window = parent();
    return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
  };
  const open = (options: OpenDialogOptions) => {
    const window = parent();
    return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
  };

  return {
    async chooseSaveFile(options) {
      const result = await save({
        title: title(options.titleKey),
        defaultPath: join(app.getPath('documents'), options.defaultName),
        filters: filters(options.filters),
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenFile(options) {
      const result = await open({ title: title(options.titleKey), filters: filters(options.filters), properties: ['openFile'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFolder(options) {
      const result = await open({ title: title(options.titleKey), properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    printToPdf,
    async openPath(path) {
      // A file is shown in its folder, never opened: opening would run whatever program it names.
      if (!(await stat(path)).isDirectory()) {
        shell.showItemInFolder(path);
        return;
      }
      const error = await shell.openPath(path);
      if (error) throw new Error(error);
    },
    systemLocale: () => app.getLocale(),
  };
}

/**
 * Loads the HTML from a temp file rather than a data: URL: a batch of certificates with embedded
 * fonts easily passes Chromium's 2 MB URL limit.
 */
async function printToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'relais-print-'));
  let window: BrowserWindow | null = null;
  try {
    window = new BrowserWindow(printWindowOptions());
    const file = join(dir, 'document.html');
    await writeFile(file, html, 'utf8');
    await window.loadFile(file);
    const pdf = await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      landscape: options.landscape ?? false,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    window?.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

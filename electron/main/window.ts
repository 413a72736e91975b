import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, type WebPreferences } from 'electron';

/** The main window's preferences (DESIGN §8): the page gets `window.relais` and nothing of Node. */
export function mainWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    // A dropped file must not replace the app with itself; imports use the file dialog.
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Where the built app lives, relative to out/main (the bundled main's __dirname). */
export const appPaths = (mainDir: string) => ({
  preload: join(mainDir, '../preload/index.cjs'),
  rendererIndex: join(mainDir, '../renderer/index.html'),
});

/**
 * The page the window shows. electron-vite sets ELECTRON_RENDERER_URL for its dev server; a packaged
 * app ignores it, so an environment variable can never point the app (and its IPC) at another site.
 */
export function rendererUrl(options: { devUrl: string | undefined; packaged: boolean; mainDir: string }): string {
  if (!options.packaged && options.devUrl) return options.devUrl;
  return pathToFileURL(appPaths(options.mainDir).rendererIndex).href;
}

export function createMainWindow(options: { appUrl: string; preloadPath: string }): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Relais',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    // Shown once painted, so the user never sees a blank white frame.
    show: false,
    webPreferences: mainWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.appUrl).catch((error: unknown) => {
    // A window that never loads would otherwise stay hidden forever.
    console.error('relais: the app page failed to load', error);
    if (!window.isDestroyed()) window.show();
  });
  return window;
}

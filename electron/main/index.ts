import { app, dialog, ipcMain, Menu, session, shell, type BrowserWindow } from 'electron';
import type { Language } from '../../shared/api/settings';
import { RelaisFailure } from '../../shared/errors';
import { pickLanguage } from '../../shared/i18n';
import { openRelais } from '../core';
import { languageOf, registerIpc } from './ipc';
import { menuTemplate, menuText, startupErrorBox } from './menu';
import { createPlatform } from './platform';
import { installSecurity, isTrustedSender } from './security';
import { appPaths, createMainWindow, rendererUrl } from './window';

type Core = Awaited<ReturnType<typeof openRelais>>;

// Every renderer is sandboxed, including any created without our webPreferences.
app.enableSandbox();

// One process per data folder: two writers on the same SQLite file is what this lock prevents.
if (app.requestSingleInstanceLock()) {
  run();
} else {
  app.quit();
}

function run(): void {
  const dev = !app.isPackaged;
  const appUrl = rendererUrl({ devUrl: process.env.ELECTRON_RENDERER_URL, packaged: app.isPackaged, mainDir: __dirname });
  // Tests give each run its own folder.
  const dataDir = process.env.RELAIS_DATA_DIR || app.getPath('userData');
  let mainWindow: BrowserWindow | null = null;
  let core: Core | null = null;
  let backupTimer: NodeJS.Timeout | null = null;
  let language: Language = 'en';

  const setMenu = () =>
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(menuText(language), process.platform, dev)));

  // Core decides whether an automatic backup is due (at most daily, never when nothing changed).
  const automaticBackup = async (trigger: 'quit' | 'timer') => {
    const result = await core?.dispatch('backups.runAutomatic', { trigger });
    if (result && !result.ok && result.error.code !== 'CONFLICT') console.error('relais: automatic backup failed', result.error);
  };

  const closeCore = async () => {
    if (backupTimer) clearInterval(backupTimer);
    const closing = core;
    core = null;
    await closing?.close();
  };

  async function start(): Promise<void> {
    language = pickLanguage([app.getLocale()]);
    installSecurity({ app, session: session.defaultSession, appUrl, openExternal: (url) => shell.openExternal(url) });
    const platform = createPlatform({ getWindow: () => mainWindow, getLanguage: () => language });
    // A database that cannot be opened is moved to quarantine and the app starts in recovery
    // (the renderer offers to restore a backup); one from a newer Relais still refuses to start.
    core = await openRelais({ dataDir, platform, quarantineInvalid: true });
    // Asking is cheap (core answers "not due" at once), so ask often: the day's first backup then
    // comes a quarter of an hour into the session rather than an hour.
    backupTimer = setInterval(() => void automaticBackup('timer').catch((e: unknown) => console.error('relais: automatic backup failed', e)), 15 * 60 * 1000);
    // Before the first run has chosen, the system language stands in.
    language = languageOf(await core.dispatch('settings.get', undefined)) ?? language;
    registerIpc(ipcMain, {
      getCore: () => core,
      isTrusted: (event) => isTrustedSender(event, mainWindow, appUrl),
      onLanguage: (next) => {
        if (next === language) return;
        language = next;
        setMenu();
      },
    });
    setMenu();
    app.setAboutPanelOptions({ applicationName: 'Relais', applicationVersion: app.getVersion() });
    mainWindow = createMainWindow({ appUrl, preloadPath: appPaths(__dirname).preload });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  }

  /** The data could not be opened (or the shell failed to start): explain, then quit without touching it. */
  async function refuseToStart(error: unknown): Promise<void> {
    console.error('relais: cannot start', error);
    await closeCore().catch((closeError: unknown) => console.error('relais: close failed', closeError));
    const code = error instanceof RelaisFailure ? error.code : null;
    await dialog.showMessageBox(startupErrorBox(code, menuText(language), dataDir));
    app.exit(1);
  }

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  // One window holds the whole app, on macOS too: closing it ends the session and closes the database.
  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', (event) => {
    if (!core) return;
    // The automatic backup at quit (skipped when nothing changed), then close SQLite cleanly
    // (WAL checkpoint) before the process ends, then quit for real.
    event.preventDefault();
    automaticBackup('quit')
      .catch((error: unknown) => console.error('relais: backup at quit failed', error))
      .then(closeCore)
      .catch((error: unknown) => console.error('relais: close failed', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch(refuseToStart)
    .catch((error: unknown) => {
      console.error('relais: could not even report the failure', error);
      app.exit(1);
    });
}

import { describe, expect, it, vi, beforeEach } from 'vitest';
import { BrowserWindow, resetStub } from './electron-stub';

vi.mock('electron', () => import('./electron-stub'));

const { appPaths, createMainWindow, mainWebPreferences, rendererUrl } = await import('../../../electron/main/window');

beforeEach(resetStub);

describe('main window', () => {
  it('isolates the page from Node and Electron (DESIGN §8)', () => {
    const prefs = mainWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('finds the built preload and renderer next to out/main', () => {
    expect(appPaths('/app/out/main')).toEqual({
      preload: '/app/out/preload/index.cjs',
      rendererIndex: '/app/out/renderer/index.html',
    });
  });

  it('loads the dev server only in an unpackaged app', () => {
    const devUrl = 'http://localhost:5173/';
    expect(rendererUrl({ devUrl, packaged: false, mainDir: '/app/out/main' })).toBe(devUrl);
    expect(rendererUrl({ devUrl, packaged: true, mainDir: '/app/out/main' })).toBe('file:///app/out/renderer/index.html');
    expect(rendererUrl({ devUrl: undefined, packaged: false, mainDir: '/app/out/main' })).toBe(
      'file:///app/out/renderer/index.html',
    );
  });

  it('creates a hidden window with those preferences and shows it once ready', () => {
    const window = createMainWindow({ appUrl: 'file:///app/out/renderer/index.html', preloadPath: '/p.cjs' }) as unknown as BrowserWindow;
    expect(window.options).toMatchObject({ show: false, webPreferences: mainWebPreferences('/p.cjs') });
    expect(window.loadURL).toHaveBeenCalledWith('file:///app/out/renderer/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });
});

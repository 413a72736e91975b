import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, app, dialog, resetStub, shell } from './electron-stub';

vi.mock('electron', () => import('./electron-stub'));

const { commonText, createPlatform, printWindowOptions } = await import('../../../electron/main/platform');

beforeEach(resetStub);

const platform = (language: 'fr' | 'en' = 'fr') => createPlatform({ getWindow: () => null, getLanguage: () => language });

describe('Electron platform: printing', () => {
  it('prints in a hidden, sandboxed, script-less window without preload', () => {
    const options = printWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
    expect(options.webPreferences).not.toHaveProperty('preload');
  });

  it('prints A4 with backgrounds, then destroys the window and its temp file', async () => {
    const pdf = await platform().printToPdf('<p>Merci&nbsp;!</p>', { landscape: true });
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 fake');
    const [window] = BrowserWindow.instances;
    expect(window?.options).toEqual(printWindowOptions());
    expect(window?.webContents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, landscape: true });
    const file = window?.loadFile.mock.calls[0]?.[0] as string;
    expect(existsSync(dirname(file))).toBe(false);
    expect(window?.destroy).toHaveBeenCalled();
  });

  it('destroys the window even when printing fails', async () => {
    BrowserWindow.onCreate = (w) => w.webContents.printToPDF.mockRejectedValueOnce(new Error('printing failed'));
    await expect(platform().printToPdf('<p>x</p>')).rejects.toThrow('printing failed');
    const [window] = BrowserWindow.instances;
    expect(window?.destroy).toHaveBeenCalled();
  });
});

describe('Electron platform: dialogs', () => {
  it('translates dotted common keys, and falls back to the key when not translated yet', () => {
    expect(commonText('fr', 'nav.volunteers')).toBe('Bénévoles');
    expect(commonText('fr', 'dialogs.no.such.key')).toBe('dialogs.no.such.key');
    expect(commonText('fr', 'nav')).toBe('nav');
  });

  it('answers null when the user cancels', async () => {
    const p = platform();
    expect(await p.chooseSaveFile({ titleKey: 'x', defaultName: 'a.pdf', filters: [] })).toBeNull();
    expect(await p.chooseOpenFile({ titleKey: 'x', filters: [] })).toBeNull();
    expect(await p.chooseFolder({ titleKey: 'x' })).toBeNull();
  });

  it('passes a translated title, the filters and a default name in Documents', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/user/documents/a.pdf' });
    const chosen = await platform('en').chooseSaveFile({
      titleKey: 'files.saveTitle',
      defaultName: 'attestation.pdf',
      filters: [{ nameKey: 'files.pdf', extensions: ['pdf'] }],
    });
    expect(chosen).toBe('/home/user/documents/a.pdf');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({
      title: commonText('en', 'files.saveTitle'),
      defaultPath: join('/home/user/documents', 'attestation.pdf'),
      filters: [{ name: commonText('en', 'files.pdf'), extensions: ['pdf'] }],
    });
  });

  it('returns the chosen folder', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/media/usb'] });
    expect(await platform().chooseFolder({ titleKey: 'x' })).toBe('/media/usb');
    expect(dialog.showOpenDialog.mock.calls[0]?.[0]).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
  });
});

describe('Electron platform: files and locale', () => {
  it('opens a folder, but only shows a file in its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relais-open-'));
    const file = join(dir, 'export.csv');
    writeFileSync(file, 'a;b');
    await platform().openPath(dir);
    expect(shell.openPath).toHaveBeenCalledWith(dir);
    await platform().openPath(file);
    expect(shell.showItemInFolder).toHaveBeenCalledWith(file);
    expect(shell.openPath).toHaveBeenCalledTimes(1);
  });

  it('reports the system locale', () => {
    expect(platform().systemLocale()).toBe('fr-FR');
    expect(app.getLocale).toHaveBeenCalled();
  });
});

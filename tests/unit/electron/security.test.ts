import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  CSP,
  denyPermissionCheck,
  denyPermissionRequest,
  installSecurity,
  isAllowedExternalUrl,
  isSameAppUrl,
  isTrustedSender,
  navigationGuard,
  preventWebview,
  windowOpenHandler,
} from '../../../electron/main/security';

const FILE_APP = 'file:///opt/Relais/resources/app.asar/out/renderer/index.html';
const DEV_APP = 'http://localhost:5173/';

const directives = () =>
  new Map(CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('CSP', () => {
  it('allows scripts from the app only, never eval or inline', () => {
    expect(directives().get('script-src')).toEqual(["'self'"]);
    expect(CSP).not.toContain('unsafe-eval');
    expect(CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('forbids plugins, base rewriting and form posts', () => {
    expect(directives().get('object-src')).toEqual(["'none'"]);
    expect(directives().get('base-uri')).toEqual(["'none'"]);
    expect(directives().get('form-action')).toEqual(["'none'"]);
    expect(directives().get('default-src')).toEqual(["'self'"]);
  });

  it('is the same policy as the meta tag of renderer/index.html', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CSP);
  });
});

describe('URLs', () => {
  it.each([
    ['https://www.service-public.fr/associations', true],
    ['mailto:bureau@example.org', true],
    ['http://example.org', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['not a url', false],
  ])('external %s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });

  it('treats the same file with any hash route as the app', () => {
    expect(isSameAppUrl(`${FILE_APP}#/volunteers/3`, FILE_APP)).toBe(true);
    expect(isSameAppUrl('file:///opt/Relais/resources/app.asar/out/renderer/other.html', FILE_APP)).toBe(false);
    expect(isSameAppUrl('file:///home/user/Downloads/evil.html', FILE_APP)).toBe(false);
    expect(isSameAppUrl('https://example.org/out/renderer/index.html', FILE_APP)).toBe(false);
  });

  it('treats the dev server origin as the app, and nothing else', () => {
    expect(isSameAppUrl('http://localhost:5173/#/events', DEV_APP)).toBe(true);
    expect(isSameAppUrl('http://localhost:5174/', DEV_APP)).toBe(false);
    expect(isSameAppUrl('https://localhost:5173/', DEV_APP)).toBe(false);
  });
});

describe('navigation guard', () => {
  const navigate = (url: string) => {
    const event = { url, preventDefault: vi.fn() };
    navigationGuard(FILE_APP)(event);
    return event.preventDefault.mock.calls.length > 0;
  };

  it('denies foreign pages', () => {
    expect(navigate('https://example.org/')).toBe(true);
    expect(navigate('file:///tmp/dropped.html')).toBe(true);
    expect(navigate('data:text/html,<h1>hi</h1>')).toBe(true);
  });

  it('lets the app reload itself', () => {
    expect(navigate(`${FILE_APP}#/settings`)).toBe(false);
  });
});

describe('window.open', () => {
  it.each(['https://example.org/guide', 'mailto:contact@example.org'])(
    'denies %s in-app and opens it outside',
    (url) => {
      const openExternal = vi.fn(async () => {});
      expect(windowOpenHandler(openExternal)({ url })).toEqual({ action: 'deny' });
      expect(openExternal).toHaveBeenCalledWith(url);
    },
  );

  it.each(['http://example.org', 'file:///etc/passwd', 'javascript:alert(1)', FILE_APP])(
    'denies %s and opens nothing',
    (url) => {
      const openExternal = vi.fn(async () => {});
      expect(windowOpenHandler(openExternal)({ url })).toEqual({ action: 'deny' });
      expect(openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('permissions and webviews', () => {
  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      denyPermissionRequest(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(denyPermissionCheck()).toBe(false);
  });

  it('prevents any webview from attaching', () => {
    const event = { preventDefault: vi.fn() };
    preventWebview(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('IPC sender check', () => {
  const mainContents = { id: 1 };
  const mainWindow = { webContents: mainContents, isDestroyed: () => false };
  const topFrame = (url: string) => ({ url, parent: null });

  it('accepts the main window top frame showing the app', () => {
    expect(isTrustedSender({ sender: mainContents, senderFrame: topFrame(`${FILE_APP}#/`) }, mainWindow, FILE_APP)).toBe(true);
  });

  it('rejects a subframe of the main window', () => {
    const frame = { url: FILE_APP, parent: topFrame(FILE_APP) };
    expect(isTrustedSender({ sender: mainContents, senderFrame: frame }, mainWindow, FILE_APP)).toBe(false);
  });

  it('rejects the main window showing a foreign page', () => {
    expect(isTrustedSender({ sender: mainContents, senderFrame: topFrame('https://example.org/') }, mainWindow, FILE_APP)).toBe(false);
  });

  it('rejects another webContents, even showing the app', () => {
    expect(isTrustedSender({ sender: { id: 2 }, senderFrame: topFrame(FILE_APP) }, mainWindow, FILE_APP)).toBe(false);
  });

  it('rejects a vanished frame, and anything when there is no window', () => {
    expect(isTrustedSender({ sender: mainContents, senderFrame: null }, mainWindow, FILE_APP)).toBe(false);
    expect(isTrustedSender({ sender: mainContents, senderFrame: topFrame(FILE_APP) }, null, FILE_APP)).toBe(false);
    const closed = { ...mainWindow, isDestroyed: () => true };
    expect(isTrustedSender({ sender: mainContents, senderFrame: topFrame(FILE_APP) }, closed, FILE_APP)).toBe(false);
  });
});

describe('installSecurity', () => {
  it('wires the CSP header, permission handlers and every new webContents', () => {
    const appListeners = new Map<string, (...args: unknown[]) => void>();
    const app = { on: vi.fn((name: string, fn: (...args: unknown[]) => void) => appListeners.set(name, fn)) };
    let headersListener: ((details: unknown, callback: (response: unknown) => void) => void) | undefined;
    const session = {
      webRequest: { onHeadersReceived: vi.fn((fn: typeof headersListener) => (headersListener = fn)) },
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
    };
    const openExternal = vi.fn(async () => {});
    installSecurity({ app, session, appUrl: FILE_APP, openExternal } as unknown as Parameters<typeof installSecurity>[0]);

    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(denyPermissionRequest);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(denyPermissionCheck);

    const callback = vi.fn();
    headersListener?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] },
    });

    const contentsListeners = new Map<string, (...args: unknown[]) => void>();
    const contents = {
      on: vi.fn((name: string, fn: (...args: unknown[]) => void) => contentsListeners.set(name, fn)),
      setWindowOpenHandler: vi.fn(),
    };
    appListeners.get('web-contents-created')?.({}, contents);

    const attach = { preventDefault: vi.fn() };
    contentsListeners.get('will-attach-webview')?.(attach);
    expect(attach.preventDefault).toHaveBeenCalled();

    const away = { url: 'https://example.org/', preventDefault: vi.fn() };
    contentsListeners.get('will-navigate')?.(away);
    expect(away.preventDefault).toHaveBeenCalled();

    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: { url: string }) => unknown;
    expect(handler({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.org/');
  });
});

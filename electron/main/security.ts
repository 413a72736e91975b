import type { App, Event, HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';

/**
 * The renderer's Content-Security-Policy. It must equal the meta tag in renderer/index.html (a test
 * compares them): the meta protects pages loaded from file://, the header covers anything served
 * over http (the dev server), where a meta tag alone can be bypassed by an early injected script.
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'self' blob:; " +
  "connect-src 'self'";

/** Links the user may follow out of the app, in the system browser or mail client. */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  return (parsed.protocol === 'https:' && parsed.hostname !== '') || parsed.protocol === 'mailto:';
}

/**
 * True when `url` is the app's own page: the same file for a file:// app (hash routes and queries
 * allowed), the same origin for the dev server.
 */
export function isSameAppUrl(url: string, appUrl: string): boolean {
  const candidate = parseUrl(url);
  const app = parseUrl(appUrl);
  if (!candidate || !app) return false;
  if (app.protocol === 'file:') {
    // A file URL's origin is the opaque "null", so compare the file itself.
    return candidate.protocol === 'file:' && candidate.host === app.host && candidate.pathname === app.pathname;
  }
  return candidate.origin === app.origin;
}

/** What an IPC event tells us about who sent it (the Electron types satisfy this shape). */
export interface IpcSender {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * IPC is answered only for the main window's top frame showing the app's own page: not an iframe
 * (e.g. a previewed PDF), not another window, not a page the window was somehow navigated to.
 */
export function isTrustedSender(
  event: IpcSender,
  mainWindow: { webContents: unknown; isDestroyed(): boolean } | null,
  appUrl: string,
): boolean {
  if (!mainWindow || mainWindow.isDestroyed()) return false;
  const frame = event.senderFrame;
  // senderFrame is null when the frame navigated away or was destroyed before we looked.
  if (!frame || frame.parent !== null) return false;
  return event.sender === mainWindow.webContents && isSameAppUrl(frame.url, appUrl);
}

/** `will-navigate` listener: the window may only (re)load the app itself. */
export const navigationGuard =
  (appUrl: string) =>
  (event: { url: string; preventDefault(): void }): void => {
    if (!isSameAppUrl(event.url, appUrl)) event.preventDefault();
  };

/** New windows are never created; safe links open outside the app instead. */
export const windowOpenHandler =
  (openExternal: (url: string) => Promise<void>) =>
  ({ url }: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse => {
    if (isAllowedExternalUrl(url)) {
      openExternal(url).catch((error: unknown) => console.error('relais: openExternal failed', error));
    }
    return { action: 'deny' };
  };

/** `will-attach-webview` listener: the app has no use for <webview>, so none may ever attach. */
export const preventWebview = (event: Pick<Event, 'preventDefault'>): void => event.preventDefault();

/** Camera, microphone, notifications, geolocation…: Relais needs none of them. */
export const denyPermissionRequest = (_webContents: unknown, _permission: string, callback: (granted: boolean) => void) =>
  callback(false);
export const denyPermissionCheck = (): boolean => false;

/** Adds the CSP header to every response of the session. */
export function installCspHeader(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}

/** Applies the guards to one webContents (the main window, the hidden print windows, anything else). */
export function guardWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  appUrl: string,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', navigationGuard(appUrl));
  contents.on('will-attach-webview', preventWebview);
  contents.setWindowOpenHandler(windowOpenHandler(openExternal));
}

export interface SecurityOptions {
  app: Pick<App, 'on'>;
  session: Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
  appUrl: string;
  openExternal: (url: string) => Promise<void>;
}

/** Wires every guard; call once, before the first window is created. */
export function installSecurity({ app, session, appUrl, openExternal }: SecurityOptions): void {
  installCspHeader(session);
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  // Hooking creation covers every webContents, including ones created later.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appUrl, openExternal));
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

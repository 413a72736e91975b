/**
 * The few pieces of the `electron` module the shell uses, as spies. Tests mock `electron` with this
 * module (`vi.mock('electron', () => import('./electron-stub'))`) and inspect what was called.
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** An event emitter that remembers its listeners so tests can fire them. */
export class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on = vi.fn((name: string, listener: Listener) => {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  });
  once = this.on;
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }
}

export class FakeWebContents extends Emitter {
  setWindowOpenHandler = vi.fn();
  printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 fake'));
}

export class BrowserWindow extends Emitter {
  static instances: BrowserWindow[] = [];
  /** Lets a test adjust a window the code under test creates (e.g. make its printing fail). */
  static onCreate: ((window: BrowserWindow) => void) | null = null;
  readonly webContents = new FakeWebContents();
  destroyed = false;
  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    BrowserWindow.instances.push(this);
    BrowserWindow.onCreate?.(this);
  }
  loadURL = vi.fn(async (_url: string) => {});
  loadFile = vi.fn(async (_path: string) => {});
  show = vi.fn();
  isDestroyed = () => this.destroyed;
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
}

export const app = Object.assign(new Emitter(), {
  getLocale: vi.fn(() => 'fr-FR'),
  getPath: vi.fn((name: string) => `/home/user/${name}`),
});

export const dialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => {}),
  openPath: vi.fn(async (_path: string) => ''),
  showItemInFolder: vi.fn(),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = { invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, data: null })) };

/** Forgets every call and every window between tests. */
export function resetStub(): void {
  vi.clearAllMocks();
  BrowserWindow.instances = [];
  BrowserWindow.onCreate = null;
  app.listeners.clear();
}

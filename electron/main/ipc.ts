import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES, type MethodName } from '../../shared/api';
import { LANGUAGES, type Language } from '../../shared/api/settings';
import { fail, type Result } from '../../shared/errors';

/** The one channel between preload and main (the preload repeats the literal; a test checks both). */
export const INVOKE_CHANNEL = 'relais:invoke';

/** The part of core the IPC layer needs. */
export interface Dispatcher {
  dispatch(method: MethodName, input: unknown): Promise<Result<unknown>>;
}

export interface IpcOptions {
  /** A getter, not the core itself: core may be closed during quit, and demo mode swaps data inside it. */
  getCore(): Dispatcher | null;
  isTrusted(event: IpcMainInvokeEvent): boolean;
  /** Told the language of every settings view a successful call returns, so main can re-translate the menu. */
  onLanguage?(language: Language): void;
}

const KNOWN_METHODS: ReadonlySet<string> = new Set(METHOD_NAMES);

const isMethodName = (method: unknown): method is MethodName => typeof method === 'string' && KNOWN_METHODS.has(method);

/** The `relais:invoke` handler. It resolves to a Result whatever happens: nothing throws across. */
export function invokeHandler({ getCore, isTrusted, onLanguage }: IpcOptions) {
  return async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrusted(event)) return fail('INTERNAL', { reason: 'untrusted-sender' });
    if (!isMethodName(method)) {
      return fail('UNKNOWN_METHOD', typeof method === 'string' ? { method: method.slice(0, 100) } : undefined);
    }
    const core = getCore();
    if (!core) return fail('INTERNAL', { reason: 'not-ready' });
    let result: Result<unknown>;
    try {
      result = await core.dispatch(method, input);
    } catch (error) {
      console.error(`relais: ${method} threw`, error);
      return fail('INTERNAL');
    }
    const language = method.startsWith('settings.') ? languageOf(result) : null;
    if (language && onLanguage) {
      try {
        onLanguage(language);
      } catch (error) {
        // A menu that failed to rebuild must not turn a saved setting into a reported failure.
        console.error('relais: language change listener failed', error);
      }
    }
    return result;
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, options: IpcOptions): void {
  ipcMain.handle(INVOKE_CHANNEL, invokeHandler(options));
}

/** The chosen language in a successful settings view, or null (not chosen yet, not a settings view, failed). */
export function languageOf(result: Result<unknown>): Language | null {
  if (!result.ok || typeof result.data !== 'object' || result.data === null) return null;
  const language: unknown = (result.data as { language?: unknown }).language;
  return (LANGUAGES as readonly unknown[]).includes(language) ? (language as Language) : null;
}

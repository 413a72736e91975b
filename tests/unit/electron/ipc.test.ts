import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL, invokeHandler, languageOf, registerIpc, type Dispatcher } from '../../../electron/main/ipc';
import { ok, type Result } from '../../../shared/errors';

const event = {} as IpcMainInvokeEvent;
const settingsView = (language: string | null) => ({ language, association: null, customFields: [], mode: 'real', dataDir: '/d' });

function setup(options: { trusted?: boolean; dispatch?: Dispatcher['dispatch']; core?: null } = {}) {
  const dispatch = vi.fn(options.dispatch ?? (async (): Promise<Result<unknown>> => ok({ items: [] })));
  const onLanguage = vi.fn();
  const handler = invokeHandler({
    getCore: () => (options.core === null ? null : { dispatch }),
    isTrusted: () => options.trusted ?? true,
    onLanguage,
  });
  return { handler, dispatch, onLanguage };
}

describe('relais:invoke', () => {
  it('registers one handler on the shared channel', () => {
    const ipcMain = { handle: vi.fn() };
    registerIpc(ipcMain, { getCore: () => null, isTrusted: () => true });
    expect(ipcMain.handle).toHaveBeenCalledWith('relais:invoke', expect.any(Function));
    expect(INVOKE_CHANNEL).toBe('relais:invoke');
  });

  it('rejects untrusted senders before looking at the call', async () => {
    const { handler, dispatch } = setup({ trusted: false });
    expect(await handler(event, 'volunteers.list', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', details: { reason: 'untrusted-sender' } },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each([undefined, null, 42, {}, ['settings.get'], 'settings', 'settings.drop', '__proto__', 'constructor'])(
    'answers UNKNOWN_METHOD for %j',
    async (method) => {
      const { handler, dispatch } = setup();
      const result = await handler(event, method, {});
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('UNKNOWN_METHOD');
      expect(dispatch).not.toHaveBeenCalled();
    },
  );

  it('forwards a valid call to dispatch and returns its Result untouched', async () => {
    const { handler, dispatch } = setup();
    const input = { query: 'hélène' };
    expect(await handler(event, 'volunteers.list', input)).toEqual({ ok: true, data: { items: [] } });
    expect(dispatch).toHaveBeenCalledWith('volunteers.list', input);
  });

  it('turns a throwing core into INTERNAL instead of a rejected promise', async () => {
    const { handler } = setup({ dispatch: async () => Promise.reject(new Error('boom')) });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(handler(event, 'settings.get', undefined)).resolves.toEqual({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('answers not-ready while core is closed', async () => {
    const { handler } = setup({ core: null });
    expect(await handler(event, 'settings.get', undefined)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', details: { reason: 'not-ready' } },
    });
  });

  it('reports the language of a returned settings view', async () => {
    const { handler, onLanguage } = setup({ dispatch: async () => ok(settingsView('fr')) });
    await handler(event, 'settings.setLanguage', { language: 'fr' });
    expect(onLanguage).toHaveBeenCalledWith('fr');
  });

  it('does not report a language for other domains or failures', async () => {
    const { handler, onLanguage } = setup({ dispatch: async () => ok({ language: 'en' }) });
    await handler(event, 'volunteers.list', {});
    expect(onLanguage).not.toHaveBeenCalled();
  });
});

describe('languageOf', () => {
  it('reads only a chosen, known language of a successful result', () => {
    expect(languageOf(ok(settingsView('en')))).toBe('en');
    expect(languageOf(ok(settingsView(null)))).toBeNull();
    expect(languageOf(ok(settingsView('de')))).toBeNull();
    expect(languageOf(ok(null))).toBeNull();
    expect(languageOf({ ok: false, error: { code: 'VALIDATION' } })).toBeNull();
  });
});

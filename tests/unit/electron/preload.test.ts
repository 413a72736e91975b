import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from '../../../electron/main/ipc';
import { METHOD_NAMES } from '../../../shared/api';
import { contextBridge, ipcRenderer } from './electron-stub';

vi.mock('electron', () => import('./electron-stub'));

await import('../../../electron/preload/index');

describe('preload', () => {
  const [name, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, Record<string, unknown>>];

  it('exposes only window.relais', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(name).toBe('relais');
  });

  it('exposes exactly one function per contract method', () => {
    const exposed = Object.entries(api).flatMap(([domain, methods]) =>
      Object.entries(methods).map(([method, fn]) => {
        expect(typeof fn).toBe('function');
        return `${domain}.${method}`;
      }),
    );
    expect(exposed.sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('sends each call on the channel main listens to', async () => {
    const input = { query: 'zoé' };
    await (api.volunteers?.list as (i: unknown) => Promise<unknown>)(input);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'volunteers.list', input);
  });
});

import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/api';

// The page gets named functions, one per contract method, and never ipcRenderer itself.
// 'relais:invoke' is electron/main/ipc.ts's INVOKE_CHANNEL, repeated so main's code stays out of this bundle.
contextBridge.exposeInMainWorld(
  'relais',
  buildApi((method, input) => ipcRenderer.invoke('relais:invoke', method, input)),
);

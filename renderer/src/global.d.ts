import type { RelaisApi } from '../../shared/api';

declare global {
  interface Window {
    /** Built by the preload from the contract (in Electron) or by the e2e bridge (in tests). */
    relais: RelaisApi;
  }
}

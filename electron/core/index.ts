/**
 * Core's one entry point. The Electron main process, the tests, the benchmarks and scripts all open
 * a data folder through here and talk to it only through `dispatch`:
 *
 *   const relais = await openRelais({ dataDir: '/path/to/folder', platform });
 *   const result = await relais.dispatch('volunteers.list', { query: 'hélène' });
 *   await relais.close();
 *
 * Opening migrates the database (after a verified backup of the file). A database written by a newer
 * Relais makes openRelais throw `RelaisFailure('DATABASE_TOO_NEW')` and the file is left untouched.
 */
export { openRelais } from './relais';
export type { RelaisCore, OpenOptions } from './relais';
export type { Platform } from './platform';

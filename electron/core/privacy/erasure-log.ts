import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The erasure log kept beside the database, in `<dataDir>/erasures.json`: ids and dates only,
 * nothing about the person. A backup restored later is older than some erasures; this file is
 * what lets Relais erase those people again (`reapplyErasures`). It is never deleted; a damaged
 * copy is set aside, and the log is rebuilt from what the database itself records.
 */
export const ERASURE_LOG_FILE = 'erasures.json';

export interface LoggedErasure {
  volunteerId: number;
  /** The erased record's creation instant (tells the person apart from a later one with the same id). */
  volunteerCreatedAt: string;
  erasedAt: string;
}

interface LogFile {
  relais: 'erasure-log';
  version: 1;
  erasures: LoggedErasure[];
}

const isEntry = (e: unknown): e is LoggedErasure =>
  typeof e === 'object' &&
  e !== null &&
  Number.isInteger((e as LoggedErasure).volunteerId) &&
  typeof (e as LoggedErasure).volunteerCreatedAt === 'string' &&
  typeof (e as LoggedErasure).erasedAt === 'string';

export const erasureLogPath = (dataDir: string) => join(dataDir, ERASURE_LOG_FILE);

/** The entries of the log; none when there is no file yet. A damaged file is moved aside, not trusted. */
export function readErasureLog(dataDir: string): LoggedErasure[] {
  const file = erasureLogPath(dataDir);
  if (!existsSync(file)) return [];
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LogFile>;
    if (parsed.relais !== 'erasure-log' || !Array.isArray(parsed.erasures) || !parsed.erasures.every(isEntry)) {
      throw new Error('not an erasure log');
    }
    return parsed.erasures;
  } catch {
    renameSync(file, `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    return [];
  }
}

/** Writes the whole log: a temporary file, flushed, then renamed over the old one (never half written). */
export function writeErasureLog(dataDir: string, erasures: readonly LoggedErasure[]): void {
  const file = erasureLogPath(dataDir);
  const tmp = `${file}.tmp`;
  const body: LogFile = { relais: 'erasure-log', version: 1, erasures: [...erasures] };
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(body, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** Adds entries the log does not have yet (by id and creation instant) and answers the full log. */
export function mergeErasureLog(dataDir: string, entries: readonly LoggedErasure[]): LoggedErasure[] {
  const current = readErasureLog(dataDir);
  const key = (e: LoggedErasure) => `${e.volunteerId}|${e.volunteerCreatedAt}`;
  const seen = new Set(current.map(key));
  const added = entries.filter((e) => !seen.has(key(e)));
  if (added.length === 0) return current;
  const merged = [...current, ...added].sort((a, b) => (a.erasedAt < b.erasedAt ? -1 : a.erasedAt > b.erasedAt ? 1 : a.volunteerId - b.volunteerId));
  writeErasureLog(dataDir, merged);
  return merged;
}

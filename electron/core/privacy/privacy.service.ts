import type { ErasureLogEntry, Language, PersonStatus } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import { nowIso } from '../clock';
import type { Context } from '../context';
import { compactSearchIndex, eraseOne, listErasures, placeholderName, scrubFile, storedLanguage, toLogged } from './erasure';
import { mergeErasureLog, readErasureLog, writeErasureLog } from './erasure-log';

/** The app's language lives in the real database, even while the sample one is open. */
export const appLanguage = (ctx: Context): Language => storedLanguage(ctx.session.real.sqlite);

export function personStatus(ctx: Context, id: number): PersonStatus {
  const row = ctx.sqlite.prepare('SELECT id FROM volunteers WHERE id = ?').get(id);
  if (!row) throw new RelaisFailure('NOT_FOUND', { id });
  const erased = ctx.sqlite.prepare('SELECT erased_at FROM erasures WHERE volunteer_id = ?').pluck().get(id) as string | undefined;
  return { id, erasedAt: erased ?? null };
}

/**
 * Erases the given people in one transaction: all of them or, on any refusal, none.
 * The log beside the database is written first, so that a crash between the two leaves an erasure
 * still to be done (re-applied at the next restore), never one done and forgotten. The sample
 * database never writes it: its ids are not the association's people.
 */
export function erase(ctx: Context, ids: readonly number[]) {
  const wanted = [...new Set(ids)];
  const rows = ctx.sqlite
    .prepare('SELECT id, created_at FROM volunteers WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(wanted)) as { id: number; created_at: string }[];
  const missing = wanted.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw new RelaisFailure('NOT_FOUND', { ids: missing });
  const already = ctx.sqlite
    .prepare('SELECT volunteer_id FROM erasures WHERE volunteer_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(wanted)) as number[];
  if (already.length) throw new RelaisFailure('CONFLICT', { reason: 'alreadyErased', ids: already });

  const erasedAt = nowIso();
  const facts = wanted.map((id) => ({
    volunteerId: id,
    volunteerCreatedAt: rows.find((r) => r.id === id)!.created_at,
    erasedAt,
    reappliedAt: null,
  }));
  const lang = appLanguage(ctx);
  const real = ctx.session.mode === 'real';
  const before = real ? readErasureLog(ctx.session.dataDir) : [];
  if (real) mergeErasureLog(ctx.session.dataDir, facts.map(toLogged));
  try {
    ctx.sqlite.transaction(() => {
      for (const f of facts) eraseOne(ctx.sqlite, f, lang);
      compactSearchIndex(ctx.sqlite);
    })();
  } catch (error) {
    if (real) writeErasureLog(ctx.session.dataDir, before);
    throw error;
  }
  return { erased: wanted, erasedAt, fileScrubbed: scrubFile(ctx.sqlite) };
}

export function erasureLog(ctx: Context): { entries: ErasureLogEntry[] } {
  const lang = appLanguage(ctx);
  const name = ctx.sqlite.prepare('SELECT first_name, last_name FROM volunteers WHERE id = ?');
  const entries = listErasures(ctx.sqlite)
    .reverse()
    .map((e) => {
      const row = (name.get(e.volunteerId) as { first_name: string; last_name: string } | undefined) ?? null;
      const p = placeholderName(e.volunteerId, lang);
      return {
        volunteerId: e.volunteerId,
        name: row ? `${row.first_name} ${row.last_name}` : `${p.firstName} ${p.lastName}`,
        erasedAt: e.erasedAt,
        reappliedAt: e.reappliedAt,
      };
    });
  return { entries };
}

import type { z } from 'zod';
import type { Training, trainingInput } from '../../../shared/api/trainings';
import { RelaisFailure } from '../../../shared/errors';
import { nowIso } from '../clock';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { fold, namesOf } from './names';
import { findTraining, listTrainingRows, type TrainingRow } from './trainings.repository';
import { localToday } from './validity';

export const listTrainings = (ctx: Context, includeArchived: boolean): Training[] => listTrainingRows(ctx.sqlite, localToday(), includeArchived);

const byId = (sqlite: Sqlite, id: number): Training => listTrainingRows(sqlite, localToday(), true).find((t) => t.id === id)!;

/**
 * Adds or changes a catalogue entry. The association's own trainings need a name no other
 * training goes by (in either language); a seeded one keeps its translated name, and its
 * description and validity are the association's to set. A new validity applies to
 * qualifications obtained from then on: those already held keep the expiry they were given.
 */
export function saveTraining(ctx: Context, input: z.output<typeof trainingInput>): Training {
  const { sqlite } = ctx;
  const existing: TrainingRow | undefined = input.id === undefined ? undefined : findTraining(sqlite, input.id);
  if (input.id !== undefined && !existing) throw new RelaisFailure('NOT_FOUND', { id: input.id });
  const seeded = existing?.key != null;
  if (!seeded) {
    if (input.name === null) throw new RelaisFailure('VALIDATION', { issues: [{ path: ['name'], key: 'required' }] });
    const others = sqlite.prepare('SELECT id, key, name FROM trainings WHERE id IS NOT ?').all(input.id ?? null) as Pick<TrainingRow, 'id' | 'key' | 'name'>[];
    const wanted = fold(input.name);
    if (others.some((o) => namesOf(o).includes(wanted))) {
      throw new RelaisFailure('VALIDATION', { issues: [{ path: ['name'], key: 'trainingExists' }] });
    }
  }
  const at = nowIso();
  if (!existing) {
    const info = sqlite
      .prepare('INSERT INTO trainings (name, description, validity_months, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.name, input.description, input.validityMonths, at, at);
    return byId(sqlite, Number(info.lastInsertRowid));
  }
  sqlite
    .prepare('UPDATE trainings SET name = ?, description = ?, validity_months = ?, updated_at = ? WHERE id = ?')
    .run(seeded ? null : input.name, input.description, input.validityMonths, at, existing.id);
  return byId(sqlite, existing.id);
}

/** Archiving hides a training from new sessions and new qualifications; what people hold stays. */
export function setTrainingArchived(ctx: Context, id: number, archived: boolean): Training {
  const info = ctx.sqlite.prepare('UPDATE trainings SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, nowIso(), id);
  if (info.changes === 0) throw new RelaisFailure('NOT_FOUND', { id });
  return byId(ctx.sqlite, id);
}

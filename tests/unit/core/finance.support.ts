import type { Input, Output } from '../../../shared/api';
import type { BackupCore } from './fixtures/backup-core';
import Database from 'better-sqlite3';

/**
 * The known dataset of the finance tests: programmes, budgets, expenses and income of 2025 whose
 * sums are worked out by hand in the tests' comments. Amounts are cents.
 */
export type FinanceCore = Pick<BackupCore, 'call' | 'failure' | 'file' | 'dataDir' | 'dialogs'>;

/** Opens the test's database file beside core's connection (WAL: core sees the rows at its next read). */
export function withFile<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/**
 * An hour entry as stored (approved unless told), for the valuation and CEC datasets: hundreds of
 * entries with exact minutes and categories, faster than through attendance.
 */
export function seedHourEntry(
  file: string,
  e: { volunteerId: number; workedOn: string; minutes: number; category: string; approval?: string; programmeId?: number | null },
): number {
  return withFile(file, (db) =>
    Number(
      db
        .prepare(
          `INSERT INTO hour_entries (volunteer_id, worked_on, minutes, category, programme_id, source, approval, created_at, updated_at)
           VALUES (@volunteerId, @workedOn, @minutes, @category, @programmeId, 'manual', @approval, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
        )
        .run({ approval: 'approved', programmeId: null, ...e }).lastInsertRowid,
    ),
  );
}

export async function categoryIds(t: FinanceCore): Promise<Record<string, number>> {
  const { categories } = await t.call('finance.options');
  return Object.fromEntries(categories.filter((c) => c.key).map((c) => [c.key!, c.id]));
}

export function line(
  over: Partial<Input<'finance.createLine'>> & Pick<Input<'finance.createLine'>, 'categoryId' | 'amountCents' | 'occurredOn'>,
): Input<'finance.createLine'> {
  return { direction: 'expense', label: 'Ligne', paymentMethod: 'transfer', ...over };
}

export interface Dataset {
  cat: Record<string, number>;
  p1: number;
  p2: number;
  t1: number;
  t2: number;
  saved: Output<'finance.createLine'>[];
}

/** A training event (kind `training`) written as planning stores it, Europe/Paris wall clock. */
export function seedTraining(file: string, title: string, day: string, programmeId: number | null, status: 'planned' | 'cancelled' = 'planned'): number {
  return withFile(file, (db) =>
    Number(
      db
        .prepare(
          `INSERT INTO events (title, kind, status, programme_id, format, time_zone, start_local, end_local, start_utc, end_utc, created_at, updated_at)
           VALUES (?, 'training', ?, ?, 'in_person', 'Europe/Paris', ?, ?, ?, ?, ?, ?)`,
        )
        .run(title, status, programmeId, `${day}T09:00`, `${day}T17:00`, `${day}T07:00:00.000Z`, `${day}T15:00:00.000Z`, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')
        .lastInsertRowid,
    ),
  );
}

export async function seedDataset(t: FinanceCore): Promise<Dataset> {
  const cat = await categoryIds(t);
  const p1 = (await t.call('events.createProgramme', { name: 'Écoute' })).id;
  const p2 = (await t.call('events.createProgramme', { name: 'Formation des bénévoles' })).id;
  const t1 = seedTraining(t.file, 'Premiers secours en santé mentale', '2025-04-02', p1);
  const t2 = seedTraining(t.file, 'Écoute active', '2025-05-10', p2);
  const people: number[] = [];
  for (const firstName of ['Aline', 'Basile', 'Capucine', 'Dorian', 'Éva']) people.push((await t.call('volunteers.create', { firstName, lastName: 'Essai', joinedOn: '2024-01-01' })).id);
  withFile(t.file, (db) => {
    const training = db.prepare('SELECT id FROM trainings ORDER BY id LIMIT 1').pluck().get() as number;
    const session = db.prepare("INSERT INTO training_sessions (event_id, training_id, cost_cents, created_at, updated_at) VALUES (?, ?, ?, '2025-01-01', '2025-01-01')");
    session.run(t1, training, 90_000);
    session.run(t2, training, 60_000);
    // T1: three people enrolled (one did not complete: they still took a place).
    const enrol = db.prepare("INSERT INTO training_participants (event_id, volunteer_id, result, enrolled_at) VALUES (?, ?, ?, '2025-03-01')");
    enrol.run(t1, people[0], 'completed');
    enrol.run(t1, people[1], 'completed');
    enrol.run(t1, people[2], 'not_completed');
    // T2: nobody enrolled, four marked present on the day.
    const present = db.prepare("INSERT INTO attendance (event_id, volunteer_id, status, walk_in, updated_at) VALUES (?, ?, ?, 0, '2025-05-10')");
    for (const v of people.slice(0, 4)) present.run(t2, v, 'present');
    present.run(t2, people[4], 'absent');
  });

  // Budgets 2025. General: venue hire 1,000.00, materials 200.00. P1: training 3,000.00,
  // travel 500.00. P2: training 1,500.00. Expected income P1: grant 5,000.00.
  await t.call('finance.saveBudget', { year: 2025, programmeId: null, cells: [{ categoryId: cat.venue_hire!, amountCents: 100_000 }, { categoryId: cat.materials!, amountCents: 20_000 }] });
  await t.call('finance.saveBudget', { year: 2025, programmeId: p1, cells: [{ categoryId: cat.training!, amountCents: 300_000 }, { categoryId: cat.travel!, amountCents: 50_000 }, { categoryId: cat.grant!, amountCents: 500_000 }] });
  await t.call('finance.saveBudget', { year: 2025, programmeId: p2, cells: [{ categoryId: cat.training!, amountCents: 150_000 }] });

  const saved: Output<'finance.createLine'>[] = [];
  const add = async (l: Input<'finance.createLine'>) => saved.push(await t.call('finance.createLine', l));
  await add(line({ occurredOn: '2025-02-01', amountCents: 45_000, categoryId: cat.venue_hire!, label: 'Salle Croix-Rousse, février' }));
  await add(line({ occurredOn: '2025-03-10', amountCents: 60_000, categoryId: cat.venue_hire!, label: 'Salle Croix-Rousse, mars' }));
  await add(line({ occurredOn: '2025-04-02', amountCents: 120_050, categoryId: cat.training!, programmeId: p1, eventId: t1, label: 'Formatrice PSSM', paymentMethod: 'cheque' }));
  await add(line({ occurredOn: '2025-04-03', amountCents: 3_575, categoryId: cat.travel!, programmeId: p1, label: 'Billets TER', paymentMethod: 'card' }));
  await add(line({ occurredOn: '2025-05-01', amountCents: 99_999, categoryId: cat.training!, programmeId: p2, label: 'Supervision' }));
  await add(line({ occurredOn: '2025-06-01', amountCents: 1_234, categoryId: cat.materials!, label: '=Feutres et paperboard', paymentMethod: 'cash' }));
  await add(line({ occurredOn: '2024-12-31', amountCents: 50_000, categoryId: cat.training!, programmeId: p1, label: 'Formation 2024' }));
  await add(line({ direction: 'income', occurredOn: '2025-01-20', amountCents: 500_000, categoryId: cat.grant!, programmeId: p1, funder: 'Ville de Lyon', reference: 'DEL-2025-014', label: 'Subvention écoute' }));
  await add(line({ direction: 'income', occurredOn: '2025-03-15', amountCents: 200_000, categoryId: cat.grant!, programmeId: p2, funder: 'Fondation de France', reference: 'FDF-88', label: 'Appel à projets' }));
  await add(line({ direction: 'income', occurredOn: '2025-06-30', amountCents: 15_050, categoryId: cat.donation!, label: 'Dons de juin', paymentMethod: 'cash' }));
  await add(line({ direction: 'income', occurredOn: '2025-09-01', amountCents: 100_000, categoryId: cat.grant!, programmeId: p2, funder: 'Ville de Lyon', reference: 'DEL-2025-099', label: 'Complément' }));
  return { cat, p1, p2, t1, t2, saved };
}

import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_CENTS } from '../../../shared/money';
import { openBackupCore } from './fixtures/backup-core';
import { categoryIds, line, seedDataset, seedTraining, withFile } from './finance.support';
import { dumpTables, expectIssue } from './helpers';

describe('categories and their accounts', () => {
  it('starts with the expense categories and income kinds of the issue, each mapped to an account of the plan comptable associatif', async () => {
    const t = await openBackupCore();
    const { categories } = await t.call('finance.options');
    const byKey = Object.fromEntries(categories.map((c) => [c.key, c]));
    expect(categories.filter((c) => c.direction === 'expense').map((c) => [c.key, c.account])).toEqual([
      ['training', '6226'],
      ['venue_hire', '6132'],
      ['materials', '6068'],
      ['technology', '6135'],
      ['insurance', '616'],
      ['travel', '6251'],
      ['communication', '623'],
      ['other_expense', '628'],
    ]);
    expect(categories.filter((c) => c.direction === 'income').map((c) => [c.key, c.account, c.funded])).toEqual([
      ['grant', '74', true],
      ['donation', '7541', false],
      ['membership_fees', '756', false],
      ['partnership', '7542', true],
      ['other_income', '7588', false],
    ]);
    // Editable: a new category, a remapped account, a renamed seeded one, archived.
    const mine = await t.call('finance.saveCategory', { direction: 'expense', name: 'Frais bancaires', account: '627' });
    expect(mine).toMatchObject({ key: null, name: 'Frais bancaires', account: '627', archived: false, lineCount: 0 });
    const remapped = await t.call('finance.saveCategory', { id: byKey.training!.id, direction: 'expense', name: null, account: '6185' });
    expect(remapped).toMatchObject({ key: 'training', name: null, account: '6185' });
    expect(await t.call('finance.archiveCategory', { id: mine.id, archived: true })).toMatchObject({ archived: true });

    const before = dumpTables(t.file);
    expectIssue(await t.failure('finance.saveCategory', { direction: 'expense', name: 'FRAIS BANCAIRES', account: '627' }), ['name'], 'finance.categoryExists');
    expectIssue(await t.failure('finance.saveCategory', { direction: 'expense', name: 'Dons', account: '6x' }), ['account'], 'finance.account');
    expectIssue(await t.failure('finance.saveCategory', { direction: 'income', name: null, account: '758' }), ['name'], 'required');
    expect((await t.failure('finance.archiveCategory', { id: 999, archived: true })).code).toBe('NOT_FOUND');
    expect(dumpTables(t.file)).toEqual(before);
  });
});

describe('budget against actual on the known 2025 dataset', () => {
  it('sums each category, total and month by hand-checked figures', async () => {
    const t = await openBackupCore();
    const d = await seedDataset(t);
    const o = await t.call('finance.overview', { year: 2025, programmeId: null });
    const row = (key: string) => o.byCategory.find((r) => r.categoryId === d.cat[key]);
    // venue hire 450.00 + 600.00 = 1,050.00 against 1,000.00 (general budget).
    expect(row('venue_hire')).toMatchObject({ budgetCents: 100_000, actualCents: 105_000 });
    // training 1,200.50 (P1) + 999.99 (P2) = 2,200.49 against 3,000.00 + 1,500.00; the 2024 line is not 2025's.
    expect(row('training')).toMatchObject({ budgetCents: 450_000, actualCents: 220_049 });
    expect(row('travel')).toMatchObject({ budgetCents: 50_000, actualCents: 3_575 });
    expect(row('materials')).toMatchObject({ budgetCents: 20_000, actualCents: 1_234 });
    expect(row('insurance')).toMatchObject({ budgetCents: null, actualCents: 0 });
    // grants 5,000.00 + 2,000.00 + 1,000.00 against the 5,000.00 expected in P1; donations 150.50, no budget.
    expect(row('grant')).toMatchObject({ budgetCents: 500_000, actualCents: 800_000 });
    expect(row('donation')).toMatchObject({ budgetCents: null, actualCents: 15_050 });
    // Spent 1,050.00 + 12.34 + 2,200.49 + 35.75 = 3,298.58; received 8,000.00 + 150.50 = 8,150.50;
    // budgeted 1,000 + 200 + 3,000 + 500 + 1,500 = 6,200.00 of expenses and 5,000.00 of income.
    expect(o.totals).toEqual({ expenseCents: 329_858, incomeCents: 815_050, budgetExpenseCents: 620_000, budgetIncomeCents: 500_000 });
    expect(o.hasBudget).toBe(true);
    expect(o.funders).toEqual([
      { funder: 'Ville de Lyon', cents: 600_000 },
      { funder: 'Fondation de France', cents: 200_000 },
    ]);
    expect(o.monthly.map((m) => [m.month, m.inCents, m.outCents])).toEqual([
      ['2025-01', 500_000, 0],
      ['2025-02', 0, 45_000],
      ['2025-03', 200_000, 60_000],
      ['2025-04', 0, 123_625], // 1,200.50 + 35.75
      ['2025-05', 0, 99_999],
      ['2025-06', 15_050, 1_234],
      ['2025-07', 0, 0],
      ['2025-08', 0, 0],
      ['2025-09', 100_000, 0],
      ['2025-10', 0, 0],
      ['2025-11', 0, 0],
      ['2025-12', 0, 0],
    ]);
    // The months add up to the totals.
    expect(o.monthly.reduce((n, m) => n + m.outCents, 0)).toBe(o.totals.expenseCents);
    expect(o.monthly.reduce((n, m) => n + m.inCents, 0)).toBe(o.totals.incomeCents);

    // One programme: P1 spent 1,200.50 + 35.75 of 3,000.00 + 500.00 and got its 5,000.00 grant.
    const p1 = await t.call('finance.overview', { year: 2025, programmeId: d.p1 });
    expect(p1.totals).toEqual({ expenseCents: 123_625, incomeCents: 500_000, budgetExpenseCents: 350_000, budgetIncomeCents: 500_000 });
    // Outside any programme: the rooms, the markers and June's donations.
    const general = await t.call('finance.budget', { year: 2025, programmeId: 0 });
    expect(general.rows.filter((r) => r.actualCents || r.budgetCents !== null).map((r) => [r.categoryId, r.budgetCents, r.actualCents])).toEqual([
      [d.cat.venue_hire, 100_000, 105_000],
      [d.cat.materials, 20_000, 1_234],
      [d.cat.donation, null, 15_050],
    ]);
  });

  it('warns when an expense takes its category over budget, or falls in a year with no budget, and saves it', async () => {
    const t = await openBackupCore();
    const d = await seedDataset(t);
    const [first, second] = d.saved;
    expect(first!.warnings).toEqual([]);
    // 450.00 + 600.00 > 1,000.00 budgeted for venue hire in 2025.
    expect(second!.warnings).toEqual([{ key: 'overBudget', params: { year: 2025, budgetCents: 100_000, spentCents: 105_000 } }]);
    const in2024 = d.saved.find((s) => s.line.occurredOn === '2024-12-31')!;
    expect(in2024.warnings).toEqual([{ key: 'noBudget', params: { year: 2024 } }]);
    expect(in2024.line.id).toBeGreaterThan(0);
    expect(await t.call('finance.budget', { year: 2024, programmeId: null })).toMatchObject({ hasBudget: false });
  });

  it('says what each funder financed and what each training session cost per participant', async () => {
    const t = await openBackupCore();
    const d = await seedDataset(t);
    expect(await t.call('finance.funders', { year: 2025 })).toEqual([
      {
        funder: 'Ville de Lyon',
        totalCents: 600_000,
        lines: 2,
        references: ['DEL-2025-014', 'DEL-2025-099'],
        programmes: [
          // P1 spent 1,200.50 + 35.75 in 2025; P2 spent 999.99.
          { programmeId: d.p1, programmeName: 'Écoute', cents: 500_000, programmeExpenseCents: 123_625 },
          { programmeId: d.p2, programmeName: 'Formation des bénévoles', cents: 100_000, programmeExpenseCents: 99_999 },
        ],
      },
      {
        funder: 'Fondation de France',
        totalCents: 200_000,
        lines: 1,
        references: ['FDF-88'],
        programmes: [{ programmeId: d.p2, programmeName: 'Formation des bénévoles', cents: 200_000, programmeExpenseCents: 99_999 }],
      },
    ]);
    // A training event planned without a session record, two people present; a cancelled one
    // whose deposit was lost; a cancelled one that cost nothing (left out).
    const bare = seedTraining(t.file, 'Gestes de premiers secours', '2025-09-20', null);
    const lost = seedTraining(t.file, 'Atelier annulé', '2025-10-04', d.p1, 'cancelled');
    seedTraining(t.file, 'Autre annulation', '2025-11-04', null, 'cancelled');
    const [a, b] = (await t.call('volunteers.list', { limit: 2 })).rows.map((r) => r.id);
    withFile(t.file, (db) => {
      const mark = db.prepare("INSERT INTO attendance (event_id, volunteer_id, status, walk_in, updated_at) VALUES (?, ?, 'present', 0, '2025-09-20')");
      mark.run(bare, a);
      mark.run(bare, b);
    });
    await t.call('finance.createLine', line({ occurredOn: '2025-09-01', amountCents: 15_000, categoryId: d.cat.venue_hire!, eventId: lost, label: 'Arrhes' }));
    const costs = await t.call('finance.trainingCosts', { year: 2025 });
    expect(costs.slice(2)).toEqual([
      // Nothing planned, nothing paid: no cost, two present.
      expect.objectContaining({ eventId: bare, costCents: 0, costSource: 'none', participants: 2, participantSource: 'attendance', perParticipantCents: null }),
      // Cancelled, but 150.00 paid; nobody took part.
      expect.objectContaining({ eventId: lost, costCents: 15_000, costSource: 'expenses', participants: 0, participantSource: 'none', perParticipantCents: null }),
    ]);
    expect(costs.slice(0, 2)).toEqual([
      // Paid 1,200.50 (the expense linked to it, not the 900.00 planned) for 3 enrolled:
      // 120,050 / 3 = 40,016.67 → 40,017 cents.
      expect.objectContaining({ eventId: d.t1, costCents: 120_050, costSource: 'expenses', participants: 3, participantSource: 'enrolled', perParticipantCents: 40_017 }),
      // Nothing paid yet: the 600.00 planned, for the 4 present (the absent one does not count): 150.00.
      expect.objectContaining({ eventId: d.t2, costCents: 60_000, costSource: 'planned', participants: 4, participantSource: 'attendance', perParticipantCents: 15_000 }),
    ]);
  });
});

describe('expenses and income', () => {
  it('lists, filters, sums the whole selection and pages', async () => {
    const t = await openBackupCore();
    const d = await seedDataset(t);
    const all = await t.call('finance.listLines', { year: 2025, limit: 4 });
    expect(all).toMatchObject({ total: 10, expenseCents: 329_858, incomeCents: 815_050 });
    expect(all.rows.map((r) => r.occurredOn)).toEqual(['2025-09-01', '2025-06-30', '2025-06-01', '2025-05-01']);
    const grants = await t.call('finance.listLines', { year: 2025, categoryId: d.cat.grant });
    expect(grants.rows.map((r) => [r.funder, r.reference, r.account])).toEqual([
      ['Ville de Lyon', 'DEL-2025-099', '74'],
      ['Fondation de France', 'FDF-88', '74'],
      ['Ville de Lyon', 'DEL-2025-014', '74'],
    ]);
    expect((await t.call('finance.listLines', { query: 'croix-rousse' })).total).toBe(2);
    expect((await t.call('finance.listLines', { query: '100%' })).total).toBe(0);
    expect((await t.call('finance.listLines', { programmeId: 0, year: 2025 })).total).toBe(4);
    const linked = (await t.call('finance.listLines', { year: 2025, programmeId: d.p1, direction: 'expense' })).rows.find((r) => r.eventId);
    expect(linked).toMatchObject({ eventId: d.t1, eventTitle: 'Premiers secours en santé mentale', eventKind: 'training', eventDate: '2025-04-02', programmeName: 'Écoute', paymentMethod: 'cheque' });
    expect((await t.call('finance.findEvents', { query: 'écoute', year: 2025 })).map((e) => e.id)).toEqual([d.t2]);
  });

  it('edits and deletes a line; an expense never keeps a funder', async () => {
    const t = await openBackupCore();
    const cat = await categoryIds(t);
    const { line: l } = await t.call('finance.createLine', line({ occurredOn: '2025-03-01', amountCents: 1_999, categoryId: cat.insurance!, funder: 'Personne', reference: 'X' }));
    expect(l).toMatchObject({ funder: null, reference: null, receipt: null, amountCents: 1_999 });
    const { line: edited } = await t.call('finance.updateLine', { id: l.id, data: line({ occurredOn: '2025-03-02', amountCents: 2_000, categoryId: cat.insurance!, label: 'MAIF' }) });
    expect(edited).toMatchObject({ id: l.id, occurredOn: '2025-03-02', amountCents: 2_000, label: 'MAIF' });
    expect(await t.call('finance.deleteLine', { id: l.id })).toEqual({ id: l.id });
    expect((await t.failure('finance.getLine', { id: l.id })).code).toBe('NOT_FOUND');
  });
});

describe('bad input: a clear error and nothing written', () => {
  it('refuses negative, zero, fractional and absurd amounts, unknown, archived or mismatched categories, a grant without its funder', async () => {
    const t = await openBackupCore();
    const cat = await categoryIds(t);
    const other = await t.call('finance.saveCategory', { direction: 'expense', name: 'Ancienne catégorie', account: '628' });
    await t.call('finance.archiveCategory', { id: other.id, archived: true });
    const p = await t.call('events.createProgramme', { name: 'Archivé' });
    await t.call('events.archiveProgramme', { id: p.id, archived: true });
    const before = dumpTables(t.file);
    const base = line({ occurredOn: '2025-01-10', amountCents: 1_000, categoryId: cat.materials! });
    const cases: [unknown, (string | number)[], string][] = [
      [{ ...base, amountCents: -500 }, ['amountCents'], 'finance.amountPositive'],
      [{ ...base, amountCents: 0 }, ['amountCents'], 'finance.amountPositive'],
      // 12.5 cents: money is whole cents, never a float.
      [{ ...base, amountCents: 12.5 }, ['amountCents'], 'finance.amountCents'],
      [{ ...base, amountCents: 0.1 + 0.2 }, ['amountCents'], 'finance.amountCents'],
      [{ ...base, amountCents: '12,50' }, ['amountCents'], 'finance.amount'],
      // 10,000,000.01 €.
      [{ ...base, amountCents: MAX_AMOUNT_CENTS + 1 }, ['amountCents'], 'finance.amountTooLarge'],
      [{ ...base, amountCents: 1e15 }, ['amountCents'], 'finance.amountTooLarge'],
      [{ ...base, categoryId: 9_999 }, ['categoryId'], 'finance.unknownCategory'],
      [{ ...base, categoryId: other.id }, ['categoryId'], 'finance.categoryArchived'],
      [{ ...base, categoryId: cat.donation! }, ['categoryId'], 'finance.categoryDirection'],
      [{ ...base, direction: 'income', categoryId: cat.grant!, funder: '  ' }, ['funder'], 'finance.funderRequired'],
      [{ ...base, programmeId: 9_999 }, ['programmeId'], 'finance.unknownProgramme'],
      [{ ...base, programmeId: p.id }, ['programmeId'], 'finance.programmeArchived'],
      [{ ...base, eventId: 9_999 }, ['eventId'], 'finance.unknownEvent'],
      [{ ...base, occurredOn: '2025-02-30' }, ['occurredOn'], 'date'],
      [{ ...base, label: '   ' }, ['label'], 'required'],
      [{ ...base, paymentMethod: 'bitcoin' }, ['paymentMethod'], 'invalidChoice'],
      [{ ...base, receipt: { token: '00000000-0000-0000-0000-000000000000' } }, ['receipt'], 'finance.receiptExpired'],
    ];
    for (const [input, path, key] of cases) expectIssue(await t.failure('finance.createLine', input), path, key);
    expectIssue(await t.failure('finance.saveBudget', { year: 2025, programmeId: null, cells: [{ categoryId: cat.travel!, amountCents: -1 }] }), ['cells', 0, 'amountCents'], 'finance.amountNegative');
    expectIssue(await t.failure('finance.saveBudget', { year: 2025, programmeId: null, cells: [{ categoryId: other.id, amountCents: 100 }] }), ['cells', 0, 'categoryId'], 'finance.categoryArchived');
    expectIssue(await t.failure('finance.saveBudget', { year: 2025, programmeId: null, cells: [{ categoryId: 9_999, amountCents: 100 }] }), ['cells', 0, 'categoryId'], 'finance.unknownCategory');
    expectIssue(await t.failure('finance.saveBudget', { year: 3000, programmeId: null, cells: [] }), ['year'], 'finance.year');
    expect(dumpTables(t.file)).toEqual(before);
  });

  it('keeps an archived category on the lines already filed under it', async () => {
    const t = await openBackupCore();
    const c = await t.call('finance.saveCategory', { direction: 'expense', name: 'Téléphone', account: '626' });
    const { line: l } = await t.call('finance.createLine', line({ occurredOn: '2025-01-10', amountCents: 2_999, categoryId: c.id }));
    await t.call('finance.archiveCategory', { id: c.id, archived: true });
    const { line: edited } = await t.call('finance.updateLine', { id: l.id, data: line({ occurredOn: '2025-01-11', amountCents: 3_099, categoryId: c.id }) });
    expect(edited).toMatchObject({ categoryId: c.id, amountCents: 3_099 });
    // The category's direction cannot turn once lines use it.
    expectIssue(await t.failure('finance.saveCategory', { id: c.id, direction: 'income', name: 'Téléphone', account: '626' }), ['direction'], 'finance.directionLocked');
  });

  it('adds cents as integers: three hundred lines of one cent are exactly 3.00', async () => {
    const t = await openBackupCore();
    const cat = await categoryIds(t);
    for (let i = 0; i < 300; i++) await t.call('finance.createLine', line({ occurredOn: '2025-05-05', amountCents: 1, categoryId: cat.materials! }));
    // 0.1 + 0.2 in doubles is 0.30000000000000004: cents never see that.
    await t.call('finance.createLine', line({ occurredOn: '2025-05-06', amountCents: 10, categoryId: cat.materials! }));
    await t.call('finance.createLine', line({ occurredOn: '2025-05-06', amountCents: 20, categoryId: cat.materials! }));
    const o = await t.call('finance.overview', { year: 2025, programmeId: null });
    expect(o.totals.expenseCents).toBe(330);
    expect(Number.isInteger(o.totals.expenseCents)).toBe(true);
  });
});

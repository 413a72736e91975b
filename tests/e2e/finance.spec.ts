import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMoney } from '../../shared/format';
import { completeSetup, expect, test, type CoreFixture } from './fixtures';
import { FinancePage, financeIssues, financeStrings } from './pages/finance';
import { commonStrings, type Lang } from './pages/volunteersLocale';

const SHOTS = 'tests/e2e/screenshots';

/** WCAG A/AA checks of the page, or of the open dialog only (the page behind is dimmed on purpose). */
async function axe(page: import('@playwright/test').Page, only?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).exclude('.mantine-Notifications-root');
  const results = await (only ? builder.include(only) : builder).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
const YEAR = new Date().getFullYear();

async function rowsOf(file: string, sheet = 0): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: unknown[][] = [];
  wb.worksheets[sheet]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

/**
 * A year under way: two programmes, a budget, a few lines entered earlier, three volunteers' hours.
 * The test then types a grant and an expense with its receipt through the screens.
 */
async function seedYear(core: CoreFixture) {
  const { categories } = await core.call('finance.options');
  const cat = Object.fromEntries(categories.filter((c) => c.key).map((c) => [c.key!, c.id]));
  const ecoute = await core.call('events.createProgramme', { name: 'Écoute' });
  const formation = await core.call('events.createProgramme', { name: 'Formation des bénévoles' });
  await core.call('finance.saveBudget', { year: YEAR, programmeId: null, cells: [{ categoryId: cat.venue_hire!, amountCents: 120_000 }, { categoryId: cat.communication!, amountCents: 30_000 }] });
  await core.call('finance.saveBudget', {
    year: YEAR,
    programmeId: ecoute.id,
    cells: [{ categoryId: cat.training!, amountCents: 300_000 }, { categoryId: cat.travel!, amountCents: 40_000 }, { categoryId: cat.grant!, amountCents: 500_000 }],
  });
  await core.call('finance.saveBudget', { year: YEAR, programmeId: formation.id, cells: [{ categoryId: cat.training!, amountCents: 150_000 }, { categoryId: cat.materials!, amountCents: 25_000 }] });
  const add = (direction: 'expense' | 'income', occurredOn: string, amountCents: number, categoryId: number, label: string, programmeId: number | null = null) =>
    core.call('finance.createLine', { direction, occurredOn, amountCents, categoryId, label, paymentMethod: 'transfer', programmeId });
  await add('expense', `${YEAR}-02-03`, 45_000, cat.venue_hire!, 'Salle Croix-Rousse, février');
  await add('expense', `${YEAR}-03-03`, 45_000, cat.venue_hire!, 'Salle Croix-Rousse, mars');
  await add('expense', `${YEAR}-05-12`, 38_900, cat.training!, 'Supervision des écoutants', formation.id);
  await add('expense', `${YEAR}-06-20`, 12_480, cat.materials!, 'Paperboards et feutres', formation.id);
  await add('expense', `${YEAR}-09-08`, 21_000, cat.communication!, 'Flyers de rentrée');
  await add('expense', `${YEAR}-10-14`, 8_760, cat.travel!, 'Billets TER Lyon–Grenoble', ecoute.id);
  await add('income', `${YEAR}-03-31`, 240_000, cat.membership_fees!, 'Cotisations');
  await add('income', `${YEAR}-06-15`, 65_050, cat.donation!, 'Dons du printemps');
  await core.call('finance.createLine', {
    direction: 'income',
    occurredOn: `${YEAR}-07-01`,
    amountCents: 200_000,
    categoryId: cat.grant!,
    label: 'Appel à projets',
    paymentMethod: 'transfer',
    programmeId: formation.id,
    funder: 'Fondation de France',
    reference: 'FDF-2026-88',
  });
  const person = async (firstName: string, lastName: string, roles: ('volunteer' | 'facilitator' | 'supervisor' | 'board')[]) =>
    (await core.call('volunteers.create', { firstName, lastName, joinedOn: '2022-01-10', roles })).id;
  const claire = await person('Claire', 'Fontaine', ['board']);
  const malik = await person('Malik', 'Benali', ['facilitator', 'supervisor']);
  const jeanne = await person('Jeanne', 'Roux', ['volunteer']);
  await core.call('hours.create', { volunteerId: claire, workedOn: `${YEAR}-03-10`, minutes: 120, category: 'support', programmeId: ecoute.id, approval: 'approved' });
  await core.call('hours.create', { volunteerId: malik, workedOn: `${YEAR}-04-02`, minutes: 90, category: 'facilitation', programmeId: ecoute.id, approval: 'approved' });
  await core.call('hours.create', { volunteerId: jeanne, workedOn: `${YEAR}-05-20`, minutes: 45, category: 'governance', approval: 'approved' });
  return { ecoute, formation };
}

for (const lang of ['fr', 'en'] as Lang[]) {
  test(`a treasurer enters a grant and an expense with its receipt, sees the charts, prints, exports the journal and the valuation timesheet (${lang}) @screenshots`, async ({ app, core }) => {
    test.setTimeout(120_000);
    await completeSetup(core, lang);
    await seedYear(core);
    const s = financeStrings[lang];
    const issues = financeIssues[lang];
    const money = (cents: number) => formatMoney(cents, lang);
    const page = app.page;
    const finance = new FinancePage(page, lang);

    await app.open('/finance?tab=lines');
    await expect(finance.summary).toBeVisible();
    // The grant, typed as a person would in each language.
    await finance.enterLine({
      direction: 'income',
      date: `15/01/${YEAR}`,
      amount: lang === 'fr' ? '5 000,00' : '5,000.00',
      label: 'Subvention écoute',
      category: s.categories.grant,
      programme: 'Écoute',
      funder: 'Ville de Lyon',
      reference: 'DEL-2026-014',
    });
    await expect(page.getByText(finance.text(s.form.saved, { label: 'Subvention écoute', amount: money(500_000) }))).toBeVisible();
    await expect(finance.form).toBeHidden();

    // An expense of 1 234,50 with its receipt.
    const receipt = join(core.dataDir, 'incoming', 'facture-formatrice.pdf');
    mkdirSync(join(core.dataDir, 'incoming'), { recursive: true });
    writeFileSync(receipt, '%PDF-1.4\n% facture\n');
    core.platform.queueOpenFile(receipt);
    await finance.enterLine({
      direction: 'expense',
      date: `02/04/${YEAR}`,
      amount: lang === 'fr' ? '1 234,50' : '1,234.50',
      label: 'Formatrice PSSM',
      category: s.categories.training,
      programme: 'Écoute',
      receipt: true,
    });
    await expect(page.getByText(finance.text(s.form.saved, { label: 'Formatrice PSSM', amount: money(123_450) }))).toBeVisible();
    await expect(finance.row('Formatrice PSSM')).toContainText(money(123_450));
    await expect(finance.row('Formatrice PSSM').getByRole('button', { name: finance.text(s.lines.showReceiptOf, { label: 'Formatrice PSSM' }) })).toBeVisible();
    const stored = await core.call('finance.listLines', { year: YEAR, receipt: 'with' });
    expect(stored.rows.map((r) => [r.label, r.amountCents, r.receipt?.name])).toEqual([['Formatrice PSSM', 123_450, 'facture-formatrice.pdf']]);
    expect((await core.call('finance.listLines', { year: YEAR, query: 'lyon' })).rows.map((r) => [r.label, r.funder, r.reference, r.amountCents])).toEqual([
      ['Billets TER Lyon–Grenoble', null, null, 8_760],
      ['Subvention écoute', 'Ville de Lyon', 'DEL-2026-014', 500_000],
    ]);

    await axe(page);
    // Bad amounts are refused under the field, in the page's language, and nothing is saved.
    await page.getByRole('button', { name: s.lines.newExpense, exact: true }).click();
    await axe(page, '[role="dialog"]');
    const amount = finance.field(s.form.amount);
    for (const [typed, message] of [
      ['-5', issues.negative],
      [lang === 'fr' ? '12,345' : '12.345', issues.tooManyDecimals],
      ['12 000 000', issues.tooLarge],
      ['douze', issues.invalid],
    ] as const) {
      await amount.fill(typed);
      await amount.blur();
      await expect(finance.form.getByText(message)).toBeVisible();
    }
    await finance.form.getByRole('button', { name: s.form.save, exact: true }).click();
    await expect(finance.form).toBeVisible();
    await finance.form.getByRole('button', { name: s.form.cancel, exact: true }).click();
    expect((await core.call('finance.listLines', { year: YEAR })).total).toBe(11);
    await page.screenshot({ path: `${SHOTS}/finance-lines-${lang}.png`, fullPage: true });

    // The charts, with money in the page's language.
    await finance.tab('overview').click();
    for (const chart of ['chart-spending', 'chart-funding', 'chart-monthly']) await expect(page.getByTestId(chart).locator('svg.recharts-surface').first()).toBeVisible();
    // Spent: 450 + 450 + 389 + 124.80 + 210 + 87.60 + 1,234.50 = 2,945.90; received 2,400 + 650.50 + 2,000 + 5,000 = 10,050.50.
    await expect(page.getByTestId('figure-spent')).toContainText(money(294_590));
    await expect(page.getByTestId('figure-received')).toContainText(money(1_005_050));
    await expect(page.getByTestId('chart-funding')).toContainText('Ville de Lyon');
    await expect(page.getByTestId('chart-funding')).toContainText(money(500_000));
    await expect(page.getByTestId('budget-table')).toContainText(s.categories.venue_hire);
    await axe(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/finance-overview-${lang}.png`, fullPage: true });

    // Printable: the report alone, the app's menu left out.
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SHOTS}/finance-overview-print-${lang}.png`, fullPage: true });
    const pdf = join(core.dataDir, `report-${lang}.pdf`);
    writeFileSync(pdf, await page.pdf({ landscape: true, printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
    expect(text).toContain(finance.text(s.overview.reportTitle, { year: YEAR, scope: s.pickers.allProgrammes }));
    expect(text).toContain(s.overview.charts.byCategory);
    expect(text).toContain(money(294_590).replace(/\u202f/g, ' ').replace(/\u00a0/g, ' '));
    // The app's menu and tabs stay off the paper.
    expect(text).not.toContain(commonStrings[lang].nav.privacy);
    expect(text).not.toContain(s.tabs.lines);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, join(SHOTS, `finance-report-pdf-${lang}`)]);
    await page.emulateMedia({ media: 'screen' });

    // The journal for the accountant, opened back.
    await finance.tab('lines').click();
    await finance.exportMenu(s.lines.export, finance.text(s.lines.exportXlsx, { year: YEAR }));
    await expect(page.getByText(finance.text(s.export.saved, { name: `${s.export.journalFile}-${YEAR}.xlsx` }))).toBeVisible();
    const journal = await rowsOf(core.platform.saved.at(-1)!);
    const h = s.export.journal;
    expect(journal[0]!.slice(0, 8)).toEqual([h.date, h.piece, h.account, h.label, h.amount, h.direction, h.debit, h.credit]);
    expect(journal).toHaveLength(1 + 11 + 1);
    const grant = journal.find((r) => r[3] === 'Subvention écoute')!;
    expect([grant[2], grant[4], grant[5], grant[7], grant[9], grant[12], grant[13]]).toEqual(['74', 5000, s.directions.income, 5000, 'Écoute', 'Ville de Lyon', 'DEL-2026-014']);
    const trainer = journal.find((r) => r[3] === 'Formatrice PSSM')!;
    expect([trainer[2], trainer[4], trainer[6], trainer[14]]).toEqual(['6226', 1234.5, 1234.5, 'facture-formatrice.pdf']);
    expect(journal.at(-1)!.slice(6, 8)).toEqual([2945.9, 10050.5]);

    // The value of volunteer time: one rate, governance left out by default; then the timesheet.
    await finance.tab('valuation').click();
    await page.getByTestId('rate-all').fill(lang === 'fr' ? '12,00' : '12.00');
    await page.getByRole('button', { name: s.valuation.save, exact: true }).click();
    await expect(page.getByText(finance.text(s.valuation.saved, { year: YEAR }))).toBeVisible();
    // 120 min + 90 min at 12.00 €/h = 24.00 + 18.00 = 42.00; Jeanne's 45 min of governance is not valued.
    await expect(page.getByTestId('valuation-total')).toContainText(money(4_200));
    await expect(page.getByText(finance.text(s.valuation.accounts, { amount: money(4_200) }))).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/finance-valuation-${lang}.png`, fullPage: true });
    await axe(page);
    await finance.exportMenu(s.valuation.export, s.valuation.exportXlsx);
    await expect(page.getByText(finance.text(s.export.saved, { name: `${s.export.timesheetFile}-${YEAR}.xlsx` }))).toBeVisible();
    expect(core.platform.saved).toHaveLength(2);
    const sheet = await rowsOf(core.platform.saved.at(-1)!);
    const t = s.export.timesheet;
    expect(sheet[0]).toEqual([t.volunteer, t.date, t.activity, t.programme, t.minutes, t.duration, t.rate, t.value]);
    expect(sheet.slice(1).map((r) => [r[0], r[4], r[6], r[7]])).toEqual([
      ['Fontaine Claire', 120, 12, 24],
      ['Benali Malik', 90, 12, 18],
      [t.total, 210, undefined, 42],
    ]);
    const summary = await rowsOf(core.platform.saved.at(-1)!, 1);
    expect(summary).toContainEqual([`${s.export.summary.debit} 864`, 42]);

    // The CEC list for the validator.
    await finance.tab('cec').click();
    await expect(page.getByTestId('cec-table')).toContainText('Fontaine Claire');
    await expect(page.getByTestId('cec-table')).toContainText('Benali Malik');
    await expect(page.getByTestId('cec-table')).not.toContainText('Roux');
    await page.screenshot({ path: `${SHOTS}/finance-cec-${lang}.png`, fullPage: true });
  });
}

test('budgets are typed per programme and the over-budget warning shows after a save', async ({ app, core }) => {
  await completeSetup(core, 'en');
  const s = financeStrings.en;
  const programme = await core.call('events.createProgramme', { name: 'Écoute' });
  const page = app.page;
  const finance = new FinancePage(page, 'en');
  await app.open('/finance?tab=budgets');
  await finance.choose(s.budgets.column, 'Écoute', page);
  await page.getByTestId('budget-travel').fill('150.00');
  await page.getByTestId('budget-training').fill('1,000');
  await page.getByRole('button', { name: s.budgets.save, exact: true }).click();
  await expect(page.getByText(finance.text(s.budgets.saved, { year: YEAR }))).toBeVisible();
  const cells = await core.call('finance.budget', { year: YEAR, programmeId: programme.id });
  const { categories } = await core.call('finance.options');
  const byKey = (k: string) => cells.rows.find((r) => r.categoryId === categories.find((c) => c.key === k)!.id)!;
  expect([byKey('travel').budgetCents, byKey('training').budgetCents, byKey('insurance').budgetCents]).toEqual([15_000, 100_000, null]);
  await page.screenshot({ path: `${SHOTS}/finance-budgets-en.png` });

  await finance.tab('lines').click();
  await finance.enterLine({ direction: 'expense', date: `10/10/${YEAR}`, amount: '160', label: 'Train tickets', category: s.categories.travel, programme: 'Écoute' });
  await expect(page.getByText(finance.text(s.warnings.overBudget, { year: YEAR, spent: formatMoney(16_000, 'en'), budget: formatMoney(15_000, 'en') }))).toBeVisible();
});

import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import frValidation from '../../shared/i18n/locales/fr/validation.json';
import { completeSetup, expect, test, type CoreFixture } from './fixtures';
import { ExportListMenu, IoPage, plural } from './pages/io';
import { ShellPage } from './pages/ShellPage';
import { VolunteersListPage } from './pages/volunteersList';
import { commonStrings, fill, type Lang } from './pages/volunteersLocale';

const SHOTS = 'tests/e2e/screenshots';

async function axe(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).exclude('.mantine-Notifications-root').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * What French Excel writes with « Enregistrer sous… CSV (séparateur : point-virgule) »: Windows-1252
 * bytes, `;`, CRLF. Three rows are wrong: a bad email, a year of birth of 1850, no first name.
 */
const EXCEL_CSV = [
  'Prénom;Nom;E-mail;Ville;Année de naissance;Notes',
  'Hélène;Bérard;helene.berard@exemple.fr;Besançon;1975;Dit « bonjour » à tous',
  'Jérôme;Façade;jerome@exemple;Nîmes;1980;',
  'Clément;Lefèvre;clement@exemple.fr;Orléans;1850;',
  ';Sans-Prénom;sans@exemple.fr;Évry;1990;',
  'Françoise;Garçon;francoise@exemple.fr;Mâcon;;Très « disponible » le mercredi',
].join('\r\n');

function writeExcelCsv(core: CoreFixture): string {
  const dir = join(core.dataDir, 'incoming');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'bénévoles.csv');
  writeFileSync(path, Buffer.from(EXCEL_CSV, 'latin1'));
  return path;
}

test.describe('import and export', () => {
  test('import a Windows-1252 semicolon CSV with a few bad rows: errors first, nothing written, then the good rows', async ({ app, core }) => {
    await completeSetup(core, 'fr');
    const page = app.page;
    const io = new IoPage(page, 'fr');
    const s = io.s;
    core.platform.queueOpenFile(writeExcelCsv(core));

    await app.open('/io');
    await io.chooseButton.click();
    await expect(io.preview).toBeVisible();
    await expect(io.encoding).toHaveText(s.import.encodings['windows-1252']);
    await expect(io.delimiter).toHaveText(s.import.delimiters.semicolon);
    // Accents decoded from Windows-1252, on screen.
    await expect(io.row(2)).toContainText('Hélène Bérard');
    await expect(io.row(6)).toContainText('Françoise Garçon');

    // Every bad row is marked and says why, in French, before anything is written.
    await expect(io.errors).toContainText(plural('fr', s.run, 'errorsTitle', 3));
    const issue = (field: string, message: string) => fill(s.preview.issue, { field, message });
    await expect(io.rowNotes(3)).toContainText(issue(s.columns.email, frValidation.email));
    await expect(io.rowNotes(4)).toContainText(issue(s.columns.birthYear, frValidation.birthYear));
    await expect(io.rowNotes(5)).toContainText(issue(s.columns.firstName, frValidation.required));
    for (const r of [3, 4, 5]) await expect(io.row(r)).toContainText(s.preview.actions.invalid);
    for (const r of [2, 6]) await expect(io.row(r)).toContainText(s.preview.actions.create);
    await axe(page);

    // All or nothing: with errors left in, the import cannot start, and nothing was written.
    await expect(io.runButton).toBeDisabled();
    expect((await core.call('volunteers.list', { filters: { archived: 'include' } })).total).toBe(0);

    // Leaving the bad rows out: the two good ones are imported.
    await io.skipInvalid(3).check();
    await expect(io.runButton).toHaveText(plural('fr', s.run, 'button', 2));
    await io.runButton.click();
    await expect(io.done).toBeVisible();
    await expect(io.done).toContainText(fill(s.run.done, { created: 2, merged: 0, skipped: 0, invalid: 3 }));

    const all = await core.call('volunteers.list', {});
    expect(all.rows.map((r) => `${r.firstName} ${r.lastName}`)).toEqual(['Hélène Bérard', 'Françoise Garçon']);
    const helene = await core.call('volunteers.get', { id: all.rows[0]!.id });
    expect(helene).toMatchObject({ city: 'Besançon', birthYear: 1975, notes: 'Dit « bonjour » à tous' });
    const francoise = await core.call('volunteers.get', { id: all.rows[1]!.id });
    expect(francoise.notes).toBe('Très « disponible » le mercredi');

    // Searchable with and without accents, from the header's search field.
    await page.getByRole('link', { name: s.run.seeVolunteers }).click();
    const list = new VolunteersListPage(page, 'fr');
    await list.searchFor('francoise garcon');
    await expect(list.row('Garçon')).toBeVisible();
    await list.searchFor('Bérard');
    await expect(list.row('Bérard')).toBeVisible();

    // Export this (filtered) list: UTF-8 with BOM, `;`, and a name a spreadsheet would run is escaped.
    await core.call('volunteers.create', { firstName: '=SOMME(A1)', lastName: 'Bérard', joinedOn: '2024-01-01', phone: '+33 6 12 34 56 78' });
    await list.searchFor('berard');
    await expect(list.rows()).toHaveCount(2);
    const menu = new ExportListMenu(page, 'fr');
    await menu.choose('csv');
    await expect.poll(() => core.platform.saved.length).toBe(1);
    const saved = core.platform.saved[0]!;
    await expect(page.getByText(fill(s.export.saved_other, { count: 2, name: basename(saved) }))).toBeVisible();
    const bytes = readFileSync(saved);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]!.startsWith('Prénom;Nom;E-mail;Téléphone;')).toBe(true);
    expect(lines.filter((l) => l.includes('Bérard'))).toHaveLength(2);
    expect(lines.some((l) => l.startsWith("'=SOMME(A1);Bérard;;'+33 6 12 34 56 78;"))).toBe(true);
    expect(lines.slice(1).every((l) => !/(^|;)[=+\-@]/.test(l))).toBe(true);
  });

  test('a file that cannot be read says why; the duplicates choice and the column choices change the preview', async ({ app, core }) => {
    await completeSetup(core, 'en');
    await core.call('volunteers.create', { firstName: 'Hélène', lastName: 'Bérard', email: 'helene.berard@exemple.fr', joinedOn: '2020-01-01' });
    const page = app.page;
    const io = new IoPage(page, 'en');
    const s = io.s;
    const dir = join(core.dataDir, 'incoming');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    core.platform.queueOpenFile(join(dir, 'old.xls'));
    await app.open('/io');
    await io.chooseButton.click();
    await expect(io.fileError).toHaveText(s.fileErrors.xlsUnsupported);

    core.platform.queueOpenFile(writeExcelCsv(core));
    await io.chooseAnotherButton.click();
    await expect(io.row(2)).toContainText(s.preview.actions.skip);
    await expect(io.rowNotes(2)).toContainText(fill(s.preview.duplicateExisting, { reason: s.preview.reasons.email, name: 'Hélène Bérard' }));
    await io.duplicatePolicy('merge').check();
    await expect(io.row(2)).toContainText(s.preview.actions.merge);

    // « Notes » not imported any more: the column choice is followed.
    await io.fieldFor('Notes').click();
    await page.getByRole('option', { name: s.mapping.notImported, exact: true }).click();
    await expect(io.fieldFor('Notes')).toHaveValue(s.mapping.notImported);
    await io.skipInvalid(3).check();
    await io.runButton.click();
    await expect(io.done).toContainText(fill(s.run.done, { created: 1, merged: 1, skipped: 0, invalid: 3 }));
    const list = await core.call('volunteers.list', { query: 'garcon' });
    expect((await core.call('volunteers.get', { id: list.rows[0]!.id })).notes).toBeNull();
  });

  test('export everything from the export tab: one workbook with a sheet per table', async ({ app, core }) => {
    await completeSetup(core, 'en');
    await core.call('volunteers.create', { firstName: 'Ada', lastName: 'Lovelace', joinedOn: '2020-01-01' });
    const io = new IoPage(app.page, 'en');
    await app.open('/io?tab=export');
    await io.exportButton('allXlsx').click();
    await expect.poll(() => core.platform.saved.length).toBe(1);
    expect(core.platform.saved[0]).toMatch(/relais-export-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await expect(app.page.getByText(new RegExp(`in “${basename(core.platform.saved[0]!)}”`))).toBeVisible();
    // An XLSX is a zip: it starts with PK.
    expect(readFileSync(core.platform.saved[0]!).subarray(0, 2).toString('latin1')).toBe('PK');
    await axe(app.page);
  });

  for (const lang of ['fr', 'en'] as Lang[]) {
    test(`screenshots ${lang} @screenshots`, async ({ app, core }) => {
      await completeSetup(core, lang);
      await core.call('volunteers.create', { firstName: 'Hélène', lastName: 'Bérard', email: 'helene.berard@exemple.fr', joinedOn: '2020-01-01' });
      const page = app.page;
      const io = new IoPage(page, lang);
      await app.open('/io');
      await expect(io.chooseButton).toBeVisible();
      await expect(new ShellPage(page).sidebar.getByRole('link', { name: commonStrings[lang].nav.io })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/io-start-${lang}.png` });

      core.platform.queueOpenFile(writeExcelCsv(core));
      await io.chooseButton.click();
      await expect(io.preview).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/io-preview-${lang}.png`, fullPage: true });

      await io.skipInvalid(3).check();
      await io.runButton.click();
      await expect(io.done).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/io-done-${lang}.png` });

      await io.tab('export').click();
      await expect(io.exportButton('allXlsx')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/io-export-${lang}.png` });

      await app.open('/volunteers');
      const menu = new ExportListMenu(page, lang);
      await menu.button.click();
      await expect(page.getByRole('menuitem').first()).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/io-export-list-${lang}.png` });
    });
  }
});

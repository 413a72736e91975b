import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { completeSetup, expect, test, type CoreFixture } from './fixtures';
import { CertificatesPage, certificateStrings, pdfPages, pdfPng, pdfText, plural } from './pages/certificates';
import { fill, type Lang } from './pages/volunteersLocale';

const SHOTS = 'tests/e2e/screenshots';
const YEAR = new Date().getUTCFullYear();
const pad = (n: number) => String(n).padStart(2, '0');
/** A day of last year, as stored and as typed. */
const lastYear = (month: number, day: number) => ({ iso: `${YEAR - 1}-${pad(month)}-${pad(day)}`, typed: `${pad(day)}/${pad(month)}/${YEAR - 1}` });

/**
 * WCAG A/AA checks of the page. Left out: notifications (the shared notifier's, checked elsewhere)
 * and the preview frame, which holds the printed document, not the app, and runs no script for
 * axe to use.
 */
async function axe(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa'])
    .exclude('.mantine-Notifications-root')
    .exclude('[data-testid="certificate-preview"]')
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A volunteer with approved hours, through the app's own calls. */
async function volunteer(core: CoreFixture, firstName: string, lastName: string, joinedOn: string, entries: { on: string; minutes: number; category?: 'support' | 'facilitation' | 'logistics' }[]) {
  const v = await core.call('volunteers.create', { firstName, lastName, joinedOn });
  for (const e of entries) {
    await core.call('hours.create', { volunteerId: v.id, workedOn: e.on, minutes: e.minutes, category: e.category ?? 'support', approval: 'approved' });
  }
  return v;
}

/** Sixty hours of last year: past the 50-hour milestone. */
const sixtyHours = () => Array.from({ length: 6 }, (_, i) => ({ on: lastYear(i + 1, 10).iso, minutes: 600 }));

async function dueRegistry(core: CoreFixture) {
  const ana = await volunteer(core, 'Anaïs', 'Lefèvre-Ngô', `${YEAR - 1}-01-02`, sixtyHours());
  const bao = await volunteer(core, 'Bảo', 'Øster', `${YEAR - 1}-01-02`, sixtyHours());
  const cyr = await volunteer(core, 'Cyrille', 'Œuvray', `${YEAR - 11}-01-02`, [{ on: lastYear(3, 3).iso, minutes: 90 }]);
  return { ana, bao, cyr };
}

test.describe('Certificates', () => {
  test('issue an attestation: prefilled, previewed, edited, printed with accents, hours and its number', async ({ app, core }) => {
    await completeSetup(core, 'fr');
    await volunteer(core, 'Éloïse', 'Dupré-Łukasiewicz', `${YEAR - 2}-09-01`, [
      { on: lastYear(3, 4).iso, minutes: 150, category: 'support' },
      { on: lastYear(6, 10).iso, minutes: 95, category: 'facilitation' },
    ]);
    const c = new CertificatesPage(app.page, 'fr');
    await app.open('/certificates');
    await c.pickVolunteer('dupre', 'Éloïse Dupré-Łukasiewicz');
    await c.typeDate('periodFrom', lastYear(1, 1).typed);
    await c.typeDate('periodTo', lastYear(12, 31).typed);
    await expect(app.page.getByTestId('draft-hours')).toHaveText(fill(c.s.form.hoursInPeriod, { hours: '4\u00a0h\u00a005' }));
    // The draft lists the hours by category; the person adds a sentence of their own.
    const missions = c.field('missions');
    await expect(missions).toHaveValue(/Soutien et écoute\u00a0: 2\u00a0h\u00a030/);
    await missions.fill('Accueil des familles le mardi soir.\nAnimation du groupe « Parents solos ».');
    await c.expectPreview('Attestation de bénévolat');
    await c.expectPreview('Accueil des familles le mardi soir.');
    await c.expectPreview(/pour un total de 4\u00a0h\u00a005 de bénévolat/);
    await expect(app.page.getByText(fill(c.s.issue.nextNumber, { number: `${YEAR}-0001` }))).toBeVisible();

    await c.issueButton.click();
    const file = join(core.dataDir, 'exports', `${YEAR}-0001 Attestation de bénévolat - Dupré-Łukasiewicz Éloïse.pdf`);
    await expect(app.page.getByText(fill(c.s.issue.saved, { number: `${YEAR}-0001`, path: file }))).toBeVisible();
    expect(existsSync(file)).toBe(true);
    const text = pdfText(file);
    expect(text).toContain('Attestation de bénévolat');
    expect(text).toContain('Éloïse Dupré-Łukasiewicz');
    expect(text).toContain('4 h 05');
    expect(text).toContain(`N° ${YEAR}-0001`);
    expect(text).toContain('Animation du groupe « Parents solos ».');
    expect(text).toContain('RNA W691000123 · SIRET 123 456 789 00019');
    expect(pdfPages(file)).toBe(1);
    mkdirSync(test.info().outputDir, { recursive: true });
    pdfPng(file, join(test.info().outputDir, 'attestation'));
    // The next one gets the next number.
    await expect(app.page.getByText(fill(c.s.issue.nextNumber, { number: `${YEAR}-0002` }))).toBeVisible();
  });

  test('names with markup print as text; no hours or an end before the start is said plainly, nothing issued', async ({ app, core }) => {
    await completeSetup(core, 'en');
    await volunteer(core, '<img src=x onerror=alert(1)>', 'Martin', `${YEAR - 2}-01-01`, [{ on: lastYear(2, 2).iso, minutes: 60 }]);
    await volunteer(core, 'Idle', 'Person', `${YEAR - 2}-01-01`, []);
    const c = new CertificatesPage(app.page, 'en');
    await app.open('/certificates');
    await c.pickVolunteer('martin', '<img src=x onerror=alert(1)> Martin');
    await c.expectPreview('<img src=x onerror=alert(1)> Martin');
    await c.issueButton.click();
    const saved = app.page.getByText(new RegExp(`^Document no\\. ${YEAR}-0001 saved`));
    await expect(saved).toBeVisible();
    const file = readdirSync(join(core.dataDir, 'exports')).find((f) => f.endsWith('.pdf'))!;
    expect(pdfText(join(core.dataDir, 'exports', file))).toContain('<img src=x onerror=alert(1)> Martin');

    await c.pickVolunteer('idle', 'Idle Person');
    await expect(app.page.getByTestId('preview-error')).toHaveText(c.s.errors.noHours);
    await c.issueButton.click();
    await expect(app.page.getByTestId('issue-error')).toHaveText(c.s.errors.noHours);
    await c.typeDate('periodFrom', lastYear(12, 31).typed);
    await c.typeDate('periodTo', lastYear(1, 1).typed);
    await expect(app.page.getByText(c.s.issues.endBeforeStart)).toBeVisible();
    await expect(c.issueButton).toHaveCount(0);
    const list = await core.call('certificates.list', {});
    expect(list.rows.map((r) => r.number)).toEqual([`${YEAR}-0001`]);
  });

  test('batch the due list into one PDF, then reprint one as issued after the data changed', async ({ app, core }) => {
    await completeSetup(core, 'fr');
    const { ana, cyr } = await dueRegistry(core);
    const c = new CertificatesPage(app.page, 'fr');
    await app.open('/certificates?tab=due');
    // Five milestones ticked (Anaïs and Bảo: 50 hours and a first year; Cyrille: ten years), and the box that ticks them all.
    await expect(c.dueTable.getByRole('checkbox')).toHaveCount(6);
    await expect(c.dueTable).toContainText('Anaïs Lefèvre-Ngô');
    await expect(c.dueTable).toContainText(plural(c.s.milestones, 'years', 10));
    await c.batchButton.click();
    const file = join(core.dataDir, 'exports', `Certificat de reconnaissance ${new Date().toISOString().slice(0, 10)}.pdf`);
    await expect(app.page.getByText(fill(c.s.batch.savedCombined_other, { count: 5, path: file }))).toBeVisible({ timeout: 30_000 });
    expect(pdfPages(file)).toBe(5);
    const text = pdfText(file);
    for (const name of ['Anaïs Lefèvre-Ngô', 'Bảo Øster', 'Cyrille Œuvray']) expect(text).toContain(name);
    expect(text).toContain('pour avoir franchi le cap des 50 heures de bénévolat');
    expect(text).toContain('pour 10 années d’engagement bénévole à nos côtés');
    expect(text).toContain('pour sa première année d’engagement bénévole à nos côtés');
    for (const n of [1, 2, 3, 4, 5]) expect(text).toContain(`N° ${YEAR}-000${n}`);
    mkdirSync(test.info().outputDir, { recursive: true });
    pdfPng(file, join(test.info().outputDir, 'recognition'));
    await expect(app.page.getByText(c.s.due.emptyTitle)).toBeVisible();

    // Anaïs changes her name; her certificate reprints as it was issued.
    await core.call('volunteers.update', { id: ana.id, data: { firstName: 'Anaïs', lastName: 'Martin', joinedOn: ana.joinedOn } });
    await c.tab('registry').click();
    await app.page.getByTestId('registry-search').fill('lefevre');
    await expect(c.registryTable.getByRole('row')).toHaveCount(3);
    await expect(c.registryTable).toContainText('Anaïs Lefèvre-Ngô');
    const reprinted = join(core.dataDir, 'exports', 'reprint.pdf');
    core.platform.queueSaveFile(reprinted);
    await app.page.getByRole('button', { name: fill(c.s.registry.reprintOne, { number: `${YEAR}-0001` }) }).click();
    await expect(app.page.getByText(fill(c.s.registry.reprinted, { number: `${YEAR}-0001`, path: reprinted }))).toBeVisible({ timeout: 20_000 });
    const again = pdfText(reprinted);
    expect(again).toContain('Anaïs Lefèvre-Ngô');
    expect(again).not.toContain('Martin');
    expect(again).toContain(`N° ${YEAR}-0001`);
    expect((await core.call('certificates.list', {})).total).toBe(5);
    expect(cyr.id).toBeGreaterThan(0);
  });

  test('several volunteers, one PDF each in a folder; an unwritable folder issues nothing', async ({ app, core }) => {
    await completeSetup(core, 'en');
    await dueRegistry(core);
    const c = new CertificatesPage(app.page, 'en');
    await app.open('/certificates?tab=several');
    const picker = app.page.getByRole('combobox', { name: c.s.several.volunteers });
    for (const [search, name] of [['anais', 'Anaïs Lefèvre-Ngô'], ['bao', 'Bảo Øster']] as const) {
      await picker.fill(search);
      await app.page.getByRole('option', { name, exact: true }).click();
    }
    await c.typeDate('periodFrom', lastYear(1, 1).typed);
    await c.typeDate('periodTo', lastYear(12, 31).typed);
    await app.page.getByTestId('output-per-volunteer').click();

    core.platform.queueFolder('/proc/relais-cannot-write-here');
    await c.batchButton.click();
    await expect(app.page.getByTestId('batch-error')).toHaveText(fill(c.s.errors.cannotWrite, { path: '/proc/relais-cannot-write-here' }));
    expect((await core.call('certificates.list', {})).total).toBe(0);

    const folder = join(core.dataDir, 'batch');
    mkdirSync(folder);
    core.platform.queueFolder(folder);
    await c.batchButton.click();
    await expect(app.page.getByText(fill(c.s.batch.savedFolder_other, { count: 2, path: folder }))).toBeVisible({ timeout: 30_000 });
    const files = readdirSync(folder).sort();
    expect(files).toEqual([`${YEAR}-0001 Volunteering statement - Lefèvre-Ngô Anaïs.pdf`, `${YEAR}-0002 Volunteering statement - Øster Bảo.pdf`]);
    expect(pdfText(join(folder, files[1]!))).toContain('giving 60 h of their time in total');
  });

  for (const lang of ['fr', 'en'] as Lang[]) {
    test(`screenshots ${lang} @screenshots`, async ({ app, core }) => {
      // Four pages, each screenshot and checked with axe: more than the default minute on a busy machine.
      test.setTimeout(150_000);
      await completeSetup(core, lang);
      const s = certificateStrings[lang];
      await dueRegistry(core);
      await volunteer(core, 'Éloïse', 'Dupré-Łukasiewicz', `${YEAR - 2}-09-01`, [
        { on: lastYear(3, 4).iso, minutes: 150, category: 'support' },
        { on: lastYear(6, 10).iso, minutes: 95, category: 'facilitation' },
        { on: lastYear(9, 12).iso, minutes: 420, category: 'logistics' },
      ]);
      const page = app.page;
      const c = new CertificatesPage(page, lang);
      await app.open('/certificates');
      await c.pickVolunteer('eloise', 'Éloïse Dupré-Łukasiewicz');
      await c.typeDate('periodFrom', lastYear(1, 1).typed);
      await c.typeDate('periodTo', lastYear(12, 31).typed);
      await c.expectPreview(lang === 'fr' ? 'Attestation de bénévolat' : 'Volunteering statement');
      await page.screenshot({ path: `${SHOTS}/certificates-issue-${lang}.png`, fullPage: true });
      await axe(page);

      await app.open('/certificates?tab=due');
      await expect(c.dueTable).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/certificates-due-${lang}.png`, fullPage: true });
      await axe(page);
      await c.batchButton.click();
      await expect(page.getByText(s.due.emptyTitle)).toBeVisible({ timeout: 30_000 });
      const issued = readdirSync(join(core.dataDir, 'exports')).find((f) => f.endsWith('.pdf'))!;
      pdfPng(join(core.dataDir, 'exports', issued), `${SHOTS}/certificates-recognition-pdf-${lang}`);

      await app.open('/certificates?tab=registry');
      await expect(c.registryTable).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/certificates-registry-${lang}.png`, fullPage: true });
      await axe(page);

      await app.open('/certificates?tab=settings');
      await expect(page.getByTestId('certificate-settings-save')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/certificates-settings-${lang}.png`, fullPage: true });
      await axe(page);
    });
  }
});

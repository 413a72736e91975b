import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import enValidation from '../../shared/i18n/locales/en/validation.json';
import frValidation from '../../shared/i18n/locales/fr/validation.json';
import type { VolunteerInput } from '../../shared/api';
import { completeSetup, expect, test, type CoreFixture } from './fixtures';
import { PersonDataActions, PrivacyPage, privacyStrings } from './pages/privacy';
import { ShellPage } from './pages/ShellPage';
import { VolunteersListPage } from './pages/volunteersList';
import { commonStrings, fill, type Lang } from './pages/volunteersLocale';

const SHOTS = 'tests/e2e/screenshots';

const ZEPHYRINE: VolunteerInput = {
  firstName: 'Zéphyrine',
  lastName: 'Quasimodo',
  email: 'zephyrine.q@exemple.fr',
  phone: '07 98 76 54 32',
  city: 'Scaër',
  postalCode: '29390',
  joinedOn: '2021-04-23',
  roles: ['volunteer', 'facilitator'],
  notes: 'Préfère les permanences du jeudi.',
  consentOn: '2021-04-23',
  consentBasis: 'consent',
  photoConsent: true,
};

/**
 * WCAG A/AA checks; with a dialog open, of the dialog (the page behind is dimmed on purpose).
 * Notifications are left out: their close button is the shared notifier's (no name yet, reported).
 */
async function axe(page: import('@playwright/test').Page, only?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).exclude('.mantine-Notifications-root');
  const results = await (only ? builder.include(only) : builder).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A few people for the overview and the retention list: some left long ago, some missing paperwork. */
async function seedPeople(core: CoreFixture) {
  const people: VolunteerInput[] = [
    { firstName: 'Aïcha', lastName: 'Traoré', joinedOn: '2018-02-01', status: 'left', statusSince: '2021-06-30', statusReason: 'Déménagement' },
    { firstName: 'Bruno', lastName: 'Lefèvre', joinedOn: '2017-09-10', status: 'left', statusSince: '2022-01-15' },
    { firstName: 'Camille', lastName: 'Moreau', joinedOn: '2019-03-03', status: 'left', statusSince: '2023-11-02' },
    { firstName: 'Damien', lastName: 'Garnier', joinedOn: '2023-05-20', roles: ['facilitator'], consentOn: '2023-05-20', consentBasis: 'membership' },
    { firstName: 'Élodie', lastName: 'Diallo', joinedOn: '2022-10-01', roles: ['supervisor'], consentOn: '2022-10-01', consentBasis: 'consent', photoConsent: true, confidentialitySignedOn: '2022-10-05' },
    { firstName: 'Fatou', lastName: 'Roux', joinedOn: '2024-01-12' },
    { firstName: 'Gaspard', lastName: 'Fournier', joinedOn: '2024-06-01', status: 'paused', statusSince: '2026-02-01', consentOn: '2024-06-01', consentBasis: 'legitimate_interest', photoConsent: true },
  ];
  for (const p of people) await core.call('volunteers.create', p);
}

test.describe('personal data', () => {
  test('erase a person from the record page: the header search no longer finds them, the log shows it', async ({ app, core }) => {
    await completeSetup(core, 'en');
    const s = privacyStrings.en;
    const z = await core.call('volunteers.create', ZEPHYRINE);
    await core.call('volunteers.create', { firstName: 'Hélène', lastName: 'Dupré', joinedOn: '2024-01-01', city: 'Scaër' });
    const page = app.page;

    // Before: the header search finds her.
    await app.open('/volunteers');
    const list = new VolunteersListPage(page);
    await list.searchFor('Quasimodo');
    await expect(list.row('Quasimodo')).toBeVisible();
    await list.row('Quasimodo').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zéphyrine Quasimodo');

    const actions = new PersonDataActions(page);
    await actions.eraseButton.click();
    const dialog = actions.eraseDialog('Zéphyrine Quasimodo');
    await expect(dialog.root).toBeVisible();
    await expect(dialog.root).toContainText(s.erase.irreversible);
    await expect(dialog.root).toContainText(fill(s.erase.steps.name, { placeholder: `${s.erasedName} #${z.id}` }));
    await axe(page, '[role="dialog"]');
    // Nothing happens until the name is typed; case and accents do not matter.
    await expect(dialog.confirmButton).toBeDisabled();
    await dialog.nameField.fill('Zéphyrine');
    await expect(dialog.confirmButton).toBeDisabled();
    await dialog.nameField.fill('zephyrine  quasimodo');
    await expect(dialog.confirmButton).toBeEnabled();
    await dialog.confirmButton.click();

    await expect(page.getByText(fill(s.erase.done, { name: 'Zéphyrine Quasimodo' }))).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${s.erasedName} #${z.id}`);
    await expect(actions.erasedOn).toBeVisible();
    await expect(actions.eraseButton).toHaveCount(0);
    await expect(page.getByTestId('detail-email').locator('dd')).toHaveText(/not provided|Not provided/i);

    // The header search no longer finds her, by name or by email; the other person of Scaër still is.
    await list.searchFor('Quasimodo');
    await expect(list.noMatch).toBeVisible();
    await expect(list.rows()).toHaveCount(0);
    await list.searchFor('zephyrine');
    await expect(list.noMatch).toBeVisible();
    await list.searchFor('Scaër');
    await expect(list.row('Dupré')).toBeVisible();
    await expect(list.rows()).toHaveCount(1);
    expect((await core.call('volunteers.list', { query: 'Quasimodo', filters: { archived: 'include' } })).total).toBe(0);

    // The erasure log shows the entry, with no name.
    await new ShellPage(page).navLink(commonStrings.en.nav.privacy).click();
    const privacy = new PrivacyPage(page);
    await privacy.tab('erasures').click();
    await expect(privacy.erasureLog.getByRole('row')).toHaveCount(2);
    await expect(privacy.erasureLog).toContainText(`${s.erasedName} #${z.id}`);
    await expect(privacy.erasureLog).not.toContainText('Quasimodo');
    await axe(page);
    expect(JSON.parse(readFileSync(join(core.dataDir, 'erasures.json'), 'utf8')).erasures).toEqual([
      expect.objectContaining({ volunteerId: z.id }),
    ]);
  });

  test('export a person’s data: a JSON file and a CSV file beside it', async ({ app, core }) => {
    await completeSetup(core, 'fr');
    const s = privacyStrings.fr;
    const skills = await core.call('volunteers.listSkills', {});
    const listening = skills.find((k) => k.key === 'active_listening')!;
    const z = await core.call('volunteers.create', { ...ZEPHYRINE, skills: [{ skillId: listening.id, level: 2 }] });
    const target = join(core.dataDir, 'zephyrine.json');
    core.platform.queueSaveFile(target);

    await app.open(`/volunteers/${z.id}`);
    const actions = new PersonDataActions(app.page, 'fr');
    await actions.exportButton.click();
    await expect(app.page.getByText(fill(s.actions.exported, { files: 'zephyrine.json, zephyrine.csv' }))).toBeVisible();

    const data = JSON.parse(readFileSync(target, 'utf8')) as Record<string, unknown> & { volunteer: Record<string, unknown>; skills: Record<string, unknown>[] };
    expect(data).toMatchObject({ relais: 'personal-data-export', language: 'fr', association: 'Les Amis du Relais' });
    expect(data.volunteer).toMatchObject({ id: z.id, firstName: 'Zéphyrine', lastName: 'Quasimodo', email: 'zephyrine.q@exemple.fr', notes: ZEPHYRINE.notes, roles: ['volunteer', 'facilitator'] });
    expect(data.skills).toEqual([expect.objectContaining({ name: 'Écoute active', level: 2 })]);
    const csvFile = join(core.dataDir, 'zephyrine.csv');
    expect(existsSync(csvFile)).toBe(true);
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.startsWith(`\ufeff${s.export.csvSection};${s.export.csvField};${s.export.csvValue}`)).toBe(true);
    expect(csv).toContain('Fiche;E-mail;zephyrine.q@exemple.fr');

    // Cancelling the dialog writes nothing and says nothing.
    core.platform.queueSaveFile(null);
    await actions.exportButton.click();
    await expect(actions.exportButton).toBeEnabled();
    expect(core.platform.saved).toEqual([target]);
  });

  test('retention: review people who left, erase several with confirmation, change the period', async ({ app, core }) => {
    await completeSetup(core, 'fr');
    const s = privacyStrings.fr;
    await seedPeople(core);
    await app.open('/privacy?tab=retention');
    const privacy = new PrivacyPage(app.page, 'fr');
    // Default period one year: the three who left in 2021, 2022 and 2023.
    await expect(privacy.retentionTable.getByRole('row')).toHaveCount(4);
    await axe(app.page);
    await app.page.getByRole('checkbox', { name: fill(s.retention.selectRow, { name: 'Aïcha Traoré' }) }).check();
    await app.page.getByRole('checkbox', { name: fill(s.retention.selectRow, { name: 'Bruno Lefèvre' }) }).check();
    await app.page.getByRole('button', { name: s.retention.eraseSelected_other.replace('{{count}}', '2') }).click();
    const dialog = app.page.getByRole('dialog', { name: s.erase.titleMany_other.replace('{{count}}', '2') });
    const confirm = dialog.getByRole('button', { name: s.erase.confirm, exact: true });
    await expect(confirm).toBeDisabled();
    await axe(app.page, '[role="dialog"]');
    await dialog.getByRole('checkbox', { name: s.erase.understand }).check();
    await confirm.click();
    await expect(app.page.getByText(s.erase.doneMany_other.replace('{{count}}', '2'))).toBeVisible();
    await expect(privacy.retentionTable.getByRole('row')).toHaveCount(2);
    await expect(privacy.retentionTable).toContainText('Moreau');
    expect((await core.call('privacy.erasureLog')).entries).toHaveLength(2);

    // A period out of range is refused with its message, and nothing changes.
    const years = app.page.getByRole('textbox', { name: s.retention.yearsLabel });
    await years.fill('12');
    await app.page.getByRole('button', { name: s.retention.save, exact: true }).click();
    await expect(app.page.getByText(frValidation.retentionYears)).toBeVisible();
    expect((await core.call('privacy.retention', {})).years).toBe(1);
    await years.fill('5');
    await app.page.getByRole('button', { name: s.retention.save, exact: true }).click();
    await expect(app.page.getByText(s.retention.emptyTitle)).toBeVisible();
    expect((await core.call('privacy.retention', {})).years).toBe(5);
  });

  test('consent overview: counts, filter by missing item, link to the record', async ({ app, core }) => {
    await completeSetup(core, 'en');
    const s = privacyStrings.en;
    await seedPeople(core);
    await app.open('/privacy');
    const privacy = new PrivacyPage(app.page);
    // Current people: Damien, Élodie, Fatou, Gaspard. No consent: Fatou. Confidentiality missing: Damien.
    await expect(privacy.card('consent')).toContainText('1');
    await expect(privacy.card('photo')).toContainText(fill(s.consent.cards.photoValue, { yes: 2, no: 2 }));
    await expect(privacy.consentTable.getByRole('row')).toHaveCount(2);
    await expect(privacy.consentTable).toContainText('Roux Fatou');
    await privacy.card('confidentiality').click();
    await expect(privacy.consentTable.getByRole('row')).toHaveCount(2);
    await expect(privacy.consentTable).toContainText(s.consent.notSigned);
    await axe(app.page);
    await privacy.consentTable.getByRole('link', { name: 'Garnier Damien' }).click();
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Damien Garnier');
    expect(enValidation.retentionYears).toBeTruthy();
  });

  for (const lang of ['fr', 'en'] as Lang[]) {
    test(`screenshots ${lang} @screenshots`, async ({ app, core }) => {
      await completeSetup(core, lang);
      const s = privacyStrings[lang];
      await seedPeople(core);
      const z = await core.call('volunteers.create', ZEPHYRINE);
      const erased = await core.call('volunteers.create', { firstName: 'Henri', lastName: 'Blanc', joinedOn: '2016-01-01', status: 'left', statusSince: '2020-01-01' });
      await core.call('privacy.erase', { id: erased.id });
      const page = app.page;

      await app.open('/privacy');
      await expect(new PrivacyPage(page, lang).consentTable).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/privacy-consent-${lang}.png`, fullPage: true });

      await app.open('/privacy?tab=retention');
      await expect(new PrivacyPage(page, lang).retentionTable).toBeVisible();
      await page.getByRole('checkbox', { name: fill(s.retention.selectRow, { name: 'Aïcha Traoré' }) }).check();
      await page.screenshot({ path: `${SHOTS}/privacy-retention-${lang}.png`, fullPage: true });

      await app.open('/privacy?tab=erasures');
      await expect(new PrivacyPage(page, lang).erasureLog).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/privacy-erasures-${lang}.png` });

      await app.open(`/volunteers/${z.id}`);
      const actions = new PersonDataActions(page, lang);
      await expect(actions.eraseButton).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/privacy-record-buttons-${lang}.png` });
      await actions.eraseButton.click();
      const dialog = actions.eraseDialog('Zéphyrine Quasimodo');
      await dialog.nameField.fill('Zéphyrine Quasi');
      await page.screenshot({ path: `${SHOTS}/privacy-erase-dialog-${lang}.png` });
      await page.keyboard.press('Escape');

      await app.open(`/volunteers/${erased.id}`);
      await expect(actions.erasedOn).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/privacy-erased-record-${lang}.png` });
    });
  }
});

import { completeSetup, expect, test } from './fixtures';
import { SettingsPage } from './pages/SettingsPage';
import { ShellPage } from './pages/ShellPage';
import { LOGO_PNG } from './pages/SetupPage';

const SHOTS = 'tests/e2e/screenshots';

test('switching the language applies at once and is remembered after a reload', async ({ app, core }) => {
  await completeSetup(core, 'en');
  const { page } = app;
  await app.open('/settings?tab=language');
  const settings = new SettingsPage(page, 'en');
  const shell = new ShellPage(page);
  await expect(settings.heading()).toBeVisible();
  await expect(shell.navLink('Volunteers')).toBeVisible();

  await settings.chooseLanguage('fr');
  await expect(settings.heading()).toBeVisible();
  await expect(shell.navLink('Bénévoles')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByText('Relais est maintenant en français.')).toBeVisible();
  await expect.poll(async () => (await core.call('settings.get')).language).toBe('fr');

  await page.reload();
  await expect(settings.heading()).toBeVisible();
  await expect(shell.navLink('Bénévoles')).toBeVisible();

  await settings.chooseLanguage('en');
  await expect(settings.heading()).toBeVisible();
  await expect.poll(async () => (await core.call('settings.get')).language).toBe('en');
  await page.reload();
  await expect(shell.navLink('Volunteers')).toBeVisible();
});

test('editing the identity updates the sidebar; a bad RNA number changes nothing', async ({ app, core }) => {
  await completeSetup(core, 'en');
  const { page } = app;
  await app.open('/settings');
  const shell = new ShellPage(page);
  const name = page.getByRole('textbox', { name: 'Name of the association' });
  await expect(name).toHaveValue('Les Amis du Relais');

  await name.fill('Les Amis du Relais de Lyon');
  await page.locator('input[type=file][name=logo]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: LOGO_PNG });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The association’s details are saved.')).toBeVisible();
  await expect(shell.association).toContainText('Les Amis du Relais de Lyon');
  await expect(shell.association.getByRole('img')).toBeVisible();
  expect((await core.call('settings.get')).association?.name).toBe('Les Amis du Relais de Lyon');

  const rna = page.getByRole('textbox', { name: 'RNA number' });
  await rna.fill('W12');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(rna).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('An RNA number is W followed by 9 digits, e.g. W751234567.')).toBeVisible();
  expect((await core.call('settings.get')).association?.rna).toBe('W691000123');
});

test('custom fields: a choice needs options, then edit, archive and restore', async ({ app, core }) => {
  await completeSetup(core, 'en');
  const { page } = app;
  await app.open('/settings?tab=customFields');
  const settings = new SettingsPage(page, 'en');
  await expect(page.getByText('No custom fields yet')).toBeVisible();

  await page.getByRole('button', { name: 'Add a field' }).click();
  const dialog = settings.dialog();
  await dialog.getByRole('textbox', { name: 'Name of the field' }).fill('T-shirt size');
  await dialog.getByRole('combobox', { name: 'Kind of answer' }).selectOption({ label: 'Choice from a list' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('A choice field needs at least one option.')).toBeVisible();
  expect((await core.call('settings.get')).customFields).toEqual([]);

  await dialog.getByRole('textbox', { name: 'Possible answers' }).fill('S\nM\nL\n');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(settings.customFieldRow('T-shirt size')).toContainText('S, M, L');
  const [field] = (await core.call('settings.get')).customFields;
  expect(field).toMatchObject({ label: 'T-shirt size', type: 'choice', options: ['S', 'M', 'L'], archived: false });

  await settings.customFieldRow('T-shirt size').getByRole('button', { name: /^Edit/ }).click();
  await dialog.getByRole('textbox', { name: 'Name of the field' }).fill('Size of T-shirt');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(settings.customFieldRow('Size of T-shirt')).toBeVisible();

  await settings.customFieldRow('Size of T-shirt').getByRole('button', { name: /^Archive/ }).click();
  await expect(settings.customFieldRow('Size of T-shirt')).toContainText('Archived');
  expect((await core.call('settings.get')).customFields[0]).toMatchObject({ label: 'Size of T-shirt', archived: true });

  await settings.customFieldRow('Size of T-shirt').getByRole('button', { name: /^Restore/ }).click();
  await expect(settings.customFieldRow('Size of T-shirt')).toContainText('In use');
  expect((await core.call('settings.get')).customFields[0]?.archived).toBe(false);
});

test('skills catalogue: add a skill to a category, rename it, archive it', async ({ app, core }) => {
  await completeSetup(core, 'en');
  const { page } = app;
  await app.open('/settings?tab=skills');
  const settings = new SettingsPage(page, 'en');
  const languages = page.getByTestId('skills-languages');
  await expect(languages).toContainText('1 skill');
  // Seeded skills show their translated names.
  await expect(settings.skillRow('Translation')).toContainText('Built in');

  await page.getByRole('button', { name: 'Add a skill' }).click();
  const dialog = settings.dialog();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('This field is required.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Name of the skill' }).fill('Sign language');
  await dialog.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Languages' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(languages).toContainText('2 skills');
  await expect(settings.skillRow('Sign language')).toContainText('Added by you');

  await settings.skillRow('Sign language').getByRole('button', { name: /^Rename/ }).click();
  await dialog.getByRole('textbox', { name: 'Name of the skill' }).fill('French Sign Language');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(settings.skillRow('French Sign Language')).toBeVisible();

  await settings.skillRow('French Sign Language').getByRole('button', { name: /^Archive/ }).click();
  await expect(settings.skillRow('French Sign Language')).toHaveCount(0);
  await page.getByRole('switch', { name: 'Show archived skills' }).check();
  await expect(settings.skillRow('French Sign Language')).toContainText('Archived');
  const all = await core.call('volunteers.listSkills', { includeArchived: true });
  expect(all.find((s) => s.name === 'French Sign Language')).toMatchObject({ category: 'languages', archived: true, key: null });
});

test('the Data tab shows where the data is stored', async ({ app, core }) => {
  await completeSetup(core, 'en');
  await app.open('/settings?tab=data');
  await expect(new SettingsPage(app.page).dataDir()).toHaveText(core.dataDir);
});

for (const lang of ['en', 'fr'] as const) {
  test(`settings screens in ${lang} @screenshots`, async ({ app, core }) => {
    await completeSetup(core, lang);
    await core.call('settings.saveAssociation', {
      name: lang === 'fr' ? 'Les Amis du Relais' : 'Riverside Friends',
      addressLine: '3 place des Terreaux',
      postalCode: '69001',
      city: 'Lyon',
      rna: 'W691000123',
      siret: '12345678900019',
      logo: `data:image/png;base64,${LOGO_PNG.toString('base64')}`,
      signatoryName: 'Claire Fontaine',
      signatoryTitle: lang === 'fr' ? 'Présidente' : 'Chair',
    });
    await core.call('settings.saveCustomField', { label: lang === 'fr' ? 'Taille de tee-shirt' : 'T-shirt size', type: 'choice', options: ['S', 'M', 'L', 'XL'] });
    await core.call('settings.saveCustomField', { label: lang === 'fr' ? 'Numéro d’adhérent' : 'Membership number', type: 'text' });
    const { page } = app;
    const settings = new SettingsPage(page, lang);
    for (const tab of ['association', 'language', 'customFields', 'skills', 'data'] as const) {
      await app.open(tab === 'association' ? '/settings' : `/settings?tab=${tab}`);
      await expect(settings.tab(tab)).toHaveAttribute('aria-selected', 'true');
      if (tab === 'skills') await expect(page.getByTestId('skill-row').first()).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/settings-${tab}-${lang}.png`, fullPage: tab !== 'skills' });
    }
  });
}

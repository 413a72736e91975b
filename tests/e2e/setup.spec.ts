import { expect, test } from './fixtures';
import { ShellPage } from './pages/ShellPage';
import { LOGO_PNG, SetupPage } from './pages/SetupPage';

const SHOTS = 'tests/e2e/screenshots';

test.describe('first run', () => {
  test('language then identity, lands on the volunteers, and never asks again', async ({ app, core }) => {
    const { page } = app;
    await app.open('/volunteers');
    // Everything leads to the setup while there is no association.
    await expect(page).toHaveURL(/#\/setup$/);
    const setup = new SetupPage(page, 'en');
    await expect(setup.heading()).toBeVisible();
    // The browser says en-GB: English is preselected.
    await expect(setup.languageOption('en')).toBeChecked();

    await setup.chooseLanguage('fr');
    await expect(setup.heading()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await setup.next();

    await setup.fill({
      name: 'Les Amis du Quartier',
      addressLine: '12 rue des Lilas',
      postalCode: '75011',
      city: 'Paris',
      rna: 'w751234567',
      siret: '123 456 789 00012',
      signatoryName: 'Marie Dupont',
      signatoryTitle: 'Présidente',
    });
    await setup.pickLogo({ name: 'logo.png', mimeType: 'image/png', buffer: LOGO_PNG });
    await expect(setup.logoPreview()).toBeVisible();
    await setup.finish();

    await expect(page).toHaveURL(/#\/volunteers$/);
    const shell = new ShellPage(page);
    await expect(shell.association).toContainText('Les Amis du Quartier');
    await expect(shell.association.getByRole('img', { name: 'Logo de Les Amis du Quartier' })).toBeVisible();
    await expect(shell.navLink('Bénévoles')).toBeVisible();

    const saved = await core.call('settings.get');
    expect(saved.language).toBe('fr');
    expect(saved.association).toMatchObject({
      name: 'Les Amis du Quartier',
      city: 'Paris',
      rna: 'W751234567',
      siret: '12345678900012',
      signatoryTitle: 'Présidente',
    });
    expect(saved.association?.logo).toMatch(/^data:image\/png;base64,/);

    await page.reload();
    await expect(shell.association).toContainText('Les Amis du Quartier');
    await expect(page).toHaveURL(/#\/volunteers$/);
    await app.open('/setup');
    await expect(page).toHaveURL(/#\/volunteers$/);
  });

  test('a 13-digit SIRET is refused under its field and nothing is saved', async ({ app, core }) => {
    const { page } = app;
    await app.open('/');
    const setup = new SetupPage(page, 'en');
    await setup.next();
    await setup.fill({ name: 'Les Amis du Quartier', siret: '1234567890123', rna: 'W12' });
    await setup.finish();

    await expect(setup.field('siret')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('A SIRET number has 14 digits.')).toBeVisible();
    await expect(page.getByText('An RNA number is W followed by 9 digits, e.g. W751234567.')).toBeVisible();
    await expect(setup.field('name')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: 'Some fields need your attention.' })).toBeVisible();
    await expect(page).toHaveURL(/#\/setup$/);

    const after = await core.call('settings.get');
    expect(after.association).toBeNull();
    expect(after.language).toBeNull();

    // Editing the field clears its message; a correct number then goes through.
    await setup.field('siret').fill('12345678900012');
    await expect(page.getByText('A SIRET number has 14 digits.')).toHaveCount(0);
    await setup.field('rna').fill('');
    await setup.finish();
    await expect(page).toHaveURL(/#\/volunteers$/);
    expect((await core.call('settings.get')).association?.siret).toBe('12345678900012');
  });

  test('a logo that is not a PNG, JPEG or WebP is refused before sending', async ({ app, core }) => {
    const { page } = app;
    await app.open('/');
    const setup = new SetupPage(page, 'en');
    await setup.next();
    await setup.pickLogo({ name: 'logo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await expect(page.getByText('The logo must be a PNG, JPEG or WebP image.')).toBeVisible();
    await expect(setup.logoPreview()).toHaveCount(0);
    expect((await core.call('settings.get')).association).toBeNull();
  });
});

test.describe('first run on a French computer', () => {
  test.use({ locale: 'fr-FR' });

  test('French is preselected from the OS', async ({ app }) => {
    await app.open('/');
    const setup = new SetupPage(app.page, 'fr');
    await expect(setup.heading()).toBeVisible();
    await expect(setup.languageOption('fr')).toBeChecked();
  });
});

for (const lang of ['en', 'fr'] as const) {
  test.describe(`setup screenshots (${lang})`, () => {
    test.use({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });

    test(`setup screens in ${lang} @screenshots`, async ({ app }) => {
      const { page } = app;
      await app.open('/');
      const setup = new SetupPage(page, lang);
      await expect(setup.heading()).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/setup-language-${lang}.png`, fullPage: true });
      await setup.next();
      await setup.fill({ name: lang === 'fr' ? 'Les Amis du Quartier' : 'Riverside Friends', siret: '1234567890123' });
      await setup.pickLogo({ name: 'logo.png', mimeType: 'image/png', buffer: LOGO_PNG });
      await setup.finish();
      await expect(setup.field('siret')).toHaveAttribute('aria-invalid', 'true');
      await page.screenshot({ path: `${SHOTS}/setup-identity-${lang}.png`, fullPage: true });
    });
  });
}

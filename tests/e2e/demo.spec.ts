import { completeSetup, expect, test } from './fixtures';
import { SettingsPage } from './pages/SettingsPage';
import { SetupPage } from './pages/SetupPage';
import { ShellPage, volunteerRow } from './pages/ShellPage';

const SHOTS = 'tests/e2e/screenshots';

test('sample data from Settings: banner, invented volunteers, then back to the untouched real data', async ({ app, core }) => {
  await completeSetup(core, 'en');
  await core.call('volunteers.create', { firstName: 'Aïcha', lastName: 'Traoré', joinedOn: '2025-01-15' });
  const { page } = app;
  const shell = new ShellPage(page);
  await app.open('/settings?tab=data');
  await expect(shell.demoBanner).toHaveCount(0);

  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await expect(shell.demoBanner).toBeVisible();
  await expect(shell.demoBanner).toContainText('Sample data — your real data is not shown.');

  const demo = await core.call('settings.get');
  expect(demo.mode).toBe('demo');
  await expect(shell.association).toContainText(demo.association!.name);

  await shell.navLink('Volunteers').click();
  const first = (await core.call('volunteers.list', { limit: 1 })).rows[0]!;
  await expect(volunteerRow(page, first.firstName, first.lastName).first()).toBeVisible();
  await expect(volunteerRow(page, 'Aïcha', 'Traoré')).toHaveCount(0);
  // The banner stays on every screen while the sample is open.
  await shell.goToSettings();
  await expect(shell.demoBanner).toBeVisible();
  await shell.navLink('Volunteers').click();

  await shell.backToMyData().click();
  await expect(shell.demoBanner).toHaveCount(0);
  await expect(shell.association).toContainText('Les Amis du Relais');
  await expect(volunteerRow(page, 'Aïcha', 'Traoré')).toBeVisible();

  const real = await core.call('settings.get');
  expect(real.mode).toBe('real');
  expect(real.association?.name).toBe('Les Amis du Relais');
  const list = await core.call('volunteers.list', {});
  expect(list.total).toBe(1);
  expect(list.rows[0]).toMatchObject({ firstName: 'Aïcha', lastName: 'Traoré' });
});

test('sample data from the first-run screen, and back to a first run that is still to do', async ({ app, core }) => {
  const { page } = app;
  await app.open('/');
  const setup = new SetupPage(page, 'en');
  const shell = new ShellPage(page);
  await setup.tryDemo();
  await expect(shell.demoBanner).toBeVisible();
  await expect(page).toHaveURL(/#\/volunteers$/);

  await shell.backToMyData().click();
  await expect(setup.heading()).toBeVisible();
  await expect(page).toHaveURL(/#\/setup$/);
  const real = await core.call('settings.get');
  expect(real).toMatchObject({ mode: 'real', association: null, language: null });
});

for (const lang of ['en', 'fr'] as const) {
  test(`sample data banner in ${lang} @screenshots`, async ({ app, core }) => {
    await completeSetup(core, lang);
    await core.call('settings.openDemo');
    await app.open('/volunteers');
    const shell = new ShellPage(app.page);
    await expect(shell.demoBanner).toBeVisible();
    await expect(app.page.getByTestId('volunteer-grid').getByRole('row').nth(3)).toBeVisible();
    await app.page.screenshot({ path: `${SHOTS}/demo-volunteers-${lang}.png` });
    await app.open('/settings?tab=data');
    await expect(new SettingsPage(app.page, lang).tab('data')).toHaveAttribute('aria-selected', 'true');
    await app.page.screenshot({ path: `${SHOTS}/demo-settings-data-${lang}.png` });
  });
}

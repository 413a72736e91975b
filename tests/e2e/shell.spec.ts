import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { completeSetup, expect, test } from './fixtures';
import { LeaveDialog, ShellPage, volunteerRow } from './pages/ShellPage';

test.describe('the shell around every screen', () => {
  test.beforeEach(async ({ core }) => {
    await completeSetup(core, 'en');
    await core.call('volunteers.create', { firstName: 'Aïcha', lastName: 'Traoré', joinedOn: '2025-01-15' });
    await core.call('volunteers.create', { firstName: 'Bernard', lastName: 'Martin', joinedOn: '2024-03-02' });
  });

  test('the header search finds volunteers as you type, from any screen', async ({ app }) => {
    const { page } = app;
    const shell = new ShellPage(page);
    await app.open('/settings');
    await shell.search.fill('trao');
    await expect(page).toHaveURL(/#\/volunteers\?q=trao$/);
    await expect(volunteerRow(page, 'Aïcha', 'Traoré')).toBeVisible();
    await expect(volunteerRow(page, 'Bernard', 'Martin')).toHaveCount(0);
    // The field keeps its text on the list; Enter searches at once.
    await expect(shell.search).toHaveValue('trao');
    await shell.search.fill('martin');
    await shell.search.press('Enter');
    await expect(page).toHaveURL(/q=martin$/);
    await expect(volunteerRow(page, 'Bernard', 'Martin')).toBeVisible();
    // Escape clears the search.
    await shell.search.press('Escape');
    await expect(shell.search).toHaveValue('');
    await expect(page).toHaveURL(/#\/volunteers$/);
  });

  test('keyboard shortcuts: Ctrl+K and / focus the search, Ctrl+N and Alt+N open a new record', async ({ app }) => {
    const { page } = app;
    const shell = new ShellPage(page);
    await app.open('/settings');
    await expect(shell.navLink('Settings')).toHaveAttribute('aria-current', 'page');
    // The first Tab stop skips straight to the page.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();

    await page.keyboard.press('Control+k');
    await expect(shell.search).toBeFocused();
    await shell.search.blur();
    await page.keyboard.press('/');
    await expect(shell.search).toBeFocused();
    await expect(shell.search).toHaveValue('');

    await page.keyboard.press('Control+n');
    await expect(page).toHaveURL(/#\/volunteers\/new$/);
    await app.open('/settings');
    await page.keyboard.press('Alt+n');
    await expect(page).toHaveURL(/#\/volunteers\/new$/);
  });

  test('an unknown address shows a way back', async ({ app }) => {
    await app.open('/nowhere');
    await expect(app.page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
    await app.page.getByRole('link', { name: 'Go to the volunteers' }).click();
    await expect(app.page).toHaveURL(/#\/volunteers$/);
  });

  test('Settings has no WCAG A/AA violations that axe can find', async ({ app }) => {
    for (const tab of ['', '?tab=language', '?tab=customFields', '?tab=skills', '?tab=data']) {
      await app.open(`/settings${tab}`);
      await expect(app.page.getByRole('tab', { selected: true })).toBeVisible();
      const results = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${tab}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
});

test('the first-run screen has no WCAG A/AA violations that axe can find', async ({ app }) => {
  await app.open('/');
  await expect(app.page.getByRole('heading', { level: 1 })).toBeVisible();
  const step1 = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(step1.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await app.page.getByRole('button', { name: 'Next' }).click();
  await app.page.getByRole('button', { name: 'Start using Relais' }).click();
  await expect(app.page.getByText('This field is required.')).toBeVisible();
  const step2 = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(step2.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('buttons keep AA contrast under the mouse: filled, subtle, outline and dialog buttons', async ({ app, core }) => {
  await completeSetup(core, 'en');
  const v = await core.call('volunteers.create', { firstName: 'Aïcha', lastName: 'Traoré', joinedOn: '2025-01-15' });
  await core.call('settings.saveCustomField', { label: 'T-shirt size', type: 'text' });
  const { page } = app;
  /** Hovers a button and lets axe check the colours it has then (transitions off, so what is measured is the end state). */
  const readableUnderMouse = async (button: Locator, what: string, hover = true) => {
    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
    if (hover) await button.hover();
    else await page.mouse.move(0, 0);
    await button.evaluate((el) => el.setAttribute('data-hover-check', ''));
    const results = await new AxeBuilder({ page }).include('[data-hover-check]').withRules(['color-contrast']).analyze();
    await button.evaluate((el) => el.removeAttribute('data-hover-check'));
    expect.soft(results.violations.map((x) => `${what}: ${x.nodes.map((n) => n.failureSummary ?? '').join(' ')}`)).toEqual([]);
    expect.soft(results.passes.length + results.violations.length, `${what}: axe measured it`).toBeGreaterThan(0);
  };

  await app.open('/volunteers');
  await readableUnderMouse(page.getByRole('link', { name: 'Add a volunteer' }), 'primary filled');
  await page.getByRole('button', { name: /^Filters/ }).click();
  await readableUnderMouse(page.getByRole('button', { name: /^Filters/ }), 'outline (filters open)');
  await readableUnderMouse(page.getByRole('button', { name: 'Clear filters' }), 'subtle teal');

  await app.open(`/volunteers/${v.id}`);
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  const archive = page.getByRole('dialog');
  await readableUnderMouse(archive.getByRole('button', { name: 'Archive', exact: true }), 'orange filled, at rest', false);
  await readableUnderMouse(archive.getByRole('button', { name: 'Archive', exact: true }), 'orange filled');
  await readableUnderMouse(archive.getByRole('button', { name: 'Cancel' }), 'default');
  await page.keyboard.press('Escape');

  await app.open('/settings?tab=customFields');
  await readableUnderMouse(page.getByRole('button', { name: 'Archive — T-shirt size' }), 'subtle red');

  await app.open('/volunteers/new');
  await page.getByLabel(/^First name/).fill('Jeanne');
  await new ShellPage(page).goToSettings();
  const leave = new LeaveDialog(page);
  await readableUnderMouse(leave.leaveButton, 'outline red');
  await readableUnderMouse(leave.stayButton, 'primary filled in a dialog');
});

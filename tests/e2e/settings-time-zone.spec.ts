import enSettings from '../../shared/i18n/locales/en/settings.json';
import frSettings from '../../shared/i18n/locales/fr/settings.json';
import { completeSetup, expect, test } from './fixtures';
import { fill, type Lang } from './pages/volunteersLocale';

/**
 * The association's time zone in Settings, on the real core: the zone in use shown (this
 * computer's until one is chosen), another found by typing a city and saved at once; events
 * planned afterwards take it, those planned before keep theirs.
 */

const SHOTS = 'tests/e2e/screenshots';
const words = { en: enSettings, fr: frSettings };

for (const lang of ['fr', 'en'] as Lang[]) {
  test(`chooses the association's time zone in Settings; new events are planned in it (${lang}) @screenshots`, async ({ app, core }) => {
    await completeSetup(core, lang);
    const w = words[lang];
    const page = app.page;
    const computer = (await core.call('settings.get')).timeZone;
    // The test machine may run in any zone: pick one that is surely another.
    const [chosen, city] = computer === 'America/New_York' ? (['Europe/Paris', 'Paris'] as const) : (['America/New_York', 'New York'] as const);
    const before = await core.call('events.create', { title: 'Avant', kind: 'community', start: '2030-07-02T18:30', end: '2030-07-02T20:00' });

    await app.open('/settings');
    await page.getByRole('tab', { name: w.tabs.language }).click();
    const section = page.getByTestId('time-zone');
    const field = section.getByRole('combobox', { name: w.timeZone.label });
    await expect(field).toHaveValue(new RegExp(`^${computer.replace(/_/g, ' ')}`));
    await expect(section).toContainText(w.timeZone.keep);
    await page.screenshot({ path: `${SHOTS}/settings-time-zone-${lang}.png` });

    await field.click();
    await field.fill(city.toLowerCase());
    const option = page.getByRole('option', { name: new RegExp(`^${chosen.replace(/_/g, ' ')} \\(UTC`) });
    await expect(option).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/settings-time-zone-search-${lang}.png` });
    await option.click();
    await expect(page.getByText(fill(w.timeZone.saved, { zone: chosen }))).toBeVisible();
    await expect(field).toHaveValue(new RegExp(`^${chosen.replace(/_/g, ' ')} \\(UTC`));
    expect((await core.call('settings.get')).timeZone).toBe(chosen);

    const after = await core.call('events.create', { title: 'Après', kind: 'community', start: '2030-07-02T18:30', end: '2030-07-02T20:00' });
    expect(after.event.timeZone).toBe(chosen);
    expect((await core.call('events.get', { id: before.event.id })).timeZone).toBe(computer);
  });
}

import { completeSetup, expect, test } from './fixtures';

// The harness itself: the page talks to the real core over a real SQLite file.
test('window.relais reaches the real core and its database', async ({ app, core }) => {
  await completeSetup(core);
  await app.open('/');
  const created = await app.page.evaluate(() =>
    window.relais.volunteers.create({ firstName: 'Aïcha', lastName: 'Traoré', joinedOn: '2025-01-15' }),
  );
  expect(created.ok).toBe(true);
  const list = await core.call('volunteers.list', { query: 'aicha' });
  expect(list.rows.map((r) => r.lastName)).toEqual(['Traoré']);
  const refused = await app.page.evaluate(() => window.relais.volunteers.create({ firstName: 1 } as never));
  expect(refused.ok).toBe(false);
  expect(await app.page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
});

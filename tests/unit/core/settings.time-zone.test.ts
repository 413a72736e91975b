import { describe, expect, it } from 'vitest';
import { dumpTables, expectIssue, openTestCore } from './helpers';

/** What the computer says, as core reads it when the association has not chosen a zone. */
const computerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

describe('the association’s time zone', () => {
  it('is the computer’s until one is chosen, then the chosen one, kept across reopening', async () => {
    const t = await openTestCore();
    expect((await t.call('settings.get')).timeZone).toBe(computerZone());
    expect((await t.call('settings.setTimeZone', { timeZone: 'America/New_York' })).timeZone).toBe('America/New_York');
    const again = await t.reopen();
    expect((await again.call('settings.get')).timeZone).toBe('America/New_York');
    await again.close();
  });

  it('keeps the canonical spelling of a zone typed in another case', async () => {
    const t = await openTestCore();
    expect((await t.call('settings.setTimeZone', { timeZone: '  europe/paris ' })).timeZone).toBe('Europe/Paris');
    expect((await t.call('settings.setTimeZone', { timeZone: 'utc' })).timeZone).toBe('UTC');
  });

  it.each([
    ['an unknown zone', 'Europe/Atlantis', 'planning.timeZone'],
    ['a bare offset (it would not follow daylight saving)', '+01:00', 'planning.timeZone'],
    ['a negative offset', '-0500', 'planning.timeZone'],
    ['words', 'Paris, France', 'planning.timeZone'],
    ['nothing', '   ', 'required'],
    ['a very long name', `Europe/${'x'.repeat(60)}`, 'tooLong'],
  ])('refuses %s and writes nothing', async (_label, timeZone, key) => {
    const t = await openTestCore();
    await t.call('settings.setTimeZone', { timeZone: 'Europe/Paris' });
    const before = dumpTables(t.file);
    expectIssue(await t.failure('settings.setTimeZone', { timeZone }), ['timeZone'], key);
    expect(dumpTables(t.file)).toEqual(before);
    expect((await t.call('settings.get')).timeZone).toBe('Europe/Paris');
  });

  it('refuses other fields and a missing zone', async () => {
    const t = await openTestCore();
    const before = dumpTables(t.file);
    expect((await t.failure('settings.setTimeZone', {})).code).toBe('VALIDATION');
    expect((await t.failure('settings.setTimeZone', { timeZone: 'Europe/Paris', zone: 'Europe/Paris' })).code).toBe('VALIDATION');
    expect(dumpTables(t.file)).toEqual(before);
  });

  it('plans new events and series in it; events already planned keep theirs', async () => {
    const t = await openTestCore();
    await t.call('settings.setTimeZone', { timeZone: 'Europe/Paris' });
    const { event: paris } = await t.call('events.create', { title: 'Collecte', kind: 'community', start: '2030-07-02T18:30', end: '2030-07-02T20:00' });
    expect(paris).toMatchObject({ timeZone: 'Europe/Paris', start: '2030-07-02T18:30', startUtc: '2030-07-02T16:30:00Z' });

    await t.call('settings.setTimeZone', { timeZone: 'America/New_York' });
    const { event: ny } = await t.call('events.create', { title: 'Food drive', kind: 'community', start: '2030-07-02T18:30', end: '2030-07-02T20:00' });
    const { series } = await t.call('events.createSeries', {
      title: 'Support group',
      kind: 'support_group',
      frequency: 'weekly',
      startsOn: '2030-07-02',
      startTime: '18:30',
      endTime: '20:00',
      count: 2,
    });
    expect(ny).toMatchObject({ timeZone: 'America/New_York', start: '2030-07-02T18:30' });
    expect(series.timeZone).toBe('America/New_York');

    // 18:30 in New York in July is 22:30 UTC; in Paris, 16:30 UTC — the first event did not move.
    const calendar = await t.call('events.calendar', { from: '2030-07-01', to: '2030-07-31' });
    const utc = Object.fromEntries(calendar.events.map((e) => [e.id, e.startUtc]));
    expect(utc[ny.id]).toBe('2030-07-02T22:30:00Z');
    expect(utc[series.occurrences[1]!.id]).toBe('2030-07-09T22:30:00Z');
    expect(utc[paris.id]).toBe('2030-07-02T16:30:00Z');
    expect((await t.call('events.get', { id: paris.id })).timeZone).toBe('Europe/Paris');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_CATEGORIES, type HourEntryInput } from '../../../shared/api';
import { buildVolunteer, dumpTables, expectFailure, expectIssue, openTestCore, withReadonly, type TestCore } from './helpers';
import { assign, dayFromToday } from './hours.support';

/** Manual hour entries, their approval, and the totals every screen shows (one definition). */

const entry = (volunteerId: number, overrides: Partial<HourEntryInput> = {}): HourEntryInput => ({
  volunteerId,
  workedOn: dayFromToday(-10),
  minutes: 90,
  category: 'skills_donation',
  ...overrides,
});

async function someone(t: TestCore, overrides = {}) {
  return t.call('volunteers.create', buildVolunteer(overrides));
}

describe('manual hour entries', () => {
  it('creates, lists newest first with filters and pages, updates and removes', async () => {
    const t = await openTestCore();
    const v = await someone(t, { firstName: 'Inès', lastName: 'Roux' });
    const w = await someone(t);
    const programme = await t.call('events.createProgramme', { name: 'Inclusion numérique' });
    const created = await t.call('hours.create', entry(v.id, { note: 'Refonte du site', programmeId: programme.id, approval: 'approved' }));
    expect(created).toMatchObject({
      volunteerId: v.id, volunteerName: 'Inès Roux', minutes: 90, category: 'skills_donation', programmeId: programme.id,
      programmeName: 'Inclusion numérique', eventId: null, source: 'manual', approval: 'approved', note: 'Refonte du site',
    });
    const pending = await t.call('hours.create', entry(v.id, { workedOn: dayFromToday(-2), minutes: 30, category: 'admin' }));
    expect(pending.approval).toBe('pending');
    await t.call('hours.create', entry(w.id, { workedOn: dayFromToday(-5), minutes: 45, category: 'logistics', approval: 'approved' }));

    const all = await t.call('hours.list', {});
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.minutes)).toEqual([30, 45, 90]);
    expect((await t.call('hours.list', { volunteerId: v.id })).rows.map((r) => r.id)).toEqual([pending.id, created.id]);
    expect((await t.call('hours.list', { approval: 'pending' })).rows.map((r) => r.id)).toEqual([pending.id]);
    expect((await t.call('hours.list', { category: 'logistics' })).total).toBe(1);
    expect((await t.call('hours.list', { programmeId: programme.id })).rows.map((r) => r.id)).toEqual([created.id]);
    expect((await t.call('hours.list', { programmeId: 'none' })).total).toBe(2);
    expect((await t.call('hours.list', { from: dayFromToday(-6), to: dayFromToday(-3) })).rows.map((r) => r.minutes)).toEqual([45]);
    expect((await t.call('hours.list', { offset: 1, limit: 1 })).rows.map((r) => r.minutes)).toEqual([45]);
    expect((await t.call('hours.list', { source: 'attendance' })).total).toBe(0);

    const edited = await t.call('hours.update', { id: created.id, minutes: 120, note: '' });
    expect(edited).toMatchObject({ minutes: 120, note: null, category: 'skills_donation', programmeId: programme.id });
    const moved = await t.call('hours.update', { id: created.id, programmeId: null, workedOn: dayFromToday(-1), category: 'admin' });
    expect(moved).toMatchObject({ programmeId: null, workedOn: dayFromToday(-1), category: 'admin', minutes: 120 });
    // No change, no write.
    const before = dumpTables(t.file);
    expect(await t.call('hours.update', { id: created.id, minutes: 120 })).toEqual(moved);
    expect(dumpTables(t.file)).toEqual(before);

    expect(await t.call('hours.remove', { id: created.id })).toEqual({ removed: created.id });
    expect((await t.call('hours.list', {})).total).toBe(2);
    expectFailure(await t.dispatch('hours.remove', { id: created.id }), 'NOT_FOUND');
  });

  it('refuses bad input with the field and a clear key, and writes nothing', async () => {
    const t = await openTestCore();
    const v = await someone(t);
    const gone = await someone(t);
    await t.call('hours.create', entry(gone.id));
    await t.call('privacy.erase', { id: gone.id });
    const ok = await t.call('hours.create', entry(v.id));
    const before = dumpTables(t.file);
    const refused = async (input: unknown, path: (string | number)[], key: string) => expectIssue(await t.failure('hours.create', input), path, key);

    await refused(entry(v.id, { minutes: 0 }), ['minutes'], 'hours.minutesPositive');
    await refused(entry(v.id, { minutes: -30 }), ['minutes'], 'hours.minutesPositive');
    await refused(entry(v.id, { minutes: 1441 }), ['minutes'], 'hours.minutesTooMany');
    await refused(entry(v.id, { minutes: 30 * 60 }), ['minutes'], 'hours.minutesTooMany');
    await refused(entry(v.id, { minutes: 12.5 }), ['minutes'], 'number');
    await refused(entry(v.id, { workedOn: '1850-06-01' }), ['workedOn'], 'dateRange');
    await refused(entry(v.id, { workedOn: '2026-02-30' }), ['workedOn'], 'date');
    await refused(entry(v.id, { workedOn: dayFromToday(2) }), ['workedOn'], 'hours.futureDate');
    await refused(entry(4242), ['volunteerId'], 'hours.unknownVolunteer');
    await refused(entry(gone.id), ['volunteerId'], 'hours.erasedVolunteer');
    await refused(entry(v.id, { programmeId: 99 }), ['programmeId'], 'hours.unknownProgramme');
    await refused(entry(v.id, { eventId: 99 }), ['eventId'], 'hours.unknownEvent');
    await refused(entry(v.id, { category: 'gardening' as never }), ['category'], 'invalidChoice');
    await refused(entry(v.id, { approval: 'rejected' as never }), ['approval'], 'invalidChoice');
    await refused({ ...entry(v.id), source: 'attendance' }, ['source'], 'unknownField');
    await refused(entry(v.id, { note: 'x'.repeat(2001) }), ['note'], 'tooLong');

    expectIssue(await t.failure('hours.update', { id: ok.id, minutes: 0 }), ['minutes'], 'hours.minutesPositive');
    expectIssue(await t.failure('hours.update', { id: ok.id, workedOn: dayFromToday(5) }), ['workedOn'], 'hours.futureDate');
    expectIssue(await t.failure('hours.update', { id: ok.id, volunteerId: gone.id }), ['volunteerId'], 'unknownField');
    expectFailure(await t.dispatch('hours.update', { id: 999, minutes: 10 }), 'NOT_FOUND');
    const erasedEntry = (await t.call('hours.list', { volunteerId: gone.id })).rows[0]!;
    expect((await t.failure('hours.update', { id: erasedEntry.id, note: 'Marie Dupont, 06…' })).details).toMatchObject({ reason: 'erased' });
    expectIssue(await t.failure('hours.list', { from: '2026-05-01', to: '2026-04-01' }), ['to'], 'hours.periodOrder');
    expect(dumpTables(t.file)).toEqual(before);
  });

  it('attendance entries keep the event’s day and programme and go only with the mark', async () => {
    const t = await openTestCore();
    const v = await someone(t);
    const day = dayFromToday(-4);
    const { event } = await t.call('events.create', {
      title: 'Atelier numérique', kind: 'workshop', start: `${day}T14:00`, end: `${day}T16:00`, timeZone: 'Europe/Paris',
      roles: [{ name: 'Accompagnement', needed: 1, startOffset: 0, endOffset: 120 }],
    });
    await assign(t, event.id, 'Accompagnement', [v.id]);
    const view = await t.call('events.markAttendance', { eventId: event.id, marks: [{ volunteerId: v.id, status: 'present' }] });
    const id = view.rows[0]!.hourEntryId!;
    const listed = (await t.call('hours.list', { source: 'attendance' })).rows;
    expect(listed).toEqual([expect.objectContaining({ id, eventId: event.id, eventTitle: 'Atelier numérique', eventStart: `${day}T14:00`, minutes: 120, category: 'facilitation' })]);

    const before = dumpTables(t.file);
    expectIssue(await t.failure('hours.update', { id, workedOn: dayFromToday(-5) }), ['workedOn'], 'hours.fixedByAttendance');
    const programme = await t.call('events.createProgramme', { name: 'Autre' });
    const afterProgramme = dumpTables(t.file);
    expectIssue(await t.failure('hours.update', { id, programmeId: programme.id }), ['programmeId'], 'hours.fixedByAttendance');
    expect((await t.failure('hours.remove', { id })).details).toMatchObject({ reason: 'hourFromAttendance' });
    expect((await t.failure('hours.reject', { ids: [id] })).details).toMatchObject({ reason: 'hourFromAttendance' });
    expect(dumpTables(t.file)).toEqual(afterProgramme);
    expect(before.hour_entries).toEqual(afterProgramme.hour_entries);
    // Duration, category and note can change.
    expect(await t.call('hours.update', { id, minutes: 100, category: 'support', note: 'Parti plus tôt' })).toMatchObject({ minutes: 100, category: 'support', workedOn: day });
    expect(await t.call('hours.approve', { ids: [id] })).toEqual({ updated: 0 });
  });
});

describe('approval', () => {
  it('approves or rejects one or many; only approved entries count', async () => {
    const t = await openTestCore();
    const v = await someone(t);
    const made = [];
    for (const minutes of [30, 60, 90, 120]) made.push(await t.call('hours.create', entry(v.id, { minutes })));
    const [a, b, c, d] = made.map((m) => m.id) as [number, number, number, number];
    expect((await t.call('hours.volunteerSummary', { volunteerId: v.id })).totalMinutes).toBe(0);
    expect(await t.call('hours.approve', { ids: [a] })).toEqual({ updated: 1 });
    expect(await t.call('hours.approve', { ids: [a, b, c, b] })).toEqual({ updated: 2 });
    expect(await t.call('hours.reject', { ids: [c, d] })).toEqual({ updated: 2 });
    const summary = await t.call('hours.volunteerSummary', { volunteerId: v.id });
    expect(summary).toMatchObject({ totalMinutes: 30 + 60, entries: 2, pendingEntries: 0 });
    expect((await t.call('hours.list', { approval: 'rejected' })).rows.map((r) => r.id).sort()).toEqual([c, d].sort());

    const before = dumpTables(t.file);
    expect(await t.failure('hours.approve', { ids: [a, 999] })).toMatchObject({ code: 'NOT_FOUND', details: { ids: [999] } });
    expectIssue(await t.failure('hours.approve', { ids: [] }), ['ids'], 'required');
    expectFailure(await t.dispatch('hours.reject', { ids: Array.from({ length: 501 }, (_, i) => i + 1) }), 'VALIDATION');
    expect(dumpTables(t.file)).toEqual(before);
  });
});

describe('totals: one definition, the same figure on every screen', () => {
  it('volunteer summary = sum of the approved entries listed = totals by month = by category = by programme = by volunteer', async () => {
    const t = await openTestCore();
    const programmes = [await t.call('events.createProgramme', { name: 'Soutien' }), await t.call('events.createProgramme', { name: 'Numérique' })];
    const people = [await someone(t), await someone(t), await someone(t)];
    const day = (n: number) => dayFromToday(-n);
    const row = fc.record({
      who: fc.integer({ min: 0, max: 2 }),
      daysAgo: fc.integer({ min: 0, max: 500 }),
      minutes: fc.integer({ min: 1, max: 1440 }),
      category: fc.constantFrom(...HOUR_CATEGORIES),
      programme: fc.integer({ min: -1, max: 1 }),
      approval: fc.constantFrom('pending', 'approved', 'approved', 'approved'),
      rejected: fc.boolean(),
    });
    const rows = fc.sample(fc.array(row, { minLength: 40, maxLength: 40 }), { numRuns: 1, seed: 20261121 })[0]!;
    for (const r of rows) {
      const made = await t.call('hours.create', {
        volunteerId: people[r.who]!.id, workedOn: day(r.daysAgo), minutes: r.minutes, category: r.category,
        programmeId: r.programme < 0 ? null : programmes[r.programme]!.id, approval: r.approval as 'pending' | 'approved',
      });
      if (r.approval === 'pending' && r.rejected) await t.call('hours.reject', { ids: [made.id] });
    }
    // Attendance adds to the same total.
    const when = day(3);
    const { event } = await t.call('events.create', {
      title: 'Collecte', kind: 'community', start: `${when}T09:00`, end: `${when}T12:00`, timeZone: 'Europe/Paris', programmeId: programmes[0]!.id,
    });
    await t.call('events.addWalkIn', { eventId: event.id, volunteerId: people[0]!.id });

    const sum = (xs: { minutes: number }[]) => xs.reduce((a, x) => a + x.minutes, 0);
    const grand = await t.call('hours.totals', { grouping: 'volunteer' });
    for (const p of people) {
      const listed = (await t.call('hours.list', { volunteerId: p.id, approval: 'approved', limit: 500 })).rows;
      const summary = await t.call('hours.volunteerSummary', { volunteerId: p.id });
      const expected = sum(listed);
      expect(expected).toBeGreaterThan(0);
      expect(summary.totalMinutes).toBe(expected);
      expect(summary.entries).toBe(listed.length);
      expect(sum(summary.byMonth)).toBe(expected);
      expect(sum(summary.byCategory)).toBe(expected);
      expect(sum(summary.byProgramme)).toBe(expected);
      for (const grouping of ['month', 'category', 'programme'] as const) {
        const totals = await t.call('hours.totals', { grouping, volunteerId: p.id });
        expect(totals.totalMinutes, grouping).toBe(expected);
        expect(sum(totals.groups), grouping).toBe(expected);
      }
      expect(grand.groups.find((g) => g.key === p.id)?.minutes).toBe(expected);
      // Each month and category of the summary is the sum of the listed entries of that month or category.
      for (const m of summary.byMonth) expect(m.minutes).toBe(sum(listed.filter((e) => e.workedOn.startsWith(m.month))));
      for (const c of summary.byCategory) expect(c.minutes).toBe(sum(listed.filter((e) => e.category === c.category)));
      // The last 30 days, today included, and this calendar year.
      const last30 = listed.filter((e) => e.workedOn >= dayFromToday(-29));
      expect(summary.last30DaysMinutes).toBe(sum(last30));
      expect((await t.call('hours.totals', { grouping: 'month', volunteerId: p.id, from: dayFromToday(-29), to: dayFromToday(0) })).totalMinutes).toBe(sum(last30));
      expect(summary.thisYearMinutes).toBe(sum(listed.filter((e) => e.workedOn.startsWith(summary.today.slice(0, 4)))));
      expect(summary.pendingEntries).toBe((await t.call('hours.list', { volunteerId: p.id, approval: 'pending' })).total);
    }
    const everyone = sum((await t.call('hours.list', { approval: 'approved', limit: 500 })).rows);
    expect(grand.totalMinutes).toBe(everyone);
    expect(sum(grand.groups)).toBe(everyone);
    for (const grouping of ['month', 'category', 'programme'] as const) expect((await t.call('hours.totals', { grouping })).totalMinutes).toBe(everyone);
    const byProgramme = await t.call('hours.totals', { grouping: 'programme' });
    expect(byProgramme.groups.map((g) => g.label).sort()).toEqual(expect.arrayContaining(['Numérique', 'Soutien']));
    const soutien = byProgramme.groups.find((g) => g.label === 'Soutien')!;
    expect((await t.call('hours.totals', { grouping: 'month', programmeId: programmes[0]!.id })).totalMinutes).toBe(soutien.minutes);
    expect(soutien.minutes).toBe(sum((await t.call('hours.list', { programmeId: programmes[0]!.id, approval: 'approved', limit: 500 })).rows));
  });

  it('volunteer grouping: the most active first, limited, named; an unknown volunteer summary is NOT_FOUND', async () => {
    const t = await openTestCore();
    const [a, b, c] = [await someone(t, { firstName: 'Anne', lastName: 'Aubry' }), await someone(t, { firstName: 'Bruno', lastName: 'Blanc' }), await someone(t)];
    for (const [v, minutes] of [[a, 60], [b, 300], [c, 120], [a, 30]] as const) await t.call('hours.create', entry(v.id, { minutes, approval: 'approved' }));
    const top = await t.call('hours.totals', { grouping: 'volunteer', limit: 2 });
    expect(top).toMatchObject({ totalMinutes: 510, entries: 4, groupCount: 3 });
    expect(top.groups).toEqual([
      { key: b.id, label: 'Blanc Bruno', minutes: 300, entries: 1 },
      { key: c.id, label: expect.any(String), minutes: 120, entries: 1 },
    ]);
    expectFailure(await t.dispatch('hours.volunteerSummary', { volunteerId: 999 }), 'NOT_FOUND');
    expectIssue(await t.failure('hours.totals', { grouping: 'weekday' }), ['grouping'], 'invalidChoice');
    withReadonly(t.file, (db) => expect(db.prepare('SELECT count(*) FROM hour_entries').pluck().get()).toBe(4));
  });
});

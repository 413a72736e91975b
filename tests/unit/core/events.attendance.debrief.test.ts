import { describe, expect, it } from 'vitest';
import { dumpTables, expectFailure, expectIssue, openTestCore } from './helpers';
import { dayFromToday } from './hours.support';

/** Debriefs per occurrence and the averaged view of a series, checked against numbers worked out by hand. */

describe('events.saveDebrief', () => {
  it('saves tallies, notes and participants, and answers the mean rating', async () => {
    const t = await openTestCore();
    const day = dayFromToday(-2);
    const { event } = await t.call('events.create', { title: 'Café des aidants', kind: 'support_group', start: `${day}T10:00`, end: `${day}T11:30`, timeZone: 'Europe/Paris' });
    expect(await t.call('events.debrief', { eventId: event.id })).toMatchObject({
      saved: false, participantCount: null, tallies: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, ratings: 0, average: null, incidents: null, blocked: null,
    });
    const saved = await t.call('events.saveDebrief', {
      eventId: event.id, participantCount: 9, tallies: { 1: 0, 2: 1, 3: 2, 4: 3, 5: 2 }, incidents: '  ', suggestions: 'Une salle plus calme',
    });
    // (2·1 + 3·2 + 4·3 + 5·2) / 8 = 30 / 8
    expect(saved).toMatchObject({ saved: true, participantCount: 9, ratings: 8, average: 3.75, incidents: null, suggestions: 'Une salle plus calme' });
    expect((await t.call('events.attendance', { eventId: event.id })).participantCount).toBe(9);

    const before = dumpTables(t.file);
    expectIssue(await t.failure('events.saveDebrief', { eventId: event.id, participantCount: 3, tallies: { 1: 0, 2: 0, 3: 2, 4: 2, 5: 0 } }), ['tallies'], 'debrief.moreRatingsThanParticipants');
    expectIssue(await t.failure('events.saveDebrief', { eventId: event.id, tallies: { 1: -1, 2: 0, 3: 0, 4: 0, 5: 0 } }), ['tallies', '1'], 'debrief.tally');
    expectIssue(await t.failure('events.saveDebrief', { eventId: event.id, tallies: { 1: 0, 2: 0, 3: 0, 4: 0 } }), ['tallies', '5'], 'number');
    expectIssue(await t.failure('events.saveDebrief', { eventId: event.id, tallies: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 1 } }), ['tallies', '6'], 'unknownField');
    expectIssue(await t.failure('events.saveDebrief', { eventId: event.id, incidents: 'x'.repeat(2001) }), ['incidents'], 'tooLong');
    expectFailure(await t.dispatch('events.saveDebrief', { eventId: 404 }), 'NOT_FOUND');
    expect(dumpTables(t.file)).toEqual(before);
  });

  it('a cancelled session and one not held yet take no debrief', async () => {
    const t = await openTestCore();
    const past = dayFromToday(-1);
    const later = dayFromToday(6);
    const { event: cancelled } = await t.call('events.create', { title: 'A', kind: 'workshop', start: `${past}T10:00`, end: `${past}T11:00`, timeZone: 'Europe/Paris' });
    await t.call('events.cancel', { id: cancelled.id });
    const { event: ahead } = await t.call('events.create', { title: 'B', kind: 'workshop', start: `${later}T10:00`, end: `${later}T11:00`, timeZone: 'Europe/Paris' });
    const before = dumpTables(t.file);
    expect((await t.failure('events.saveDebrief', { eventId: cancelled.id, participantCount: 3 })).details).toMatchObject({ reason: 'sessionCancelled' });
    expect((await t.failure('events.saveDebrief', { eventId: ahead.id, participantCount: 3 })).details).toMatchObject({ reason: 'sessionNotHeldYet' });
    expect(dumpTables(t.file)).toEqual(before);
    expect((await t.call('events.debrief', { eventId: ahead.id })).blocked).toBe('sessionNotHeldYet');
  });
});

describe('events.seriesDebrief', () => {
  it('weights the mean by the ratings, averages participants over the sessions counted, leaves out cancelled and future sessions', async () => {
    const t = await openTestCore();
    // Weekly, five sessions: four weeks ago … next week.
    const startsOn = dayFromToday(-28);
    const { series } = await t.call('events.createSeries', {
      title: 'Groupe de parole du mardi', kind: 'support_group', frequency: 'weekly', startsOn, startTime: '18:30', endTime: '20:00',
      count: 6, timeZone: 'Europe/Paris',
    });
    const [s1, s2, s3, s4, s5, s6] = series.occurrences.map((o) => o.id) as [number, number, number, number, number, number];
    expect(series.occurrences.map((o) => o.start.slice(0, 10))).toEqual([-28, -21, -14, -7, 0, 7].map(dayFromToday));

    // s1: 2 × 5 and 1 × 4 (14 points, 3 ratings), 8 people
    await t.call('events.saveDebrief', { eventId: s1, participantCount: 8, tallies: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 2 } });
    // s2: one 3 and one 1 (4 points, 2 ratings), 5 people
    await t.call('events.saveDebrief', { eventId: s2, participantCount: 5, tallies: { 1: 1, 2: 0, 3: 1, 4: 0, 5: 0 } });
    // s3: a count without a debrief
    await t.call('events.setParticipants', { eventId: s3, participantCount: 6 });
    // s4: cancelled, it never counts.
    await t.call('events.cancel', { id: s4 });

    const view = await t.call('events.seriesDebrief', { seriesId: series.id });
    // Held: s1, s2, s3 and s5 only if it has started (today 18:30 Paris); s6 is next week.
    const held = view.sessions.map((s) => s.eventId);
    expect(held.slice(0, 3)).toEqual([s1, s2, s3]);
    expect(held).not.toContain(s4);
    expect(held).not.toContain(s6);
    expect(view).toMatchObject({
      sessionsDebriefed: 2,
      tallies: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 2 },
      ratings: 5,
      participantsTotal: 19,
      sessionsCounted: 3,
    });
    // (14 + 4) / 5 ratings = 3.6 — not the mean of the session means ((14/3 + 2) / 2 ≈ 3.33)
    expect(view.average).toBeCloseTo(3.6, 10);
    // (8 + 5 + 6) / 3 sessions with a count
    expect(view.participantsAverage).toBeCloseTo(19 / 3, 10);
    expect(view.sessions[0]).toMatchObject({ eventId: s1, ratings: 3, debriefed: true, participantCount: 8 });
    expect(view.sessions[0]!.average).toBeCloseTo(14 / 3, 10);
    expect(view.sessions[2]).toMatchObject({ eventId: s3, ratings: 0, average: null, debriefed: false, participantCount: 6 });
    expect(view.sessionsHeld).toBe(held.length);
    expect((await t.call('events.debrief', { eventId: s5 })).seriesId).toBe(series.id);
    expectFailure(await t.dispatch('events.seriesDebrief', { seriesId: 999 }), 'NOT_FOUND');
  });

  it('a series with nothing held yet has no average', async () => {
    const t = await openTestCore();
    const { series } = await t.call('events.createSeries', {
      title: 'Plus tard', kind: 'support_group', frequency: 'biweekly', startsOn: dayFromToday(10), startTime: '18:30', endTime: '20:00', count: 3, timeZone: 'Europe/Paris',
    });
    expect(await t.call('events.seriesDebrief', { seriesId: series.id })).toMatchObject({
      sessionsHeld: 0, sessionsDebriefed: 0, ratings: 0, average: null, participantsAverage: null, participantsTotal: 0, sessions: [],
    });
  });
});

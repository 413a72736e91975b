import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../../shared/api';
import { buildVolunteer, dumpTables, expectFailure, expectIssue, openTestCore, withReadonly, type TestCore } from './helpers';
import { assign, dayFromToday } from './hours.support';

/**
 * Attendance per occurrence and the hours it writes: role windows, facilitators and walk-ins,
 * idempotent re-marking, marks taken back, refusals (cancelled, not held yet, not expected).
 */

const PARIS = 'Europe/Paris';

async function plan(t: TestCore, overrides: Partial<EventInput> & { day?: string } = {}) {
  const { day = dayFromToday(-7), ...rest } = overrides;
  const { event } = await t.call('events.create', {
    title: 'Groupe de parole — aidants',
    kind: 'support_group',
    start: `${day}T18:30`,
    end: `${day}T20:30`,
    timeZone: PARIS,
    roles: [
      { name: 'Accueil', needed: 2, startOffset: 0, endOffset: 60 },
      { name: 'Écoute', needed: 2, startOffset: 30, endOffset: 120 },
    ],
    ...rest,
  });
  return event;
}

const volunteers = (t: TestCore, n: number) => Promise.all(Array.from({ length: n }, (_, i) => t.call('volunteers.create', buildVolunteer({ lastName: `Bénévole-${i + 1}` }))));

const entries = (t: TestCore) =>
  withReadonly(t.file, (db) =>
    db.prepare('SELECT volunteer_id, worked_on, minutes, category, programme_id, event_id, source, approval FROM hour_entries ORDER BY volunteer_id').all(),
  );

describe('events.markAttendance → hours', () => {
  it('marking present writes one approved entry per person: role window, both roles once, facilitator the whole event', async () => {
    const t = await openTestCore();
    const [a, b, c, f] = await volunteers(t, 4);
    const programme = await t.call('events.createProgramme', { name: 'Pair-aidance 2026' });
    const day = dayFromToday(-3);
    const event = await plan(t, { day, programmeId: programme.id, facilitatorIds: [f!.id] });
    await assign(t, event.id, 'Accueil', [a!.id, c!.id]);
    await assign(t, event.id, 'Écoute', [b!.id, c!.id]);

    const before = await t.call('events.attendance', { eventId: event.id });
    expect(before).toMatchObject({ blocked: null, durationMinutes: 120, counts: { expected: 4, present: 0, unmarked: 4, walkIns: 0 }, totalMinutes: 0 });
    expect(before.rows.map((r) => [r.volunteerId, r.expectedMinutes, r.category])).toEqual([
      [a!.id, 60, 'support'],
      [b!.id, 90, 'support'],
      [c!.id, 120, 'support'], // 0–60 and 30–120: 120 minutes covered, the overlap once
      [f!.id, 120, 'facilitation'],
    ]);

    const view = await t.call('events.markAttendance', {
      eventId: event.id,
      marks: [a, b, c, f].map((v) => ({ volunteerId: v!.id, status: 'present' as const })),
    });
    expect(view.counts).toMatchObject({ present: 4, unmarked: 0 });
    expect(view.totalMinutes).toBe(60 + 90 + 120 + 120);
    expect(entries(t)).toEqual([
      { volunteer_id: a!.id, worked_on: day, minutes: 60, category: 'support', programme_id: programme.id, event_id: event.id, source: 'attendance', approval: 'approved' },
      { volunteer_id: b!.id, worked_on: day, minutes: 90, category: 'support', programme_id: programme.id, event_id: event.id, source: 'attendance', approval: 'approved' },
      { volunteer_id: c!.id, worked_on: day, minutes: 120, category: 'support', programme_id: programme.id, event_id: event.id, source: 'attendance', approval: 'approved' },
      { volunteer_id: f!.id, worked_on: day, minutes: 120, category: 'facilitation', programme_id: programme.id, event_id: event.id, source: 'attendance', approval: 'approved' },
    ]);
    // Counted at once by the one total.
    expect((await t.call('hours.volunteerSummary', { volunteerId: c!.id })).totalMinutes).toBe(120);
    expect(view.rows.find((r) => r.volunteerId === a!.id)).toMatchObject({ status: 'present', minutes: 60, assigned: true, walkIn: false, roles: [{ name: 'Accueil' }] });
  });

  it('the category follows the event kind', async () => {
    const t = await openTestCore();
    const [v] = await volunteers(t, 1);
    const kinds = { community: 'logistics', training: 'training', workshop: 'facilitation', board_meeting: 'governance', general_meeting: 'governance', support_group: 'support' } as const;
    for (const [kind, category] of Object.entries(kinds)) {
      const event = await plan(t, { kind: kind as EventInput['kind'], roles: [{ name: 'Présence', needed: 1, startOffset: 0, endOffset: 45 }] });
      await assign(t, event.id, 'Présence', [v!.id]);
      const view = await t.call('events.markAttendance', { eventId: event.id, marks: [{ volunteerId: v!.id, status: 'present' }] });
      expect(view.rows[0]).toMatchObject({ minutes: 45, category });
    }
  });

  it('marking again changes nothing (not even a time stamp) and keeps an edited duration', async () => {
    const t = await openTestCore();
    const [a, b] = await volunteers(t, 2);
    const event = await plan(t);
    await assign(t, event.id, 'Accueil', [a!.id, b!.id]);
    const marks = [{ volunteerId: a!.id, status: 'present' as const }, { volunteerId: b!.id, status: 'excused' as const }];
    const first = await t.call('events.markAttendance', { eventId: event.id, marks });
    const entryId = first.rows.find((r) => r.volunteerId === a!.id)!.hourEntryId!;
    await t.call('hours.update', { id: entryId, minutes: 75, note: 'Resté pour ranger' });
    const before = dumpTables(t.file);
    const again = await t.call('events.markAttendance', { eventId: event.id, marks });
    expect(dumpTables(t.file)).toEqual(before);
    expect(again.rows.find((r) => r.volunteerId === a!.id)).toMatchObject({ status: 'present', minutes: 75, hourEntryId: entryId, expectedMinutes: 60 });
    expect(again.totalMinutes).toBe(75);
  });

  it('absent or excused removes the hours; no mark takes the person off the marks', async () => {
    const t = await openTestCore();
    const [a, b] = await volunteers(t, 2);
    const event = await plan(t);
    await assign(t, event.id, 'Écoute', [a!.id, b!.id]);
    await t.call('events.markAttendance', { eventId: event.id, marks: [{ volunteerId: a!.id, status: 'present' }, { volunteerId: b!.id, status: 'present' }] });
    expect(entries(t)).toHaveLength(2);
    let view = await t.call('events.markAttendance', { eventId: event.id, marks: [{ volunteerId: a!.id, status: 'absent' }, { volunteerId: b!.id, status: 'excused' }] });
    expect(entries(t)).toEqual([]);
    expect(view.counts).toMatchObject({ present: 0, absent: 1, excused: 1, unmarked: 0 });
    expect(view.totalMinutes).toBe(0);
    expect((await t.call('hours.volunteerSummary', { volunteerId: a!.id })).totalMinutes).toBe(0);
    // Present again: a fresh entry from the role window.
    view = await t.call('events.markAttendance', { eventId: event.id, marks: [{ volunteerId: a!.id, status: 'present' }, { volunteerId: b!.id, status: null }] });
    expect(view.rows.map((r) => [r.volunteerId, r.status, r.minutes])).toEqual([
      [a!.id, 'present', 90],
      [b!.id, null, null],
    ]);
    withReadonly(t.file, (db) => expect(db.prepare('SELECT volunteer_id, status FROM attendance').all()).toEqual([{ volunteer_id: a!.id, status: 'present' }]));
  });

  it('walk-ins: added present for the whole event, taken off with no mark; expected, unknown and erased people refused', async () => {
    const t = await openTestCore();
    const [a, walker, gone] = await volunteers(t, 3);
    const event = await plan(t, { kind: 'community', roles: [{ name: 'Stand', needed: 1, startOffset: 0, endOffset: 60 }] });
    await assign(t, event.id, 'Stand', [a!.id]);
    const view = await t.call('events.addWalkIn', { eventId: event.id, volunteerId: walker!.id });
    expect(view.rows.map((r) => [r.volunteerId, r.walkIn, r.status, r.minutes, r.category])).toEqual([
      [a!.id, false, null, null, 'logistics'],
      [walker!.id, true, 'present', 120, 'logistics'],
    ]);
    expect(view.counts).toMatchObject({ expected: 1, walkIns: 1, present: 1, unmarked: 1 });
    // A walk-in can be marked like anyone on the list, then taken off it.
    await t.call('events.markAttendance', { eventId: event.id, marks: [{ volunteerId: walker!.id, status: 'excused' }] });
    expect(entries(t)).toEqual([]);
    const off = await t.call('events.markAttendance', { eventId: event.id, marks: [{ volunteerId: walker!.id, status: null }] });
    expect(off.rows.map((r) => r.volunteerId)).toEqual([a!.id]);

    await t.call('privacy.erase', { id: gone!.id });
    const before = dumpTables(t.file);
    expectIssue(await t.failure('events.addWalkIn', { eventId: event.id, volunteerId: a!.id }), ['volunteerId'], 'attendance.alreadyExpected');
    expectIssue(await t.failure('events.addWalkIn', { eventId: event.id, volunteerId: 999 }), ['volunteerId'], 'attendance.unknownVolunteer');
    expectIssue(await t.failure('events.addWalkIn', { eventId: event.id, volunteerId: gone!.id }), ['volunteerId'], 'attendance.erasedVolunteer');
    expect(dumpTables(t.file)).toEqual(before);
  });

  it('refuses a cancelled occurrence and one not held yet, with their reasons; today is open', async () => {
    const t = await openTestCore();
    const [a] = await volunteers(t, 1);
    const cancelled = await plan(t);
    await assign(t, cancelled.id, 'Accueil', [a!.id]);
    await t.call('events.cancel', { id: cancelled.id });
    const later = await plan(t, { day: dayFromToday(3) });
    await assign(t, later.id, 'Accueil', [a!.id]);
    const before = dumpTables(t.file);

    const mark = { volunteerId: a!.id, status: 'present' as const };
    expect((await t.failure('events.markAttendance', { eventId: cancelled.id, marks: [mark] })).details).toMatchObject({ reason: 'sessionCancelled' });
    expect((await t.failure('events.addWalkIn', { eventId: cancelled.id, volunteerId: a!.id })).details).toMatchObject({ reason: 'sessionCancelled' });
    expect((await t.failure('events.setParticipants', { eventId: cancelled.id, participantCount: 4 })).details).toMatchObject({ reason: 'sessionCancelled' });
    const early = await t.failure('events.markAttendance', { eventId: later.id, marks: [mark] });
    expect(early).toMatchObject({ code: 'CONFLICT', details: { reason: 'sessionNotHeldYet', opensOn: later.start.slice(0, 10) } });
    expect(dumpTables(t.file)).toEqual(before);
    expect((await t.call('events.attendance', { eventId: cancelled.id })).blocked).toBe('sessionCancelled');
    expect((await t.call('events.attendance', { eventId: later.id })).blocked).toBe('sessionNotHeldYet');

    // Today in the event's own zone: the session is happening, attendance is taken.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: PARIS }).format(new Date());
    const now = await plan(t, { day: today, start: `${today}T00:00`, end: `${today}T01:00`, roles: [{ name: 'Accueil', needed: 1, startOffset: 0, endOffset: 60 }] });
    await assign(t, now.id, 'Accueil', [a!.id]);
    expect((await t.call('events.markAttendance', { eventId: now.id, marks: [mark] })).counts.present).toBe(1);
  });

  it('refuses people not expected, unknown or listed twice, and an erased person marked present; nothing written', async () => {
    const t = await openTestCore();
    const [a, stranger, gone] = await volunteers(t, 3);
    const event = await plan(t);
    await assign(t, event.id, 'Accueil', [a!.id, gone!.id]);
    await t.call('privacy.erase', { id: gone!.id });
    const before = dumpTables(t.file);
    const error = await t.failure('events.markAttendance', {
      eventId: event.id,
      marks: [
        { volunteerId: a!.id, status: 'present' },
        { volunteerId: stranger!.id, status: 'present' },
        { volunteerId: 4242, status: 'absent' },
        { volunteerId: a!.id, status: 'absent' },
        { volunteerId: gone!.id, status: 'present' },
      ],
    });
    expectIssue(error, ['marks', 1, 'volunteerId'], 'attendance.notExpected');
    expectIssue(error, ['marks', 2, 'volunteerId'], 'attendance.unknownVolunteer');
    expectIssue(error, ['marks', 3, 'volunteerId'], 'attendance.duplicateMark');
    expectIssue(error, ['marks', 4, 'volunteerId'], 'attendance.erasedVolunteer');
    expectIssue(await t.failure('events.markAttendance', { eventId: event.id, marks: [] }), ['marks'], 'required');
    expectIssue(await t.failure('events.markAttendance', { eventId: event.id, marks: [{ volunteerId: a!.id, status: 'late' }] }), ['marks', 0, 'status'], 'invalidChoice');
    expectFailure(await t.dispatch('events.markAttendance', { eventId: 777, marks: [{ volunteerId: a!.id, status: 'present' }] }), 'NOT_FOUND');
    expectFailure(await t.dispatch('events.attendance', { eventId: 777 }), 'NOT_FOUND');
    expect(dumpTables(t.file)).toEqual(before);
    // An erased person stays on the list (their past is the association's record) and can be marked absent.
    const view = await t.call('events.markAttendance', { eventId: event.id, marks: [{ volunteerId: gone!.id, status: 'absent' }] });
    expect(view.rows.find((r) => r.volunteerId === gone!.id)).toMatchObject({ erased: true, status: 'absent', firstName: 'Personne effacée' });
  });
});

describe('participants', () => {
  it('records a count (no names), shared with the debrief; refuses a negative or absurd count', async () => {
    const t = await openTestCore();
    const event = await plan(t);
    expect((await t.call('events.setParticipants', { eventId: event.id, participantCount: 7 })).participantCount).toBe(7);
    expect((await t.call('events.debrief', { eventId: event.id })).participantCount).toBe(7);
    expect((await t.call('events.get', { id: event.id })).participantCount).toBe(7);
    const before = dumpTables(t.file);
    expectIssue(await t.failure('events.setParticipants', { eventId: event.id, participantCount: -1 }), ['participantCount'], 'attendance.participants');
    expectIssue(await t.failure('events.setParticipants', { eventId: event.id, participantCount: 100_001 }), ['participantCount'], 'attendance.participants');
    expectIssue(await t.failure('events.setParticipants', { eventId: event.id, participantCount: 2.5 }), ['participantCount'], 'number');
    expect(dumpTables(t.file)).toEqual(before);
    expect((await t.call('events.setParticipants', { eventId: event.id, participantCount: null })).participantCount).toBeNull();
  });
});

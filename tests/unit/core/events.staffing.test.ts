import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { dumpTables, expectIssue, openTestCore, type TestCore } from './helpers';
import { addHours, day, makeEvent, makeRole, makeVolunteer, skillId, weekdayFrom } from './events.staffing.support';

/** Runs a call that must fail and checks that not one row of the file changed. */
async function refusedUnchanged(t: TestCore, method: string, input: unknown) {
  const before = dumpTables(t.file);
  const error = await t.failure(method, input);
  expect(dumpTables(t.file)).toEqual(before);
  return error;
}

describe('roles', () => {
  it('adds, edits and lists roles with their window and required skills', async () => {
    const t = await openTestCore();
    const gf = await skillId(t, 'group_facilitation');
    const listening = await skillId(t, 'active_listening');
    const eventId = await makeEvent(t, weekdayFrom(2, 14), '18:30', '20:00');
    const whole = await t.call('events.addRole', { eventId, role: { name: 'Facilitator', needed: 1, skills: [{ skillId: gf, minLevel: 2 }] } });
    expect(whole).toMatchObject({ eventId, name: 'Facilitator', needed: 1, startOffset: 0, endOffset: 90, position: 0, filled: 0 });
    expect(whole.skills).toEqual([{ skillId: gf, minLevel: 2, key: 'group_facilitation', name: null }]);
    const welcome = await t.call('events.addRole', { eventId, role: { name: 'Accueil', needed: 2, startOffset: 0, endOffset: 30 } });
    expect(welcome).toMatchObject({ startOffset: 0, endOffset: 30, position: 1, skills: [] });

    const edited = await t.call('events.updateRole', {
      roleId: whole.id,
      role: { name: 'Co-facilitator', needed: 2, startOffset: 15, endOffset: 90, skills: [{ skillId: listening, minLevel: 3 }] },
    });
    expect(edited).toMatchObject({ name: 'Co-facilitator', needed: 2, startOffset: 15, endOffset: 90 });
    expect(edited.skills).toEqual([{ skillId: listening, minLevel: 3, key: 'active_listening', name: null }]);

    const view = await t.call('events.staffing', { eventId });
    expect(view.event).toMatchObject({ id: eventId, minutes: 90, format: 'in_person', status: 'planned' });
    expect(view.weeklyHourCap).toBe(10);
    expect(view.roles.map((r) => [r.name, r.needed, r.filled, r.warnings])).toEqual([
      ['Co-facilitator', 2, 0, [{ kind: 'underStaffed', needed: 2, filled: 0 }]],
      ['Accueil', 2, 0, [{ kind: 'underStaffed', needed: 2, filled: 0 }]],
    ]);
  });

  it('refuses bad roles with a field to fix, and writes nothing', async () => {
    const t = await openTestCore();
    const gf = await skillId(t, 'group_facilitation');
    const eventId = await makeEvent(t, weekdayFrom(2, 14), '18:30', '20:00');
    const roleId = await makeRole(t, eventId);
    const role = { name: 'Facilitator', needed: 1 };
    for (const [input, path, key] of [
      [{ ...role, needed: 0 }, ['role', 'needed'], 'staffing.needed'],
      [{ ...role, needed: 1.5 }, ['role', 'needed'], 'staffing.needed'],
      [{ ...role, needed: 101 }, ['role', 'needed'], 'staffing.needed'],
      [{ ...role, name: '  ' }, ['role', 'name'], 'required'],
      [{ ...role, startOffset: -15 }, ['role', 'startOffset'], 'staffing.startBeforeEvent'],
      [{ ...role, startOffset: 10.5 }, ['role', 'startOffset'], 'staffing.offset'],
      [{ ...role, endOffset: 0 }, ['role', 'endOffset'], 'staffing.endBeforeStart'],
      [{ ...role, endOffset: 24 * 60 + 1 }, ['role', 'endOffset'], 'staffing.offset'],
      [{ ...role, startOffset: 30, endOffset: 30 }, ['role', 'endOffset'], 'staffing.endBeforeStart'],
      [{ ...role, endOffset: 120 }, ['role', 'endOffset'], 'staffing.outsideEvent'],
      [{ ...role, startOffset: 90 }, ['role', 'startOffset'], 'staffing.outsideEvent'],
      [{ ...role, skills: [{ skillId: gf, minLevel: 4 }] }, ['role', 'skills', 0, 'minLevel'], 'staffing.skillLevel'],
      [{ ...role, skills: [{ skillId: gf, minLevel: 0 }] }, ['role', 'skills', 0, 'minLevel'], 'staffing.skillLevel'],
      [{ ...role, skills: [{ skillId: 9999, minLevel: 1 }] }, ['role', 'skills', 0, 'skillId'], 'unknownSkill'],
      [{ ...role, skills: [{ skillId: gf, minLevel: 1 }, { skillId: gf, minLevel: 2 }] }, ['role', 'skills'], 'duplicateSkill'],
    ] as const) {
      const added = await refusedUnchanged(t, 'events.addRole', { eventId, role: input });
      expectIssue(added, [...path], key);
      const updated = await refusedUnchanged(t, 'events.updateRole', { roleId, role: input });
      expectIssue(updated, [...path], key);
    }
    const outside = await t.failure('events.addRole', { eventId, role: { ...role, endOffset: 120 } });
    expect(outside.details?.issues?.[0]?.params).toEqual({ max: 90 });
    expect(await refusedUnchanged(t, 'events.addRole', { eventId: 999, role })).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'eventNotFound' } });
    expect(await refusedUnchanged(t, 'events.updateRole', { roleId: 999, role })).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'roleNotFound' } });
    // An archived skill cannot be newly required.
    await t.call('volunteers.archiveSkill', { id: gf, archived: true });
    expectIssue(await refusedUnchanged(t, 'events.addRole', { eventId, role: { ...role, skills: [{ skillId: gf, minLevel: 1 }] } }), ['role', 'skills', 0, 'skillId'], 'unknownSkill');
  });

  it('refuses to remove a role with people on it unless they are unassigned with it', async () => {
    const t = await openTestCore();
    const eventId = await makeEvent(t, weekdayFrom(2, 14), '18:30', '20:00');
    const roleId = await makeRole(t, eventId, { needed: 2 });
    const a = await makeVolunteer(t, 'Alice');
    await t.call('events.assign', { roleId, volunteerId: a });
    const refused = await refusedUnchanged(t, 'events.removeRole', { roleId });
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { reason: 'roleHasAssignments', assigned: 1 } });
    expect(await t.call('events.removeRole', { roleId, unassign: true })).toEqual({ roleId, eventId, unassigned: 1 });
    expect((await t.call('events.staffing', { eventId })).roles).toEqual([]);
    // The role is gone: assigning to it says so and writes nothing.
    const gone = await refusedUnchanged(t, 'events.assign', { roleId, volunteerId: a });
    expect(gone).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'roleNotFound' } });
    expect(await refusedUnchanged(t, 'events.removeRole', { roleId })).toMatchObject({ code: 'NOT_FOUND' });
    // An empty role goes without a flag.
    const empty = await makeRole(t, eventId);
    expect(await t.call('events.removeRole', { roleId: empty })).toEqual({ roleId: empty, eventId, unassigned: 0 });
  });
});

describe('assignments', () => {
  it('assigns and unassigns, with the role filled and its under-staffing', async () => {
    const t = await openTestCore();
    const eventId = await makeEvent(t, weekdayFrom(2, 14), '18:30', '20:00');
    const roleId = await makeRole(t, eventId, { needed: 2 });
    const alice = await makeVolunteer(t, 'Alice');
    const bruno = await makeVolunteer(t, 'Bruno');
    const first = await t.call('events.assign', { roleId, volunteerId: alice });
    expect(first.assignment).toMatchObject({ roleId, volunteerId: alice, firstName: 'Alice', status: 'active', archived: false, warnings: [] });
    expect(first.role.filled).toBe(1);
    expect(first.warnings).toEqual([{ kind: 'underStaffed', needed: 2, filled: 1 }]);
    const second = await t.call('events.assign', { roleId, volunteerId: bruno });
    expect(second.warnings).toEqual([]);
    const view = await t.call('events.staffing', { eventId });
    expect(view.roles[0]!.assignments.map((a) => a.firstName)).toEqual(['Alice', 'Bruno']);
    expect(view.roles[0]!.warnings).toEqual([]);

    const undone = await t.call('events.unassign', { assignmentId: first.assignment.id });
    expect(undone.role.filled).toBe(1);
    expect(undone.warnings).toEqual([{ kind: 'underStaffed', needed: 2, filled: 1 }]);
    expect(await refusedUnchanged(t, 'events.unassign', { assignmentId: first.assignment.id })).toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'assignmentNotFound' },
    });
  });

  it('refuses unknown people, the same person twice, erased people and cancelled events, writing nothing', async () => {
    const t = await openTestCore();
    const eventId = await makeEvent(t, weekdayFrom(2, 14), '18:30', '20:00');
    const roleId = await makeRole(t, eventId, { needed: 3 });
    const alice = await makeVolunteer(t, 'Alice');
    const erased = await makeVolunteer(t, 'Erased');
    await t.call('events.assign', { roleId, volunteerId: alice });
    expect(await refusedUnchanged(t, 'events.assign', { roleId, volunteerId: alice })).toMatchObject({ code: 'CONFLICT', details: { reason: 'alreadyAssigned' } });
    expect(await refusedUnchanged(t, 'events.assign', { roleId, volunteerId: 999 })).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'volunteerNotFound' } });
    expect(await refusedUnchanged(t, 'events.assign', { roleId: 999, volunteerId: alice })).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'roleNotFound' } });
    expect((await refusedUnchanged(t, 'events.assign', { roleId, volunteerId: -1 })).code).toBe('VALIDATION');
    expect((await refusedUnchanged(t, 'events.assign', { roleId })).code).toBe('VALIDATION');
    await t.call('privacy.erase', { id: erased });
    expect(await refusedUnchanged(t, 'events.assign', { roleId, volunteerId: erased })).toMatchObject({ code: 'CONFLICT', details: { reason: 'erased' } });
    await t.call('events.cancel', { id: eventId });
    const bruno = await makeVolunteer(t, 'Bruno');
    expect(await refusedUnchanged(t, 'events.assign', { roleId, volunteerId: bruno })).toMatchObject({ code: 'CONFLICT', details: { reason: 'staffingCancelledEvent' } });
    expect(await refusedUnchanged(t, 'events.addRole', { eventId, role: { name: 'Accueil', needed: 1 } })).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'staffingCancelledEvent' },
    });
  });
});

describe('warnings', () => {
  it('warns about archived, paused and departed people and a missing confidentiality agreement, and still assigns', async () => {
    const t = await openTestCore();
    const eventId = await makeEvent(t, weekdayFrom(2, 14), '18:30', '20:00', { confidentialityRequired: true });
    const roleId = await makeRole(t, eventId, { needed: 5 });
    const archived = await makeVolunteer(t, 'Archived');
    await t.call('volunteers.archive', { id: archived });
    const paused = await makeVolunteer(t, 'Paused', { status: 'paused', statusSince: '2026-01-05' });
    const left = await makeVolunteer(t, 'Left', { status: 'left', statusSince: '2026-01-05' });
    const unsigned = await makeVolunteer(t, 'Unsigned', { confidentialitySignedOn: null });
    expect((await t.call('events.assign', { roleId, volunteerId: archived })).assignment.warnings).toEqual([{ kind: 'archived' }]);
    expect((await t.call('events.assign', { roleId, volunteerId: paused })).assignment.warnings).toEqual([{ kind: 'status', status: 'paused' }]);
    expect((await t.call('events.assign', { roleId, volunteerId: left })).assignment.warnings).toEqual([{ kind: 'status', status: 'left' }]);
    const last = await t.call('events.assign', { roleId, volunteerId: unsigned });
    expect(last.assignment.warnings).toEqual([{ kind: 'confidentiality' }]);
    expect(last.warnings).toEqual([{ kind: 'confidentiality' }, { kind: 'underStaffed', needed: 5, filled: 4 }]);
    // The panel shows the same warnings for each person.
    const view = await t.call('events.staffing', { eventId });
    expect(Object.fromEntries(view.roles[0]!.assignments.map((a) => [a.firstName, a.warnings.map((w) => w.kind)]))).toEqual({
      Archived: ['archived'],
      Left: ['status'],
      Paused: ['status'],
      Unsigned: ['confidentiality'],
    });
    // An event that does not require the agreement does not warn about it.
    const open = await makeEvent(t, weekdayFrom(3, 14), '10:00', '11:00', { kind: 'community' });
    expect((await t.call('events.assign', { roleId: await makeRole(t, open), volunteerId: unsigned })).assignment.warnings).toEqual([]);
  });

  it('warns about shifts at the same time: not when they only touch, not for a cancelled event', async () => {
    const t = await openTestCore();
    const date = weekdayFrom(6, 14);
    const fair = await makeEvent(t, date, '09:00', '12:00', { kind: 'community', title: 'Forum des associations' });
    const setUp = await makeRole(t, fair, { name: 'Installation', startOffset: 0, endOffset: 60 });
    const stand = await makeRole(t, fair, { name: 'Stand', startOffset: 60, endOffset: 180 });
    const overlapStand = await makeRole(t, fair, { name: 'Accueil', startOffset: 30, endOffset: 90 });
    const alice = await makeVolunteer(t, 'Alice');
    expect((await t.call('events.assign', { roleId: setUp, volunteerId: alice })).assignment.warnings).toEqual([]);
    // 10:00–12:00 starts as 09:00–10:00 ends.
    expect((await t.call('events.assign', { roleId: stand, volunteerId: alice })).assignment.warnings).toEqual([]);
    const clash = await t.call('events.assign', { roleId: overlapStand, volunteerId: alice });
    expect(clash.assignment.warnings.map((w) => (w.kind === 'overlap' ? w.roleName : w.kind))).toEqual(['Installation', 'Stand']);
    expect(clash.assignment.warnings[0]).toMatchObject({ kind: 'overlap', eventId: fair, eventTitle: 'Forum des associations' });

    // Another event the same morning; once cancelled, it no longer clashes.
    const meeting = await makeEvent(t, date, '11:30', '12:30', { kind: 'board_meeting', title: 'Bureau' });
    const seat = await makeRole(t, meeting, { name: 'Secrétaire' });
    const warned = await t.call('events.assign', { roleId: seat, volunteerId: alice });
    expect(warned.assignment.warnings).toEqual([expect.objectContaining({ kind: 'overlap', eventId: fair, roleName: 'Stand' })]);
    await t.call('events.cancel', { id: fair });
    const view = await t.call('events.staffing', { eventId: meeting });
    expect(view.roles[0]!.assignments[0]!.warnings).toEqual([]);
  });

  it('warns when the week goes past the cap set in Settings, counting recorded hours and planned shifts', async () => {
    const t = await openTestCore();
    const monday = weekdayFrom(1, -7);
    const wednesday = Temporal.PlainDate.from(monday).add({ days: 2 }).toString();
    const eventId = await makeEvent(t, monday, '09:00', '11:00', { kind: 'workshop' });
    const later = await makeEvent(t, wednesday, '14:00', '17:00', { kind: 'workshop' });
    const alice = await makeVolunteer(t, 'Alice');
    const bruno = await makeVolunteer(t, 'Bruno');
    await t.call('settings.setWeeklyHourCap', { hours: 4 });
    expect((await t.call('settings.get')).weeklyHourCap).toBe(4);
    // Alice: 1 h counted that Monday (a pending entry and last week's hours do not count) + 2 h + 3 h planned = 6 h > 4 h.
    await addHours(t, alice, monday, 60);
    await addHours(t, alice, monday, 600, 'pending');
    await addHours(t, alice, day(-20), 600);
    await t.call('events.assign', { roleId: await makeRole(t, later), volunteerId: alice });
    const roleId = await makeRole(t, eventId, { needed: 2 });
    const answer = await t.call('events.assign', { roleId, volunteerId: alice });
    expect(answer.assignment.warnings).toEqual([{ kind: 'weeklyCap', weekStart: monday, minutes: 360, capMinutes: 240 }]);
    // Bruno: 2 h that week, under the cap.
    expect((await t.call('events.assign', { roleId, volunteerId: bruno })).assignment.warnings).toEqual([]);
    // No cap: no warning.
    await t.call('settings.setWeeklyHourCap', { hours: null });
    const view = await t.call('events.staffing', { eventId });
    expect(view.weeklyHourCap).toBeNull();
    expect(view.roles[0]!.assignments.every((a) => a.warnings.length === 0)).toBe(true);
  });

  it('refuses a cap outside 1–80 hours and writes nothing', async () => {
    const t = await openTestCore();
    for (const hours of [0, 81, 2.5, -1, '10']) {
      expectIssue(await refusedUnchanged(t, 'settings.setWeeklyHourCap', { hours }), ['hours'], 'weeklyHourCap');
    }
  });
});

describe('events.unfilledRoles', () => {
  it('lists roles short of people in events not over yet, soonest first, page by page', async () => {
    const t = await openTestCore();
    const alice = await makeVolunteer(t, 'Alice');
    const soon = await makeEvent(t, day(3), '18:30', '20:00', { title: 'Soon' });
    const later = await makeEvent(t, day(10), '18:30', '20:00', { title: 'Later' });
    const past = await makeEvent(t, day(-3), '18:30', '20:00', { title: 'Past' });
    const cancelled = await makeEvent(t, day(5), '18:30', '20:00', { title: 'Cancelled' });
    const short = await makeRole(t, later, { name: 'Short', needed: 2 });
    await t.call('events.assign', { roleId: short, volunteerId: alice });
    const full = await makeRole(t, later, { name: 'Full', needed: 1 });
    await t.call('events.assign', { roleId: full, volunteerId: alice });
    const empty = await makeRole(t, soon, { name: 'Empty', needed: 1 });
    const second = await makeRole(t, soon, { name: 'Second', needed: 3 });
    await makeRole(t, past, { name: 'Past role' });
    await makeRole(t, cancelled, { name: 'Cancelled role' });
    await t.call('events.cancel', { id: cancelled });

    const all = await t.call('events.unfilledRoles');
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => [r.roleId, r.eventTitle, r.filled, r.needed])).toEqual([
      [empty, 'Soon', 0, 1],
      [second, 'Soon', 0, 3],
      [short, 'Later', 1, 2],
    ]);
    expect(all.rows[0]).toMatchObject({ eventId: soon, eventKind: 'support_group', timeZone: 'Europe/Paris', startLocal: `${day(3)}T18:30` });
    const page = await t.call('events.unfilledRoles', { offset: 1, limit: 1 });
    expect(page).toEqual({ total: 3, rows: [all.rows[1]] });
    // From a date: past events too; to a date: up to that day.
    const range = await t.call('events.unfilledRoles', { from: day(-5), to: day(4) });
    expect(range.rows.map((r) => r.roleName)).toEqual(['Past role', 'Empty', 'Second']);
  });
});

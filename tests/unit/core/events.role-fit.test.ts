import { describe, expect, it } from 'vitest';
import { dumpTables, expectFailure, expectIssue, openTestCore, type TestCore } from './helpers';
import { buildEvent, buildSeries, day } from './events.planning.support';
import { makeVolunteer } from './events.staffing.support';

/**
 * Shortening or moving an event never leaves a role (shift) outside it: a role running past the
 * new end is shortened to end with the event and the answer says so; a role that would start
 * after the new end refuses the edit, naming it, and nothing is written.
 */

const windows = async (t: TestCore, eventId: number) =>
  (await t.call('events.staffing', { eventId })).roles.map((r) => [r.name, r.startOffset, r.endOffset, r.filled]);

async function refusedWithNothingWritten(t: TestCore, method: string, input: unknown, path: string[], roles: string) {
  const before = dumpTables(t.file);
  const error = expectFailure(await t.dispatch(method, input), 'VALIDATION');
  expectIssue(error, path, 'planning.rolesAfterEnd');
  expect(error.details?.issues?.find((i) => i.key === 'planning.rolesAfterEnd')?.params).toEqual({ roles });
  expect(dumpTables(t.file)).toEqual(before);
}

describe('roles stay inside their event', () => {
  it('a shortened event shortens the roles that ran past its new end and says so; one that would start after it refuses the edit', async () => {
    const t = await openTestCore();
    const roles = [
      { name: 'Accueil', needed: 1, startOffset: 0, endOffset: 30 },
      { name: 'Animation', needed: 1, startOffset: 0, endOffset: 180 },
      { name: 'Rangement', needed: 1, startOffset: 150, endOffset: 180 },
    ];
    const { event } = await t.call('events.create', buildEvent({ start: '2030-05-14T09:00', end: '2030-05-14T12:00', roles }));
    const staffing = await t.call('events.staffing', { eventId: event.id });
    const animation = staffing.roles[1]!.id;
    const alice = await makeVolunteer(t, 'Alice');
    await t.call('events.assign', { roleId: animation, volunteerId: alice });

    // Ending at 11:00: « Rangement » (from 11:30) would start after the end.
    const shorter = { id: event.id, data: buildEvent({ start: '2030-05-14T09:00', end: '2030-05-14T11:00' }) };
    await refusedWithNothingWritten(t, 'events.update', shorter, ['end'], 'Rangement');

    await t.call('events.removeRole', { roleId: staffing.roles[2]!.id });
    const { event: saved, adjustments } = await t.call('events.update', shorter);
    expect(saved.end).toBe('2030-05-14T11:00');
    expect(adjustments).toEqual([
      { position: null, eventId: event.id, roleId: animation, roleName: 'Animation', requested: '2030-05-14T12:00', actual: '2030-05-14T11:00', reason: 'roleShortened' },
    ]);
    // Alice keeps her shift, which now ends with the event; « Accueil » was inside and did not move.
    expect(await windows(t, event.id)).toEqual([
      ['Accueil', 0, 30, 0],
      ['Animation', 0, 120, 1],
    ]);
  });

  it('moving an event keeps its roles where they were within it, with nothing to report', async () => {
    const t = await openTestCore();
    const roles = [{ name: 'Accueil', needed: 1, startOffset: 30, endOffset: 90 }];
    const { event } = await t.call('events.create', buildEvent({ start: '2030-05-14T09:00', end: '2030-05-14T12:00', roles }));
    const { adjustments } = await t.call('events.update', { id: event.id, data: buildEvent({ start: '2030-06-02T14:00', end: '2030-06-02T17:00' }) });
    expect(adjustments).toEqual([]);
    expect(await windows(t, event.id)).toEqual([['Accueil', 30, 90, 0]]);
  });

  it('a move onto the spring-forward night, an hour shorter, shortens the role that filled the whole event', async () => {
    const t = await openTestCore();
    const roles = [{ name: 'Veille', needed: 1, startOffset: 0, endOffset: 180 }];
    const { event } = await t.call('events.create', buildEvent({ start: '2030-03-24T01:00', end: '2030-03-24T04:00', roles }));
    // 31 March 2030 in Paris: the clocks jump from 02:00 to 03:00, so 01:00–04:00 lasts two hours.
    const { adjustments } = await t.call('events.update', { id: event.id, data: buildEvent({ start: '2030-03-31T01:00', end: '2030-03-31T04:00' }) });
    expect(adjustments).toEqual([
      // Three hours after 01:00 that night is 05:00 on the clock.
      expect.objectContaining({ reason: 'roleShortened', roleName: 'Veille', requested: '2030-03-31T05:00', actual: '2030-03-31T04:00' }),
    ]);
    expect(await windows(t, event.id)).toEqual([['Veille', 0, 120, 0]]);
  });

  it('a series edit that shortens its sessions shortens the roles added by hand on sessions to come, or refuses naming the ones that would start after the end', async () => {
    const t = await openTestCore();
    const series = (endTime: string) =>
      buildSeries({ startsOn: day(7), count: 4, startTime: '18:30', endTime, roles: [{ name: 'Animation', needed: 1, startOffset: 0, endOffset: 60 }] });
    const created = await t.call('events.createSeries', series('20:00'));
    const third = created.series.occurrences[2]!;
    const cafe = await t.call('events.addRole', { eventId: third.id, role: { name: 'Café', needed: 1, startOffset: 30, endOffset: 90 } });
    const tidy = await t.call('events.addRole', { eventId: third.id, role: { name: 'Rangement', needed: 1, startOffset: 60, endOffset: 90 } });
    const edit = {
      seriesId: created.series.id,
      scope: 'all' as const,
      data: { ...series('19:30'), roles: [{ id: created.series.roles[0]!.id, name: 'Animation', needed: 1, startOffset: 0, endOffset: 60 }] },
    };
    // « Rangement » (from 19:30) would start at the new end: the whole edit is refused.
    await refusedWithNothingWritten(t, 'events.updateSeries', edit, ['endTime'], 'Rangement');

    await t.call('events.removeRole', { roleId: tidy.id });
    const result = await t.call('events.updateSeries', edit);
    expect(result.updated).toBe(4);
    const date = third.start.slice(0, 10);
    expect(result.adjustments).toEqual([
      { position: 2, eventId: third.id, roleId: cafe.id, roleName: 'Café', requested: `${date}T20:00`, actual: `${date}T19:30`, reason: 'roleShortened' },
    ]);
    expect(await windows(t, third.id)).toEqual([
      ['Animation', 0, 60, 0],
      ['Café', 30, 60, 0],
    ]);
    // The template's own roles are checked against the new length before anything is written.
    const tooLong = { ...edit, data: { ...edit.data, roles: [{ ...edit.data.roles[0]!, endOffset: 90 }] } };
    const before = dumpTables(t.file);
    expectIssue(expectFailure(await t.dispatch('events.updateSeries', tooLong), 'VALIDATION'), ['roles', 0, 'endOffset'], 'planning.roleOutsideEvent');
    expect(dumpTables(t.file)).toEqual(before);
  });
});

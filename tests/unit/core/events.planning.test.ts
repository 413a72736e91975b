import { describe, expect, it } from 'vitest';
import { calendarSql, dayCountSql } from '../../../electron/core/events/calendar';
import { MAX_OCCURRENCES } from '../../../shared/api';
import { buildVolunteer, dumpTables, expectIssue, openTestCore, type TestCore } from './helpers';
import { ZONE, assignFirstRole, buildEvent, buildSeries, day, recordAttendance, rows, skillId, withFile } from './events.planning.support';

const volunteer = async (t: TestCore, firstName = 'Hélène') => (await t.call('volunteers.create', buildVolunteer({ firstName }))).id;

/** Runs a call that must be refused and checks the file did not change at all. */
async function refusedWithoutWrite(t: TestCore, method: string, input: unknown) {
  const before = dumpTables(t.file);
  const error = await t.failure(method, input);
  expect(dumpTables(t.file)).toEqual(before);
  return error;
}

describe('one-off events', () => {
  it('keeps every field, the facilitators and the roles it was planned with', async () => {
    const t = await openTestCore();
    const helene = await volunteer(t);
    const programme = await t.call('events.createProgramme', { name: 'Soutien entre pairs 2027' });
    const facilitation = await skillId(t, 'group_facilitation');
    const { event, adjustments } = await t.call(
      'events.create',
      buildEvent({
        title: 'Groupe de parole — deuil',
        kind: 'support_group',
        programmeId: programme.id,
        start: '2030-03-12T18:30',
        end: '2030-03-12T20:00',
        place: 'Maison des associations, salle 2',
        videoLink: 'https://visio.exemple.fr/deuil',
        format: 'hybrid',
        capacity: 8,
        description: 'Un temps d’échange entre pairs.',
        confidentialityRequired: true,
        facilitatorIds: [helene],
        roles: [{ name: 'Animation', needed: 2, startOffset: 0, endOffset: 90, skills: [{ skillId: facilitation, minLevel: 2 }] }],
      }),
    );
    expect(adjustments).toEqual([]);
    expect(event).toMatchObject({
      title: 'Groupe de parole — deuil',
      kind: 'support_group',
      programmeId: programme.id,
      programmeName: 'Soutien entre pairs 2027',
      start: '2030-03-12T18:30',
      end: '2030-03-12T20:00',
      // Paris is UTC+1 in March before the change.
      startUtc: '2030-03-12T17:30:00Z',
      endUtc: '2030-03-12T19:00:00Z',
      durationMinutes: 90,
      timeZone: ZONE,
      place: 'Maison des associations, salle 2',
      videoLink: 'https://visio.exemple.fr/deuil',
      format: 'hybrid',
      capacity: 8,
      confidentialityRequired: true,
      status: 'planned',
      series: null,
      detached: false,
      past: false,
      attended: false,
      guidance: [],
    });
    expect(event.facilitators.map((f) => f.id)).toEqual([helene]);
    expect(await t.call('events.get', { id: event.id })).toEqual(event);
    const roles = rows<{ name: string; needed: number; skill_id: number; min_level: number }>(
      t.file,
      'SELECT r.name, r.needed, s.skill_id, s.min_level FROM event_roles r JOIN event_role_skills s ON s.role_id = r.id WHERE r.event_id = ?',
      event.id,
    );
    expect(roles).toEqual([{ name: 'Animation', needed: 2, skill_id: facilitation, min_level: 2 }]);
  });

  it('warns (without refusing) about a large support group and a long meeting', async () => {
    const t = await openTestCore();
    const { event } = await t.call('events.create', buildEvent({ kind: 'support_group', capacity: 20, start: '2030-03-12T18:00', end: '2030-03-12T21:00' }));
    expect(event.guidance).toEqual([
      { key: 'largeGroup', params: { capacity: 20, max: 15 } },
      { key: 'longMeeting', params: { minutes: 180, max: 120 } },
    ]);
    // A three-hour community event is no meeting; twelve people is a fine group.
    const fair = await t.call('events.create', buildEvent({ kind: 'community', capacity: 200, start: '2030-03-12T09:00', end: '2030-03-12T12:00' }));
    expect(fair.event.guidance).toEqual([]);
    const small = await t.call('events.create', buildEvent({ kind: 'support_group', capacity: 12, start: '2030-03-12T18:00', end: '2030-03-12T20:00' }));
    expect(small.event.guidance).toEqual([]);
  });

  it('uses the time-zone setting, else the computer’s zone, when none is given', async () => {
    const t = await openTestCore();
    const { event } = await t.call('events.create', buildEvent({ timeZone: null }));
    expect(event.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    withFile(t.file, (db) => db.prepare("INSERT INTO settings (key, value) VALUES ('timeZone', ?)").run(JSON.stringify('America/New_York')));
    const { event: ny } = await t.call('events.create', buildEvent({ timeZone: null, start: '2030-07-01T18:30', end: '2030-07-01T20:00' }));
    expect(ny).toMatchObject({ timeZone: 'America/New_York', startUtc: '2030-07-01T22:30:00Z' });
  });

  it('moves a time that does not exist on the spring-forward night, and says so', async () => {
    const t = await openTestCore();
    const { event, adjustments } = await t.call('events.create', buildEvent({ start: '2026-03-29T02:30', end: '2026-03-29T04:00' }));
    expect(event).toMatchObject({ start: '2026-03-29T03:30', end: '2026-03-29T04:00', startUtc: '2026-03-29T01:30:00Z', durationMinutes: 30 });
    expect(adjustments).toEqual([{ position: null, field: 'start', requested: '2026-03-29T02:30', actual: '2026-03-29T03:30', reason: 'nonexistentTime' }]);
    // An ambiguous time on the fall-back night is the first of the two (summer time, UTC+2).
    const { event: autumn } = await t.call('events.create', buildEvent({ start: '2026-10-25T02:30', end: '2026-10-25T04:00' }));
    expect(autumn).toMatchObject({ start: '2026-10-25T02:30', startUtc: '2026-10-25T00:30:00Z', durationMinutes: 150 });
  });

  it('moves one event, edits it, cancels and restores it', async () => {
    const t = await openTestCore();
    const { event } = await t.call('events.create', buildEvent());
    const { event: moved } = await t.call('events.update', { id: event.id, data: buildEvent({ start: '2030-05-21T10:00', end: '2030-05-21T12:30', place: 'Salle des fêtes' }) });
    expect(moved).toMatchObject({ start: '2030-05-21T10:00', end: '2030-05-21T12:30', place: 'Salle des fêtes', detached: false });
    expect((await t.call('events.cancel', { id: event.id })).status).toBe('cancelled');
    expect((await t.call('events.restore', { id: event.id })).status).toBe('planned');
  });

  it('refuses to cancel or move an event whose attendance was recorded, but lets its text be corrected', async () => {
    const t = await openTestCore();
    const helene = await volunteer(t);
    const { event } = await t.call('events.create', buildEvent({ start: '2024-05-14T09:00', end: '2024-05-14T12:00' }));
    recordAttendance(t.file, event.id, helene);
    expect((await t.call('events.get', { id: event.id })).attended).toBe(true);
    const cancel = await refusedWithoutWrite(t, 'events.cancel', { id: event.id });
    expect(cancel).toEqual({ code: 'CONFLICT', details: { reason: 'eventAttended', id: event.id } });
    const move = await refusedWithoutWrite(t, 'events.update', { id: event.id, data: buildEvent({ start: '2024-05-15T09:00', end: '2024-05-15T12:00' }) });
    expectIssue(move, ['start'], 'planning.attendedLocked');
    const { event: fixed } = await t.call('events.update', { id: event.id, data: buildEvent({ start: '2024-05-14T09:00', end: '2024-05-14T12:00', title: 'Collecte de printemps' }) });
    expect(fixed.title).toBe('Collecte de printemps');
  });

  it('names unknown, archived and erased facilitators and warns about a paused one', async () => {
    const t = await openTestCore();
    const archived = await volunteer(t, 'Archivé');
    await t.call('volunteers.archive', { id: archived });
    const erased = await volunteer(t, 'Effacé');
    withFile(t.file, (db) => db.prepare("INSERT OR IGNORE INTO erasures (volunteer_id, volunteer_created_at, erased_at) VALUES (?, 'x', 'x')").run(erased));
    const error = await refusedWithoutWrite(t, 'events.create', buildEvent({ facilitatorIds: [999_999, archived, erased] }));
    expectIssue(error, ['facilitatorIds', 0], 'planning.unknownVolunteer');
    expectIssue(error, ['facilitatorIds', 1], 'planning.volunteerArchived');
    expectIssue(error, ['facilitatorIds', 2], 'planning.volunteerErased');

    const paused = await t.call('volunteers.create', buildVolunteer({ firstName: 'Paul', status: 'paused', statusSince: '2026-01-01' }));
    const { event } = await t.call('events.create', buildEvent({ facilitatorIds: [paused.id] }));
    expect(event.guidance).toEqual([{ key: 'facilitatorInactive', params: { volunteerId: paused.id, name: `Paul ${paused.lastName}` } }]);
    // Archived after being named: the event keeps them, with the warning, and can still be edited.
    await t.call('volunteers.archive', { id: paused.id });
    const { event: kept } = await t.call('events.update', { id: event.id, data: buildEvent({ facilitatorIds: [paused.id], title: 'Autre titre' }) });
    expect(kept.facilitators[0]).toMatchObject({ id: paused.id, archived: true });
  });

  it('refuses bad input with a clear reason on the field and writes nothing', async () => {
    const t = await openTestCore();
    await t.call('events.create', buildEvent());
    const cases: [unknown, (string | number)[], string][] = [
      [buildEvent({ start: '2030-05-14T12:00', end: '2030-05-14T09:00' }), ['end'], 'planning.endBeforeStart'],
      [buildEvent({ start: '2030-05-14T09:00', end: '2030-05-14T09:00' }), ['end'], 'planning.endBeforeStart'],
      [buildEvent({ start: '2030-05-14T08:00', end: '2030-05-15T14:00' }), ['end'], 'planning.durationTooLong'],
      [buildEvent({ start: '2030-02-30T08:00' }), ['start'], 'planning.dateTime'],
      [buildEvent({ start: '2030-05-14 08:00' }), ['start'], 'planning.dateTime'],
      [buildEvent({ programmeId: 4242 }), ['programmeId'], 'planning.unknownProgramme'],
      [buildEvent({ description: 'x'.repeat(10_000) }), ['description'], 'tooLong'],
      [buildEvent({ title: 'x'.repeat(10_000) }), ['title'], 'tooLong'],
      [buildEvent({ title: '   ' }), ['title'], 'required'],
      [buildEvent({ timeZone: 'Europe/Atlantis' }), ['timeZone'], 'planning.timeZone'],
      [buildEvent({ videoLink: 'javascript:alert(1)' }), ['videoLink'], 'planning.url'],
      [buildEvent({ capacity: -3 }), ['capacity'], 'number'],
      [buildEvent({ roles: [{ name: 'Accueil', needed: 1, startOffset: 0, endOffset: 240 }] }), ['roles', 0, 'endOffset'], 'planning.roleOutsideEvent'],
      [buildEvent({ roles: [{ name: 'Accueil', needed: 1, startOffset: 60, endOffset: 30 }] }), ['roles', 0, 'endOffset'], 'planning.roleWindow'],
      [buildEvent({ roles: [{ name: 'Accueil', needed: 1, startOffset: 0, endOffset: 30, skills: [{ skillId: 9999, minLevel: 1 }] }] }), ['roles', 0, 'skills', 0, 'skillId'], 'unknownSkill'],
      // 02:30 does not exist and becomes 03:30, after the end.
      [buildEvent({ start: '2026-03-29T02:30', end: '2026-03-29T03:00' }), ['end'], 'planning.endBeforeStart'],
    ];
    for (const [input, path, key] of cases) {
      const error = await refusedWithoutWrite(t, 'events.create', input);
      expectIssue(error, path, key);
    }
  });

  it('refuses an archived programme for a new event but keeps it on the events that had it', async () => {
    const t = await openTestCore();
    const p = await t.call('events.createProgramme', { name: 'Inclusion numérique' });
    const { event } = await t.call('events.create', buildEvent({ programmeId: p.id }));
    await t.call('events.archiveProgramme', { id: p.id, archived: true });
    expectIssue(await refusedWithoutWrite(t, 'events.create', buildEvent({ programmeId: p.id })), ['programmeId'], 'planning.programmeArchived');
    const { event: same } = await t.call('events.update', { id: event.id, data: buildEvent({ programmeId: p.id, place: 'Médiathèque' }) });
    expect(same.programmeId).toBe(p.id);
  });
});

describe('series', () => {
  it('plans a fortnightly support group with a facilitator role needing group facilitation, in one go', async () => {
    const t = await openTestCore();
    const helene = await volunteer(t);
    const facilitation = await skillId(t, 'group_facilitation');
    const { series, adjustments } = await t.call(
      'events.createSeries',
      buildSeries({
        frequency: 'biweekly',
        startsOn: '2030-01-08',
        count: 12,
        facilitatorIds: [helene],
        roles: [{ name: 'Facilitator', needed: 1, startOffset: 0, endOffset: 90, skills: [{ skillId: facilitation, minLevel: 2 }] }],
      }),
    );
    expect(adjustments).toEqual([]);
    expect(series).toMatchObject({ frequency: 'biweekly', weekday: 2, startTime: '18:30', endTime: '20:00', durationMinutes: 90, count: 12, untilOn: null });
    expect(series.occurrences).toHaveLength(12);
    expect(series.occurrences.map((o) => o.start.slice(0, 10))).toEqual(
      Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2030, 0, 8 + 14 * i)).toISOString().slice(0, 10)),
    );
    expect(series.occurrences.every((o) => o.start.endsWith('T18:30') && o.end.endsWith('T20:00'))).toBe(true);
    expect(series.roles).toEqual([{ id: expect.any(Number), name: 'Facilitator', needed: 1, startOffset: 0, endOffset: 90, skills: [{ skillId: facilitation, minLevel: 2 }], requiredTrainingId: null }]);
    // Every session carries the role (with its skill) and the facilitator.
    const perEvent = rows<{ roles: number; skills: number; facilitators: number }>(
      t.file,
      `SELECT (SELECT count(*) FROM event_roles r WHERE r.event_id = e.id AND r.series_role_id = ?) AS roles,
              (SELECT count(*) FROM event_roles r JOIN event_role_skills s ON s.role_id = r.id WHERE r.event_id = e.id AND s.skill_id = ? AND s.min_level = 2) AS skills,
              (SELECT count(*) FROM event_facilitators f WHERE f.event_id = e.id AND f.volunteer_id = ?) AS facilitators
       FROM events e WHERE e.series_id = ?`,
      series.roles[0]!.id,
      facilitation,
      helene,
      series.id,
    );
    expect(perEvent).toEqual(Array.from({ length: 12 }, () => ({ roles: 1, skills: 1, facilitators: 1 })));
    const one = await t.call('events.get', { id: series.occurrences[3]!.id });
    expect(one.series).toMatchObject({ id: series.id, position: 3, total: 12, frequency: 'biweekly' });
    expect(await t.call('events.getSeries', { id: series.id })).toEqual(series);
  });

  it('falls on the n-th or the last weekday of each month', async () => {
    const t = await openTestCore();
    const second = await t.call('events.createSeries', buildSeries({ frequency: 'monthly', monthOrdinal: 2, weekday: 2, startsOn: '2030-01-01', untilOn: '2030-06-30', count: null }));
    expect(second.series.occurrences.map((o) => o.start)).toEqual([
      '2030-01-08T18:30',
      '2030-02-12T18:30',
      '2030-03-12T18:30',
      '2030-04-09T18:30',
      '2030-05-14T18:30',
      '2030-06-11T18:30',
    ]);
    const last = await t.call('events.createSeries', buildSeries({ frequency: 'monthly', monthOrdinal: -1, weekday: 5, startsOn: '2030-01-01', count: 4 }));
    expect(last.series.occurrences.map((o) => o.start.slice(0, 10))).toEqual(['2030-01-25', '2030-02-22', '2030-03-29', '2030-04-26']);
    // A fifth Monday only some months have: the others are skipped.
    const fifth = await t.call('events.createSeries', buildSeries({ frequency: 'monthly', monthOrdinal: 5, weekday: 1, startsOn: '2030-01-01', untilOn: '2030-12-31', count: null }));
    expect(fifth.series.occurrences.map((o) => o.start.slice(0, 10))).toEqual(['2030-04-29', '2030-07-29', '2030-09-30', '2030-12-30']);
  });

  it('keeps a weekly 18:30 meeting at 18:30 local on both sides of the daylight-saving changes', async () => {
    const t = await openTestCore();
    const { series } = await t.call('events.createSeries', buildSeries({ startsOn: '2026-03-17', untilOn: '2026-11-10', count: null }));
    const stored = rows<{ start_local: string; start_utc: string }>(t.file, 'SELECT start_local, start_utc FROM events WHERE series_id = ? ORDER BY series_position', series.id);
    expect(stored.every((r) => r.start_local.endsWith('T18:30'))).toBe(true);
    const at = (date: string) => stored.find((r) => r.start_local.startsWith(date))!.start_utc;
    expect(at('2026-03-24')).toBe('2026-03-24T17:30:00Z'); // winter time, UTC+1
    expect(at('2026-03-31')).toBe('2026-03-31T16:30:00Z'); // summer time, UTC+2
    expect(at('2026-10-20')).toBe('2026-10-20T16:30:00Z');
    expect(at('2026-10-27')).toBe('2026-10-27T17:30:00Z');
  });

  it('moves sessions that fall in the spring-forward gap and lists each move', async () => {
    const t = await openTestCore();
    const { series, adjustments } = await t.call('events.createSeries', buildSeries({ frequency: 'weekly', startsOn: '2026-03-22', startTime: '02:30', endTime: '04:00', count: 3 }));
    expect(series.occurrences.map((o) => o.start)).toEqual(['2026-03-22T02:30', '2026-03-29T03:30', '2026-04-05T02:30']);
    expect(adjustments).toEqual([{ position: 1, field: 'start', requested: '2026-03-29T02:30', actual: '2026-03-29T03:30', reason: 'nonexistentTime' }]);
    const preview = await t.call('events.previewSeries', { frequency: 'weekly', startsOn: '2026-03-22', startTime: '02:30', endTime: '04:00', count: 3, timeZone: ZONE });
    expect(preview.adjustments).toEqual(adjustments);
    expect(preview.occurrences.map((o) => o.start)).toEqual(series.occurrences.map((o) => o.start));
  });

  it('refuses a series without an end, with too many sessions, or with none, and writes nothing', async () => {
    const t = await openTestCore();
    const cases: [unknown, (string | number)[], string][] = [
      [buildSeries({ count: null, untilOn: null }), ['untilOn'], 'planning.seriesNeedsEnd'],
      [buildSeries({ count: 10_000 }), ['count'], 'planning.tooManyOccurrences'],
      [buildSeries({ count: MAX_OCCURRENCES + 1 }), ['count'], 'planning.tooManyOccurrences'],
      [buildSeries({ count: null, untilOn: '2099-12-31' }), ['untilOn'], 'planning.tooManyOccurrences'],
      [buildSeries({ count: null, untilOn: '2029-12-31' }), ['untilOn'], 'planning.untilBeforeStart'],
      [buildSeries({ count: 3, untilOn: '2030-06-01' }), ['count'], 'planning.seriesTwoEnds'],
      [buildSeries({ startTime: '20:00', endTime: '18:30' }), ['endTime'], 'planning.endBeforeStart'],
      [buildSeries({ startTime: '25:00' }), ['startTime'], 'planning.time'],
      [buildSeries({ frequency: 'monthly', monthOrdinal: null }), ['monthOrdinal'], 'required'],
      // The 5th Monday between the 1st and the 3rd of a month: no session at all.
      [buildSeries({ frequency: 'monthly', monthOrdinal: 5, weekday: 1, startsOn: '2030-02-01', untilOn: '2030-02-28', count: null }), ['untilOn'], 'planning.noOccurrence'],
      [buildSeries({ programmeId: 77 }), ['programmeId'], 'planning.unknownProgramme'],
      [buildSeries({ description: 'é'.repeat(10_000) }), ['description'], 'tooLong'],
      [buildSeries({ roles: [{ name: 'Animation', needed: 1, startOffset: 0, endOffset: 120 }] }), ['roles', 0, 'endOffset'], 'planning.roleOutsideEvent'],
      [buildSeries({ roles: [{ id: 12345, name: 'Animation', needed: 1, startOffset: 0, endOffset: 60 }] }), ['roles', 0, 'id'], 'planning.unknownRole'],
    ];
    for (const [input, path, key] of cases) {
      expectIssue(await refusedWithoutWrite(t, 'events.createSeries', input), path, key);
    }
    // The too-many check speaks of the limit.
    const error = await t.failure('events.createSeries', buildSeries({ count: null, untilOn: '2099-12-31' }));
    expect(error.details?.issues).toContainEqual({ path: ['untilOn'], key: 'planning.tooManyOccurrences', params: { max: MAX_OCCURRENCES } });
    const preview = await t.failure('events.previewSeries', { frequency: 'weekly', startsOn: '2030-01-01', startTime: '10:00', endTime: '11:00', untilOn: null, count: null });
    expectIssue(preview, ['untilOn'], 'planning.seriesNeedsEnd');
  });

  it('cancels one session on its own; an edit of the series neither brings it back nor duplicates anything', async () => {
    const t = await openTestCore();
    const { series } = await t.call('events.createSeries', buildSeries({ count: 6 }));
    const third = series.occurrences[2]!;
    await t.call('events.cancel', { id: third.id });
    const again = await t.call('events.updateSeries', { seriesId: series.id, scope: 'all', data: buildSeries({ count: 6 }) });
    expect(again).toMatchObject({ created: 0, updated: 0, removed: 0, kept: 1, previousSeriesId: null });
    const edited = await t.call('events.updateSeries', { seriesId: series.id, scope: 'all', data: buildSeries({ count: 6, place: 'Salle 3' }) });
    expect(edited).toMatchObject({ created: 0, updated: 5, removed: 0, kept: 1 });
    expect(edited.series.occurrences).toHaveLength(6);
    expect(edited.series.occurrences[2]).toMatchObject({ id: third.id, status: 'cancelled' });
    const places = rows<{ place: string | null; status: string }>(t.file, 'SELECT place, status FROM events WHERE series_id = ? ORDER BY series_position', series.id);
    expect(places.map((p) => p.place)).toEqual(['Salle 3', 'Salle 3', null, 'Salle 3', 'Salle 3', 'Salle 3']);
  });

  it('moves one session on its own (detached): series edits leave it where it was moved', async () => {
    const t = await openTestCore();
    const { series } = await t.call('events.createSeries', buildSeries({ count: 4 }));
    const second = series.occurrences[1]!;
    const { event } = await t.call('events.update', {
      id: second.id,
      data: buildEvent({ title: series.title, kind: 'support_group', capacity: 8, confidentialityRequired: true, start: '2030-01-16T18:30', end: '2030-01-16T20:00' }),
    });
    expect(event).toMatchObject({ detached: true, start: '2030-01-16T18:30', series: { id: series.id, position: 1 } });
    const edited = await t.call('events.updateSeries', { seriesId: series.id, scope: 'all', data: buildSeries({ count: 4, startTime: '19:00', endTime: '20:30' }) });
    expect(edited).toMatchObject({ updated: 3, kept: 1, created: 0 });
    expect(edited.series.occurrences.map((o) => o.start)).toEqual(['2030-01-08T19:00', '2030-01-16T18:30', '2030-01-22T19:00', '2030-01-29T19:00']);
  });

  it('never changes a session already held or attended; removes only free sessions past a shortened end', async () => {
    const t = await openTestCore();
    const helene = await volunteer(t);
    // Four weekly sessions behind us, six ahead.
    const { series } = await t.call('events.createSeries', buildSeries({ startsOn: day(-28), count: 10, place: 'Salle 1' }));
    const held = series.occurrences.filter((o) => o.past);
    expect(held.length).toBeGreaterThanOrEqual(4);
    const future = series.occurrences.filter((o) => !o.past);
    // Attendance recorded in advance on a future session also protects it.
    recordAttendance(t.file, future[0]!.id, helene);
    const before = rows<Record<string, unknown>>(t.file, 'SELECT * FROM events WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id', JSON.stringify([...held, future[0]!].map((o) => o.id)));
    const edited = await t.call('events.updateSeries', {
      seriesId: series.id,
      scope: 'all',
      data: buildSeries({ startsOn: day(-28), count: 7, place: 'Salle 2', startTime: '17:00', endTime: '18:00' }),
    });
    expect(edited.removed).toBe(3);
    expect(edited.series.occurrences).toHaveLength(7);
    const after = rows<Record<string, unknown>>(t.file, 'SELECT * FROM events WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id', JSON.stringify([...held, future[0]!].map((o) => o.id)));
    expect(after).toEqual(before);
    const free = edited.series.occurrences.filter((o) => !o.past && !o.attended);
    expect(free.every((o) => o.start.endsWith('T17:00'))).toBe(true);
  });

  it('edits this and following: the series splits there, moved sessions keep their assignments, held ones stay', async () => {
    const t = await openTestCore();
    const helene = await volunteer(t);
    const paul = await volunteer(t, 'Paul');
    const { series } = await t.call(
      'events.createSeries',
      buildSeries({ count: 10, facilitatorIds: [helene], roles: [{ name: 'Animation', needed: 1, startOffset: 0, endOffset: 90 }] }),
    );
    const roleId = series.roles[0]!.id;
    const sixth = series.occurrences[5]!;
    const eighth = series.occurrences[7]!;
    assignFirstRole(t.file, eighth.id, paul);
    await t.call('events.cancel', { id: series.occurrences[8]!.id });
    const result = await t.call('events.updateSeries', {
      seriesId: series.id,
      scope: 'this_and_following',
      fromEventId: sixth.id,
      data: buildSeries({
        startsOn: sixth.start.slice(0, 10),
        count: 5,
        place: 'Nouveau local',
        facilitatorIds: [paul],
        roles: [
          { id: roleId, name: 'Animation', needed: 2, startOffset: 0, endOffset: 90 },
          { name: 'Accueil', needed: 1, startOffset: 0, endOffset: 30 },
        ],
      }),
    });
    expect(result.previousSeriesId).toBe(series.id);
    expect(result.series.id).not.toBe(series.id);
    const old = await t.call('events.getSeries', { id: series.id });
    expect(old.occurrences).toHaveLength(5);
    expect(old).toMatchObject({ count: 5, place: null });
    expect(result.series.occurrences.map((o) => o.id)).toEqual(series.occurrences.slice(5).map((o) => o.id));
    expect(result.series.occurrences[3]).toMatchObject({ status: 'cancelled' });
    expect(result).toMatchObject({ created: 0, updated: 4, kept: 1, removed: 0 });
    // The assignment on the eighth session survived the move, on the same role row now of the new series.
    const assignment = rows<{ volunteer_id: number; series_role_id: number; needed: number }>(
      t.file,
      'SELECT a.volunteer_id, r.series_role_id, r.needed FROM assignments a JOIN event_roles r ON r.id = a.role_id WHERE a.event_id = ?',
      eighth.id,
    );
    expect(assignment).toEqual([{ volunteer_id: paul, series_role_id: result.series.roles[0]!.id, needed: 2 }]);
    const newRoles = rows<{ name: string }>(t.file, 'SELECT name FROM event_roles WHERE event_id = ? ORDER BY position', eighth.id);
    expect(newRoles.map((r) => r.name)).toEqual(['Animation', 'Accueil']);
    const facilitators = rows<{ volunteer_id: number }>(t.file, 'SELECT volunteer_id FROM event_facilitators WHERE event_id = ?', eighth.id);
    expect(facilitators).toEqual([{ volunteer_id: paul }]);
    // The first five sessions were not touched.
    const firstFive = rows<{ place: string | null }>(t.file, 'SELECT place FROM events WHERE series_id = ?', series.id);
    expect(firstFive.every((r) => r.place === null)).toBe(true);
  });

  it('splits a series that ends on a date the day before the edited session', async () => {
    const t = await openTestCore();
    const { series } = await t.call('events.createSeries', buildSeries({ count: null, untilOn: '2030-03-31' }));
    const from = series.occurrences[4]!;
    const result = await t.call('events.updateSeries', {
      seriesId: series.id,
      scope: 'this_and_following',
      fromEventId: from.id,
      data: buildSeries({ startsOn: from.start.slice(0, 10), count: null, untilOn: '2030-03-31', weekday: 4 }),
    });
    const old = await t.call('events.getSeries', { id: series.id });
    expect(old.untilOn).toBe('2030-02-04');
    expect(old.occurrences).toHaveLength(4);
    expect(result.series.occurrences.every((o) => new Date(`${o.start.slice(0, 10)}T00:00Z`).getUTCDay() === 4)).toBe(true);
    expect(result.series.occurrences.length + old.occurrences.length).toBe(4 + 8);
  });

  it('refuses an edit from an occurrence of another series, and writes nothing when the edit is invalid', async () => {
    const t = await openTestCore();
    const a = await t.call('events.createSeries', buildSeries({ count: 3 }));
    const b = await t.call('events.createSeries', buildSeries({ count: 3 }));
    expectIssue(
      await refusedWithoutWrite(t, 'events.updateSeries', { seriesId: a.series.id, scope: 'this_and_following', fromEventId: b.series.occurrences[1]!.id, data: buildSeries() }),
      ['fromEventId'],
      'planning.notInSeries',
    );
    expectIssue(
      await refusedWithoutWrite(t, 'events.updateSeries', { seriesId: a.series.id, scope: 'this_and_following', fromEventId: a.series.occurrences[1]!.id, data: buildSeries({ count: 10_000 }) }),
      ['data', 'count'],
      'planning.tooManyOccurrences',
    );
    expect((await t.failure('events.getSeries', { id: 999 })).code).toBe('NOT_FOUND');
  });
});

describe('calendar, upcoming and a volunteer’s schedule', () => {
  it('answers the events starting in a range of local days, in order, with cancelled ones marked', async () => {
    const t = await openTestCore();
    const { series } = await t.call('events.createSeries', buildSeries({ startsOn: '2030-03-01', weekday: 2, count: 8 }));
    const { event } = await t.call('events.create', buildEvent({ start: '2030-03-31T23:30', end: '2030-04-01T00:30' }));
    await t.call('events.cancel', { id: series.occurrences[1]!.id });
    const march = await t.call('events.calendar', { from: '2030-03-01', to: '2030-03-31' });
    expect(march.truncated).toBe(false);
    expect(march.events.map((e) => e.start)).toEqual(['2030-03-05T18:30', '2030-03-12T18:30', '2030-03-19T18:30', '2030-03-26T18:30', '2030-03-31T23:30']);
    expect(march.events[1]).toMatchObject({ status: 'cancelled', seriesId: series.id, kind: 'support_group' });
    expect(march.events[4]).toMatchObject({ id: event.id, seriesId: null, end: '2030-04-01T00:30' });
    expect(march.dayTotals).toEqual({ '2030-03-05': 1, '2030-03-12': 1, '2030-03-19': 1, '2030-03-26': 1, '2030-03-31': 1 });
    const planned = await t.call('events.calendar', { from: '2030-03-01', to: '2030-03-31', includeCancelled: false });
    expect(planned.events).toHaveLength(4);
    expectIssue(await t.failure('events.calendar', { from: '2030-03-31', to: '2030-03-01' }), ['to'], 'planning.rangeOrder');
  });

  it('gives a month view the first events of each day and every day’s total, however crowded', async () => {
    const t = await openTestCore();
    for (const hour of ['08', '09', '10', '11', '12', '13']) {
      await t.call('events.create', buildEvent({ start: `2030-03-12T${hour}:00`, end: `2030-03-12T${hour}:45` }));
    }
    const { event: cancelled } = await t.call('events.create', buildEvent({ start: '2030-03-12T07:00', end: '2030-03-12T07:30' }));
    await t.call('events.cancel', { id: cancelled.id });
    await t.call('events.create', buildEvent({ start: '2030-03-13T09:00', end: '2030-03-13T10:00' }));
    const month = await t.call('events.calendar', { from: '2030-02-24', to: '2030-04-06', perDay: 3 });
    expect(month.events.map((e) => e.start)).toEqual(['2030-03-12T07:00', '2030-03-12T08:00', '2030-03-12T09:00', '2030-03-13T09:00']);
    expect(month.dayTotals).toEqual({ '2030-03-12': 7, '2030-03-13': 1 });
    const planned = await t.call('events.calendar', { from: '2030-02-24', to: '2030-04-06', perDay: 3, includeCancelled: false });
    expect(planned.events.map((e) => e.start)).toEqual(['2030-03-12T08:00', '2030-03-12T09:00', '2030-03-12T10:00', '2030-03-13T09:00']);
    expect(planned.dayTotals).toEqual({ '2030-03-12': 6, '2030-03-13': 1 });
    const all = await t.call('events.calendar', { from: '2030-03-12', to: '2030-03-12' });
    expect(all.events).toHaveLength(7);
    expect(all.dayTotals).toEqual({ '2030-03-12': 7 });
  });

  it('reads the month with one range walk of the start index', async () => {
    const t = await openTestCore();
    for (const includeCancelled of [true, false]) {
      const plan = withFile(t.file, (db) => db.prepare(`EXPLAIN QUERY PLAN ${calendarSql(includeCancelled)}`).all({ from: '2030-03-01', until: '2030-04-01', limit: 10 }) as { detail: string }[]);
      expect(plan.map((p) => p.detail)).toEqual(['SEARCH e USING INDEX events_by_start (start_local>? AND start_local<?)']);
    }
    // A day's total for the month view is counted in the index alone.
    const count = withFile(t.file, (db) => db.prepare(`EXPLAIN QUERY PLAN ${dayCountSql(true)}`).all({ from: '2030-03-12', until: '2030-03-13' }) as { detail: string }[]);
    expect(count.map((p) => p.detail)).toEqual(['SEARCH events USING COVERING INDEX events_by_start (start_local>? AND start_local<?)']);
  });

  it('lists what is not over yet, soonest first, without cancelled events', async () => {
    const t = await openTestCore();
    const { series } = await t.call('events.createSeries', buildSeries({ startsOn: day(-21), count: 6 }));
    const first = await t.call('events.upcoming', { limit: 2 });
    const future = series.occurrences.filter((o) => !o.past);
    expect(first.total).toBe(future.length);
    expect(first.rows.map((r) => r.id)).toEqual(future.slice(0, 2).map((o) => o.id));
    await t.call('events.cancel', { id: future[0]!.id });
    expect((await t.call('events.upcoming', {})).total).toBe(future.length - 1);
    expect((await t.call('events.upcoming', { includeCancelled: true })).total).toBe(future.length);
  });

  it('gives a volunteer’s schedule: as facilitator and through assignments, upcoming and past', async () => {
    const t = await openTestCore();
    const helene = await volunteer(t);
    const paul = await volunteer(t, 'Paul');
    const { series } = await t.call(
      'events.createSeries',
      buildSeries({ startsOn: day(-14), count: 5, facilitatorIds: [helene], roles: [{ name: 'Accueil', needed: 2, startOffset: 0, endOffset: 60 }] }),
    );
    const future = series.occurrences.filter((o) => !o.past);
    const past = series.occurrences.filter((o) => o.past);
    assignFirstRole(t.file, future[1]!.id, paul);
    assignFirstRole(t.file, past[0]!.id, paul);
    assignFirstRole(t.file, future[0]!.id, helene);
    const hers = await t.call('events.volunteerSchedule', { volunteerId: helene });
    expect(hers.total).toBe(future.length);
    expect(hers.rows[0]).toMatchObject({ id: future[0]!.id, facilitator: true, roles: ['Accueil'] });
    expect(hers.rows[1]).toMatchObject({ facilitator: true, roles: [] });
    const his = await t.call('events.volunteerSchedule', { volunteerId: paul });
    expect(his.rows).toEqual([expect.objectContaining({ id: future[1]!.id, facilitator: false, roles: ['Accueil'] })]);
    const hisPast = await t.call('events.volunteerSchedule', { volunteerId: paul, when: 'past' });
    expect(hisPast.rows.map((r) => r.id)).toEqual([past[0]!.id]);
    const herPast = await t.call('events.volunteerSchedule', { volunteerId: helene, when: 'past' });
    expect(herPast.rows.map((r) => r.id)).toEqual(past.map((o) => o.id).reverse());
  });
});

describe('programmes', () => {
  it('creates, renames, archives and lists programmes with their event counts', async () => {
    const t = await openTestCore();
    const a = await t.call('events.createProgramme', { name: 'Soutien entre pairs 2027' });
    const b = await t.call('events.createProgramme', { name: 'Inclusion numérique' });
    await t.call('events.create', buildEvent({ programmeId: a.id }));
    expect((await t.call('events.listProgrammes')).map((p) => [p.name, p.eventCount])).toEqual([
      ['Inclusion numérique', 0],
      ['Soutien entre pairs 2027', 1],
    ]);
    expectIssue(await refusedWithoutWrite(t, 'events.createProgramme', { name: 'INCLUSION NUMERIQUE' }), ['name'], 'planning.programmeExists');
    expectIssue(await refusedWithoutWrite(t, 'events.renameProgramme', { id: a.id, name: 'inclusion numérique' }), ['name'], 'planning.programmeExists');
    expectIssue(await refusedWithoutWrite(t, 'events.createProgramme', { name: ' ' }), ['name'], 'required');
    expect((await t.call('events.renameProgramme', { id: b.id, name: 'Inclusion numérique 2027' })).name).toBe('Inclusion numérique 2027');
    await t.call('events.archiveProgramme', { id: b.id, archived: true });
    expect((await t.call('events.listProgrammes')).map((p) => p.id)).toEqual([a.id]);
    expect((await t.call('events.listProgrammes', { includeArchived: true })).find((p) => p.id === b.id)?.archived).toBe(true);
    expect((await t.failure('events.renameProgramme', { id: 999, name: 'X' })).code).toBe('NOT_FOUND');
  });
});

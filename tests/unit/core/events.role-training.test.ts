import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { suggest } from '../../../electron/core/events/suggestions';
import type { Output, SuggestionReason } from '../../../shared/api';
import { dumpTables, expectFailure, expectIssue, openTestCore, type TestCore } from './helpers';
import { buildEvent, buildSeries, day, recordAttendance, withFile } from './events.planning.support';
import { makeVolunteer, skillId } from './events.staffing.support';
import { buildSession, trainingId } from './trainings.support';

/**
 * A role that requires a qualification, end to end: the series' role template carries it onto
 * every occurrence (and keeps it through regeneration and « this and following »), one-off events
 * and staffing roles take it in their input, unknown or archived trainings are refused with nothing
 * written, assigning someone unqualified warns, and suggestions say where each person stands.
 */

const requiredOf = (t: TestCore, seriesId: number) =>
  withFile(t.file, (db) =>
    db
      .prepare(
        `SELECT e.series_position AS position, r.name, r.required_training_id AS training FROM events e JOIN event_roles r ON r.event_id = e.id
         WHERE e.series_id = ? ORDER BY e.series_position, r.position`,
      )
      .all(seriesId),
  ) as { position: number; name: string; training: number | null }[];

async function refused(t: TestCore, method: string, input: unknown, path: (string | number)[], key: string) {
  const before = dumpTables(t.file);
  expectIssue(expectFailure(await t.dispatch(method, input), 'VALIDATION'), path, key);
  expect(dumpTables(t.file)).toEqual(before);
}

type Suggested = Output<'events.suggest'>['suggestions'][number];
const qualification = (s: Suggested) => s.reasons.find((r): r is Extract<SuggestionReason, { kind: 'qualification' }> => r.kind === 'qualification');

describe('a role that requires a training', () => {
  it('is copied from the series template onto every occurrence, and follows series edits on the sessions still to come', async () => {
    const t = await openTestCore();
    const gfTraining = await trainingId(t, 'group_facilitation');
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const { series } = await t.call(
      'events.createSeries',
      buildSeries({
        startsOn: day(-14),
        count: 6,
        roles: [
          { name: 'Animation', needed: 1, startOffset: 0, endOffset: 90, requiredTrainingId: gfTraining },
          { name: 'Accueil', needed: 1, startOffset: 0, endOffset: 30 },
        ],
      }),
    );
    expect(series.roles.map((r) => [r.name, r.requiredTrainingId])).toEqual([
      ['Animation', gfTraining],
      ['Accueil', null],
    ]);
    expect(requiredOf(t, series.id).filter((r) => r.name === 'Animation').map((r) => r.training)).toEqual(Array(6).fill(gfTraining));
    expect(requiredOf(t, series.id).filter((r) => r.name === 'Accueil').every((r) => r.training === null)).toBe(true);
    // The staffing tab of an occurrence shows it.
    const staffing = await t.call('events.staffing', { eventId: series.occurrences[3]!.id });
    expect(staffing.roles.map((r) => r.requiredTraining?.key ?? null)).toEqual(['group_facilitation', null]);

    // A session held: series edits never touch it.
    const volunteer = await makeVolunteer(t, 'Alice');
    recordAttendance(t.file, series.occurrences[0]!.id, volunteer);
    const [animation, welcome] = series.roles;
    const edit = (roles: { id: number | null; name: string; requiredTrainingId: number | null }[], extra = {}) => ({
      ...buildSeries({ startsOn: day(-14), count: 6, ...extra }),
      roles: roles.map((r) => ({ ...r, needed: 1, startOffset: 0, endOffset: 30 })),
    });
    await t.call('events.updateSeries', {
      seriesId: series.id,
      scope: 'all',
      data: edit([
        { id: animation!.id, name: 'Animation', requiredTrainingId: pssm },
        { id: welcome!.id, name: 'Accueil', requiredTrainingId: gfTraining },
      ]),
    });
    const rows = requiredOf(t, series.id);
    // Past sessions (the first two are before today) keep what they had; those to come follow.
    const byPosition = (p: number) => rows.filter((r) => r.position === p).map((r) => [r.name, r.training]);
    expect(byPosition(0)).toEqual([
      ['Animation', gfTraining],
      ['Accueil', null],
    ]);
    for (const p of [2, 3, 4, 5]) {
      expect(byPosition(p)).toEqual([
        ['Animation', pssm],
        ['Accueil', gfTraining],
      ]);
    }
    // Regenerating with the same template changes nothing more.
    const again = await t.call('events.updateSeries', {
      seriesId: series.id,
      scope: 'all',
      data: edit([
        { id: animation!.id, name: 'Animation', requiredTrainingId: pssm },
        { id: welcome!.id, name: 'Accueil', requiredTrainingId: gfTraining },
      ]),
    });
    expect(again.updated).toBe(0);
    expect(requiredOf(t, series.id)).toEqual(rows);

    // This and following, from the fifth session: the new series carries the new requirement; the
    // fourth session stays with the old series and its roles.
    const fifth = (await t.call('events.getSeries', { id: series.id })).occurrences[4]!;
    const split = await t.call('events.updateSeries', {
      seriesId: series.id,
      scope: 'this_and_following',
      fromEventId: fifth.id,
      data: edit([{ id: animation!.id, name: 'Animation', requiredTrainingId: null }], { startsOn: fifth.start.slice(0, 10), count: 2 }),
    });
    expect(split.series.roles.map((r) => [r.name, r.requiredTrainingId])).toEqual([['Animation', null]]);
    expect(requiredOf(t, split.series.id).map((r) => [r.position, r.name, r.training])).toEqual([
      [0, 'Animation', null],
      [1, 'Animation', null],
    ]);
    expect(requiredOf(t, series.id).filter((r) => r.position === 3).map((r) => [r.name, r.training])).toEqual([
      ['Animation', pssm],
      ['Accueil', gfTraining],
    ]);
  });

  it('a one-off event takes it with its roles; unknown or archived trainings are refused and nothing is written', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const old = await t.call('trainings.save', { name: 'Ancienne formation' });
    await t.call('trainings.archive', { id: old.id, archived: true });
    const role = (requiredTrainingId: number | null) => ({ name: 'Premiers secours', needed: 1, startOffset: 0, endOffset: 60, requiredTrainingId });

    const { event } = await t.call('events.create', buildEvent({ roles: [role(pssm)] }));
    expect((await t.call('events.staffing', { eventId: event.id })).roles[0]!.requiredTraining).toEqual({
      id: pssm,
      key: 'mental_health_first_aid',
      name: null,
      archived: false,
    });
    await refused(t, 'events.create', buildEvent({ roles: [role(null), role(999)] }), ['roles', 1, 'requiredTrainingId'], 'unknownTraining');
    await refused(t, 'events.create', buildEvent({ roles: [role(old.id)] }), ['roles', 0, 'requiredTrainingId'], 'trainingArchived');
    await refused(t, 'events.createSeries', buildSeries({ roles: [role(old.id)] }), ['roles', 0, 'requiredTrainingId'], 'trainingArchived');
  });

  it('a series role keeps an archived training it already required, but no role of the series newly requires one', async () => {
    const t = await openTestCore();
    const own = await t.call('trainings.save', { name: 'Accueil téléphonique' });
    const { series } = await t.call(
      'events.createSeries',
      buildSeries({ startsOn: day(7), count: 3, roles: [{ name: 'Écoute', needed: 1, startOffset: 0, endOffset: 60, requiredTrainingId: own.id }] }),
    );
    await t.call('trainings.archive', { id: own.id, archived: true });
    const data = (roles: { id: number | null; name: string }[]) =>
      buildSeries({ startsOn: day(7), count: 3, title: 'Renamed', roles: roles.map((r) => ({ ...r, needed: 1, startOffset: 0, endOffset: 60, requiredTrainingId: own.id })) });
    const kept = await t.call('events.updateSeries', { seriesId: series.id, scope: 'all', data: data([{ id: series.roles[0]!.id, name: 'Écoute' }]) });
    expect(kept.series.roles[0]!.requiredTrainingId).toBe(own.id);
    await refused(
      t,
      'events.updateSeries',
      { seriesId: series.id, scope: 'all', data: data([{ id: series.roles[0]!.id, name: 'Écoute' }, { id: null, name: 'Second' }]) },
      ['roles', 1, 'requiredTrainingId'],
      'trainingArchived',
    );
  });

  it('assigning someone unqualified or expired on the occurrence warns, and the assignment is saved', async () => {
    const t = await openTestCore();
    const gfTraining = await trainingId(t, 'group_facilitation');
    const { series } = await t.call(
      'events.createSeries',
      buildSeries({ startsOn: day(10), count: 2, roles: [{ name: 'Animation', needed: 3, startOffset: 0, endOffset: 90, requiredTrainingId: gfTraining }] }),
    );
    const eventId = series.occurrences[0]!.id;
    const roleId = (await t.call('events.staffing', { eventId })).roles[0]!.id;
    const qualified = await makeVolunteer(t, 'Qualifiée');
    const lapsed = await makeVolunteer(t, 'Expirée');
    const none = await makeVolunteer(t, 'Personne');
    await t.call('trainings.addQualification', { volunteerId: qualified, trainingId: gfTraining, obtainedOn: day(-100) });
    await t.call('trainings.addQualification', { volunteerId: lapsed, trainingId: gfTraining, obtainedOn: day(-400), expiresOn: day(5) });
    const warnings = async (volunteerId: number) =>
      (await t.call('events.assign', { roleId, volunteerId })).assignment.warnings.filter((w) => w.kind.startsWith('qualification'));
    expect(await warnings(qualified)).toEqual([]);
    expect(await warnings(none)).toEqual([{ kind: 'qualificationMissing', trainingId: gfTraining, trainingKey: 'group_facilitation', trainingName: null }]);
    // Valid today, expired by the session's day.
    expect(await warnings(lapsed)).toEqual([
      { kind: 'qualificationExpired', trainingId: gfTraining, trainingKey: 'group_facilitation', trainingName: null, expiredOn: day(5) },
    ]);
    expect((await t.call('events.staffing', { eventId })).roles[0]!.filled).toBe(3);
  });

  it('suggestions say who is qualified, expired or missing the training, and rank the last two lower', async () => {
    const t = await openTestCore();
    const gf = await skillId(t, 'group_facilitation');
    const gfTraining = await trainingId(t, 'group_facilitation');
    const { event } = await t.call(
      'events.create',
      buildEvent({
        start: `${day(10)}T18:30`,
        end: `${day(10)}T20:00`,
        roles: [
          { name: 'Animation', needed: 1, startOffset: 0, endOffset: 90, skills: [{ skillId: gf, minLevel: 2 }], requiredTrainingId: gfTraining },
          { name: 'Accueil', needed: 1, startOffset: 0, endOffset: 90, requiredTrainingId: gfTraining },
        ],
      }),
    );
    const [withSkill, open] = (await t.call('events.staffing', { eventId: event.id })).roles;
    const same = { skill: { id: gf, level: 3 as const }, preferredFormat: 'both' as const };
    const people = {
      anne: await makeVolunteer(t, 'Anne', same),
      bruno: await makeVolunteer(t, 'Bruno', same),
      chloe: await makeVolunteer(t, 'Chloé', same),
      denis: await makeVolunteer(t, 'Denis', same),
      emma: await makeVolunteer(t, 'Emma', same),
    };
    // Anne holds nothing; Bruno's expired before the event; Chloé is qualified; Denis's is valid
    // today but expires before the event; Emma is only enrolled in a session (in training).
    await t.call('trainings.addQualification', { volunteerId: people.bruno, trainingId: gfTraining, obtainedOn: day(-800), expiresOn: day(-30) });
    await t.call('trainings.addQualification', { volunteerId: people.chloe, trainingId: gfTraining, obtainedOn: day(-10) });
    await t.call('trainings.addQualification', { volunteerId: people.denis, trainingId: gfTraining, obtainedOn: day(-1), expiresOn: day(3) });
    await t.call('trainings.createSession', buildSession(gfTraining, { startLocal: `${day(20)}T09:00`, endLocal: `${day(20)}T17:00`, participantIds: [people.emma] }));

    for (const role of [withSkill!, open!]) {
      const answer = await t.call('events.suggest', { roleId: role.id, limit: 10 });
      // Equal otherwise: qualified, then expired, then missing, each by name.
      expect(answer.suggestions.map((s) => s.firstName)).toEqual(['Chloé', 'Bruno', 'Denis', 'Anne', 'Emma']);
      const by = (id: number) => answer.suggestions.find((s) => s.volunteerId === id)!;
      const named = { trainingId: gfTraining, trainingKey: 'group_facilitation', trainingName: null };
      expect(qualification(by(people.chloe))).toEqual({ kind: 'qualification', state: 'qualified', ...named, expiredOn: null, points: 0 });
      expect(qualification(by(people.bruno))).toEqual({ kind: 'qualification', state: 'expired', ...named, expiredOn: day(-30), points: -30 });
      expect(qualification(by(people.anne))).toEqual({ kind: 'qualification', state: 'missing', ...named, expiredOn: null, points: -50 });
      expect(qualification(by(people.emma))).toMatchObject({ state: 'missing', points: -50 });
      // Expired by the event's day counts as expired, whatever today says.
      expect(qualification(by(people.denis))).toMatchObject({ state: 'expired', expiredOn: day(3), points: -30 });
      // Equal on everything else: 30 points between qualified and expired, 50 to missing.
      expect(by(people.chloe).score - by(people.bruno).score).toBe(30);
      expect(by(people.chloe).score - by(people.anne).score).toBe(50);
      for (const s of answer.suggestions) expect(s.score).toBe(s.reasons.reduce((sum, r) => sum + r.points, 0));
    }
    // The role without skills considers everyone (the five of this association).
    expect((await t.call('events.suggest', { roleId: open!.id, limit: 10 })).considered).toBe(5);
    // Whatever the page size, the same answer.
    const sqlite = new Database(t.file, { readonly: true });
    try {
      for (const firstPage of [1, 2, 3]) {
        expect(suggest(sqlite, open!.id, 3, firstPage).suggestions.map((s) => s.firstName)).toEqual(['Chloé', 'Bruno', 'Denis']);
        expect(suggest(sqlite, withSkill!.id, 3, firstPage).suggestions.map((s) => s.firstName)).toEqual(['Chloé', 'Bruno', 'Denis']);
      }
    } finally {
      sqlite.close();
    }
    // A role that requires nothing says nothing about trainings.
    const plain = (await t.call('events.addRole', { eventId: event.id, role: { name: 'Logistique', needed: 1 } })).id;
    expect((await t.call('events.suggest', { roleId: plain, limit: 10 })).suggestions.every((s) => qualification(s) === undefined)).toBe(true);
  });
});

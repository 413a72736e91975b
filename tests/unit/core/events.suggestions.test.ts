import { describe, expect, it } from 'vitest';
import type { Output, SuggestionReason } from '../../../shared/api';
import { openTestCore, type TestCore } from './helpers';
import { addHours, day, makeEvent, makeRole, makeVolunteer, skillId, weekdayFrom } from './events.staffing.support';

type Suggested = Output<'events.suggest'>['suggestions'][number];

const reason = <K extends SuggestionReason['kind']>(s: Suggested, kind: K) =>
  s.reasons.find((r): r is Extract<SuggestionReason, { kind: K }> => r.kind === kind);

/**
 * A hand-built association where every score is known: a Tuesday 18:30–20:00 support group, in
 * person, confidentiality required, with a Facilitator role needing group facilitation at level 2.
 */
async function groupAndPeople(t: TestCore) {
  const gf = await skillId(t, 'group_facilitation');
  const listening = await skillId(t, 'active_listening');
  const tuesday = weekdayFrom(2, 21);
  const eventId = await makeEvent(t, tuesday, '18:30', '20:00', { confidentialityRequired: true });
  const roleId = await makeRole(t, eventId, { name: 'Facilitator', needed: 1, skills: [{ skillId: gf, minLevel: 2 }] });
  const evening = ['tue.evening'] as const;
  const people = {
    // skills 100 + slot 20 + format 10 + no hours 20 = 150
    alice: await makeVolunteer(t, 'Alice', { skill: { id: gf, level: 3 }, slots: [...evening], preferredFormat: 'in_person' }),
    // same as Alice, later in name order
    zoe: await makeVolunteer(t, 'Zoé', { skill: { id: gf, level: 3 }, slots: [...evening], preferredFormat: 'both' }),
    // 5 counted hours in the last 30 days: 150 − 5 = 145 (a pending 10 h entry does not count)
    bruno: await makeVolunteer(t, 'Bruno', { skill: { id: gf, level: 2 }, slots: [...evening], preferredFormat: 'both' }),
    // level 1 < 2: half the skill points, 50 + 20 + 10 + 20 = 100
    chloe: await makeVolunteer(t, 'Chloé', { skill: { id: gf, level: 1 }, slots: [...evening] }),
    // no availability given (5), prefers remote for an in-person event (0): 100 + 5 + 0 + 20 = 125
    denis: await makeVolunteer(t, 'Denis', { skill: { id: gf, level: 3 }, preferredFormat: 'remote' }),
    // no confidentiality agreement: 150 − 15 = 135
    emma: await makeVolunteer(t, 'Emma', { skill: { id: gf, level: 3 }, slots: [...evening], confidentialitySignedOn: null }),
    // another shift at the same time: 150 − 100 = 50
    fanny: await makeVolunteer(t, 'Fanny', { skill: { id: gf, level: 3 }, slots: [...evening] }),
    // on a break: 150 − 30 = 120
    gaston: await makeVolunteer(t, 'Gaston', { skill: { id: gf, level: 3 }, slots: [...evening], status: 'paused', statusSince: '2026-01-05' }),
    // free on Tuesday mornings only: 100 + 0 + 10 + 20 = 130
    karim: await makeVolunteer(t, 'Karim', { skill: { id: gf, level: 3 }, slots: ['tue.morning'] }),
    // never suggested: archived, left, erased, without the skill, already on the role
    hugo: await makeVolunteer(t, 'Hugo', { skill: { id: gf, level: 3 }, slots: [...evening] }),
    ines: await makeVolunteer(t, 'Inès', { skill: { id: gf, level: 3 }, slots: [...evening], status: 'left', statusSince: '2026-01-05' }),
    jules: await makeVolunteer(t, 'Jules', { skill: { id: listening, level: 3 }, slots: [...evening] }),
    leo: await makeVolunteer(t, 'Léo', { skill: { id: gf, level: 3 }, slots: [...evening] }),
    mia: await makeVolunteer(t, 'Mia', { skill: { id: gf, level: 3 }, slots: [...evening] }),
  };
  await t.call('volunteers.archive', { id: people.hugo });
  await t.call('privacy.erase', { id: people.leo });
  await addHours(t, people.bruno, day(-3), 300);
  await addHours(t, people.alice, day(-2), 600, 'pending');
  // Hours older than 30 days are not recent load.
  await addHours(t, people.zoe, day(-45), 900);
  const other = await makeEvent(t, tuesday, '19:00', '21:00', { title: 'Permanence d’écoute', kind: 'community' });
  const otherRole = await makeRole(t, other, { name: 'Écoute' });
  await t.call('events.assign', { roleId: otherRole, volunteerId: people.fanny });
  // A second role of the same group: Mia is already on the Facilitator role.
  await t.call('events.assign', { roleId, volunteerId: people.mia });
  await t.call('events.updateRole', { roleId, role: { name: 'Facilitator', needed: 2, skills: [{ skillId: gf, minLevel: 2 }] } });
  return { gf, eventId, roleId, other, people };
}

describe('events.suggest', () => {
  it('ranks by skill, availability, format, recent load and clashes, and says why', async () => {
    const t = await openTestCore();
    const { gf, roleId, other, people } = await groupAndPeople(t);
    const answer = await t.call('events.suggest', { roleId, limit: 20 });
    const names = answer.suggestions.map((s) => s.firstName);
    expect(names).toEqual(['Alice', 'Zoé', 'Bruno', 'Emma', 'Karim', 'Denis', 'Gaston', 'Chloé', 'Fanny']);
    expect(answer.suggestions.map((s) => s.score)).toEqual([150, 150, 145, 135, 130, 125, 120, 100, 50]);
    // Holders of the skill (any level), not archived, not gone, not already on the role.
    expect(answer.considered).toBe(9);
    for (const s of answer.suggestions) expect(s.score).toBe(s.reasons.reduce((sum, r) => sum + r.points, 0));

    const by = (id: number) => answer.suggestions.find((s) => s.volunteerId === id)!;
    expect(reason(by(people.alice), 'skill')).toEqual({ kind: 'skill', skillId: gf, minLevel: 2, level: 3, ok: true, points: 100 });
    expect(reason(by(people.alice), 'availability')).toEqual({ kind: 'availability', match: 'full', slots: ['tue.evening'], points: 20 });
    expect(reason(by(people.alice), 'load')).toEqual({ kind: 'load', minutes: 0, points: 20 });
    expect(reason(by(people.alice), 'overlap')).toEqual({ kind: 'overlap', ok: true, clashes: [], points: 0 });
    expect(reason(by(people.alice), 'confidentiality')).toEqual({ kind: 'confidentiality', ok: true, points: 0 });
    expect(reason(by(people.alice), 'weeklyCap')).toEqual({ kind: 'weeklyCap', ok: true, minutes: 90, capMinutes: 600, points: 0 });
    expect(reason(by(people.alice), 'status')).toBeUndefined();
    expect(reason(by(people.bruno), 'load')).toEqual({ kind: 'load', minutes: 300, points: 15 });
    expect(reason(by(people.zoe), 'load')).toEqual({ kind: 'load', minutes: 0, points: 20 });
    expect(reason(by(people.chloe), 'skill')).toMatchObject({ level: 1, ok: false, points: 50 });
    expect(reason(by(people.denis), 'availability')).toMatchObject({ match: 'unknown', points: 5 });
    expect(reason(by(people.denis), 'format')).toEqual({ kind: 'format', ok: false, preferred: 'remote', eventFormat: 'in_person', points: 0 });
    expect(reason(by(people.emma), 'confidentiality')).toEqual({ kind: 'confidentiality', ok: false, points: -15 });
    expect(reason(by(people.karim), 'availability')).toMatchObject({ match: 'none', points: 0 });
    expect(reason(by(people.gaston), 'status')).toEqual({ kind: 'status', status: 'paused', points: -30 });
    const fanny = reason(by(people.fanny), 'overlap')!;
    expect(fanny).toMatchObject({ ok: false, points: -100 });
    expect(fanny.clashes).toEqual([expect.objectContaining({ eventId: other, eventTitle: 'Permanence d’écoute', roleName: 'Écoute' })]);
    // Her week: this shift and the clashing one (90 + 120 minutes), still under the 10 h default.
    expect(reason(by(people.fanny), 'weeklyCap')).toMatchObject({ ok: true, minutes: 210 });

    for (const gone of [people.hugo, people.ines, people.jules, people.leo, people.mia]) {
      expect(answer.suggestions.some((s) => s.volunteerId === gone)).toBe(false);
    }
  });

  it('gives the first ones of the same ranking with a smaller limit', async () => {
    const t = await openTestCore();
    const { roleId } = await groupAndPeople(t);
    const all = await t.call('events.suggest', { roleId, limit: 20 });
    for (const limit of [1, 2, 3, 5]) {
      const some = await t.call('events.suggest', { roleId, limit });
      expect(some.suggestions).toEqual(all.suggestions.slice(0, limit));
    }
  });

  it('counts a cap exceeded against the person and no cap when Settings say so', async () => {
    const t = await openTestCore();
    const gf = await skillId(t, 'group_facilitation');
    // A shift earlier this week or last week: the hours of that week already count.
    const monday = weekdayFrom(1, -7);
    const eventId = await makeEvent(t, monday, '10:00', '12:00', { kind: 'workshop' });
    const roleId = await makeRole(t, eventId, { skills: [{ skillId: gf, minLevel: 1 }] });
    const busy = await makeVolunteer(t, 'Busy', { skill: { id: gf, level: 2 }, slots: ['mon.morning'] });
    const free = await makeVolunteer(t, 'Free', { skill: { id: gf, level: 2 }, slots: ['mon.morning'] });
    await addHours(t, busy, monday, 60);
    await t.call('settings.setWeeklyHourCap', { hours: 2 });
    let answer = await t.call('events.suggest', { roleId });
    expect(answer.suggestions.map((s) => s.volunteerId)).toEqual([free, busy]);
    expect(reason(answer.suggestions[1]!, 'weeklyCap')).toEqual({ kind: 'weeklyCap', ok: false, minutes: 180, capMinutes: 120, points: -20 });
    await t.call('settings.setWeeklyHourCap', { hours: null });
    answer = await t.call('events.suggest', { roleId });
    expect(answer.suggestions.every((s) => reason(s, 'weeklyCap') === undefined)).toBe(true);
  });

  it('suggests everyone still active for a role without required skills, matched on the slots the shift touches', async () => {
    const t = await openTestCore();
    // 11:00–14:00 on a Saturday: the morning and the afternoon.
    const saturday = weekdayFrom(6, 10);
    const eventId = await makeEvent(t, saturday, '11:00', '14:00', { kind: 'community', format: 'virtual', title: 'Collecte' });
    const roleId = await makeRole(t, eventId, { name: 'Accueil', needed: 3 });
    const both = await makeVolunteer(t, 'Both', { slots: ['sat.morning', 'sat.afternoon'], preferredFormat: 'remote' });
    const half = await makeVolunteer(t, 'Half', { slots: ['sat.afternoon'], preferredFormat: 'remote' });
    const onSite = await makeVolunteer(t, 'OnSite', { slots: ['sat.morning', 'sat.afternoon'], preferredFormat: 'in_person' });
    const answer = await t.call('events.suggest', { roleId });
    expect(answer.suggestions.map((s) => [s.volunteerId, s.score])).toEqual([
      [both, 20 + 10 + 20],
      // Equal scores and equal matches: by name.
      [half, 10 + 10 + 20],
      [onSite, 20 + 0 + 20],
    ]);
    expect(reason(answer.suggestions[0]!, 'availability')!.slots).toEqual(['sat.morning', 'sat.afternoon']);
    expect(answer.suggestions[0]!.reasons.some((r) => r.kind === 'skill')).toBe(false);
  });

  it('answers NOT_FOUND for a role that does not exist', async () => {
    const t = await openTestCore();
    const error = await t.failure('events.suggest', { roleId: 999 });
    expect(error).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'roleNotFound' } });
    expect((await t.failure('events.suggest', { roleId: 1, limit: 0 })).code).toBe('VALIDATION');
  });
});

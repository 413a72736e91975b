import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Context } from '../../../electron/core/context';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { openDatabase } from '../../../electron/core/db/open-database';
import { collectPerson, personCsvRows } from '../../../electron/core/privacy/person-export';
import { DATABASE_FILE } from '../../../electron/core/relais';
import { SEEDED_TRAININGS } from '../../../electron/core/trainings/catalogue-seed';
import { trainingSessionFigures } from '../../../electron/core/trainings/figures';
import { addDays, localToday } from '../../../electron/core/trainings/validity';
import { qualificationStandings, qualificationWarnings } from '../../../electron/core/trainings/warnings';
import { resources } from '../../../shared/i18n';
import { buildVolunteer, dumpTables, expectFailure, expectIssue, openTestCore, tempDir, withReadonly, type TestCore } from './helpers';
import { buildSession, personTrainings, seedRoleRequiring, trainingId } from './trainings.support';

const person = (t: TestCore, firstName: string, lastName = 'Martin') => t.call('volunteers.create', buildVolunteer({ firstName, lastName }));

/** Runs a write that must fail with this issue, and checks that nothing at all was written. */
async function refused(t: TestCore, method: string, input: unknown, path: (string | number)[], key: string) {
  const before = dumpTables(t.file);
  const error = expectFailure(await t.dispatch(method, input), 'VALIDATION');
  expectIssue(error, path, key);
  expect(dumpTables(t.file)).toEqual(before);
}

/**
 * Every key a trainings screen may show for an issue or a reason has a sentence in both languages:
 * an issue in the shared `validation` namespace (or a trainings wording that overrides it), a
 * reason in trainings' own.
 */
function expectSentence(group: 'issues' | 'reasons', key: string) {
  for (const lang of ['fr', 'en'] as const) {
    const own = resources[lang].trainings[group] as Record<string, unknown>;
    const shared = group === 'issues' ? (resources[lang].validation as unknown as Record<string, unknown>) : {};
    expect(own[key] ?? shared[key], `${lang} trainings:${group}.${key} or validation:${key}`).toEqual(expect.any(String));
  }
}

describe('the catalogue', () => {
  it('starts with the seeded trainings; mental-health first aid valid 36 months, the others with no expiry', async () => {
    const t = await openTestCore();
    const list = await t.call('trainings.list');
    expect(list.map((x) => [x.key, x.validityMonths])).toEqual(SEEDED_TRAININGS.map((s) => [s.key, s.validityMonths]));
    expect(list.find((x) => x.key === 'mental_health_first_aid')).toMatchObject({ validityMonths: 36, name: null, archived: false, sessionCount: 0, qualifiedCount: 0 });
    for (const s of SEEDED_TRAININGS) {
      expect(resources.fr.trainings.catalogue[s.key as keyof typeof resources.fr.trainings.catalogue]).toEqual(expect.any(String));
      expect(resources.en.trainings.catalogue[s.key as keyof typeof resources.en.trainings.catalogue]).toEqual(expect.any(String));
    }
  });

  it('adds, edits and archives the association’s own trainings', async () => {
    const t = await openTestCore();
    const own = await t.call('trainings.save', { name: 'Accueil téléphonique', description: 'Deux soirées', validityMonths: 24 });
    expect(own).toMatchObject({ key: null, name: 'Accueil téléphonique', description: 'Deux soirées', validityMonths: 24, archived: false });
    const edited = await t.call('trainings.save', { id: own.id, name: 'Accueil au téléphone', validityMonths: null });
    expect(edited).toMatchObject({ name: 'Accueil au téléphone', description: null, validityMonths: null });
    await t.call('trainings.archive', { id: own.id, archived: true });
    expect((await t.call('trainings.list')).some((x) => x.id === own.id)).toBe(false);
    expect((await t.call('trainings.list', { includeArchived: true })).find((x) => x.id === own.id)).toMatchObject({ archived: true });
    await t.call('trainings.archive', { id: own.id, archived: false });
    expect((await t.call('trainings.list')).some((x) => x.id === own.id)).toBe(true);
  });

  it('a seeded training keeps its translated name; its validity and description are the association’s', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const saved = await t.call('trainings.save', { id: pssm, name: 'Autre nom', description: 'Réseau PSSM France', validityMonths: 24 });
    expect(saved).toMatchObject({ key: 'mental_health_first_aid', name: null, description: 'Réseau PSSM France', validityMonths: 24 });
  });

  it('refuses a name another training goes by (case, accents, either language), a missing name, a bad validity: nothing written', async () => {
    const t = await openTestCore();
    await t.call('trainings.save', { name: 'Accueil téléphonique' });
    await refused(t, 'trainings.save', { name: 'ACCUEIL  TELEPHONIQUE' }, ['name'], 'trainingExists');
    await refused(t, 'trainings.save', { name: 'écoute active' }, ['name'], 'trainingExists');
    await refused(t, 'trainings.save', { name: 'Role-play workshops' }, ['name'], 'trainingExists');
    await refused(t, 'trainings.save', { name: '   ' }, ['name'], 'required');
    for (const validityMonths of [-12, 0, 241, 12_000, 1.5]) {
      await refused(t, 'trainings.save', { name: 'Nouvelle', validityMonths }, ['validityMonths'], 'validityMonths');
    }
    await refused(t, 'trainings.save', { name: 'Nouvelle', validityMonths: '36' }, ['validityMonths'], 'validityMonths');
    expectSentence('issues', 'trainingExists');
    expectSentence('issues', 'validityMonths');
    const before = dumpTables(t.file);
    expectFailure(await t.dispatch('trainings.save', { id: 999, name: 'X' }), 'NOT_FOUND');
    expectFailure(await t.dispatch('trainings.archive', { id: 999, archived: true }), 'NOT_FOUND');
    expect(dumpTables(t.file)).toEqual(before);
  });
});

describe('training sessions', () => {
  it('records a session as an event of kind training, with its trainers, cost and participants', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const ana = await person(t, 'Ana', 'Lopez');
    const ben = await person(t, 'Ben', 'Abel');
    const trainer = await person(t, 'Claire', 'Fontaine');
    const s = await t.call(
      'trainings.createSession',
      buildSession(pssm, { participantIds: [ana.id, ben.id, ana.id], trainerVolunteerIds: [trainer.id], trainerName: 'PSSM France', costCents: 123_450, place: 'Salle 2' }),
    );
    expect(s).toMatchObject({
      trainingId: pssm,
      trainingKey: 'mental_health_first_aid',
      title: 'Premiers secours en santé mentale (PSSM)',
      startLocal: '2025-03-15T09:00',
      endLocal: '2025-03-15T17:00',
      timeZone: 'Europe/Paris',
      place: 'Salle 2',
      costCents: 123_450,
      trainerName: 'PSSM France',
      trainers: [{ volunteerId: trainer.id, firstName: 'Claire', lastName: 'Fontaine' }],
      completedOn: null,
      participantCount: 2,
      completedCount: 0,
      cancelled: false,
    });
    expect(s.participants.map((p) => [p.firstName, p.result, p.qualification])).toEqual([
      ['Ben', 'enrolled', null],
      ['Ana', 'enrolled', null],
    ]);
    withReadonly(t.file, (db) => {
      expect(db.prepare('SELECT kind, status, start_utc, end_utc FROM events WHERE id = ?').get(s.eventId)).toEqual({
        kind: 'training',
        status: 'planned',
        start_utc: '2025-03-15T08:00:00Z',
        end_utc: '2025-03-15T16:00:00Z',
      });
      expect(db.prepare('SELECT volunteer_id FROM event_facilitators WHERE event_id = ?').pluck().all(s.eventId)).toEqual([trainer.id]);
    });
    const listed = await t.call('trainings.listSessions');
    expect(listed.total).toBe(1);
    expect(listed.rows[0]).toMatchObject({ eventId: s.eventId, participantCount: 2 });
    expect((await t.call('trainings.list')).find((x) => x.id === pssm)!.sessionCount).toBe(1);
  });

  it('refuses bad input with the field and a sentence, writing nothing', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const ana = await person(t, 'Ana');
    const gone = await person(t, 'Gaston');
    await t.call('volunteers.archive', { id: gone.id });
    const old = await t.call('trainings.save', { name: 'Ancienne formation' });
    await t.call('trainings.archive', { id: old.id, archived: true });

    await refused(t, 'trainings.createSession', buildSession(pssm, { costCents: -100 }), ['costCents'], 'costNegative');
    await refused(t, 'trainings.createSession', buildSession(pssm, { costCents: 100_000_001 }), ['costCents'], 'costTooHigh');
    await refused(t, 'trainings.createSession', buildSession(pssm, { costCents: 12.5 }), ['costCents'], 'cost');
    await refused(t, 'trainings.createSession', buildSession(999), ['trainingId'], 'unknownTraining');
    await refused(t, 'trainings.createSession', buildSession(old.id), ['trainingId'], 'trainingArchived');
    await refused(t, 'trainings.createSession', buildSession(pssm, { participantIds: [ana.id, 4242] }), ['participantIds', 1], 'unknownVolunteer');
    await refused(t, 'trainings.createSession', buildSession(pssm, { participantIds: [gone.id] }), ['participantIds', 0], 'volunteerArchived');
    await refused(t, 'trainings.createSession', buildSession(pssm, { trainerVolunteerIds: [4242] }), ['trainerVolunteerIds', 0], 'unknownVolunteer');
    await refused(t, 'trainings.createSession', buildSession(pssm, { endLocal: '2025-03-15T08:00' }), ['endLocal'], 'endBeforeStart');
    await refused(t, 'trainings.createSession', buildSession(pssm, { endLocal: '2025-03-16T17:00' }), ['endLocal'], 'sessionTooLong');
    await refused(t, 'trainings.createSession', buildSession(pssm, { timeZone: 'Mars/Olympus_Mons' }), ['timeZone'], 'timeZone');
    await refused(t, 'trainings.createSession', buildSession(pssm, { capacity: 1, participantIds: [ana.id, (await person(t, 'Zoé')).id] }), ['participantIds'], 'overCapacity');
    await refused(t, 'trainings.createSession', buildSession(pssm, { programmeId: 77 }), ['programmeId'], 'unknownProgramme');
    for (const key of ['costNegative', 'costTooHigh', 'cost', 'unknownTraining', 'trainingArchived', 'unknownVolunteer', 'volunteerArchived', 'endBeforeStart', 'sessionTooLong', 'timeZone', 'overCapacity', 'unknownProgramme']) {
      expectSentence('issues', key);
    }
    expect((await t.call('trainings.listSessions')).total).toBe(0);
  });

  it('deletes a session not completed yet with its participants; a completed one is refused', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const ana = await person(t, 'Ana');
    const s = await t.call('trainings.createSession', buildSession(pssm, { participantIds: [ana.id] }));
    await t.call('trainings.completeSession', { eventId: s.eventId, completedOn: '2025-03-15', completedIds: [ana.id] });
    const before = dumpTables(t.file);
    const error = expectFailure(await t.dispatch('trainings.deleteSession', { eventId: s.eventId }), 'CONFLICT');
    expect(error.details).toMatchObject({ reason: 'trainingSessionCompleted' });
    expectSentence('reasons', 'trainingSessionCompleted');
    expect(dumpTables(t.file)).toEqual(before);

    await t.call('trainings.reopenSession', { eventId: s.eventId });
    await t.call('trainings.deleteSession', { eventId: s.eventId });
    withReadonly(t.file, (db) => {
      for (const table of ['events', 'training_sessions', 'training_participants', 'qualifications']) {
        expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
      }
    });
    expectFailure(await t.dispatch('trainings.getSession', { eventId: s.eventId }), 'NOT_FOUND');
  });
});

describe('completing a session', () => {
  it('gives each participant who completed it a qualification from the session’s day, expiring after the validity', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const ana = await person(t, 'Ana');
    const ben = await person(t, 'Ben');
    const s = await t.call('trainings.createSession', buildSession(pssm, { participantIds: [ana.id, ben.id] }));
    const done = await t.call('trainings.completeSession', { eventId: s.eventId, completedOn: '2025-03-20', completedIds: [ana.id] });
    expect(done).toMatchObject({ completedOn: '2025-03-20', participantCount: 2, completedCount: 1 });
    const byName = Object.fromEntries(done.participants.map((p) => [p.firstName, p]));
    expect(byName.Ana).toMatchObject({ result: 'completed', qualification: { obtainedOn: '2025-03-15', expiresOn: '2028-03-15', source: 'session', eventId: s.eventId } });
    expect(byName.Ben).toMatchObject({ result: 'not_completed', qualification: null });

    const ana2025 = await t.call('trainings.forVolunteer', { volunteerId: ana.id, onDate: '2026-01-01' });
    expect(ana2025.trainings).toEqual([
      expect.objectContaining({ trainingId: pssm, state: 'qualified', current: expect.objectContaining({ expiresOn: '2028-03-15' }), enrolledIn: null }),
    ]);
    expect((await t.call('trainings.forVolunteer', { volunteerId: ana.id, onDate: '2028-03-15' })).trainings[0]!.state).toBe('expired');
    expect((await t.call('trainings.forVolunteer', { volunteerId: ben.id, onDate: '2026-01-01' })).trainings).toEqual([]);

    // Run again with other results: the session's qualifications follow.
    const corrected = await t.call('trainings.completeSession', { eventId: s.eventId, completedOn: '2025-03-20', completedIds: [ben.id] });
    expect(corrected.participants.map((p) => [p.firstName, p.result, p.qualification?.obtainedOn ?? null])).toEqual(
      expect.arrayContaining([['Ana', 'not_completed', null], ['Ben', 'completed', '2025-03-15']]),
    );
    withReadonly(t.file, (db) => expect(db.prepare('SELECT volunteer_id FROM qualifications').pluck().all()).toEqual([ben.id]));

    // Reopened: back to enrolled, nothing held.
    const reopened = await t.call('trainings.reopenSession', { eventId: s.eventId });
    expect(reopened).toMatchObject({ completedOn: null, completedCount: 0 });
    expect(reopened.participants.every((p) => p.result === 'enrolled' && p.qualification === null)).toBe(true);
    expect((await t.call('trainings.forVolunteer', { volunteerId: ben.id, onDate: '2025-03-01' })).trainings[0]!.state).toBe('in_training');
  });

  it('31 January + 1 month of validity expires on the last day of February', async () => {
    const t = await openTestCore();
    const monthly = await t.call('trainings.save', { name: 'Supervision mensuelle', validityMonths: 1 });
    const ana = await person(t, 'Ana');
    const s = await t.call('trainings.createSession', buildSession(monthly.id, { startLocal: '2024-01-31T18:00', endLocal: '2024-01-31T20:00', participantIds: [ana.id] }));
    const done = await t.call('trainings.completeSession', { eventId: s.eventId, completedOn: '2024-02-01', completedIds: [ana.id] });
    expect(done.participants[0]!.qualification).toMatchObject({ obtainedOn: '2024-01-31', expiresOn: '2024-02-29' });
  });

  it('a training with no validity gives a qualification that never expires', async () => {
    const t = await openTestCore();
    const listening = await trainingId(t, 'active_listening');
    const ana = await person(t, 'Ana');
    const s = await t.call('trainings.createSession', buildSession(listening, { participantIds: [ana.id] }));
    const done = await t.call('trainings.completeSession', { eventId: s.eventId, completedOn: '2025-03-15', completedIds: [ana.id] });
    expect(done.participants[0]!.qualification).toMatchObject({ obtainedOn: '2025-03-15', expiresOn: null });
    expect((await t.call('trainings.forVolunteer', { volunteerId: ana.id, onDate: '2099-01-01' })).trainings[0]!.state).toBe('qualified');
  });

  it('refuses a completion before the session, in the future, or for someone not enrolled: nothing written', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const ana = await person(t, 'Ana');
    const other = await person(t, 'Otto');
    const s = await t.call('trainings.createSession', buildSession(pssm, { participantIds: [ana.id] }));
    await refused(t, 'trainings.completeSession', { eventId: s.eventId, completedOn: '2025-03-14', completedIds: [ana.id] }, ['completedOn'], 'completedBeforeSession');
    await refused(t, 'trainings.completeSession', { eventId: s.eventId, completedOn: addDays(localToday(), 2), completedIds: [ana.id] }, ['completedOn'], 'completedInFuture');
    await refused(t, 'trainings.completeSession', { eventId: s.eventId, completedOn: '2025-03-15', completedIds: [other.id] }, ['completedIds', 0], 'notParticipant');
    await refused(t, 'trainings.completeSession', { eventId: s.eventId, completedOn: '2025-02-30', completedIds: [] }, ['completedOn'], 'date');
    for (const key of ['completedBeforeSession', 'completedInFuture', 'notParticipant']) expectSentence('issues', key);
    const before = dumpTables(t.file);
    expectFailure(await t.dispatch('trainings.completeSession', { eventId: 999, completedOn: '2025-03-15', completedIds: [] }), 'NOT_FOUND');
    expect(dumpTables(t.file)).toEqual(before);
  });

  it('a completed session: cost and trainer can change, not its training, day or participants until reopened', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const listening = await trainingId(t, 'active_listening');
    const ana = await person(t, 'Ana');
    const ben = await person(t, 'Ben');
    const input = buildSession(pssm, { participantIds: [ana.id] });
    const s = await t.call('trainings.createSession', input);
    await t.call('trainings.completeSession', { eventId: s.eventId, completedOn: '2025-03-15', completedIds: [ana.id] });
    const updated = await t.call('trainings.updateSession', { eventId: s.eventId, data: { ...input, costCents: 61_000, trainerName: 'Formatrice PSSM' } });
    expect(updated).toMatchObject({ costCents: 61_000, trainerName: 'Formatrice PSSM', completedOn: '2025-03-15' });
    await refused(t, 'trainings.updateSession', { eventId: s.eventId, data: { ...input, trainingId: listening } }, ['trainingId'], 'reopenFirst');
    await refused(t, 'trainings.updateSession', { eventId: s.eventId, data: { ...input, participantIds: [ana.id, ben.id] } }, ['participantIds'], 'reopenFirst');
    await refused(t, 'trainings.updateSession', { eventId: s.eventId, data: { ...input, startLocal: '2025-03-16T09:00', endLocal: '2025-03-16T17:00' } }, ['startLocal'], 'reopenFirst');
    expectSentence('issues', 'reopenFirst');
  });

  it('an attended session keeps its times and is not deleted; nor is one with expenses', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const ana = await person(t, 'Ana');
    const input = buildSession(pssm, { participantIds: [ana.id] });
    const attended = await t.call('trainings.createSession', input);
    const db = new Database(t.file);
    db.prepare("INSERT INTO attendance (event_id, volunteer_id, status, walk_in, updated_at) VALUES (?, ?, 'present', 0, '2025-03-15T17:00:00Z')").run(attended.eventId, ana.id);
    db.close();
    await refused(t, 'trainings.updateSession', { eventId: attended.eventId, data: { ...input, startLocal: '2025-03-15T10:00' } }, ['startLocal'], 'planning.attendedLocked');
    // Its cost can still change.
    expect((await t.call('trainings.updateSession', { eventId: attended.eventId, data: { ...input, costCents: 1 } })).costCents).toBe(1);
    const before = dumpTables(t.file);
    expect(expectFailure(await t.dispatch('trainings.deleteSession', { eventId: attended.eventId }), 'CONFLICT').details).toMatchObject({ reason: 'trainingSessionAttended' });
    expect(dumpTables(t.file)).toEqual(before);
    expectSentence('reasons', 'trainingSessionAttended');

    const paid = await t.call('trainings.createSession', buildSession(pssm, { participantIds: [ana.id] }));
    const withExpense = new Database(t.file);
    const hasFinance = withExpense.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'money_lines'").get() !== undefined;
    // Finance's expenses come with its migration (9); the check is exercised whenever it is there.
    expect(hasFinance).toBe(MIGRATIONS.some((m) => m.version === 9));
    if (hasFinance) {
      const category = withExpense.prepare("SELECT id FROM money_categories WHERE direction = 'expense' LIMIT 1").pluck().get() as number;
      withExpense
        .prepare(
          `INSERT INTO money_lines (direction, occurred_on, amount_cents, label, category_id, payment_method, event_id, created_at, updated_at)
           VALUES ('expense', '2025-03-20', 50000, 'Formatrice PSSM', ?, 'transfer', ?, '2025-03-20T10:00:00Z', '2025-03-20T10:00:00Z')`,
        )
        .run(category, paid.eventId);
    }
    withExpense.close();
    if (hasFinance) {
      expect(expectFailure(await t.dispatch('trainings.deleteSession', { eventId: paid.eventId }), 'CONFLICT').details).toMatchObject({ reason: 'trainingSessionInUse' });
      expectSentence('reasons', 'trainingSessionInUse');
    }
  });

  it('a cancelled session cannot be completed', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const ana = await person(t, 'Ana');
    const s = await t.call('trainings.createSession', buildSession(pssm, { participantIds: [ana.id] }));
    const db = new Database(t.file);
    db.prepare("UPDATE events SET status = 'cancelled' WHERE id = ?").run(s.eventId);
    db.close();
    const before = dumpTables(t.file);
    const error = expectFailure(await t.dispatch('trainings.completeSession', { eventId: s.eventId, completedOn: '2025-03-15', completedIds: [ana.id] }), 'CONFLICT');
    expect(error.details).toMatchObject({ reason: 'trainingSessionCancelled' });
    expect(dumpTables(t.file)).toEqual(before);
  });
});

describe('qualifications entered by hand', () => {
  it('records one obtained elsewhere with its certificate note; expiry from the validity unless the certificate says', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const ana = await person(t, 'Ana');
    const q = await t.call('trainings.addQualification', { volunteerId: ana.id, trainingId: pssm, obtainedOn: '2024-08-31', certificateNote: 'PSSM France n° 2024-881' });
    expect(q).toMatchObject({ source: 'manual', eventId: null, obtainedOn: '2024-08-31', expiresOn: '2027-08-31', certificateNote: 'PSSM France n° 2024-881', firstName: 'Ana' });
    const own = await t.call('trainings.addQualification', { volunteerId: ana.id, trainingId: pssm, obtainedOn: '2023-01-10', expiresOn: '2025-01-10' });
    expect(own.expiresOn).toBe('2025-01-10');
    const edited = await t.call('trainings.updateQualification', { id: own.id, data: { volunteerId: ana.id, trainingId: pssm, obtainedOn: '2023-01-10', expiresOn: '2026-01-10', certificateNote: 'Renouvelée' } });
    expect(edited).toMatchObject({ expiresOn: '2026-01-10', certificateNote: 'Renouvelée' });
    const mine = await t.call('trainings.forVolunteer', { volunteerId: ana.id, onDate: '2025-06-01' });
    expect(mine.qualifications.map((x) => x.id)).toEqual([q.id, own.id]);
    expect(mine.trainings[0]).toMatchObject({ state: 'qualified', current: { id: q.id } });
    await t.call('trainings.deleteQualification', { id: own.id });
    expect((await t.call('trainings.forVolunteer', { volunteerId: ana.id })).qualifications.map((x) => x.id)).toEqual([q.id]);
  });

  it('refuses an unknown person or training, an archived one, a future date, an expiry before the date, a duplicate', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const ana = await person(t, 'Ana');
    const gone = await person(t, 'Gaston');
    await t.call('volunteers.archive', { id: gone.id });
    const old = await t.call('trainings.save', { name: 'Ancienne' });
    await t.call('trainings.archive', { id: old.id, archived: true });
    const ok = { volunteerId: ana.id, trainingId: pssm, obtainedOn: '2024-05-02' };
    await refused(t, 'trainings.addQualification', { ...ok, volunteerId: 999 }, ['volunteerId'], 'unknownVolunteer');
    await refused(t, 'trainings.addQualification', { ...ok, volunteerId: gone.id }, ['volunteerId'], 'volunteerArchived');
    await refused(t, 'trainings.addQualification', { ...ok, trainingId: 999 }, ['trainingId'], 'unknownTraining');
    await refused(t, 'trainings.addQualification', { ...ok, trainingId: old.id }, ['trainingId'], 'trainingArchived');
    await refused(t, 'trainings.addQualification', { ...ok, obtainedOn: addDays(localToday(), 1) }, ['obtainedOn'], 'obtainedInFuture');
    await refused(t, 'trainings.addQualification', { ...ok, expiresOn: '2024-05-02' }, ['expiresOn'], 'expiryBeforeObtained');
    await t.call('trainings.addQualification', ok);
    await refused(t, 'trainings.addQualification', ok, ['obtainedOn'], 'qualificationExists');
    for (const key of ['obtainedInFuture', 'expiryBeforeObtained', 'qualificationExists']) expectSentence('issues', key);
  });

  it('one from a session is changed through the session, not by hand', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const ana = await person(t, 'Ana');
    const s = await t.call('trainings.createSession', buildSession(pssm, { participantIds: [ana.id] }));
    const done = await t.call('trainings.completeSession', { eventId: s.eventId, completedOn: '2025-03-15', completedIds: [ana.id] });
    const id = done.participants[0]!.qualification!.id;
    const before = dumpTables(t.file);
    expect(expectFailure(await t.dispatch('trainings.deleteQualification', { id }), 'CONFLICT').details).toMatchObject({ reason: 'qualificationFromSession' });
    expectFailure(await t.dispatch('trainings.updateQualification', { id, data: { volunteerId: ana.id, trainingId: pssm, obtainedOn: '2025-03-01' } }), 'CONFLICT');
    expect(dumpTables(t.file)).toEqual(before);
    expectSentence('reasons', 'qualificationFromSession');
  });
});

describe('expiring and expired lists', () => {
  async function setup() {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const listening = await trainingId(t, 'active_listening');
    const add = async (firstName: string, obtainedOn: string, expiresOn: string | null, training = pssm) => {
      const v = await person(t, firstName);
      await t.call('trainings.addQualification', { volunteerId: v.id, trainingId: training, obtainedOn, expiresOn });
      return v;
    };
    // Seen from 1 June 2026: 60 days ahead is 31 July 2026.
    const soon = await add('Soon', '2023-06-10', '2026-06-10');
    const edge = await add('Edge', '2023-07-31', '2026-07-31');
    await add('Later', '2023-08-01', '2026-08-01');
    const expired = await add('Expired', '2022-05-01', '2025-05-01');
    const today = await add('Today', '2023-06-01', '2026-06-01');
    await add('Forever', '2020-01-01', null, listening);
    // Renewed before it expired: neither the old nor the new one is due.
    const renewed = await add('Renewed', '2023-06-15', '2026-06-15');
    await t.call('trainings.addQualification', { volunteerId: renewed.id, trainingId: pssm, obtainedOn: '2026-05-20', expiresOn: '2029-05-20' });
    // Someone who left: not chased.
    const left = await add('Left', '2023-06-20', '2026-06-20');
    await t.call('volunteers.archive', { id: left.id });
    return { t, pssm, soon, edge, expired, today };
  }

  it('lists qualifications expiring within 60 days, soonest first, the 60th day included', async () => {
    const { t, soon, edge } = await setup();
    const list = await t.call('trainings.expiring', { onDate: '2026-06-01' });
    expect(list.onDate).toBe('2026-06-01');
    expect(list.rows.map((r) => [r.firstName, r.expiresOn])).toEqual([
      ['Soon', '2026-06-10'],
      ['Edge', '2026-07-31'],
    ]);
    expect(list.rows.map((r) => r.volunteerId)).toEqual([soon.id, edge.id]);
    expect(list.total).toBe(2);
    expect((await t.call('trainings.expiring', { onDate: '2026-06-01', withinDays: 10 })).rows.map((r) => r.firstName)).toEqual(['Soon']);
  });

  it('lists qualifications already expired and not renewed, most recent first (expired on its expiry day)', async () => {
    const { t } = await setup();
    const list = await t.call('trainings.expired', { onDate: '2026-06-01' });
    expect(list.rows.map((r) => [r.firstName, r.expiresOn])).toEqual([
      ['Today', '2026-06-01'],
      ['Expired', '2025-05-01'],
    ]);
    // Six weeks later, the ones that were expiring are expired too.
    const later = await t.call('trainings.expired', { onDate: '2026-07-15' });
    expect(later.rows.map((r) => r.firstName)).toEqual(['Soon', 'Today', 'Expired']);
  });

  it('the catalogue counts the people qualified today', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const a = await person(t, 'A');
    const b = await person(t, 'B');
    await t.call('trainings.addQualification', { volunteerId: a.id, trainingId: pssm, obtainedOn: localToday() });
    await t.call('trainings.addQualification', { volunteerId: b.id, trainingId: pssm, obtainedOn: '2010-01-01' });
    expect((await t.call('trainings.list')).find((x) => x.id === pssm)!.qualifiedCount).toBe(1);
  });
});

describe('roles that require a qualification (staffing warnings)', () => {
  it('warns when the person has none, or when theirs has expired by the event’s day', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const none = await person(t, 'None');
    const valid = await person(t, 'Valid');
    const lapsed = await person(t, 'Lapsed');
    const training = await person(t, 'Trainee');
    await t.call('trainings.addQualification', { volunteerId: valid.id, trainingId: pssm, obtainedOn: '2024-01-15' });
    await t.call('trainings.addQualification', { volunteerId: lapsed.id, trainingId: pssm, obtainedOn: '2022-01-15', expiresOn: '2025-01-15' });
    await t.call('trainings.createSession', buildSession(pssm, { participantIds: [training.id] }));
    const { roleId } = seedRoleRequiring(t.file, '2025-06-01', pssm);
    const { roleId: free } = seedRoleRequiring(t.file, '2025-06-01', null);
    withReadonly(t.file, (db) => {
      expect(qualificationWarnings(db, valid.id, pssm, '2025-06-01')).toEqual([]);
      expect(qualificationWarnings(db, none.id, pssm, '2025-06-01')).toEqual([{ kind: 'qualificationMissing', trainingId: pssm, expiredOn: null }]);
      expect(qualificationWarnings(db, lapsed.id, pssm, '2025-06-01')).toEqual([{ kind: 'qualificationExpired', trainingId: pssm, expiredOn: '2025-01-15' }]);
      // Still valid today, expired by the event: the warning comes now.
      expect(qualificationWarnings(db, lapsed.id, pssm, '2025-01-15')).toHaveLength(1);
      expect(qualificationWarnings(db, lapsed.id, pssm, '2025-01-14')).toEqual([]);
      // In training is not qualified.
      expect(qualificationWarnings(db, training.id, pssm, '2025-06-01')).toEqual([{ kind: 'qualificationMissing', trainingId: pssm, expiredOn: null }]);
      // Obtained after the event: missing on that day.
      expect(qualificationWarnings(db, valid.id, pssm, '2024-01-14')).toEqual([{ kind: 'qualificationMissing', trainingId: pssm, expiredOn: null }]);
      // The same answers for a page of people at once (how suggestions rank them).
      const standings = qualificationStandings(db, pssm, [valid.id, none.id, lapsed.id, training.id], '2025-06-01');
      expect(Object.fromEntries(standings)).toEqual({
        [valid.id]: { state: 'qualified', expiredOn: null },
        [none.id]: { state: 'missing', expiredOn: null },
        [lapsed.id]: { state: 'expired', expiredOn: '2025-01-15' },
        [training.id]: { state: 'missing', expiredOn: null },
      });
      expect(qualificationStandings(db, pssm, [lapsed.id], '2025-01-14').get(lapsed.id)).toEqual({ state: 'qualified', expiredOn: null });
      expect(qualificationStandings(db, pssm, [valid.id], '2024-01-14').get(valid.id)).toEqual({ state: 'missing', expiredOn: null });
      expect(qualificationStandings(db, pssm, [], '2025-06-01').size).toBe(0);
      expect(db.prepare('SELECT required_training_id FROM event_roles WHERE id IN (?, ?) ORDER BY id').pluck().all(roleId, free)).toEqual([pssm, null]);
    });
  });

  it('staffing answers the warning when someone unqualified or expired is assigned (events.assign)', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const valid = await person(t, 'Valid');
    const lapsed = await person(t, 'Lapsed');
    const none = await person(t, 'None');
    await t.call('trainings.addQualification', { volunteerId: valid.id, trainingId: pssm, obtainedOn: '2024-01-15' });
    await t.call('trainings.addQualification', { volunteerId: lapsed.id, trainingId: pssm, obtainedOn: '2022-01-15', expiresOn: '2025-01-15' });
    const { roleId } = seedRoleRequiring(t.file, '2025-06-01', null);
    await t.call('events.updateRole', { roleId, role: { name: 'Écoute', needed: 1, requiredTrainingId: pssm } });
    const kinds = async (volunteerId: number) =>
      (await t.call('events.assign', { roleId, volunteerId })).warnings.filter((w) => w.kind.startsWith('qualification'));
    expect(await kinds(valid.id)).toEqual([]);
    expect(await kinds(none.id)).toEqual([{ kind: 'qualificationMissing', trainingId: pssm, trainingKey: 'mental_health_first_aid', trainingName: null }]);
    expect(await kinds(lapsed.id)).toEqual([
      { kind: 'qualificationExpired', trainingId: pssm, trainingKey: 'mental_health_first_aid', trainingName: null, expiredOn: '2025-01-15' },
    ]);
    // The warning never blocks: all three are assigned.
    withReadonly(t.file, (db) => expect(db.prepare('SELECT count(*) FROM assignments WHERE role_id = ?').pluck().get(roleId)).toBe(3));
  });

  it('a role requires a training through the role itself (events.addRole / updateRole); unknown or archived trainings are refused', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const old = await t.call('trainings.save', { name: 'Ancienne' });
    const { eventId } = seedRoleRequiring(t.file, '2025-06-01', null);
    const role = await t.call('events.addRole', { eventId, role: { name: 'Premiers secours', needed: 1, requiredTrainingId: pssm } });
    expect(role.requiredTraining).toEqual({ id: pssm, key: 'mental_health_first_aid', name: null, archived: false });
    const shown = (await t.call('events.staffing', { eventId })).roles.find((r) => r.id === role.id)!;
    expect(shown.requiredTraining).toEqual({ id: pssm, key: 'mental_health_first_aid', name: null, archived: false });
    // The association's own training, then archived: the role keeps it on later edits…
    const kept = await t.call('events.updateRole', { roleId: role.id, role: { name: 'Premiers secours', needed: 1, requiredTrainingId: old.id } });
    expect(kept.requiredTraining).toEqual({ id: old.id, key: null, name: 'Ancienne', archived: false });
    await t.call('trainings.archive', { id: old.id, archived: true });
    expect((await t.call('events.updateRole', { roleId: role.id, role: { name: 'Premiers secours', needed: 2, requiredTrainingId: old.id } })).requiredTraining).toMatchObject({
      id: old.id,
      archived: true,
    });
    // …but no role newly requires it, nor an unknown one; nothing is written then.
    await refused(t, 'events.addRole', { eventId, role: { name: 'Écoute 2', needed: 1, requiredTrainingId: old.id } }, ['role', 'requiredTrainingId'], 'trainingArchived');
    await refused(t, 'events.addRole', { eventId, role: { name: 'Écoute 2', needed: 1, requiredTrainingId: 999 } }, ['role', 'requiredTrainingId'], 'unknownTraining');
    await refused(t, 'events.updateRole', { roleId: role.id, role: { name: 'Premiers secours', needed: 1, requiredTrainingId: 999 } }, ['role', 'requiredTrainingId'], 'unknownTraining');
    // Cleared with null.
    expect((await t.call('events.updateRole', { roleId: role.id, role: { name: 'Premiers secours', needed: 1, requiredTrainingId: null } })).requiredTraining).toBeNull();
    // One way to set it: the separate trainings calls are gone.
    expectFailure(await t.dispatch('trainings.setRoleRequirement', { roleId: role.id, trainingId: pssm }), 'UNKNOWN_METHOD');
  });
});

describe('personal data: export and erasure', () => {
  it('the export lists the sessions followed and the qualifications held, in JSON and in words', async () => {
    const t = await openTestCore();
    const ana = await person(t, 'Ana', 'Lopez');
    const { session, manual } = await personTrainings(t, ana.id);
    const data = withReadonly(t.file, (db) => collectPerson({ sqlite: db } as unknown as Context, ana.id, 'fr'));
    expect(data.trainingSessions).toEqual([
      expect.objectContaining({ eventId: session.eventId, result: 'completed', training: 'Premiers secours en santé mentale (PSSM)', title: 'PSSM — printemps' }),
    ]);
    expect(data.qualifications).toEqual([
      expect.objectContaining({ id: manual.id, training: 'Écoute active', obtainedOn: '2024-06-01', expiresOn: null, source: 'manual', certificateNote: 'Croix-Rouge, attestation n° 4512' }),
      expect.objectContaining({ training: 'Premiers secours en santé mentale (PSSM)', obtainedOn: '2025-03-15', expiresOn: '2028-03-15', source: 'session', eventId: session.eventId }),
    ]);
    const csv = personCsvRows(data, 'fr').map((r) => r.join(';'));
    expect(csv).toContain('Formations suivies;Premiers secours en santé mentale (PSSM) — 15 mars 2025;Terminée');
    expect(csv).toContain('Qualifications;Premiers secours en santé mentale (PSSM);15 mars 2025 · expire le 15 mars 2028');
    expect(csv).toContain('Qualifications;Écoute active;1er juin 2024 · sans expiration · Croix-Rouge, attestation n° 4512');
  });

  it('erasure deletes the qualifications, keeps the participation (counts per session), and a session closed again gives nothing back', async () => {
    const t = await openTestCore();
    const ana = await person(t, 'Ana', 'Lopez');
    const ben = await person(t, 'Ben', 'Abel');
    const { session } = await personTrainings(t, ana.id);
    await t.call('trainings.reopenSession', { eventId: session.eventId });
    await t.call('trainings.updateSession', { eventId: session.eventId, data: buildSession(session.trainingId, { title: 'PSSM — printemps', participantIds: [ana.id, ben.id] }) });
    await t.call('trainings.completeSession', { eventId: session.eventId, completedOn: '2025-03-16', completedIds: [ana.id, ben.id] });
    await t.call('privacy.erase', { id: ana.id });
    withReadonly(t.file, (db) => {
      expect(db.prepare('SELECT count(*) FROM qualifications WHERE volunteer_id = ?').pluck().get(ana.id)).toBe(0);
      expect(db.prepare('SELECT count(*) FROM qualifications WHERE volunteer_id = ?').pluck().get(ben.id)).toBe(1);
      expect(db.prepare('SELECT result FROM training_participants WHERE volunteer_id = ?').pluck().all(ana.id)).toEqual(['completed']);
      const raw = JSON.stringify(db.prepare('SELECT * FROM qualifications').all());
      expect(raw).not.toContain('Croix-Rouge');
      expect(trainingSessionFigures(db)[0]).toMatchObject({ participantCount: 2, completedCount: 2 });
    });
    const again = await t.call('trainings.completeSession', { eventId: session.eventId, completedOn: '2025-03-16', completedIds: [ana.id, ben.id] });
    expect(again.participants.find((p) => p.volunteerId === ana.id)!.qualification).toBeNull();
    expect(again.participants.find((p) => p.volunteerId === ben.id)!.qualification).not.toBeNull();
  });
});

describe('figures for finance', () => {
  it('sessions with their planned cost and participant counts, cancelled ones left out, by period', async () => {
    const t = await openTestCore();
    const pssm = await trainingId(t, 'mental_health_first_aid');
    const [a, b, c] = [await person(t, 'A'), await person(t, 'B'), await person(t, 'C')];
    const spring = await t.call('trainings.createSession', buildSession(pssm, { costCents: 75_000, participantIds: [a.id, b.id, c.id] }));
    await t.call('trainings.completeSession', { eventId: spring.eventId, completedOn: '2025-03-15', completedIds: [a.id, b.id] });
    await t.call('trainings.createSession', buildSession(pssm, { startLocal: '2025-10-04T09:00', endLocal: '2025-10-04T17:00', costCents: 0, participantIds: [a.id] }));
    withReadonly(t.file, (db) => {
      expect(trainingSessionFigures(db).map((f) => [f.date, f.plannedCostCents, f.participantCount, f.completedCount])).toEqual([
        ['2025-03-15', 75_000, 3, 2],
        ['2025-10-04', 0, 1, 0],
      ]);
      expect(trainingSessionFigures(db, { from: '2025-06-01', to: '2025-12-31' })).toHaveLength(1);
      expect(trainingSessionFigures(db)[0]).toMatchObject({ eventId: spring.eventId, trainingKey: 'mental_health_first_aid', trainingName: null, completedOn: '2025-03-15' });
    });
  });
});

describe('migration 8 over events planned at version 6', () => {
  it('adds the catalogue and a nullable required training to existing roles', async () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const v6 = openDatabase(file, { backupDir: join(dir, 'backups'), targetVersion: 6 });
    const now = '2026-01-01T00:00:00.000Z';
    const eventId = Number(
      v6.sqlite
        .prepare(
          `INSERT INTO events (title, kind, format, time_zone, start_local, end_local, start_utc, end_utc, created_at, updated_at)
           VALUES ('Formation', 'training', 'in_person', 'Europe/Paris', '2026-02-01T09:00', '2026-02-01T12:00', '2026-02-01T08:00:00Z', '2026-02-01T11:00:00Z', ?, ?)`,
        )
        .run(now, now).lastInsertRowid,
    );
    v6.sqlite.prepare("INSERT INTO event_roles (event_id, name, needed, end_offset) VALUES (?, 'Accueil', 1, 60)").run(eventId);
    v6.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    v6.sqlite.close();

    const t = await openTestCore({ dataDir: dir });
    expect((await t.call('trainings.list')).map((x) => x.key)).toEqual(SEEDED_TRAININGS.map((s) => s.key));
    withReadonly(t.file, (db) => {
      expect(db.prepare('SELECT name, required_training_id FROM event_roles').all()).toEqual([{ name: 'Accueil', required_training_id: null }]);
      expect(db.prepare("SELECT count(*) FROM pragma_table_info('series_roles') WHERE name = 'required_training_id'").pluck().get()).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    });
  });
});

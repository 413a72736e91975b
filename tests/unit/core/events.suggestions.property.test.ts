import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../../electron/core/db/connection';
import { suggest } from '../../../electron/core/events/suggestions';
import { sortName } from '../../../electron/core/volunteers/bits';
import { DATABASE_FILE } from '../../../electron/core/relais';
import { openTestCore } from './helpers';
import { day, makeEvent, makeRole, skillId, weekdayFrom } from './events.staffing.support';

/**
 * The ranking against an oracle written from the rules alone: random registries (skills and
 * levels, availability, formats, statuses, archives, agreements, recent hours, other shifts,
 * people already on the role, equal names, qualifications valid or expired), every role shape (one
 * skill, two skills, none; with or without a required training), any limit and any first page
 * size. Whatever the paging, the answer is the oracle's first ones.
 */

const TUE_EVENING = 1 << (1 * 3 + 2); // SLOTS order: mon.morning … sun.evening
const NAMES = ['Anne', 'Bruno', 'Chloé', 'Anne', 'Émile'];

interface Person {
  name: string;
  gf: 0 | 1 | 2 | 3;
  listening: 0 | 1 | 2 | 3;
  availability: number;
  format: 'in_person' | 'remote' | 'both';
  status: 'active' | 'paused' | 'left';
  archived: boolean;
  signed: boolean;
  minutes: number;
  onOther: boolean;
  onRole: 'none' | RoleShape;
  qualification: 'none' | 'valid' | 'expired';
}

type RoleShape = 'one' | 'two' | 'open' | 'trained';
const SHAPES: RoleShape[] = ['one', 'two', 'open', 'trained'];
/** The shapes whose role requires the training. */
const REQUIRES_TRAINING: RoleShape[] = ['one', 'trained'];

const person = fc.record<Person>({
  name: fc.constantFrom(...NAMES),
  gf: fc.constantFrom(0, 1, 2, 3),
  listening: fc.constantFrom(0, 1, 2, 3),
  availability: fc.oneof(fc.constant(0), fc.constant(TUE_EVENING), fc.integer({ min: 0, max: (1 << 21) - 1 })),
  format: fc.constantFrom('in_person', 'remote', 'both'),
  status: fc.constantFrom('active', 'active', 'paused', 'left'),
  archived: fc.constantFrom(false, false, false, true),
  signed: fc.boolean(),
  minutes: fc.integer({ min: 0, max: 46 }).map((n) => n * 30),
  onOther: fc.constantFrom(false, false, true),
  onRole: fc.constantFrom('none', 'none', 'none', 'one', 'two', 'open', 'trained'),
  qualification: fc.constantFrom('none', 'none', 'valid', 'expired'),
});

describe('events.suggest ranking (property)', () => {
  it('matches an oracle written from the rules, for any registry, limit and paging', async () => {
    const t = await openTestCore();
    const gf = await skillId(t, 'group_facilitation');
    const listening = await skillId(t, 'active_listening');
    // Tuesday 18:30–20:00 in person, agreement required; another shift at 19:00 the same evening.
    const tuesday = weekdayFrom(2, 21);
    const eventId = await makeEvent(t, tuesday, '18:30', '20:00', { confidentialityRequired: true });
    const trainingId = (await t.call('trainings.list', {})).find((x) => x.key === 'group_facilitation')!.id;
    const roles = {
      one: await makeRole(t, eventId, { name: 'One skill', needed: 1, skills: [{ skillId: gf, minLevel: 2 }], requiredTrainingId: trainingId }),
      two: await makeRole(t, eventId, { name: 'Two skills', needed: 1, skills: [{ skillId: gf, minLevel: 3 }, { skillId: listening, minLevel: 1 }] }),
      open: await makeRole(t, eventId, { name: 'Anyone', needed: 1 }),
      trained: await makeRole(t, eventId, { name: 'Anyone trained', needed: 1, requiredTrainingId: trainingId }),
    };
    const other = await makeEvent(t, tuesday, '19:00', '21:00', { kind: 'community', title: 'Other' });
    const otherRole = await makeRole(t, other, { name: 'Elsewhere' });
    const sqlite = openSqlite(join(t.dataDir, DATABASE_FILE));
    const at = '2026-01-01T00:00:00.000Z';
    const insert = sqlite.prepare(
      `INSERT INTO volunteers (first_name, last_name, sort_name, joined_on, status, status_since, roles, availability, preferred_format,
         confidentiality_signed_on, archived_at, created_at, updated_at)
       VALUES (@first, 'Test', @sortName, '2024-01-01', @status, @since, 1, @availability, @format, @signed, @archived, @at, @at)`,
    );

    const oracle = (people: (Person & { id: number })[], role: RoleShape) => {
      const required = role === 'one' ? [{ held: (p: Person) => p.gf, min: 2 }] : role === 'two' ? [{ held: (p: Person) => p.gf, min: 3 }, { held: (p: Person) => p.listening, min: 1 }] : [];
      return people
        .filter((p) => !p.archived && p.status !== 'left' && p.onRole !== role)
        .filter((p) => required.length === 0 || required.some((r) => r.held(p) > 0))
        .map((p) => {
          const skills = required.reduce((sum, r) => sum + (r.held(p) === 0 ? 0 : Math.floor((r.held(p) >= r.min ? 100 : 50) / required.length)), 0);
          const availability = p.availability === 0 ? 5 : p.availability & TUE_EVENING ? 20 : 0;
          const format = p.format === 'remote' ? 0 : 10;
          const status = p.status === 'paused' ? -30 : 0;
          const qualification = !REQUIRES_TRAINING.includes(role) ? 0 : { valid: 0, expired: -30, none: -50 }[p.qualification];
          const base = skills + availability + format + status + qualification;
          const load = Math.max(0, 20 - Math.floor(p.minutes / 60));
          // Another shift then: elsewhere, or another role of this same session.
          const clash = p.onOther || (p.onRole !== 'none' && p.onRole !== role);
          // The week: this 90-minute shift plus at most two others: never past the 10 h default.
          const score = base + load + (clash ? -100 : 0) + (p.signed ? 0 : -15);
          return { id: p.id, score, base, sortName: sortName(p.name, 'Test') };
        })
        .sort((a, b) => b.score - a.score || b.base - a.base || (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id - b.id))
        .map((x) => [x.id, x.score]);
    };

    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 5, maxLength: 40, size: 'max' }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }), async (people, limit, firstPage) => {
        const made = sqlite.transaction(() => {
          sqlite.exec('DELETE FROM assignments; DELETE FROM hour_entries; DELETE FROM volunteer_skills; DELETE FROM qualifications; DELETE FROM volunteers;');
          return people.map((p) => {
            const id = Number(
              insert.run({
                first: p.name,
                sortName: sortName(p.name, 'Test'),
                status: p.status,
                since: p.status === 'active' ? null : '2025-01-01',
                availability: p.availability,
                format: p.format,
                signed: p.signed ? '2025-01-01' : null,
                archived: p.archived ? at : null,
                at,
              }).lastInsertRowid,
            );
            if (p.gf) sqlite.prepare('INSERT INTO volunteer_skills (volunteer_id, skill_id, level) VALUES (?, ?, ?)').run(id, gf, p.gf);
            if (p.listening) sqlite.prepare('INSERT INTO volunteer_skills (volunteer_id, skill_id, level) VALUES (?, ?, ?)').run(id, listening, p.listening);
            if (p.minutes) {
              sqlite
                .prepare(
                  `INSERT INTO hour_entries (volunteer_id, worked_on, minutes, category, source, approval, created_at, updated_at)
                   VALUES (?, ?, ?, 'support', 'manual', 'approved', ?, ?)`,
                )
                .run(id, day(-5), p.minutes, at, at);
            }
            const assign = (roleId: number, eventOf: number) =>
              sqlite.prepare('INSERT INTO assignments (role_id, event_id, volunteer_id, created_at) VALUES (?, ?, ?, ?)').run(roleId, eventOf, id, at);
            if (p.qualification !== 'none') {
              const [obtained, expires] = p.qualification === 'valid' ? ['2024-01-01', null] : ['2020-01-01', '2021-01-01'];
              sqlite
                .prepare(
                  `INSERT INTO qualifications (volunteer_id, training_id, obtained_on, expires_on, source, created_at, updated_at)
                   VALUES (?, ?, ?, ?, 'manual', ?, ?)`,
                )
                .run(id, trainingId, obtained, expires, at, at);
            }
            if (p.onOther) assign(otherRole, other);
            if (p.onRole !== 'none') assign(roles[p.onRole], eventId);
            return { ...p, id };
          });
        })();
        for (const role of SHAPES) {
          const expected = oracle(made, role);
          const got = suggest(sqlite, roles[role], limit, firstPage);
          expect(got.suggestions.map((s) => [s.volunteerId, s.score])).toEqual(expected.slice(0, limit));
          expect(got.considered).toBe(expected.length);
        }
      }),
      { numRuns: 60 },
    );
    sqlite.close();
  });
});

import { Temporal } from 'temporal-polyfill';
import type { EventInput, EventRoleInput, Slot, VolunteerInput } from '../../../shared/api';
import { buildVolunteer, type TestCore } from './helpers';

/**
 * For the staffing tests: events made through `events.create`, days relative to today (so "past",
 * "upcoming" and "the last 30 days" stay true whenever the suite runs), and small builders.
 */

export const ZONE = 'Europe/Paris';

export const today = () => Temporal.Now.plainDateISO(ZONE);
export const day = (offset: number) => today().add({ days: offset }).toString();

/** The first given ISO weekday (1 = Monday) at least `minDays` from today, `YYYY-MM-DD`. */
export function weekdayFrom(weekday: number, minDays: number): string {
  const d = today().add({ days: minDays });
  return d.add({ days: (weekday - d.dayOfWeek + 7) % 7 }).toString();
}

export async function skillId(t: TestCore, key: string): Promise<number> {
  const skills = await t.call('volunteers.listSkills', { includeArchived: true });
  const found = skills.find((s) => s.key === key);
  if (!found) throw new Error(`no seeded skill ${key}`);
  return found.id;
}

/** An event on `date` from `from` to `to` (local, Europe/Paris); answers its id. */
export async function makeEvent(
  t: TestCore,
  date: string,
  from: string,
  to: string,
  overrides: Partial<EventInput> = {},
): Promise<number> {
  const { event } = await t.call('events.create', {
    title: 'Groupe de parole — aidants',
    kind: 'support_group',
    start: `${date}T${from}`,
    end: `${date}T${to}`,
    timeZone: ZONE,
    format: 'in_person',
    ...overrides,
  });
  return event.id;
}

export async function makeRole(t: TestCore, eventId: number, role: Partial<EventRoleInput> = {}): Promise<number> {
  const made = await t.call('events.addRole', { eventId, role: { name: 'Animation', needed: 1, ...role } });
  return made.id;
}

export async function makeVolunteer(
  t: TestCore,
  firstName: string,
  overrides: Partial<VolunteerInput> & { skill?: { id: number; level: 1 | 2 | 3 }; slots?: Slot[] } = {},
): Promise<number> {
  const { skill, slots, ...rest } = overrides;
  const v = await t.call(
    'volunteers.create',
    buildVolunteer({
      firstName,
      lastName: 'Test',
      confidentialitySignedOn: '2025-01-10',
      skills: skill ? [{ skillId: skill.id, level: skill.level }] : [],
      availability: slots ?? [],
      ...rest,
    }),
  );
  return v.id;
}

/** Approved manual hours, as the hours page records them. */
export async function addHours(t: TestCore, volunteerId: number, workedOn: string, minutes: number, approval: 'approved' | 'pending' = 'approved') {
  await t.call('hours.create', { volunteerId, workedOn, minutes, category: 'support', approval });
}

import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { ruleDates, ruleSlots, type Rule } from '../../../electron/core/events/recurrence';
import type { SeriesInput } from '../../../shared/api';
import { openTestCore, type TestCore } from './helpers';
import { buildEvent, buildSeries, day, recordAttendance, rows } from './events.planning.support';

const frequency = fc.constantFrom('weekly' as const, 'biweekly' as const, 'monthly' as const);
const date = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const rule = fc.record({
  frequency,
  startsOn: date,
  weekday: fc.integer({ min: 1, max: 7 }),
  monthOrdinal: fc.constantFrom(1, 2, 3, 4, 5, -1),
});

const dayOfWeek = (d: string) => Temporal.PlainDate.from(d).dayOfWeek;

describe('series dates (pure)', () => {
  it('a count gives exactly that many dates, in order, on the weekday, at the right spacing', () => {
    fc.assert(
      fc.property(rule, fc.integer({ min: 1, max: 60 }), (r, count) => {
        const full: Rule = { ...r, monthOrdinal: r.frequency === 'monthly' ? r.monthOrdinal : null, untilOn: null, count };
        const dates = ruleDates(full, 1000);
        expect(dates).toHaveLength(count);
        expect(dates[0]! >= r.startsOn).toBe(true);
        expect(dates.every((d) => dayOfWeek(d) === r.weekday)).toBe(true);
        for (let i = 1; i < dates.length; i++) {
          const gap = Temporal.PlainDate.from(dates[i - 1]!).until(Temporal.PlainDate.from(dates[i]!)).days;
          if (r.frequency === 'weekly') expect(gap).toBe(7);
          else if (r.frequency === 'biweekly') expect(gap).toBe(14);
          else expect(dates[i]!.slice(0, 7) > dates[i - 1]!.slice(0, 7)).toBe(true);
        }
        if (r.frequency === 'monthly') {
          for (const d of dates) {
            const dom = Number(d.slice(8, 10));
            const monthLength = Temporal.PlainDate.from(d).daysInMonth;
            if (r.monthOrdinal === -1) expect(dom + 7).toBeGreaterThan(monthLength);
            else expect(Math.ceil(dom / 7)).toBe(r.monthOrdinal);
          }
        }
        // The first date is the first that fits: nothing fitting was skipped before it.
        if (r.frequency !== 'monthly') expect(Temporal.PlainDate.from(r.startsOn).until(Temporal.PlainDate.from(dates[0]!)).days).toBeLessThan(7);
      }),
      { numRuns: 300 },
    );
  });

  it('an end date gives every fitting date up to it, and no more', () => {
    fc.assert(
      fc.property(rule, fc.integer({ min: 0, max: 400 }), (r, span) => {
        const untilOn = Temporal.PlainDate.from(r.startsOn).add({ days: span }).toString();
        const full: Rule = { ...r, monthOrdinal: r.frequency === 'monthly' ? r.monthOrdinal : null, untilOn, count: null };
        const dates = ruleDates(full, 1000);
        expect(dates.every((d) => d >= r.startsOn && d <= untilOn)).toBe(true);
        // One more date by count would fall after the end.
        const next = ruleDates({ ...full, untilOn: null, count: dates.length + 1 }, 1000).at(-1)!;
        expect(next > untilOn).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('stops at the limit it is given (a rule cannot run away)', () => {
    fc.assert(
      fc.property(rule, (r) => {
        const full: Rule = { ...r, monthOrdinal: r.frequency === 'monthly' ? r.monthOrdinal : null, untilOn: '2100-12-31', count: null };
        const all = ruleDates(full, 5000);
        // A 5th weekday falls only some months: fewer than 501 up to 2100, then all of them.
        expect(ruleDates(full, 501)).toEqual(all.slice(0, 501));
        if (r.frequency !== 'monthly' || r.monthOrdinal !== 5) expect(all.length).toBeGreaterThan(501);
      }),
      { numRuns: 50 },
    );
  });
});

describe('wall-clock time across daylight-saving changes', () => {
  // Night hours are over-weighted so the spring-forward gap is often met.
  const time = fc.record({ h: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.constantFrom(1, 2, 3)), m: fc.constantFrom(0, 15, 30, 45) }).map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

  it.each(['Europe/Paris', 'America/New_York'])('in %s a session keeps its local time, unless that time does not exist that day (then it moves forward and says so)', (zone) => {
    fc.assert(
      fc.property(rule, fc.boolean(), time, fc.integer({ min: 15, max: 240 }), (r, sunday, startTime, minutes) => {
        const full: Rule = { ...r, weekday: sunday ? 7 : r.weekday, monthOrdinal: r.frequency === 'monthly' ? r.monthOrdinal : null, untilOn: null, count: 40 };
        const { slots, adjustments } = ruleSlots(full, startTime, minutes, zone, 500);
        for (const slot of slots) {
          const requested = `${slot.date}T${startTime}`;
          const zoned = Temporal.Instant.from(slot.start.utc).toZonedDateTimeISO(zone);
          // The stored UTC instant is the stored local time in that zone.
          expect(zoned.toPlainDateTime().toString().slice(0, 16)).toBe(slot.start.local);
          const moved = adjustments.find((a) => a.position === slot.position && a.field === 'start');
          if (slot.start.local === requested) expect(moved).toBeUndefined();
          else {
            expect(moved).toEqual({ position: slot.position, field: 'start', requested, actual: slot.start.local, reason: 'nonexistentTime' });
            // Only a skipped hour moves a time, and by that hour.
            expect(Temporal.PlainDateTime.from(requested).until(Temporal.PlainDateTime.from(slot.start.local)).total('minutes')).toBe(60);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a weekly 18:30 meeting spanning a year is always 18:30 local, its UTC hour moving with the seasons', () => {
    for (const zone of ['Europe/Paris', 'America/New_York']) {
      const { slots } = ruleSlots({ frequency: 'weekly', startsOn: '2026-01-06', weekday: 2, monthOrdinal: null, untilOn: '2026-12-29', count: null }, '18:30', 90, zone, 500);
      expect(slots).toHaveLength(52);
      expect(slots.every((s) => s.start.local.endsWith('T18:30') && s.end.local.endsWith('T20:00'))).toBe(true);
      expect(new Set(slots.map((s) => s.start.utc.slice(11, 16))).size).toBe(2);
    }
  });

  it('a Sunday 02:30 session moves once a year, on the spring-forward night of its zone', () => {
    const sundays = { frequency: 'weekly' as const, startsOn: '2026-01-04', weekday: 7, monthOrdinal: null, untilOn: '2026-12-27', count: null };
    const paris = ruleSlots(sundays, '02:30', 60, 'Europe/Paris', 500).adjustments;
    expect(paris).toEqual([{ position: 12, field: 'start', requested: '2026-03-29T02:30', actual: '2026-03-29T03:30', reason: 'nonexistentTime' }]);
    const newYork = ruleSlots(sundays, '02:30', 60, 'America/New_York', 500).adjustments;
    expect(newYork).toEqual([{ position: 9, field: 'start', requested: '2026-03-08T02:30', actual: '2026-03-08T03:30', reason: 'nonexistentTime' }]);
  });
});

// ——— Through core: generation, regeneration and splits ———

const templateChange = fc.record({
  place: fc.constantFrom(null, 'Salle 1', 'Salle 2'),
  startTime: fc.constantFrom('10:00', '18:30'),
  count: fc.integer({ min: 1, max: 14 }),
  frequency: fc.constantFrom('weekly' as const, 'biweekly' as const),
});

/** A series that began a few weeks ago, so some sessions are already held. */
const seriesFrom = (offset: number, change: { place: string | null; startTime: string; count: number; frequency: 'weekly' | 'biweekly' }): SeriesInput =>
  buildSeries({
    startsOn: day(offset),
    frequency: change.frequency,
    startTime: change.startTime,
    endTime: change.startTime === '10:00' ? '11:30' : '20:00',
    count: change.count,
    place: change.place,
  });

type Row = Record<string, unknown> & { id: number; series_id: number; series_position: number; start_utc: string };
/** Sessions begun or held: series edits must leave them alone (an hour-long meeting may be under way). */
const begun = (list: Row[]) => list.filter((r) => r.start_utc <= new Date().toISOString()).map((r) => r.id);
const seriesRows = (t: TestCore, ...ids: number[]) =>
  rows<Row>(t.file, 'SELECT * FROM events WHERE series_id IN (SELECT value FROM json_each(?)) ORDER BY series_id, series_position', JSON.stringify(ids));

/** Marks some sessions: cancelled, detached (moved an hour later), attended. Answers their ids. */
async function touch(t: TestCore, series: { occurrences: { id: number; start: string; end: string }[] }, picks: ('cancel' | 'detach' | 'attend' | null)[], volunteerId: number) {
  const locked: number[] = [];
  for (const [i, o] of series.occurrences.entries()) {
    const pick = picks[i % picks.length];
    if (pick === 'cancel') await t.call('events.cancel', { id: o.id });
    else if (pick === 'detach') {
      const later = (s: string) => Temporal.PlainDateTime.from(s).add({ hours: 1 }).toString().slice(0, 16);
      await t.call('events.update', { id: o.id, data: buildEvent({ title: 'Déplacée', kind: 'support_group', start: later(o.start), end: later(o.end) }) });
    } else if (pick === 'attend') recordAttendance(t.file, o.id, volunteerId);
    if (pick) locked.push(o.id);
  }
  return locked;
}

const pick = fc.array(fc.constantFrom('cancel' as const, 'detach' as const, 'attend' as const, null, null, null), { minLength: 1, maxLength: 8 });

describe('series generation through core', () => {
  it('regenerating with the same rule changes nothing and never duplicates a slot', async () => {
    const t = await openTestCore();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -60, max: 30 }), templateChange, async (offset, change) => {
        const data = seriesFrom(offset, change);
        const { series } = await t.call('events.createSeries', data);
        expect(series.occurrences).toHaveLength(change.count);
        const before = seriesRows(t, series.id);
        const again = await t.call('events.updateSeries', { seriesId: series.id, scope: 'all', data });
        expect(again).toMatchObject({ created: 0, updated: 0, removed: 0 });
        expect(seriesRows(t, series.id)).toEqual(before);
        const slots = before.map((r) => r.series_position);
        expect(new Set(slots).size).toBe(slots.length);
      }),
      { numRuns: 25 },
    );
  });

  it('a series edit never changes a held, attended, cancelled or detached session, and keeps one row per slot', async () => {
    const t = await openTestCore();
    const volunteer = await t.call('volunteers.create', { firstName: 'Hélène', lastName: 'Dupré', joinedOn: '2024-01-01' });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -40, max: 10 }), templateChange, templateChange, pick, async (offset, first, second, picks) => {
        const { series } = await t.call('events.createSeries', seriesFrom(offset, { ...first, count: Math.max(first.count, 4) }));
        const locked = await touch(t, series, picks, volunteer.id);
        const held = begun(seriesRows(t, series.id));
        const protectedIds = [...new Set([...locked, ...held])];
        const before = seriesRows(t, series.id).filter((r) => protectedIds.includes(r.id));
        const edited = await t.call('events.updateSeries', { seriesId: series.id, scope: 'all', data: seriesFrom(offset, second) });
        const after = seriesRows(t, series.id);
        expect(after.filter((r) => protectedIds.includes(r.id))).toEqual(before);
        // One row per slot; every slot of the rule is there; free sessions follow the template.
        const positions = after.map((r) => r.series_position);
        expect(new Set(positions).size).toBe(positions.length);
        for (let p = 0; p < second.count; p++) expect(positions).toContain(p);
        const free = after.filter((r) => !protectedIds.includes(r.id));
        expect(free.every((r) => (r.start_local as string).endsWith(`T${second.startTime}`) && r.place === second.place)).toBe(true);
        expect(free.every((r) => r.series_position < second.count)).toBe(true);
        expect(edited.series.occurrences).toHaveLength(after.length);
      }),
      { numRuns: 25 },
    );
  });

  it('this and following splits coherently: nothing lost but free sessions past the new end, nothing held changed', async () => {
    const t = await openTestCore();
    const volunteer = await t.call('volunteers.create', { firstName: 'Paul', lastName: 'Morel', joinedOn: '2024-01-01' });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -30, max: 10 }),
        templateChange,
        templateChange,
        pick,
        fc.integer({ min: 0, max: 20 }),
        async (offset, first, second, picks, at) => {
          const count = Math.max(first.count, 3);
          const { series } = await t.call('events.createSeries', seriesFrom(offset, { ...first, count }));
          const locked = await touch(t, series, picks, volunteer.id);
          const held = begun(seriesRows(t, series.id));
          const protectedIds = new Set([...locked, ...held]);
          const p = at % count;
          const from = series.occurrences[p]!;
          const before = seriesRows(t, series.id);
          const result = await t.call('events.updateSeries', {
            seriesId: series.id,
            scope: 'this_and_following',
            fromEventId: from.id,
            data: seriesFrom(offset, second),
          });
          const newId = result.series.id;
          const after = seriesRows(t, series.id, newId);
          const byId = new Map(after.map((r) => [r.id, r]));
          if (p === 0) expect(result.previousSeriesId).toBeNull();
          else {
            expect(result.previousSeriesId).toBe(series.id);
            // The old series keeps exactly its first p sessions, untouched.
            expect(after.filter((r) => r.series_id === series.id)).toEqual(before.filter((r) => r.series_position < p));
          }
          for (const row of before) {
            if (row.series_position < p) continue;
            const now = byId.get(row.id);
            const newSlot = row.series_position - p;
            if (protectedIds.has(row.id)) {
              // Kept exactly, only re-filed in the new series at its new slot.
              expect(now).toEqual({ ...row, series_id: newId, series_position: newSlot });
            } else if (newSlot >= second.count) expect(now).toBeUndefined();
            else expect(now).toMatchObject({ series_id: newId, series_position: newSlot, place: second.place });
          }
          const fresh = after.filter((r) => r.series_id === newId);
          const positions = fresh.map((r) => r.series_position);
          expect(new Set(positions).size).toBe(positions.length);
          for (let k = 0; k < second.count; k++) expect(positions).toContain(k);
          // Total: the first p, every slot of the new rule, and kept sessions beyond its end.
          const keptBeyond = fresh.filter((r) => r.series_position >= second.count).length;
          expect(after.length).toBe((p === 0 ? 0 : p) + second.count + keptBeyond);
          expect(fresh.filter((r) => r.series_position >= second.count).every((r) => protectedIds.has(r.id))).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});

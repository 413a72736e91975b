import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expiryDate, isValidOn, longestLasting, stateOn } from '../../../electron/core/trainings/validity';

describe('expiry = date obtained + validity in calendar months', () => {
  it.each([
    ['2026-03-15', 36, '2029-03-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-01-31', 2, '2026-03-31'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-05-01', 240, '2046-05-01'],
  ] as const)('%s + %i months → %s', (obtained, months, expected) => {
    expect(expiryDate(obtained, months)).toBe(expected);
  });

  it('no validity: never expires', () => {
    expect(expiryDate('2026-03-15', null)).toBeNull();
  });

  it('always a later day, in the right month, never past that month’s end', () => {
    const day = fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 240 }), (obtained, months) => {
        const expires = expiryDate(obtained, months)!;
        expect(expires > obtained).toBe(true);
        const [y, m, d] = obtained.split('-').map(Number) as [number, number, number];
        const target = (y * 12 + (m - 1) + months);
        const [ey, em, ed] = expires.split('-').map(Number) as [number, number, number];
        expect(ey * 12 + (em - 1)).toBe(target);
        const lastDay = new Date(Date.UTC(ey, em, 0)).getUTCDate();
        expect(ed).toBe(Math.min(d, lastDay));
      }),
    );
  });
});

describe('states against a day', () => {
  const q = (obtainedOn: string, expiresOn: string | null) => ({ obtainedOn, expiresOn });

  it('valid from the day obtained up to the day before expiry; expired on the expiry day', () => {
    const held = q('2026-03-15', '2029-03-15');
    expect(isValidOn(held, '2026-03-14')).toBe(false);
    expect(isValidOn(held, '2026-03-15')).toBe(true);
    expect(isValidOn(held, '2029-03-14')).toBe(true);
    expect(isValidOn(held, '2029-03-15')).toBe(false);
    expect(isValidOn(q('2020-01-01', null), '2099-12-31')).toBe(true);
  });

  it('qualified, in training, expired, or nothing', () => {
    expect(stateOn([], false, '2026-06-01')).toBeNull();
    expect(stateOn([], true, '2026-06-01')).toBe('in_training');
    expect(stateOn([q('2026-01-10', '2027-01-10')], false, '2026-06-01')).toBe('qualified');
    expect(stateOn([q('2026-01-10', '2027-01-10')], false, '2027-01-10')).toBe('expired');
    // A refresher booked early does not hide a valid qualification; an expired one is on its way back.
    expect(stateOn([q('2026-01-10', '2027-01-10')], true, '2026-06-01')).toBe('qualified');
    expect(stateOn([q('2020-01-10', '2023-01-10')], true, '2026-06-01')).toBe('in_training');
    // Renewed: the newer one decides.
    expect(stateOn([q('2020-01-10', '2023-01-10'), q('2023-01-05', '2026-01-05')], false, '2024-06-01')).toBe('qualified');
    // Obtained after the day asked about: not held yet on that day.
    expect(stateOn([q('2026-09-01', null)], false, '2026-06-01')).toBeNull();
  });

  it('the deciding qualification is the one that lasts longest', () => {
    const a = q('2020-01-10', '2023-01-10');
    const b = q('2022-06-01', '2025-06-01');
    const never = q('2019-01-01', null);
    expect(longestLasting([a, b])).toBe(b);
    expect(longestLasting([b, never, a])).toBe(never);
    expect(longestLasting([])).toBeNull();
  });
});

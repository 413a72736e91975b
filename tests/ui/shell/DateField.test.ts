import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../../renderer/src/components/DateField';

describe('a date typed in a date field', () => {
  it('is read day/month/year, with the separators people use, into YYYY-MM-DD', () => {
    expect(parseTypedDate('21/11/2026')).toBe('2026-11-21');
    expect(parseTypedDate(' 1/2/2026 ')).toBe('2026-02-01');
    expect(parseTypedDate('21.11.2026')).toBe('2026-11-21');
    expect(parseTypedDate('21-11-2026')).toBe('2026-11-21');
    expect(parseTypedDate('21 11 2026')).toBe('2026-11-21');
    expect(parseTypedDate('21112026')).toBe('2026-11-21');
    // Pasted from elsewhere in the contract's form.
    expect(parseTypedDate('2026-11-21')).toBe('2026-11-21');
  });

  it('is not a date until it is a whole, real one', () => {
    for (const partial of ['', '2', '21/1', '21/11/', '21/11/20', '21/11/202']) expect(parseTypedDate(partial)).toBeNull();
    expect(parseTypedDate('31/02/2024')).toBeNull();
    expect(parseTypedDate('29/02/2023')).toBeNull();
    expect(parseTypedDate('29/02/2024')).toBe('2024-02-29');
    expect(parseTypedDate('12/13/2024')).toBeNull();
    expect(parseTypedDate('00/10/2024')).toBeNull();
  });

  it('leaves the plausibility of the year to the server', () => {
    expect(parseTypedDate('01/01/1850')).toBe('1850-01-01');
  });
});

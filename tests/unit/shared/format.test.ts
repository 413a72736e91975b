import { describe, expect, it } from 'vitest';
import { formatDate, formatMinutes, formatMoney, formatNumber } from '../../../shared/format';

/** Intl separates French thousands and the € sign with (narrow) non-breaking spaces: compare on plain ones too. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatDate', () => {
  it('long dates read as people write them', () => {
    expect(formatDate('2026-11-21', 'fr')).toBe('21 novembre 2026');
    expect(formatDate('2026-11-21', 'en')).toBe('21 November 2026');
    expect(formatDate('2026-01-01', 'fr')).toBe('1er janvier 2026');
    expect(formatDate('2024-02-29', 'en')).toBe('29 February 2024');
  });

  it('short dates are day/month/year in both languages', () => {
    expect(formatDate('2026-11-21', 'fr', 'short')).toBe('21/11/2026');
    expect(formatDate('2026-03-05', 'en', 'short')).toBe('05/03/2026');
  });

  it('an instant keeps its calendar day whatever the machine’s time zone', () => {
    expect(formatDate('2026-11-21T23:30:00.000Z', 'fr')).toBe('21 novembre 2026');
    expect(formatDate('2026-11-21T00:10:00.000Z', 'en')).toBe('21 November 2026');
  });
});

describe('formatMoney (integer cents)', () => {
  it('French: 1 234,50 € with non-breaking spaces', () => {
    const s = formatMoney(123450, 'fr');
    expect(plain(s)).toBe('1 234,50 €');
    expect(s).not.toMatch(/ /); // no plain space: the amount never breaks across lines
  });

  it('English: €1,234.50', () => {
    expect(formatMoney(123450, 'en')).toBe('€1,234.50');
  });

  it('keeps cents exact and handles zero and negatives', () => {
    expect(plain(formatMoney(5, 'fr'))).toBe('0,05 €');
    expect(formatMoney(0, 'en')).toBe('€0.00');
    expect(formatMoney(-1999, 'en')).toBe('-€19.99');
    expect(plain(formatMoney(100000001, 'fr'))).toBe('1 000 000,01 €');
  });
});

describe('formatNumber', () => {
  it('uses each language’s separators', () => {
    expect(plain(formatNumber(1234567.5, 'fr'))).toBe('1 234 567,5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });
});

describe('formatMinutes', () => {
  it('French: "12 h 30", hours alone when round, minutes on two digits, no breaking space', () => {
    expect(formatMinutes(750, 'fr')).toBe('12\u00a0h\u00a030');
    expect(formatMinutes(60, 'fr')).toBe('1\u00a0h');
    expect(formatMinutes(0, 'fr')).toBe('0\u00a0h');
    expect(formatMinutes(65, 'fr')).toBe('1\u00a0h\u00a005');
    expect(formatMinutes(45, 'fr')).toBe('0\u00a0h\u00a045');
    expect(plain(formatMinutes(60 * 1500 + 7, 'fr'))).toBe('1 500 h 07');
  });

  it('English: "12 h 30 min"', () => {
    expect(formatMinutes(750, 'en')).toBe('12 h 30 min');
    expect(formatMinutes(120, 'en')).toBe('2 h');
    expect(formatMinutes(65, 'en')).toBe('1 h 5 min');
    expect(formatMinutes(60 * 1500, 'en')).toBe('1,500 h');
  });
});

describe('the first of the month in French', () => {
  it('is written as an ordinal in long dates only', () => {
    expect(formatDate('2026-06-01', 'fr')).toBe('1er juin 2026');
    expect(formatDate('2026-06-01', 'en')).toBe('1 June 2026');
    expect(formatDate('2026-06-01', 'fr', 'short')).toBe('01/06/2026');
    expect(formatDate('2026-06-11', 'fr')).toBe('11 juin 2026');
  });
});

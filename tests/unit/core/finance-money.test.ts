import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_CENTS, centsToDecimal, centsToInput, divideRoundHalfUp, parseMoney, valueOfMinutes } from '../../../shared/money';

const cents = (text: string, lang: 'fr' | 'en') => {
  const r = parseMoney(text, lang);
  return r.ok ? r.cents : r.error;
};

describe('money typed by people, to integer cents', () => {
  it('reads French and English ways of writing amounts', () => {
    expect(cents('1 234,50', 'fr')).toBe(123450);
    expect(cents('1\u00a0234,50\u00a0€', 'fr')).toBe(123450);
    expect(cents('1\u202f234,5', 'fr')).toBe(123450);
    expect(cents('1.234,50', 'fr')).toBe(123450);
    expect(cents('1,234.50', 'en')).toBe(123450);
    expect(cents('€1,234.50', 'en')).toBe(123450);
    expect(cents('1234.5', 'en')).toBe(123450);
    // Unambiguous in either language: two decimals, or both marks.
    expect(cents('1234,50', 'en')).toBe(123450);
    expect(cents('1,234.50', 'fr')).toBe(123450);
    expect(cents('12', 'fr')).toBe(1200);
    expect(cents('12,', 'fr')).toBe(1200);
    expect(cents(',5', 'fr')).toBe(50);
    expect(cents('0,07', 'fr')).toBe(7);
    expect(cents('EUR 40', 'en')).toBe(4000);
    expect(cents('1.234.567,89', 'fr')).toBe(123456789);
    expect(cents('1,234,567', 'en')).toBe(123456700);
  });

  it('lets the language decide a lone separator before three digits', () => {
    expect(cents('1,234', 'en')).toBe(123400);
    expect(cents('1.234', 'fr')).toBe(123400);
    expect(cents('1,234', 'fr')).toBe('tooManyDecimals');
    expect(cents('1.234', 'en')).toBe('tooManyDecimals');
  });

  it('refuses what is not an amount instead of guessing', () => {
    expect(cents('', 'fr')).toBe('empty');
    expect(cents('  ', 'fr')).toBe('empty');
    expect(cents('-12,00', 'fr')).toBe('negative');
    expect(cents('−5', 'fr')).toBe('negative');
    expect(cents('12,345', 'fr')).toBe('tooManyDecimals');
    expect(cents('12.999', 'en')).toBe('tooManyDecimals');
    expect(cents('abc', 'en')).toBe('invalid');
    expect(cents('1e5', 'en')).toBe('invalid');
    expect(cents('12.34.56', 'en')).toBe('invalid');
    expect(cents('1,2,3', 'en')).toBe('invalid');
    expect(cents('1.234,5.6', 'fr')).toBe('invalid');
    expect(cents(',', 'fr')).toBe('invalid');
    // 10,000,000 € is the most one line may hold.
    expect(cents('10 000 000,00', 'fr')).toBe(MAX_AMOUNT_CENTS);
    expect(cents('10 000 000,01', 'fr')).toBe('tooLarge');
    expect(cents('99999999999999999999', 'en')).toBe('tooLarge');
  });

  it('never goes through floating point: 0.1 + 0.2 is 30 cents, and every amount survives a round trip', () => {
    // With doubles, 0.1 + 0.2 = 0.30000000000000004 and 1.005 * 100 = 100.49999999999999.
    expect(cents('0,1', 'fr') as number + (cents('0,2', 'fr') as number)).toBe(30);
    expect(cents('1.005', 'fr')).toBe(100500);
    expect(cents('1,005', 'en')).toBe(100500);
    expect(cents('1.01', 'en')).toBe(101);
    expect(cents('4,35', 'fr')).toBe(435); // 4.35 * 100 = 434.99999999999994 in doubles
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }), fc.constantFrom('fr' as const, 'en' as const), (c, lang) => {
        expect(parseMoney(centsToInput(c, lang), lang)).toEqual({ ok: true, cents: c });
        expect(parseMoney(centsToDecimal(c, lang === 'fr' ? ',' : '.'), lang)).toEqual({ ok: true, cents: c });
      }),
      { numRuns: 2000 },
    );
  });

  it('writes cents back as decimals from their digits', () => {
    expect(centsToDecimal(123450)).toBe('1234.50');
    expect(centsToDecimal(5, ',')).toBe('0,05');
    expect(centsToDecimal(-120)).toBe('-1.20');
    expect(centsToInput(123456789, 'fr')).toBe('1\u00a0234\u00a0567,89');
    expect(centsToInput(123456789, 'en')).toBe('1,234,567.89');
    expect(() => centsToDecimal(1.5)).toThrow(RangeError);
  });
});

describe('rounding of a timesheet line', () => {
  it('rounds half up to the cent (hand-checked)', () => {
    // 90 min at 10.01 €/h: 1001 × 90 / 60 = 1501.5 c → 1502 c.
    expect(valueOfMinutes(1001, 90)).toBe(1502);
    // 20 min at 10.00 €/h: 333.33… c → 333 c.
    expect(valueOfMinutes(1000, 20)).toBe(333);
    // 40 min at 10.00 €/h: 666.66… c → 667 c.
    expect(valueOfMinutes(1000, 40)).toBe(667);
    // 1 min at 0.30 €/h: 0.5 c → 1 c.
    expect(valueOfMinutes(30, 1)).toBe(1);
    expect(valueOfMinutes(29, 1)).toBe(0);
  });

  it('matches exact rational arithmetic on BigInt for any rate and duration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1440 }), (rate, minutes) => {
        const exact = (2n * BigInt(rate) * BigInt(minutes) + 60n) / 120n;
        expect(valueOfMinutes(rate, minutes)).toBe(Number(exact));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 10_000 }), (n, d) => {
        expect(divideRoundHalfUp(n, d)).toBe(Number((2n * BigInt(n) + BigInt(d)) / (2n * BigInt(d))));
      }),
      { numRuns: 2000 },
    );
    expect(() => divideRoundHalfUp(-1, 3)).toThrow(RangeError);
  });
});

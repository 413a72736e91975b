import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  escapeFormula,
  parseBoolean,
  parseDate,
  parseNumber,
  parseYear,
  splitFullName,
  splitList,
  unescapeFormula,
} from '../../../electron/core/io/cells';
import { detectDelimiter, parseCsv, writeCsv } from '../../../electron/core/io/csv';
import { personName } from '../../../electron/core/io/duplicates';
import { decodeText, decodeWindows1252 } from '../../../electron/core/io/encoding';
import { sortName } from '../../../electron/core/volunteers/bits';
import { FIXTURES } from './io.support';

describe('encoding', () => {
  const french = 'Hélène « Noël » l’été à Évry : 12 € — cœur';

  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from(french, 'utf8'))).toEqual({ text: french, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(french, 'utf8')]))).toEqual({ text: french, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 with its BOM (Excel’s “Unicode text”)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(french, 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: french, encoding: 'utf-16le' });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text: french, encoding: 'utf-16be' });
  });

  it('reads what is not UTF-8 as Windows-1252, including € ’ œ « » and the other 0x80–0x9F characters', () => {
    // Written the way French Excel writes them: é è ç in Latin-1, then the Windows-only bytes.
    const bytes = Buffer.concat([Buffer.from('Hélène Noël à Évry ', 'latin1'), Buffer.from([0xab, 0x20, 0x80, 0x20, 0x92, 0x20, 0x9c, 0x20, 0xbb, 0x20, 0x85, 0x96])]);
    expect(decodeText(bytes)).toEqual({ text: 'Hélène Noël à Évry « € ’ œ » …–', encoding: 'windows-1252' });
  });

  it('maps all 32 bytes 0x80–0x9F as the WHATWG table does (not as Latin-1 control characters)', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
    expect(all).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    // Every other byte is its own code point.
    const rest = Uint8Array.from({ length: 224 }, (_, i) => (i < 128 ? i : i + 32));
    expect([...decodeWindows1252(rest)].map((c) => c.codePointAt(0))).toEqual([...rest]);
  });

  it('does not take a UTF-8 file for Windows-1252 because of its accents', () => {
    expect(decodeText(readFileSync(join(FIXTURES, 'paheko.csv'))).encoding).toBe('utf-8');
  });
});

describe('delimiter', () => {
  const table = [
    ['Nom', 'Prénom', 'Ville', 'Notes'],
    ['Dupont', 'Marie', 'Lyon', 'aime, beaucoup; le thé'],
    ['Martin', 'Paul', 'Saint-Étienne', 'ligne 1\nligne 2'],
  ];
  for (const d of [';', ',', '\t'] as const) {
    it(`finds ${JSON.stringify(d)} even with the others inside quoted cells`, async () => {
      const text = Papa.unparse(table, { delimiter: d, newline: '\r\n' });
      expect(detectDelimiter(text)).toBe(d);
      expect(await parseCsv(text, d)).toEqual(table);
    });
  }

  it('agrees with papaparse’s own guess on the sample exports', async () => {
    for (const [file, expected] of [['paheko.csv', ','], ['galette.csv', ';'], ['helloasso.csv', ';']] as const) {
      const { text } = decodeText(readFileSync(join(FIXTURES, file)));
      expect(detectDelimiter(text), file).toBe(expected);
      const guessed = Papa.parse(text, { delimitersToGuess: [';', ',', '\t'] }).meta.delimiter;
      expect(guessed, file).toBe(expected);
    }
  });

  it('prefers ; when nothing tells (one column), and a consistent count over a frequent one', () => {
    expect(detectDelimiter('Nom\nDupont\nMartin')).toBe(';');
    // Commas in free text, one ; per line: the ; is the delimiter.
    expect(detectDelimiter('a;b, c, d\ne;f, g\nh;i')).toBe(';');
  });

  it('writes CSV for French Excel: BOM, ;, CRLF', async () => {
    const bytes = await writeCsv([['Nom', 'Notes'], ['Dupont', 'a;b\nc "d"'], ['=Martin', null]]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('Nom;Notes\r\nDupont;"a;b\nc ""d"""\r\n\'=Martin;\r\n');
  });
});

describe('formula escaping', () => {
  it('prefixes a cell starting with = + - @ tab or CR with an apostrophe, and nothing else', () => {
    for (const s of ['=1+1', '+33 6 12', '-5', '@SUM(A1)', '\tx', '\rx']) expect(escapeFormula(s)).toBe(`'${s}`);
    for (const s of ['Marie', '', ' =x', "'texte", '1=1', 'a@b.fr']) expect(escapeFormula(s)).toBe(s);
  });

  it('is undone exactly, even for texts that already start with apostrophes', () => {
    expect(unescapeFormula("'=1+1")).toBe('=1+1');
    expect(escapeFormula("'=x")).toBe("''=x");
    expect(unescapeFormula("''=x")).toBe("'=x");
    expect(unescapeFormula("'texte")).toBe("'texte");
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom('', "'", "''", '=', '+', '-', '@', "'=", '\t'), (s, prefix) => {
        const text = prefix + s;
        const escaped = escapeFormula(text);
        expect(escaped).not.toMatch(/^[=+\-@\t\r]/);
        expect(unescapeFormula(escaped)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('cells', () => {
  const today = new Date('2026-06-15T12:00:00Z');
  it.each([
    ['2024-03-01', '2024-03-01'],
    ['2024-3-1', '2024-03-01'],
    ['01/03/2024', '2024-03-01'],
    ['1/3/2024', '2024-03-01'],
    ['01.03.2024', '2024-03-01'],
    ['01-03-2024', '2024-03-01'],
    ['01/09/2025 10:32', '2025-09-01'],
    ['2024-03-01T10:00:00Z', '2024-03-01'],
    ['01/03/98', '1998-03-01'],
    ['01/03/26', '2026-03-01'],
    ['01/03/27', '1927-03-01'],
    ['31/02/2024', '2024-02-31'],
    ['mars 2024', null],
    ['2024', null],
    ['', null],
  ])('date %j → %j', (text, expected) => {
    expect(parseDate(text, today)).toBe(expected);
  });

  it('years of birth from a year or a whole date (only the year is kept)', () => {
    expect(parseYear('1975')).toBe(1975);
    expect(parseYear('1975.0')).toBe(1975);
    expect(parseYear('12/04/1978')).toBe(1978);
    expect(parseYear('1978-04-12')).toBe(1978);
    expect(parseYear('soixante')).toBeNull();
  });

  it('booleans in French and English', () => {
    for (const s of ['Oui', 'oui', 'YES', 'true', 'Vrai', '1', 'x', '✓']) expect(parseBoolean(s), s).toBe(true);
    for (const s of ['Non', 'no', 'FALSE', 'faux', '0']) expect(parseBoolean(s), s).toBe(false);
    expect(parseBoolean('peut-être')).toBeNull();
  });

  it('numbers written the French or the English way', () => {
    expect(parseNumber('1 234,5')).toBe(1234.5);
    expect(parseNumber('1\u202f234,5')).toBe(1234.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('1e-7')).toBe(1e-7);
    expect(parseNumber('douze')).toBeNull();
  });

  it('lists: one per line, else ; or , — and only lines when told', () => {
    expect(splitList('a\nb, c\n')).toEqual(['a', 'b, c']);
    expect(splitList('a; b,c')).toEqual(['a', 'b', 'c']);
    expect(splitList('Dupont, Marie', true)).toEqual(['Dupont, Marie']);
  });

  it.each([
    ['DUPONT Marie', 'Marie', 'DUPONT'],
    ['Marie DUPONT', 'Marie', 'DUPONT'],
    ['Marie Dupont', 'Marie', 'Dupont'],
    ['Dupont, Marie', 'Marie', 'Dupont'],
    ['DE LA FONTAINE Anne-Sophie', 'Anne-Sophie', 'DE LA FONTAINE'],
    ['Jean-Pierre LEFÈVRE', 'Jean-Pierre', 'LEFÈVRE'],
    ['Jean-Pierre de La Fontaine', 'Jean-Pierre', 'de La Fontaine'],
    ['ÉLODIE Martin', 'Martin', 'ÉLODIE'],
    ['MARIE DUPONT', 'MARIE', 'DUPONT'],
    ['  Marie   Dupont ', 'Marie', 'Dupont'],
    ['Cher', '', 'Cher'],
  ])('full name %j → first %j, last %j', (text, firstName, lastName) => {
    expect(splitFullName(text)).toEqual({ firstName, lastName });
  });
});

describe('duplicate keys', () => {
  it('build the same folded name as the registry’s sort order, from the two halves', () => {
    const part = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('Σ', 'ΟΔΥΣΣΕΥΣ', ' Éva ', '\u00a0Łukasz', 'ﬁ', 'Œ\u0301', '\ufeffA', 'İ'));
    fc.assert(
      fc.property(part, part, (first, last) => {
        expect(personName(first, last)).toBe(sortName(first, last));
      }),
      { numRuns: 2000 },
    );
  });
});

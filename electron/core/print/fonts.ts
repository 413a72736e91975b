import { FONT_FILES } from './fonts.data';

/** The family every document uses, with serif fallbacks should a glyph be missing. */
export const DOCUMENT_FONT = `'Source Serif 4', 'Liberation Serif', 'DejaVu Serif', Georgia, serif`;

// The two subsets of each face, as Fontsource publishes them: latin first (all of French),
// latin-ext for the rest of the Latin alphabets (Ł, Ș, Ğ, Ő…).
const RANGES = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF',
} as const;

const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 600, style: 'normal' },
  { weight: 600, style: 'italic' },
] as const;

let cached: string | null = null;

/** The @font-face rules with the fonts inlined (built once; about 210 kB of CSS). */
export function fontFaces(): string {
  if (cached) return cached;
  const rules: string[] = [];
  for (const { weight, style } of FACES) {
    for (const [subset, range] of Object.entries(RANGES)) {
      const data = FONT_FILES[`source-serif-4-${subset}-${weight}-${style}.woff2`];
      if (!data) throw new Error(`missing font source-serif-4-${subset}-${weight}-${style}`);
      rules.push(
        `@font-face{font-family:'Source Serif 4';font-style:${style};font-weight:${weight};` +
          `src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range}}`,
      );
    }
  }
  cached = rules.join('\n');
  return cached;
}

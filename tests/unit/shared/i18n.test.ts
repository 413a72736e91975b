import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NAMESPACES, pickLanguage, resources } from '../../../shared/i18n';

const LOCALES = fileURLToPath(new URL('../../../shared/i18n/locales', import.meta.url));

type Tree = { [key: string]: string | Tree };

/** `a.b.c` → string, for every leaf of a namespace. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') for (const [kk, vv] of leaves(v as Tree, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

/** Every file on disk, not only the ones index.ts imports. */
const files = (lang: string) => readdirSync(join(LOCALES, lang)).filter((f) => f.endsWith('.json')).sort();
const load = (lang: string, file: string) => leaves(JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')) as Tree);
const placeholders = (s: string) => new Set([...s.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!));

describe('locale files', () => {
  it('fr and en have the same namespaces, all bundled', () => {
    expect(files('fr')).toEqual(files('en'));
    expect(files('en').map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...NAMESPACES].sort());
  });

  for (const file of readdirSync(join(LOCALES, 'en')).filter((f) => f.endsWith('.json')).sort()) {
    describe(file, () => {
      const fr = load('fr', file);
      const en = load('en', file);

      it('has exactly the same keys in fr and en', () => {
        expect({ onlyInFr: [...fr.keys()].filter((k) => !en.has(k)), onlyInEn: [...en.keys()].filter((k) => !fr.has(k)) }).toEqual({ onlyInFr: [], onlyInEn: [] });
        expect(fr.size).toBeGreaterThan(0);
      });

      it('has no empty or non-string values', () => {
        const bad = [...[...fr].map(([k, v]) => ['fr', k, v] as const), ...[...en].map(([k, v]) => ['en', k, v] as const)]
          .filter(([, , v]) => typeof v !== 'string' || v.trim() === '')
          .map(([l, k]) => `${l}: ${k}`);
        expect(bad).toEqual([]);
      });

      it('uses the same {{placeholders}} in both languages', () => {
        const bad = [...en.keys()]
          .filter((k) => fr.has(k))
          .filter((k) => {
            const a = placeholders(String(en.get(k)));
            const b = placeholders(String(fr.get(k)));
            return a.size !== b.size || [...a].some((p) => !b.has(p));
          })
          .map((k) => `${k}: en ${[...placeholders(String(en.get(k)))]} / fr ${[...placeholders(String(fr.get(k)))]}`);
        expect(bad).toEqual([]);
      });

      it('French: a non-breaking space (not a plain one) before : ; ! ?', () => {
        const bad = [...fr].filter(([, v]) => typeof v === 'string' && / [:;!?]/.test(v)).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
        expect(bad).toEqual([]);
      });

      it('French: typographic apostrophes (’), no straight ones', () => {
        const bad = [...fr].filter(([, v]) => typeof v === 'string' && v.includes("'")).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
        expect(bad).toEqual([]);
      });
    });
  }

  it('the typography checks see what they look for', () => {
    expect(/ [:;!?]/.test('Motif : x')).toBe(true);
    expect(/ [:;!?]/.test('Motif\u00a0: x')).toBe(false);
    expect(/ [:;!?]/.test('Vraiment\u202f?')).toBe(false);
  });

  it('the bundle index.ts exports is the files on disk', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const ns of NAMESPACES) {
        expect(leaves(resources[lang][ns] as unknown as Tree)).toEqual(load(lang, `${ns}.json`));
      }
    }
  });
});

describe('pickLanguage', () => {
  it.each([
    [['fr-FR'], 'fr'],
    [['fr'], 'fr'],
    [['fr_CA'], 'fr'],
    [['FR-be'], 'fr'],
    [['fr-CH', 'en-US'], 'fr'],
    [[undefined, '', 'fr-FR'], 'fr'],
    [['en-US'], 'en'],
    [['de-DE'], 'en'],
    [['en-GB', 'fr-FR'], 'en'],
    [['french'], 'en'],
    [['fry'], 'en'],
    [[''], 'en'],
    [[undefined], 'en'],
    [[null], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (tags, expected) => {
    expect(pickLanguage(tags)).toBe(expected);
  });
});

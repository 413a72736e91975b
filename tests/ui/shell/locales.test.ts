import { describe, expect, it } from 'vitest';
import { resources } from '../../../shared/i18n';

// The namespaces of the shell, setup and Settings screens.
const NAMESPACES = ['common', 'settings', 'setup'] as const;

function flatten(obj: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

/** Plural forms differ by language (`_zero`, `_one`, `_other`…); compare the base keys. */
const baseKeys = (o: Record<string, string>) => [...new Set(Object.keys(o).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();

describe.each(NAMESPACES)('%s messages', (ns) => {
  const fr = flatten(resources.fr[ns]);
  const en = flatten(resources.en[ns]);

  it('exist in both languages with the same keys', () => {
    expect(baseKeys(fr)).toEqual(baseKeys(en));
    expect(Object.values(fr).every((s) => s.trim().length > 0)).toBe(true);
  });

  it('follow French typography: no-break space before ; : ! ? and inside « », curly apostrophe, real ellipsis', () => {
    const problems: string[] = [];
    for (const [key, text] of Object.entries(fr)) {
      const plain = text.replace(/\{\{[^}]+\}\}/g, 'X');
      if (/[^\u00a0\u202f][;:!?]/.test(plain) || /^[;:!?]/.test(plain)) problems.push(`${key}: missing no-break space before ; : ! ?`);
      if (/«[^\u00a0\u202f]|[^\u00a0\u202f]»/.test(plain)) problems.push(`${key}: « » need no-break spaces inside`);
      if (plain.includes("'")) problems.push(`${key}: straight apostrophe`);
      if (plain.includes('...')) problems.push(`${key}: three dots instead of …`);
    }
    expect(problems).toEqual([]);
  });

  it('use the curly apostrophe and the ellipsis in English too', () => {
    const problems = Object.entries(en).filter(([, t]) => t.includes("'") || t.includes('...')).map(([k]) => k);
    expect(problems).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  associationHeader,
  documentDate,
  documentHours,
  escapeHtml,
  html,
  image,
  joinHtml,
  paragraphs,
  renderDocument,
  sheet,
  typography,
} from '../../../electron/core/print';
import { FONT_FILES } from '../../../electron/core/print/fonts.data';
import type { Association } from '../../../shared/api';

const PNG = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64')}`;
const ATTACK = `<img src=x onerror="alert('x')">`;

const assoc = (over: Partial<Association> = {}): Association => ({
  name: 'Les Amis du Relais',
  addressLine: '3 place des Terreaux',
  postalCode: '69001',
  city: 'Lyon',
  rna: 'W691000123',
  siret: '12345678900019',
  logo: null,
  signatoryName: 'Claire Fontaine',
  signatoryTitle: 'Présidente',
  ...over,
});

describe('print: escaping', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('html`` escapes values, keeps nested markup, joins arrays and skips empty values', () => {
    const inner = html`<b>${ATTACK}</b>`;
    const out = html`<p>${inner}${[html`<i>1</i>`, '<2>']}${null}${undefined}${false}${3}</p>`;
    expect(out.value).toBe('<p><b>&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;</b><i>1</i>&lt;2&gt;3</p>');
    expect(out.value).not.toContain('<img');
  });

  it('keeps line breaks of typed text as <br> and blank lines as paragraphs, escaped', () => {
    expect(paragraphs('Accueil <b>\nÉcoute\n\n  Suivi  ').value).toBe('<p>Accueil &lt;b&gt;<br>Écoute</p><p>Suivi</p>');
    expect(paragraphs(null).value).toBe('');
  });

  it('shows only raster data URLs as images and declares each one once per document', () => {
    expect(image('javascript:alert(1)', 'relais-logo', 'x').value).toBe('');
    expect(image('data:image/svg+xml;base64,PHN2Zz4=', 'relais-logo', 'x').value).toBe('');
    const pages = Array.from({ length: 50 }, (_, i) => sheet(html`${image(PNG, 'relais-logo', 'Logo')}<p>${i}</p>`));
    const doc = renderDocument({ lang: 'fr', title: 'x', body: joinHtml(pages) });
    expect(doc.split(PNG).length - 1).toBe(1);
    expect(doc.match(/class="relais-logo img-[0-9a-f]{12}"/g)).toHaveLength(50);
  });
});

describe('print: the document frame', () => {
  const doc = renderDocument({ lang: 'fr', title: `Attestation ${ATTACK}`, orientation: 'landscape', body: sheet(html`<h1>${ATTACK}</h1>`) });

  it('is self-contained: no script, no outside resource, a strict policy of its own', () => {
    expect(doc.startsWith('<!doctype html><html lang="fr">')).toBe(true);
    expect(doc).not.toMatch(/<script|https?:\/\/(?!scripts\.sil)|src="(?!data:)/i);
    expect(doc).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"`);
    expect(doc).toContain('<title>Attestation &lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;</title>');
    expect(doc).toContain('<h1>&lt;img src=x');
  });

  it('sets the A4 page and its orientation', () => {
    expect(doc).toContain('@page { size: A4 landscape; margin: 0; }');
    expect(doc).toContain('width: 297mm');
    expect(renderDocument({ lang: 'en', title: 't', body: sheet(html``) })).toContain('@page { size: A4 portrait; margin: 0; }');
  });

  it('embeds the serif font, regular, italic and semibold, latin and latin-ext', () => {
    const faces = doc.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces).toHaveLength(8);
    for (const face of faces) expect(face).toMatch(/font-family:'Source Serif 4'.*src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{10000,}\)/);
  });

  it('carries exactly the font files of resources/fonts (regenerate with resources/fonts/embed.mjs)', () => {
    const dir = join(__dirname, '../../../resources/fonts');
    const files = readdirSync(dir).filter((f) => f.endsWith('.woff2')).sort();
    expect(Object.keys(FONT_FILES).sort()).toEqual(files);
    for (const f of files) expect(FONT_FILES[f]).toBe(readFileSync(join(dir, f)).toString('base64'));
    expect(readFileSync(join(dir, 'OFL.txt'), 'utf8')).toContain('SIL Open Font License');
  });
});

describe('print: letterhead and words on paper', () => {
  it('shows the identity, escaped, with the SIRET in groups and the logo when there is one', () => {
    const header = associationHeader(assoc({ name: `Amis ${ATTACK}`, logo: PNG }), 'fr');
    expect(header.value).toContain('Amis &lt;img src=x');
    expect(header.value).not.toContain('<img');
    expect(header.value).toContain('3 place des Terreaux, 69001 Lyon');
    expect(header.value).toContain('RNA W691000123 · SIRET 123\u00a0456\u00a0789\u00a000019');
    expect(header.value).toContain('aria-label="Logo de l’association"');
    expect([...header.images.values()]).toEqual([PNG]);
    const bare = associationHeader(assoc({ logo: null, rna: null, siret: null, addressLine: null, postalCode: null, city: null }), 'en');
    expect(bare.value).not.toContain('relais-logo');
    expect(bare.images.size).toBe(0);
  });

  it('writes dates and hours the French and English way, never broken', () => {
    expect(documentDate('2027-01-01', 'fr')).toBe('1er\u00a0janvier\u00a02027');
    expect(documentDate('2027-03-21', 'en')).toBe('21\u00a0March\u00a02027');
    expect(documentHours(754, 'fr')).toBe('12\u00a0h\u00a034');
    expect(documentHours(120, 'en')).toBe('2\u00a0h');
    expect(documentHours(1234 * 60, 'fr')).toBe('1\u202f234\u00a0h');
  });

  it('puts French spacing into typed text, and leaves times and links alone', () => {
    expect(typography(`Merci ! Bravo: « super » ; l'équipe?`, 'fr')).toBe('Merci\u00a0! Bravo\u00a0: «\u00a0super\u00a0»\u00a0; l’équipe\u00a0?');
    expect(typography('à 18:30, voir https://exemple.fr', 'fr')).toBe('à 18:30, voir https://exemple.fr');
    expect(typography(`Thanks! it's great: yes`, 'en')).toBe('Thanks! it’s great: yes');
  });
});

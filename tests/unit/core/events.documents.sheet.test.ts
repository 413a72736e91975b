import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_WALK_IN_LINES } from '../../../electron/core/events/attendance-sheet';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { dumpTables } from './helpers';
import { openDocumentsCore, seedDocEvent, seedDocRole, setEvent, type DocumentsCore } from './events.documents.support';

/**
 * Attendance sheets printed for real: the HTML core makes, printed by Debian's Chromium the way
 * the e2e platform does (page.pdf), then read back with pdftotext. Renders of the pages go to
 * tests/.tmp/attendance-sheet/ to be looked at (pdftoppm -r 60).
 */

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions());
});
afterAll(async () => {
  await browser?.close();
});

async function print(html: string, landscape: boolean): Promise<Uint8Array> {
  const page = await browser.newPage({ javaScriptEnabled: false });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, landscape, preferCSSPageSize: true });
  } finally {
    await page.close();
  }
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const pdfFonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' });

/** The last numbered line of the sheet: its number, its page and how far (in mm) above the page's foot it ends. */
function lastLine(file: string): { number: number; page: number; fromBottom: number } {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  let best = { number: 0, page: 0, fromBottom: 0 };
  xml.split('<page ').slice(1).forEach((page, i) => {
    const height = Number(/height="([\d.]+)"/.exec(page)![1]);
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">(\d{1,3})<\/word>/g)) {
      // Line numbers sit in the first column, within the left margin's 30 mm.
      if (Number(m[1]) > (30 / 25.4) * 72) continue;
      const n = Number(m[3]);
      if (n > best.number) best = { number: n, page: i + 1, fromBottom: ((height - Number(m[2])) * 25.4) / 72 };
    }
  });
  return best;
}

const RENDERS = resolve(__dirname, '../../.tmp/attendance-sheet');
function render(file: string, name: string): void {
  mkdirSync(RENDERS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(RENDERS, name)]);
}

const ASSOCIATION = {
  name: 'Les Amis du Relais',
  addressLine: '3 place des Terreaux',
  postalCode: '69001',
  city: 'Lyon',
  rna: 'W691000123',
  siret: '12345678900019',
  signatoryName: 'Claire Fontaine',
  signatoryTitle: 'Présidente',
};

async function volunteer(t: DocumentsCore, firstName: string, lastName: string): Promise<number> {
  return (await t.call('volunteers.create', { firstName, lastName, joinedOn: '2024-01-10' })).id;
}

/** A support-group evening: two facilitators, a welcome shift, listeners. */
async function supportGroup(t: DocumentsCore) {
  await t.call('settings.saveAssociation', ASSOCIATION);
  const helene = await volunteer(t, 'Hélène', 'Dupré');
  const zoe = await volunteer(t, 'Zoë', 'N’Gata');
  const francois = await volunteer(t, 'François', 'Lefèvre');
  const agnes = await volunteer(t, 'Agnès', 'Œuvray');
  const eventId = seedDocEvent(
    t.file,
    {
      title: 'Groupe de parole — aidants',
      kind: 'support_group',
      startLocal: '2026-03-03T18:30',
      minutes: 120,
      format: 'hybrid',
      place: 'Maison des associations, salle 2',
      videoLink: 'https://visio.exemple.fr/aidants',
      confidentiality: true,
    },
    [helene],
  );
  seedDocRole(t.file, eventId, 'Accueil', { start: 0, end: 30 }, [francois], 0);
  seedDocRole(t.file, eventId, 'Écoute', { start: 0, end: 120 }, [zoe, agnes], 1);
  return { eventId, helene, zoe, francois, agnes };
}

describe('attendance sheet (PDF)', () => {
  it('prints a French sheet: letterhead, title, « mardi 3 mars 2026 », « 18 h 30 », names with accents, blank lines, the count box', async () => {
    const t = await openDocumentsCore(print);
    const { eventId } = await supportGroup(t);
    const result = await t.call('events.printAttendanceSheet', { eventId, language: 'fr' });
    expect(result.saved).toBe(true);
    expect(t.asked.at(-1)).toMatchObject({
      titleKey: 'files.attendanceSheetTitle',
      defaultName: 'feuille-emargement-groupe-de-parole-aidants-2026-03-03.pdf',
      extensions: ['pdf'],
    });
    const file = result.file!;
    render(file, 'fr');
    execFileSync('pdftoppm', ['-png', '-r', '110', '-W', '910', '-H', '700', '-singlefile', file, join(RENDERS, 'fr-top-110')]);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(file);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Les Amis du Relais');
    expect(flat).toContain('3 place des Terreaux, 69001 Lyon');
    expect(flat).toContain('RNA W691000123');
    expect(flat).toContain('SIRET 123 456 789 00019');
    expect(flat).toMatch(/FEUILLE D’ÉMARGEMENT/i);
    expect(flat).toContain('Groupe de parole — aidants');
    expect(flat).toContain('mardi 3 mars 2026');
    expect(flat).toContain('18 h 30 – 20 h 30');
    expect(flat).toContain('Maison des associations, salle 2');
    expect(flat).toContain('https://visio.exemple.fr/aidants');
    for (const name of ['Hélène Dupré', 'Zoë N’Gata', 'François Lefèvre', 'Agnès Œuvray']) expect(flat).toContain(name);
    expect(flat).toContain('Accueil (18 h 30 – 19 h), Écoute (18 h 30 – 20 h 30)');
    expect(flat).toContain('François Lefèvre Accueil 18 h 30 – 19 h');
    expect(flat).toContain('engagement de confidentialité');
    expect(flat).toContain('Bénévoles venus sans inscription');
    expect(flat).toContain('Nombre de participants');
    expect(flat).toContain('Page 1 sur 1');
    // Sorted by last name; facilitators are expected to sign too.
    const order = ['Dupré', 'Lefèvre', 'N’Gata', 'Œuvray'].map((n) => flat.indexOf(n));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Numbered lines: 4 expected, then blank lines for walk-ins down to the foot of the page.
    const last = lastLine(file);
    expect(last.number - 4).toBeGreaterThanOrEqual(MIN_WALK_IN_LINES);
    expect(last.page).toBe(1);
    expect(last.fromBottom).toBeLessThan(45);
    expect(pdfPages(file)).toBe(1);
    // The serif font is embedded.
    expect(pdfFonts(file)).toMatch(/SourceSerif4.*yes/);
  });

  it('prints the same sheet in English, whatever the app’s language: "Tuesday 3 March 2026", "18:30"', async () => {
    const t = await openDocumentsCore(print);
    await t.call('settings.setLanguage', { language: 'fr' });
    const { eventId } = await supportGroup(t);
    const result = await t.call('events.printAttendanceSheet', { eventId, language: 'en' });
    render(result.file!, 'en');
    expect(t.asked.at(-1)!.defaultName).toBe('attendance-sheet-groupe-de-parole-aidants-2026-03-03.pdf');
    const flat = pdfText(result.file!).replace(/\s+/g, ' ');
    // The small capitals are letter-spaced: pdftotext reads them as separate letters.
    expect(flat.replace(/ /g, '')).toContain('ATTENDANCESHEET');
    expect(flat).toContain('Tuesday 3 March 2026');
    expect(flat).toContain('18:30 – 20:30');
    expect(flat).toContain('Accueil (18:30 – 19:00), Écoute (18:30 – 20:30)');
    expect(flat).toContain('Volunteers who came without being expected');
    expect(flat).toContain('Number of participants');
    expect(flat).toContain('Page 1 of 1');
    expect(flat).toContain('Zoë N’Gata');
    expect(flat).not.toContain('mardi');
  });

  it('escapes every typed text: markup in a title, a place or a name prints as text', async () => {
    const t = await openDocumentsCore(print);
    await t.call('settings.saveAssociation', { ...ASSOCIATION, name: 'Assoc <i>"&"</i>' });
    const v = await volunteer(t, '<b>Bold</b>', '</style><script>x()</script>');
    const eventId = seedDocEvent(t.file, { title: '<img src=x onerror=alert(1)> Atelier', startLocal: '2026-04-01T14:00', minutes: 60, place: '</td></tr></table>Salle' }, [v]);
    await t.call('events.printAttendanceSheet', { eventId, language: 'fr' });
    const html = t.printed.at(-1)!.html;
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Bold');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; Atelier');
    expect(html).toContain('&lt;/style&gt;&lt;script&gt;x()&lt;/script&gt;');
    const flat = pdfText(join(t.out, readdirSync(t.out).find((f) => f.endsWith('.pdf'))!)).replace(/\s+/g, ' ');
    expect(flat).toContain('<img src=x onerror=alert(1)> Atelier');
    expect(flat).toContain('</td></tr></table>Salle');
    expect(flat).toContain('Assoc <i>"&"</i>');
  });

  it('a sheet with nobody assigned says so and still has its blank lines; a long list runs onto a second page with its page numbers', async () => {
    const t = await openDocumentsCore(print);
    await t.call('settings.saveAssociation', ASSOCIATION);
    const empty = seedDocEvent(t.file, { title: 'Atelier numérique', kind: 'workshop', startLocal: '2026-05-06T14:00', minutes: 120, place: 'Médiathèque' });
    const a = await t.call('events.printAttendanceSheet', { eventId: empty, language: 'fr' });
    const flatA = pdfText(a.file!).replace(/\s+/g, ' ');
    expect(flatA).toContain('Aucun bénévole inscrit pour l’instant.');
    expect(pdfPages(a.file!)).toBe(1);
    render(a.file!, 'fr-empty');

    const crowd = seedDocEvent(t.file, { title: 'Collecte solidaire', kind: 'community', startLocal: '2026-10-25T09:00', minutes: 480, place: 'Place Guichard', format: 'in_person' });
    const ids: number[] = [];
    for (let i = 0; i < 24; i += 1) ids.push(await volunteer(t, `Bénévole${String.fromCharCode(65 + i)}`, `Équipe ${String(i + 1).padStart(2, '0')}`));
    seedDocRole(t.file, crowd, 'Logistique', { start: 0, end: 240 }, ids.slice(0, 12), 0);
    seedDocRole(t.file, crowd, 'Logistique après-midi', { start: 240, end: 480 }, ids.slice(12), 1);
    const b = await t.call('events.printAttendanceSheet', { eventId: crowd, language: 'en' });
    const text = pdfText(b.file!);
    expect(pdfPages(b.file!)).toBe(2);
    expect(text).toContain('Page 1 of 2');
    expect(text).toContain('Page 2 of 2');
    // 24 expected run onto page 2, which blank lines then fill; the day of the clock change keeps its hours.
    const last = lastLine(b.file!);
    expect(last.page).toBe(2);
    expect(last.number - 24).toBeGreaterThan(MIN_WALK_IN_LINES);
    expect(last.fromBottom).toBeLessThan(52);
    expect(text.replace(/\s+/g, ' ')).toContain('Sunday 25 October 2026');
    expect(text.replace(/\s+/g, ' ')).toContain('09:00 – 17:00');
    render(b.file!, 'en-long');
  });

  it('fills the page with blank lines, never fewer than five; when they run onto a second page, it is filled too', async () => {
    const t = await openDocumentsCore(print);
    const logo = readFileSync(resolve(__dirname, '../../../resources/icon.png')).toString('base64');
    const people: number[] = [];
    for (let i = 0; i < 9; i += 1) people.push(await volunteer(t, `Prénom${i}`, `Nom${i}`));
    const cases = [
      { expected: 0, logo: false, long: false },
      { expected: 1, logo: true, long: true },
      { expected: 3, logo: false, long: true },
      { expected: 6, logo: true, long: false },
      { expected: 9, logo: false, long: false },
    ];
    for (const c of cases) {
      await t.call('settings.saveAssociation', { ...ASSOCIATION, logo: c.logo ? `data:image/png;base64,${logo}` : null });
      const eventId = seedDocEvent(
        t.file,
        {
          title: c.long ? 'Formation à l’écoute active et à l’accompagnement des personnes endeuillées, module 2' : 'Atelier',
          kind: 'training',
          startLocal: '2026-06-10T09:30',
          minutes: 180,
          format: c.long ? 'hybrid' : 'in_person',
          place: 'Local',
          videoLink: 'https://visio.exemple.fr/formation',
          confidentiality: c.long,
        },
        people.slice(0, Math.min(1, c.expected)),
      );
      if (c.expected > 1) seedDocRole(t.file, eventId, c.long ? 'Accompagnement des participants' : 'Accueil', { start: 0, end: 90 }, people.slice(1, c.expected));
      const { file } = await t.call('events.printAttendanceSheet', { eventId, language: 'fr' });
      render(file!, `fill-${c.expected}${c.logo ? '-logo' : ''}${c.long ? '-long' : ''}`);
      const last = lastLine(file!);
      const label = JSON.stringify(c);
      const pages = c.expected < 9 ? 1 : 2;
      expect(pdfPages(file!), label).toBe(pages);
      expect(last.page, label).toBe(pages);
      expect(last.number - c.expected, label).toBeGreaterThanOrEqual(MIN_WALK_IN_LINES);
      // Full: under the last line, the footer's 18 mm and less than two more lines (three past a page
      // break, where the estimate keeps a line in hand).
      expect(last.fromBottom, label).toBeLessThan(pages === 1 ? 45 : 52);
    }
  });

  it('refuses a cancelled session, an unknown event and a missing association identity, writing nothing', async () => {
    const t = await openDocumentsCore(print);
    const eventId = seedDocEvent(t.file, { title: 'Permanence', startLocal: '2026-03-10T10:00', minutes: 60 });
    const before = dumpTables(t.file);
    expect((await t.failure('events.printAttendanceSheet', { eventId, language: 'fr' })).code).toBe('SETUP_REQUIRED');
    await t.call('settings.saveAssociation', ASSOCIATION);
    setEvent(t.file, eventId, { status: 'cancelled' });
    const cancelled = await t.failure('events.printAttendanceSheet', { eventId, language: 'fr' });
    expect(cancelled).toMatchObject({ code: 'CONFLICT', details: { reason: 'eventCancelled' } });
    expect((await t.failure('events.printAttendanceSheet', { eventId: 9999, language: 'fr' })).code).toBe('NOT_FOUND');
    expect((await t.failure('events.printAttendanceSheet', { eventId, language: 'de' })).code).toBe('VALIDATION');
    expect((await t.failure('events.printAttendanceSheet', { eventId })).code).toBe('VALIDATION');
    expect(t.asked).toEqual([]);
    expect(t.printed).toEqual([]);
    expect(readdirSync(t.out)).toEqual([]);
    const after = dumpTables(t.file);
    expect({ ...after, association: [], events: [] }).toEqual({ ...before, association: [], events: [] });
  });

  it('writes nothing and prints nothing when the save dialog is closed', async () => {
    const t = await openDocumentsCore(print);
    const { eventId } = await supportGroup(t);
    const before = dumpTables(t.file);
    t.answers.push(null);
    expect(await t.call('events.printAttendanceSheet', { eventId, language: 'fr' })).toEqual({ saved: false, file: null });
    expect(t.printed).toEqual([]);
    expect(readdirSync(t.out)).toEqual([]);
    expect(dumpTables(t.file)).toEqual(before);
  });

  it('leaves off a person whose data was erased (no placeholder line to sign)', async () => {
    const t = await openDocumentsCore(print);
    const { eventId, agnes } = await supportGroup(t);
    await t.call('privacy.erase', { id: agnes });
    const result = await t.call('events.printAttendanceSheet', { eventId, language: 'fr' });
    const html = t.printed.at(-1)!.html;
    expect(html).not.toContain('Œuvray');
    expect(html).not.toContain(`#${agnes}`);
    const flat = pdfText(result.file!).replace(/\s+/g, ' ');
    for (const name of ['Hélène Dupré', 'Zoë N’Gata', 'François Lefèvre']) expect(flat).toContain(name);
    expect(flat).toMatch(/ 3 Zoë N’Gata/);
  });

  it('keeps the association’s logo on the sheet', async () => {
    const t = await openDocumentsCore(print);
    const logo = readFileSync(resolve(__dirname, '../../../resources/icon.png')).toString('base64');
    await t.call('settings.saveAssociation', { ...ASSOCIATION, logo: `data:image/png;base64,${logo}` });
    const eventId = seedDocEvent(t.file, { title: 'Conseil d’administration', kind: 'board_meeting', startLocal: '2026-06-01T18:00', minutes: 120, place: 'Local' });
    const result = await t.call('events.printAttendanceSheet', { eventId, language: 'fr' });
    expect(t.printed.at(-1)!.html).toContain(`url("data:image/png;base64,${logo}")`);
    const flat = pdfText(result.file!).replace(/\s+/g, ' ');
    expect(flat).toContain('lundi 1er juin 2026');
    expect(flat).toContain('18 h – 20 h');
    expect(flat).toContain('Conseil d’administration');
    // The logo is drawn: the PDF holds an image.
    expect(execFileSync('pdfimages', ['-list', result.file!], { encoding: 'utf8' }).split('\n').length).toBeGreaterThan(3);
    render(result.file!, 'fr-logo');
    writeFileSync(join(RENDERS, 'fr-logo.html'), t.printed.at(-1)!.html);
    expect(existsSync(join(RENDERS, 'fr-logo-1.png'))).toBe(true);
  });
});

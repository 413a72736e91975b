import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import enCommon from '../../shared/i18n/locales/en/common.json';
import frCommon from '../../shared/i18n/locales/fr/common.json';
import enErrors from '../../shared/i18n/locales/en/errors.json';
import frErrors from '../../shared/i18n/locales/fr/errors.json';
import enEvents from '../../shared/i18n/locales/en/events.json';
import frEvents from '../../shared/i18n/locales/fr/events.json';
import { completeSetup, expect, test, type CoreFixture } from './fixtures';

/**
 * The event page's « Documents » menu against the real core: the attendance sheet printed by this
 * Chromium (page.pdf, like Electron's printToPDF) and read back with pdftotext, in the language
 * chosen for the paper; the series exported as a calendar file and read back with ical.js.
 */

type Lang = 'fr' | 'en';
const SHOTS = 'tests/e2e/screenshots';
const words = {
  fr: { ...frEvents.documents, languages: frCommon.languages, cancel: frCommon.actions.cancel, cancelledReason: frErrors.reasons.eventCancelled },
  en: { ...enEvents.documents, languages: enCommon.languages, cancel: enCommon.actions.cancel, cancelledReason: enErrors.reasons.eventCancelled },
};
const other = (lang: Lang): Lang => (lang === 'fr' ? 'en' : 'fr');
const flatPdf = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/** A weekly 18:30 support group across the end of October, two roles, three people on the first session. */
async function plan(core: CoreFixture) {
  const person = (firstName: string, lastName: string) => core.call('volunteers.create', { firstName, lastName, joinedOn: '2024-09-15', confidentialitySignedOn: '2024-09-20' });
  const helene = await person('Hélène', 'Dupré');
  const zoe = await person('Zoë', 'N’Gata');
  const francois = await person('François', 'Lefèvre');
  const { series } = await core.call('events.createSeries', {
    title: 'Groupe de parole — aidants',
    kind: 'support_group',
    place: 'Maison des associations, salle 2',
    format: 'in_person',
    confidentialityRequired: true,
    timeZone: 'Europe/Paris',
    facilitatorIds: [helene.id],
    frequency: 'weekly',
    startsOn: '2030-10-15',
    startTime: '18:30',
    endTime: '20:00',
    count: 4,
    roles: [
      { name: 'Accueil', needed: 1, startOffset: 0, endOffset: 30 },
      { name: 'Écoute', needed: 2, startOffset: 0, endOffset: 90 },
    ],
  });
  const calendar = await core.call('events.calendar', { from: '2030-10-01', to: '2030-11-30' });
  const sessions = calendar.events.filter((e) => e.seriesId === series.id);
  const first = sessions[0]!.id;
  const staffing = await core.call('events.staffing', { eventId: first });
  const role = (name: string) => staffing.roles.find((r) => r.name === name)!.id;
  await core.call('events.assign', { roleId: role('Accueil'), volunteerId: francois.id });
  await core.call('events.assign', { roleId: role('Écoute'), volunteerId: zoe.id });
  return { seriesId: series.id, sessions: sessions.map((s) => s.id), first };
}

for (const lang of ['fr', 'en'] as Lang[]) {
  test(`prints the attendance sheet in the other language and exports the series from the event page (${lang})`, async ({ app, core }) => {
    await completeSetup(core, lang);
    const { first, sessions } = await plan(core);
    const w = words[lang];
    const page = app.page;
    await app.open(`/events/${first}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groupe de parole — aidants');

    // The sheet, in the language that is not the app's: the paper's language is its own choice.
    await page.getByRole('button', { name: w.button }).click();
    await page.getByRole('menuitem', { name: w.printSheet }).click();
    const dialog = page.getByRole('dialog', { name: w.printSheet });
    await expect(dialog.getByRole('radio', { name: w.languages[lang] })).toBeChecked();
    await dialog.getByRole('radio', { name: w.languages[other(lang)] }).check();
    await dialog.getByRole('button', { name: w.print }).click();
    // Printing takes a moment (fonts embedded, Chromium lays out A4).
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    const sheetFile = core.platform.saved.at(-1)!;
    expect(sheetFile).toMatch(lang === 'fr' ? /attendance-sheet-groupe-de-parole-aidants-2030-10-15\.pdf$/ : /feuille-emargement-groupe-de-parole-aidants-2030-10-15\.pdf$/);
    await expect(page.getByText(w.sheetSaved.replace('{{name}}', sheetFile.split('/').pop()!))).toBeVisible();

    const text = flatPdf(sheetFile);
    expect(text).toContain('Les Amis du Relais');
    expect(text).toContain('Groupe de parole — aidants');
    for (const name of ['Hélène Dupré', 'Zoë N’Gata', 'François Lefèvre']) expect(text).toContain(name);
    if (lang === 'fr') {
      expect(text).toContain('Tuesday 15 October 2030');
      expect(text).toContain('18:30 – 20:00');
      expect(text).toContain('Volunteers who came without being expected');
      expect(text).toContain('Number of participants');
    } else {
      expect(text).toContain('mardi 15 octobre 2030');
      expect(text).toContain('18 h 30 – 20 h');
      expect(text).toContain('Bénévoles venus sans inscription');
      expect(text).toContain('Nombre de participants');
    }
    // Three expected lines, then blank numbered lines for walk-ins.
    expect(text).toMatch(/ 3 François Lefèvre| 3 Zoë N’Gata/);
    expect(text).toMatch(/ 8 /);

    // The series as a calendar file: four sessions, 18:30 in Paris before and after the clock change.
    await page.getByRole('button', { name: w.button }).click();
    await page.getByRole('menuitem', { name: w.exportSeries }).click();
    const icsFile = core.platform.saved.at(-1)!;
    await expect(page.getByText(w.calendarSaved.replace('{{name}}', 'groupe-de-parole-aidants.ics').replace('{{count}}', '4'))).toBeVisible();
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(icsFile, 'utf8')));
    for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
      const zone = new ICAL.Timezone(vtz);
      ICAL.TimezoneService.register(zone, zone.tzid);
    }
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toString())).toEqual(['2030-10-15T18:30:00', '2030-10-22T18:30:00', '2030-10-29T18:30:00', '2030-11-05T18:30:00']);
    expect(events.map((e) => e.startDate.zone?.tzid)).toEqual(Array(4).fill('Europe/Paris'));
    expect(events.map((e) => e.uid.split('@')[0])).toEqual(sessions.map((id) => `relais-event-${id}`));
    expect(readFileSync(icsFile, 'utf8')).not.toContain('Dupré');
  });

  test(`a cancelled session offers no sheet, and a closed save dialog writes nothing (${lang})`, async ({ app, core }) => {
    await completeSetup(core, lang);
    const { first, sessions } = await plan(core);
    const w = words[lang];
    const page = app.page;

    await app.open(`/events/${first}`);
    await page.getByRole('button', { name: w.button }).click();
    await page.getByRole('menuitem', { name: w.printSheet }).click();
    core.platform.queueSaveFile(null);
    await page.getByRole('dialog', { name: w.printSheet }).getByRole('button', { name: w.print }).click();
    await expect(page.getByRole('dialog', { name: w.printSheet })).toBeHidden();
    expect(core.platform.saved).toEqual([]);

    await core.call('events.cancel', { id: sessions[1]! });
    await app.open(`/events/${sessions[1]}`);
    await page.getByRole('button', { name: w.button }).click();
    await expect(page.getByRole('menuitem', { name: w.printSheet })).toBeDisabled();
    await expect(page.getByRole('menuitem', { name: w.printSheet })).toContainText(w.cancelledNoSheet);
    // And core refuses it too, with its own sentence.
    const refused = await core.dispatch('events.printAttendanceSheet', { eventId: sessions[1]!, language: lang });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'eventCancelled' } } });
    expect(w.cancelledReason.length).toBeGreaterThan(10);
  });

  test(`screenshots of the documents menu ${lang} @screenshots`, async ({ app, core }) => {
    await completeSetup(core, lang);
    const { first } = await plan(core);
    const w = words[lang];
    const page = app.page;
    await app.open(`/events/${first}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.getByRole('button', { name: w.button }).click();
    await expect(page.getByRole('menuitem', { name: w.exportSeries })).toBeVisible();
    // Past the menu's fade-in.
    await expect(page.getByRole('menu')).toHaveCSS('opacity', '1');
    await page.screenshot({ path: `${SHOTS}/event-documents-menu-${lang}.png` });
    await page.getByRole('menuitem', { name: w.printSheet }).click();
    await expect(page.getByRole('dialog', { name: w.printSheet })).toBeVisible();
    await expect(page.getByRole('dialog', { name: w.printSheet })).toHaveCSS('opacity', '1');
    await page.screenshot({ path: `${SHOTS}/event-documents-sheet-${lang}.png` });
  });
}

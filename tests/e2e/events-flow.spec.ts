import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import enVolunteers from '../../shared/i18n/locales/en/volunteers.json';
import frVolunteers from '../../shared/i18n/locales/fr/volunteers.json';
import { completeSetup, expect, test, type CoreFixture } from './fixtures';
import { EventFormPage, EventPage, EventsCalendarPage, eventStrings } from './pages/events';
import { EventDocumentsMenu, dayInWords, navLink, pdfText, renderPdf } from './pages/eventsFlow';
import { AttendancePanelPage, HoursPage, VolunteerActivityBlock, hourStrings } from './pages/hours';
import { StaffingPanelPage, staffingStrings } from './pages/staffing';
import { fill, type Lang } from './pages/volunteersLocale';

/**
 * The whole events story, through the screens, on the real core: plan a fortnightly support group
 * whose facilitator role needs group facilitation, open a session that has already taken place,
 * staff it from the suggestions, mark the person present, find the hours on their record and on the
 * hours page, print the attendance sheet. Once in French, once in English, with a screenshot of
 * every step. Only the people (and a later shift for their schedule) are written directly.
 */

const SHOTS = 'tests/e2e/screenshots';
const TMP = resolve(__dirname, '../.tmp');
const volunteers = { en: enVolunteers, fr: frVolunteers };
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Planning's zone when none is set: the computer's (the renderer runs on the same one). */
const zone = Temporal.Now.timeZoneId();
/** The series starts two weeks ago: its first session is over, the second is today, two are to come. */
const firstDay = Temporal.Now.plainDateISO(zone).subtract({ days: 14 });
const FIRST = firstDay.toString();
const DAY = DAYS[firstDay.dayOfWeek - 1]!;
const ddmmyyyy = (d: Temporal.PlainDate) => `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;

const WORDS = {
  fr: { title: 'Groupe de parole — aidants', role: 'Animation', place: 'Maison des associations, salle 2', duration: '1\u00a0h\u00a030', times: '18\u00a0h\u00a030 – 20\u00a0h' },
  en: { title: 'Carers’ support group', role: 'Facilitator', place: 'Community centre, room 2', duration: '1 h 30 min', times: '18:30 – 20:00' },
} as const;

/** Three people: two who facilitate groups (Hélène free on that evening), one who does not. */
async function people(core: CoreFixture) {
  const skills = await core.call('volunteers.listSkills', {});
  const gf = skills.find((s) => s.key === 'group_facilitation')!.id;
  const helene = await core.call('volunteers.create', {
    firstName: 'Hélène',
    lastName: 'Dupré',
    joinedOn: '2024-09-15',
    skills: [{ skillId: gf, level: 3 }],
    availability: [`${DAY}.evening`],
    preferredFormat: 'in_person',
    confidentialitySignedOn: '2024-09-20',
  });
  const francois = await core.call('volunteers.create', { firstName: 'François', lastName: 'Lefèvre', joinedOn: '2025-01-10', skills: [{ skillId: gf, level: 2 }] });
  await core.call('volunteers.create', { firstName: 'Zoë', lastName: 'N’Gata', joinedOn: '2025-03-02' });
  return { helene, francois, gf };
}

for (const lang of ['fr', 'en'] as Lang[]) {
  test(`plans a fortnightly support group, staffs a past session from the suggestions, marks attendance, sees the hours and prints the sheet (${lang}) @screenshots`, async ({ app, core }) => {
    // Eight screens, a form and a printed PDF: well over a minute on a busy machine.
    test.setTimeout(240_000);
    await completeSetup(core, lang);
    const { helene, gf } = await people(core);
    const page = app.page;
    const s = eventStrings[lang];
    const st = staffingStrings[lang];
    const v = volunteers[lang];
    const w = WORDS[lang];
    const shot = (step: string) => page.screenshot({ path: `${SHOTS}/flow-${step}-${lang}.png`, fullPage: true });

    // 1. Plan the series from the events page.
    await app.open('/');
    await navLink(page, lang, 'events').click();
    // The page's own button (an empty month offers the same link again in its middle).
    await page.getByRole('link', { name: s.actions.plan }).first().click();
    const form = new EventFormPage(page, lang);
    await form.field('title').fill(w.title);
    await form.choose('kind', s.kinds.support_group);
    await form.recurring();
    await form.choose('frequency', s.frequencies.biweekly);
    await form.typeDate('startsOn', ddmmyyyy(firstDay));
    await form.field('startTime').fill('18:30');
    await form.field('endTime').fill('20:00');
    await form.field('count').fill('4');
    await form.field('place').fill(w.place);
    await form.field('capacity').fill('8');
    await form.field('confidentiality').check();
    await form.addRole(1, w.role, 1, { label: v.skills.group_facilitation, level: v.levels['2'] });
    await expect(form.preview).toContainText(s.form.previewCount_other.replace('{{count}}', '4'));
    // As the window shows it (a full-page capture would pin the sticky save bar over the middle).
    await form.preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/flow-1-form-${lang}.png` });
    await page.getByTestId('role-row').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/flow-1-form-roles-${lang}.png` });
    await form.submit('createSeries');

    // What was written: four sessions a fortnight apart at 18:30, each with the role needing the skill.
    const event = new EventPage(page, lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(w.title);
    const calendar = await core.call('events.calendar', { from: FIRST, to: firstDay.add({ days: 60 }).toString() });
    const starts = [0, 14, 28, 42].map((d) => `${firstDay.add({ days: d }).toString()}T18:30`);
    expect(calendar.events.map((e) => e.start)).toEqual(starts);
    const series = await core.call('events.getSeries', { id: calendar.events[0]!.seriesId! });
    expect(series).toMatchObject({ frequency: 'biweekly', count: 4, timeZone: zone, confidentialityRequired: true, capacity: 8 });
    expect(series.roles).toEqual([expect.objectContaining({ name: w.role, needed: 1, startOffset: 0, endOffset: 90, skills: [{ skillId: gf, minLevel: 2 }] })]);
    const [past, , later] = series.occurrences;

    // 2. Open the session that has taken place, from the month calendar.
    await page.getByRole('link', { name: `← ${s.page.backToCalendar}` }).click();
    const cal = new EventsCalendarPage(page, lang);
    await expect(cal.eventsOn(cal.month, FIRST)).toHaveCount(1);
    await cal.eventsOn(cal.month, FIRST).click();
    await expect(page).toHaveURL(new RegExp(`#/events/${past!.id}`));
    await expect(event.when).toHaveText(new RegExp(`^${dayInWords(FIRST, lang).source}, ${w.times}$`));
    await expect(page.getByText(s.status.past, { exact: true })).toBeVisible();
    await shot('2-session');

    // 3. Staffing: the suggestions, each with its reasons; Hélène first, assigned in one click.
    await event.tab('staffing').click();
    const staffing = new StaffingPanelPage(page, lang);
    await expect(staffing.filled(w.role)).toHaveText(fill(st.filled, { filled: 0, needed: 1 }));
    await staffing.showSuggestions(w.role);
    await expect(staffing.suggestions(w.role)).toHaveCount(2);
    const first = staffing.suggestions(w.role).nth(0);
    await expect(first.locator('p').first()).toHaveText('1. Hélène Dupré');
    await expect(first).toContainText(fill(st.reasons.skillOk, { skill: v.skills.group_facilitation, level: v.levels['3'], min: v.levels['2'] }));
    await expect(first).toContainText(fill(st.reasons.availabilityFull, { slots: `${v.days[DAY]} ${v.parts.evening}` }));
    await expect(first).toContainText(st.reasons.loadNone);
    await expect(first).toContainText(st.reasons.confidentialityOk);
    await expect(staffing.suggestions(w.role).nth(1)).toContainText('François Lefèvre');
    await expect(staffing.suggestions(w.role).nth(1)).toContainText(st.reasons.availabilityUnknown);
    await shot('3-suggestions');
    await staffing.assignButton(w.role, 'Hélène Dupré').click();
    await expect(page.getByText(fill(st.assigned, { name: 'Hélène Dupré', role: w.role }))).toBeVisible();
    await expect(staffing.filled(w.role)).toHaveText(fill(st.filled, { filled: 1, needed: 1 }));
    await expect(staffing.assignments(w.role)).toContainText('Hélène Dupré');
    await staffing.hideSuggestions(w.role);
    await shot('4-staffed');

    // 4. Attendance: present, with the role's hour and a half.
    await event.tab('attendance').click();
    const attendance = new AttendancePanelPage(page, lang);
    await expect(attendance.row(helene.id)).toContainText(w.role);
    await attendance.mark(helene.id, 'Hélène Dupré', 'present');
    await expect(attendance.row(helene.id).getByTestId('attendance-minutes')).toHaveText(w.duration);
    await expect(attendance.total).toHaveText(w.duration);
    await shot('5-attendance');
    expect((await core.call('hours.volunteerSummary', { volunteerId: helene.id })).totalMinutes).toBe(90);

    // Her next shift, four weeks ahead, so her record has a schedule to show.
    const next = await core.call('events.staffing', { eventId: later!.id });
    await core.call('events.assign', { roleId: next.roles[0]!.id, volunteerId: helene.id });

    // 5. Her record, from the attendance row: the same total, in the last 30 days too.
    await attendance.row(helene.id).getByRole('link', { name: 'Hélène Dupré' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Hélène Dupré');
    const activity = new VolunteerActivityBlock(page);
    await expect(activity.total).toHaveText(w.duration);
    await expect(activity.last30).toHaveText(w.duration);
    await expect(activity.block).toContainText(hourStrings[lang].categories.support);
    await expect(activity.schedule).toContainText(w.title);
    // Times read the same as on the event page: « 18 h 30 » in French.
    await expect(activity.schedule).toContainText(lang === 'fr' ? '18\u00a0h\u00a030' : '18:30');
    await activity.block.scrollIntoViewIfNeeded();
    await activity.block.screenshot({ path: `${SHOTS}/flow-6-volunteer-${lang}.png` });

    // 6. All her hours on the hours page: one entry, the same figure.
    await activity.block.getByRole('link', { name: hourStrings[lang].activity.allEntries }).click();
    const entries = page.getByTestId('entries-table');
    await expect(entries.getByRole('row')).toHaveCount(2);
    await expect(entries).toContainText('Hélène Dupré');
    await expect(entries).toContainText(w.duration);
    await shot('7-hours');
    const hours = new HoursPage(page, lang);
    await hours.tab('totals').click();
    await expect(page.getByTestId('totals-total')).toHaveText(w.duration);
    await expect(page.getByTestId('totals-table')).toContainText(w.duration);
    // The chart is loaded on demand: its bar, before the picture.
    await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await shot('7-hours-totals');
    await hours.tab('entries').click();

    // 7. Back to the session through its entry, and print its attendance sheet.
    await entries.getByRole('link', { name: w.title }).click();
    await expect(event.when).toHaveText(new RegExp(`^${dayInWords(FIRST, lang).source}, ${w.times}$`));
    const documents = new EventDocumentsMenu(page, lang);
    await documents.openSheetDialog();
    await shot('8-sheet-dialog');
    mkdirSync(TMP, { recursive: true });
    const pdf = join(TMP, `flow-sheet-${lang}.pdf`);
    core.platform.queueSaveFile(pdf);
    await documents.print();
    await expect(documents.saved(`flow-sheet-${lang}.pdf`)).toBeVisible();

    const text = pdfText(pdf);
    expect(text).toContain('Les Amis du Relais');
    expect(text).toContain(w.title);
    expect(text).toMatch(dayInWords(FIRST, lang));
    expect(text).toContain(lang === 'fr' ? '18 h 30 – 20 h' : '18:30 – 20:00');
    expect(text).toContain('Hélène Dupré');
    expect(text).toContain(w.role);
    expect(text).toContain(w.place);
    const png = renderPdf(pdf, join(TMP, `flow-sheet-${lang}`));
    expect(png).toMatch(/flow-sheet-(fr|en)-1\.png$/);
  });
}

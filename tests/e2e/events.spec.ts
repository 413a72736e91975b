import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import enVolunteers from '../../shared/i18n/locales/en/volunteers.json';
import frVolunteers from '../../shared/i18n/locales/fr/volunteers.json';
import enValidation from '../../shared/i18n/locales/en/validation.json';
import frValidation from '../../shared/i18n/locales/fr/validation.json';
import { completeSetup, expect, test, type CoreFixture } from './fixtures';
import { EventFormPage, EventPage, EventsCalendarPage, eventStrings } from './pages/events';
import type { Lang } from './pages/volunteersLocale';

const SHOTS = 'tests/e2e/screenshots';

/** A second connection to the test's database, for a setting the screens do not edit. */
function withDatabase<T>(core: CoreFixture, fn: (db: Database.Database) => T): T {
  const db = new Database(join(core.dataDir, 'relais.sqlite'));
  db.pragma('busy_timeout = 5000');
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const volunteers = { en: enVolunteers, fr: frVolunteers };
const validation = { en: enValidation, fr: frValidation };

/** Every row of the planning tables, to check a refused save wrote nothing. */
async function planningRows(core: CoreFixture) {
  const calendar = await core.call('events.calendar', { from: '2030-01-01', to: '2031-01-31' });
  const programmes = await core.call('events.listProgrammes', { includeArchived: true });
  return { calendar, programmes };
}

async function facilitator(core: CoreFixture) {
  const skills = await core.call('volunteers.listSkills', {});
  const skillId = skills.find((s) => s.key === 'group_facilitation')!.id;
  return core.call('volunteers.create', {
    firstName: 'Hélène',
    lastName: 'Dupré',
    joinedOn: '2024-09-15',
    roles: ['volunteer', 'facilitator'],
    skills: [{ skillId, level: 3 }],
    confidentialitySignedOn: '2024-09-20',
  });
}

// Tuesday 5 March 2030, then every two weeks.
const FIRST = '2030-03-05';
const FORTNIGHTLY = ['2030-03-05', '2030-03-19', '2030-04-02', '2030-04-16', '2030-04-30', '2030-05-14'];

for (const lang of ['fr', 'en'] as Lang[]) {
  test(`plans a fortnightly support group with a facilitator role, sees it in the month and week, cancels one session (${lang})`, async ({ app, core }) => {
    await completeSetup(core, lang);
    const helene = await facilitator(core);
    const page = app.page;
    const s = eventStrings[lang];
    const title = lang === 'fr' ? 'Groupe de parole — aidants' : 'Carers’ support group';
    const roleName = lang === 'fr' ? 'Animation' : 'Facilitator';

    await app.open(`/events/new?date=${FIRST}`);
    const form = new EventFormPage(page, lang);
    await form.field('title').fill(title);
    await form.choose('kind', s.kinds.support_group);
    await form.recurring();
    await form.choose('frequency', s.frequencies.biweekly);
    await expect(form.field('startsOn')).toHaveValue('05/03/2030');
    await form.field('startTime').fill('18:30');
    await form.field('endTime').fill('20:00');
    await form.field('count').fill('6');
    await form.field('place').fill('Maison des associations, salle 2');
    await form.field('capacity').fill('8');
    await form.field('confidentiality').check();
    await form.pickFacilitator('Dupr', 'Hélène Dupré');
    await form.addRole(1, roleName, 1, { label: volunteers[lang].skills.group_facilitation, level: volunteers[lang].levels['2'] });
    await expect(form.preview).toContainText(s.form.previewCount_other.replace('{{count}}', '6'));
    await form.submit('createSeries');

    // The first session's page, in words of the language.
    const event = new EventPage(page, lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    // (ICU versions differ on the comma after an English weekday.)
    await expect(event.when).toHaveText(lang === 'fr' ? 'mardi 5 mars 2030, 18\u00a0h\u00a030 – 20\u00a0h' : /^Tuesday,? 5 March 2030, 18:30 – 20:00$/);
    await expect(event.seriesCard).toContainText(lang === 'fr' ? 'Toutes les deux semaines le mardi' : 'Every two weeks on Tuesday');

    // What was written: six sessions a fortnight apart, each with the role needing the skill and the facilitator.
    const calendar = await core.call('events.calendar', { from: '2030-03-01', to: '2030-05-31' });
    expect(calendar.events.map((e) => e.start)).toEqual(FORTNIGHTLY.map((d) => `${d}T18:30`));
    const seriesId = calendar.events[0]!.seriesId!;
    const series = await core.call('events.getSeries', { id: seriesId });
    const skills = await core.call('volunteers.listSkills', {});
    expect(series.roles).toEqual([
      expect.objectContaining({ name: roleName, needed: 1, startOffset: 0, endOffset: 90, skills: [{ skillId: skills.find((k) => k.key === 'group_facilitation')!.id, minLevel: 2 }] }),
    ]);
    expect(series.facilitators.map((f) => f.id)).toEqual([helene.id]);
    expect(series).toMatchObject({ capacity: 8, confidentialityRequired: true, frequency: 'biweekly', count: 6 });

    // Month view: March shows two sessions, April three.
    await app.open(`/events?date=${FIRST}`);
    const cal = new EventsCalendarPage(page, lang);
    await expect(cal.title).toHaveText(lang === 'fr' ? 'Mars 2030' : 'March 2030');
    await expect(cal.eventsOn(cal.month, '2030-03-05')).toHaveCount(1);
    await expect(cal.eventsOn(cal.month, '2030-03-19')).toContainText(title);
    await cal.next('month');
    await expect(cal.title).toHaveText(lang === 'fr' ? 'Avril 2030' : 'April 2030');
    for (const d of ['2030-04-02', '2030-04-16', '2030-04-30']) await expect(cal.eventsOn(cal.month, d)).toHaveCount(1);

    // Week view of 19 March: one session, on the Tuesday, with its times.
    await app.open('/events?view=week&date=2030-03-19');
    await expect(cal.eventsOn(cal.week, '2030-03-19')).toContainText(lang === 'fr' ? '18\u00a0h\u00a030 – 20\u00a0h' : '18:30 – 20:00');
    await expect(cal.week.getByTestId('calendar-event')).toHaveCount(1);

    // Cancel that one session, from its page.
    await cal.eventsOn(cal.week, '2030-03-19').click();
    await expect(event.when).toContainText(lang === 'fr' ? 'mardi 19 mars 2030' : /Tuesday,? 19 March 2030/);
    await event.cancelSession();
    await expect(event.cancelledBadge).toBeVisible();
    const after = await core.call('events.getSeries', { id: seriesId });
    expect(after.occurrences.map((o) => o.status)).toEqual(['planned', 'cancelled', 'planned', 'planned', 'planned', 'planned']);

    // The calendar shows it cancelled, in words.
    await app.open('/events?view=week&date=2030-03-19');
    await expect(cal.eventsOn(cal.week, '2030-03-19')).toHaveAccessibleName(new RegExp(s.status.cancelled));
    await expect(cal.eventsOn(cal.week, '2030-03-19')).toContainText(s.status.cancelled);
  });

  test(`refuses an end before the start and a series without an end, and writes nothing (${lang})`, async ({ app, core }) => {
    await completeSetup(core, lang);
    const page = app.page;
    const before = await planningRows(core);
    await app.open(`/events/new?date=${FIRST}`);
    const form = new EventFormPage(page, lang);
    await form.field('title').fill('Collecte');
    await form.field('startTime').fill('14:00');
    await form.field('endTime').fill('12:00');
    await form.submit('create');
    await expect(form.errorAlert).toBeVisible();
    await expect(page.getByText(validation[lang].planning.endBeforeStart)).toBeVisible();

    await form.recurring();
    await form.field('endTime').fill('16:00');
    await form.field('count').fill('');
    await form.submit('createSeries');
    await expect(page.getByText(validation[lang].planning.seriesNeedsEnd).first()).toBeVisible();
    await form.field('count').fill('10000');
    await form.submit('createSeries');
    await expect(page.getByText(validation[lang].planning.tooManyOccurrences.replace('{{max}}', '500')).first()).toBeVisible();
    expect(await planningRows(core)).toEqual(before);
  });
}

test('a long support group gets advice in the form, the event is still saved', async ({ app, core }) => {
  await completeSetup(core, 'en');
  const page = app.page;
  await app.open(`/events/new?date=${FIRST}`);
  const form = new EventFormPage(page, 'en');
  await form.field('title').fill('Open group');
  await form.choose('kind', eventStrings.en.kinds.support_group);
  await form.field('startTime').fill('18:00');
  await form.field('endTime').fill('21:00');
  await form.field('capacity').fill('20');
  const guidance = page.getByTestId('guidance');
  await expect(guidance).toContainText('20 participants expected');
  await expect(guidance).toContainText('This meeting lasts 3 h');
  await form.submit('create');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open group');
  await expect(page.getByTestId('guidance')).toContainText('20 participants expected');
});

test('moves one session on its own, then changes this and following: the series splits there', async ({ app, core }) => {
  await completeSetup(core, 'en');
  const page = app.page;
  const s = eventStrings.en;
  const { series } = await core.call('events.createSeries', {
    title: 'Reading circle',
    kind: 'workshop',
    frequency: 'weekly',
    startsOn: FIRST,
    startTime: '18:30',
    endTime: '20:00',
    count: 6,
    timeZone: 'Europe/Paris',
  });
  const [, second, third] = series.occurrences;

  // Move the second session to the Wednesday, on its own.
  await app.open(`/events/${second!.id}`);
  await page.getByRole('link', { name: s.page.editSession }).click();
  const form = new EventFormPage(page, 'en');
  await expect(page.getByText(s.form.detachNote)).toBeVisible();
  await form.typeDate('date', '13/03/2030');
  await form.submit('save');
  const event = new EventPage(page, 'en');
  await expect(event.when).toContainText('13 March 2030');
  await expect(page.getByText(s.status.detached, { exact: true })).toBeVisible();

  // From the third session on: 19:00 to 20:30, at the library.
  await app.open(`/events/${third!.id}`);
  await page.getByRole('link', { name: s.page.editFollowing }).click();
  await expect(page.getByRole('radio', { name: s.form.scopeFollowing })).toBeChecked();
  await expect(form.field('startsOn')).toHaveValue('19/03/2030');
  await expect(form.field('count')).toHaveValue('4');
  await form.field('startTime').fill('19:00');
  await form.field('endTime').fill('20:30');
  await form.field('place').fill('Library');
  await form.submit('save');
  await expect(event.when).toContainText('19:00 – 20:30');

  const old = await core.call('events.getSeries', { id: series.id });
  expect(old.occurrences.map((o) => o.start)).toEqual(['2030-03-05T18:30', '2030-03-13T18:30']);
  const moved = await core.call('events.get', { id: third!.id });
  expect(moved.series!.id).not.toBe(series.id);
  const fresh = await core.call('events.getSeries', { id: moved.series!.id });
  expect(fresh.occurrences.map((o) => o.start)).toEqual(['2030-03-19T19:00', '2030-03-26T19:00', '2030-04-02T19:00', '2030-04-09T19:00']);
  expect(fresh.place).toBe('Library');
});

test('calendar, form and event page pass the accessibility checks and work from the keyboard', async ({ app, core }) => {
  await completeSetup(core, 'fr');
  const page = app.page;
  const group = await seedMonth(core, 'fr');
  const check = async () => {
    const results = await new AxeBuilder({ page }).include('#main').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };
  const cal = new EventsCalendarPage(page, 'fr');
  await app.open('/events?date=2030-03-12');
  await expect(cal.eventsOn(cal.month, '2030-03-05')).toHaveCount(1);
  await check();
  // From the keyboard: a session of the month opens with Enter.
  const chip = cal.eventsOn(cal.month, '2030-03-05');
  await chip.focus();
  await expect(chip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/events/${group.series.occurrences[0]!.id}$`));
  await check();
  await app.open('/events?view=week&date=2030-03-12');
  await expect(cal.eventsOn(cal.week, '2030-03-12')).toHaveCount(3);
  await check();
  await app.open('/events/new?date=2030-03-05');
  await new EventFormPage(page, 'fr').recurring();
  await expect(page.getByTestId('series-preview')).toBeVisible();
  await check();
});

/** A believable month for the screenshots: a weekly group, a monthly board, one-off events. */
async function seedMonth(core: CoreFixture, lang: Lang) {
  const helene = await facilitator(core);
  const skills = await core.call('volunteers.listSkills', {});
  const facilitation = skills.find((s) => s.key === 'group_facilitation')!.id;
  const fr = lang === 'fr';
  const programme = await core.call('events.createProgramme', { name: fr ? 'Soutien entre pairs 2030' : 'Peer support 2030' });
  await core.call('events.createProgramme', { name: fr ? 'Inclusion numérique' : 'Digital inclusion' });
  const group = await core.call('events.createSeries', {
    title: fr ? 'Groupe de parole — aidants' : 'Carers’ support group',
    kind: 'support_group',
    programmeId: programme.id,
    frequency: 'weekly',
    startsOn: '2030-03-05',
    startTime: '18:30',
    endTime: '20:00',
    count: 12,
    place: fr ? 'Maison des associations, salle 2' : 'Community centre, room 2',
    capacity: 8,
    confidentialityRequired: true,
    facilitatorIds: [helene.id],
    roles: [{ name: fr ? 'Animation' : 'Facilitator', needed: 1, startOffset: 0, endOffset: 90, skills: [{ skillId: facilitation, minLevel: 2 }] }],
    timeZone: 'Europe/Paris',
  });
  await core.call('events.createSeries', {
    title: fr ? 'Conseil d’administration' : 'Board meeting',
    kind: 'board_meeting',
    frequency: 'monthly',
    monthOrdinal: -1,
    weekday: 4,
    startsOn: '2030-01-01',
    startTime: '19:00',
    endTime: '21:00',
    count: 12,
    format: 'hybrid',
    place: fr ? 'Local de l’association' : 'Our office',
    videoLink: 'https://visio.exemple.fr/ca',
    timeZone: 'Europe/Paris',
  });
  const one = [
    { title: fr ? 'Collecte solidaire' : 'Food drive', kind: 'community' as const, start: '2030-03-09T09:00', end: '2030-03-09T12:30', place: 'Place Guichard' },
    { title: fr ? 'Atelier numérique' : 'Digital workshop', kind: 'workshop' as const, start: '2030-03-13T14:00', end: '2030-03-13T16:00', place: fr ? 'Médiathèque' : 'Library' },
    { title: fr ? 'Formation à l’écoute active' : 'Active listening training', kind: 'training' as const, start: '2030-03-16T09:30', end: '2030-03-16T16:30', place: fr ? 'Local de l’association' : 'Our office' },
    { title: fr ? 'Assemblée générale' : 'General meeting', kind: 'general_meeting' as const, start: '2030-03-23T10:00', end: '2030-03-23T12:00', place: fr ? 'Salle des fêtes' : 'Village hall' },
    { title: fr ? 'Permanence d’écoute' : 'Listening line', kind: 'support_group' as const, start: '2030-03-12T10:00', end: '2030-03-12T11:00', place: null },
    { title: fr ? 'Café des bénévoles' : 'Volunteers’ coffee', kind: 'community' as const, start: '2030-03-12T12:30', end: '2030-03-12T13:30', place: null },
  ];
  for (const e of one) await core.call('events.create', { ...e, timeZone: 'Europe/Paris' });
  await core.call('events.cancel', { id: group.series.occurrences[3]!.id });
  return group;
}

for (const lang of ['fr', 'en'] as Lang[]) {
  test(`screenshots ${lang} @screenshots`, async ({ app, core }) => {
    // Seven screens and a form filled in: more than one minute on a busy machine.
    test.setTimeout(150_000);
    await completeSetup(core, lang);
    const page = app.page;
    const s = eventStrings[lang];
    const cal = new EventsCalendarPage(page, lang);

    await app.open('/events?view=upcoming');
    await expect(page.getByText(s.upcoming.emptyTitle)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/events-upcoming-empty-${lang}.png` });

    const group = await seedMonth(core, lang);
    await app.open('/events?date=2030-03-12');
    // Seeded behind the page's back: reload so nothing cached from the empty list remains.
    await page.reload();
    await expect(cal.eventsOn(cal.month, '2030-03-05')).toHaveCount(1);
    await page.screenshot({ path: `${SHOTS}/events-month-${lang}.png` });

    await app.open('/events?view=week&date=2030-03-12');
    await expect(cal.eventsOn(cal.week, '2030-03-12')).toHaveCount(3);
    await page.screenshot({ path: `${SHOTS}/events-week-${lang}.png` });

    await app.open('/events?view=upcoming');
    await expect(cal.upcoming).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/events-upcoming-${lang}.png` });

    await app.open('/events?view=programmes');
    await expect(page.getByTestId('programmes-table')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/events-programmes-${lang}.png` });

    await app.open(`/events/${group.series.occurrences[1]!.id}`);
    await expect(page.getByTestId('series-card')).toBeVisible();
    await expect(page.getByTestId('series-card').getByRole('listitem')).not.toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/events-page-${lang}.png` });

    await app.open('/events/new?date=2030-03-05');
    const form = new EventFormPage(page, lang);
    await form.field('title').fill(lang === 'fr' ? 'Groupe de parole — deuil' : 'Bereavement group');
    await form.choose('kind', s.kinds.support_group);
    await form.recurring();
    await form.field('capacity').fill('18');
    await form.addRole(1, lang === 'fr' ? 'Animation' : 'Facilitator', 2, { label: volunteers[lang].skills.group_facilitation, level: volunteers[lang].levels['2'] });
    await expect(form.preview).toContainText(s.form.previewCount_other.replace('{{count}}', '10'));
    // The window as the person sees it: the top of the form, then its roles and advice.
    await form.field('title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/events-form-${lang}.png` });
    await page.getByTestId('guidance').scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 200);
    await page.screenshot({ path: `${SHOTS}/events-form-roles-${lang}.png` });

    // A weekly 02:30 session on the spring-forward night: the preview says it moves. The
    // association plans in Paris time (the setting core reads; the test machine may run in UTC).
    withDatabase(core, (db) => db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('timeZone', ?)").run(JSON.stringify('Europe/Paris')));
    await form.field('startsOn').fill('22/03/2026');
    await form.field('startsOn').press('Escape');
    await form.field('startTime').fill('02:30');
    await form.field('endTime').fill('04:00');
    await expect(form.preview).toContainText(lang === 'fr' ? '3\u00a0h\u00a030' : '03:30');
    await form.preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/events-form-dst-${lang}.png` });
  });
}

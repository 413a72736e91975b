import AxeBuilder from '@axe-core/playwright';
import { Temporal } from 'temporal-polyfill';
import enVolunteers from '../../shared/i18n/locales/en/volunteers.json';
import frVolunteers from '../../shared/i18n/locales/fr/volunteers.json';
import enValidation from '../../shared/i18n/locales/en/validation.json';
import frValidation from '../../shared/i18n/locales/fr/validation.json';
import enTrainings from '../../shared/i18n/locales/en/trainings.json';
import frTrainings from '../../shared/i18n/locales/fr/trainings.json';
import { completeSetup, expect, test, type CoreFixture } from './fixtures';
import { staffingStrings, StaffingPanelPage } from './pages/staffing';
import { fill, type Lang } from './pages/volunteersLocale';

const SHOTS = 'tests/e2e/screenshots';
const ZONE = 'Europe/Paris';
const volunteers = { en: enVolunteers, fr: frVolunteers };
const validation = { en: enValidation, fr: frValidation };
const trainings = { en: enTrainings, fr: frTrainings };

/** The first Tuesday at least ten days ahead: the series' sessions are all to come. */
function nextTuesday(): string {
  const d = Temporal.Now.plainDateISO(ZONE).add({ days: 10 });
  return d.add({ days: (2 - d.dayOfWeek + 7) % 7 }).toString();
}

const daysAgo = (n: number) => Temporal.Now.plainDateISO(ZONE).subtract({ days: n }).toString();

/**
 * A fortnightly support group (18:30–20:00, confidentiality agreement required) whose sessions have
 * a facilitator role needing group facilitation at level 2, and people who fit it more or less.
 */
async function supportGroup(core: CoreFixture, lang: Lang) {
  const skills = await core.call('volunteers.listSkills', {});
  const gf = skills.find((s) => s.key === 'group_facilitation')!.id;
  const listening = skills.find((s) => s.key === 'active_listening')!.id;
  const person = async (firstName: string, lastName: string, level: 1 | 2 | 3, extra: Record<string, unknown> = {}) =>
    (
      await core.call('volunteers.create', {
        firstName,
        lastName,
        joinedOn: '2024-09-15',
        skills: [{ skillId: gf, level }],
        availability: ['tue.evening'],
        preferredFormat: 'in_person',
        confidentialitySignedOn: '2024-09-20',
        ...extra,
      })
    ).id;
  const people = {
    helene: await person('Hélène', 'Dupré', 3),
    marc: await person('Marc', 'Lefèvre', 2),
    paul: await person('Paul', 'Nguyen', 3, { confidentialitySignedOn: null }),
    sophie: await person('Sophie', 'Martin', 1),
    listener: (await core.call('volunteers.create', { firstName: 'Inès', lastName: 'Roux', joinedOn: '2024-01-10', skills: [{ skillId: listening, level: 3 }] })).id,
  };
  // Marc gave five hours last week: recent load lowers his place a little.
  await core.call('hours.create', { volunteerId: people.marc, workedOn: daysAgo(4), minutes: 300, category: 'support', approval: 'approved' });
  const role = lang === 'fr' ? 'Animation' : 'Facilitator';
  const { series } = await core.call('events.createSeries', {
    title: lang === 'fr' ? 'Groupe de parole — aidants' : 'Carers’ support group',
    kind: 'support_group',
    frequency: 'biweekly',
    startsOn: nextTuesday(),
    startTime: '18:30',
    endTime: '20:00',
    count: 6,
    timeZone: ZONE,
    capacity: 8,
    place: 'Maison des associations, salle 2',
    confidentialityRequired: true,
    roles: [{ name: role, needed: 1, startOffset: 0, endOffset: 90, skills: [{ skillId: gf, minLevel: 2 }] }],
  });
  const occurrence = series.occurrences[1]!;
  return { people, role, series, occurrenceId: occurrence.id, gf, listening };
}

async function axe(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).include('[data-testid="staffing-panel"]').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const lang of ['fr', 'en'] as Lang[]) {
  test(`staffs a fortnightly support group session from the suggestions, with their reasons and warnings (${lang}) @screenshots`, async ({ app, core }) => {
    await completeSetup(core, lang);
    const { people, role, occurrenceId } = await supportGroup(core, lang);
    const s = staffingStrings[lang];
    const v = volunteers[lang];
    const page = app.page;
    const staffing = new StaffingPanelPage(page, lang);

    await app.open(`/events/${occurrenceId}?tab=staffing`);
    await expect(staffing.role(role)).toBeVisible();
    await expect(staffing.filled(role)).toHaveText(fill(s.filled, { filled: 0, needed: 1 }));
    await expect(staffing.role(role)).toContainText(fill(s.skillNeed, { skill: v.skills.group_facilitation, level: v.levels['2'] }));

    // Suggestions: best first, each saying why.
    await staffing.showSuggestions(role);
    await expect(staffing.suggestions(role)).toHaveCount(4);
    await expect(staffing.suggestions(role).locator('p').first()).toHaveText(`1. Hélène Dupré`);
    const order = await staffing.suggestions(role).evaluateAll((els) => els.map((el) => el.querySelector('p')?.textContent));
    expect(order).toEqual(['1. Hélène Dupré', '2. Marc Lefèvre', '3. Paul Nguyen', '4. Sophie Martin']);
    const helene = staffing.suggestions(role).nth(0);
    await expect(helene).toContainText(fill(s.reasons.skillOk, { skill: v.skills.group_facilitation, level: v.levels['3'], min: v.levels['2'] }));
    await expect(helene).toContainText(fill(s.reasons.availabilityFull, { slots: `${v.days.tue} ${v.parts.evening}` }));
    await expect(helene).toContainText(s.reasons.loadNone);
    await expect(helene).toContainText(s.reasons.confidentialityOk);
    await expect(staffing.suggestions(role).nth(1)).toContainText(fill(s.reasons.load, { hours: lang === 'fr' ? '5\u00a0h' : '5 h' }));
    await expect(staffing.suggestions(role).nth(2)).toContainText(s.reasons.confidentialityNo);
    await expect(staffing.suggestions(role).nth(3)).toContainText(fill(s.reasons.skillLow, { skill: v.skills.group_facilitation, level: v.levels['1'], min: v.levels['2'] }));
    await axe(page);
    await page.screenshot({ path: `${SHOTS}/staffing-suggestions-${lang}.png`, fullPage: true });

    // Assign the first one with the keyboard, in one action.
    await staffing.assignButton(role, 'Hélène Dupré').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(fill(s.assigned, { name: 'Hélène Dupré', role }))).toBeVisible();
    await expect(staffing.filled(role)).toHaveText(fill(s.filled, { filled: 1, needed: 1 }));
    await expect(staffing.assignments(role)).toHaveCount(1);
    await expect(staffing.assignments(role)).toContainText('Hélène Dupré');
    // She is on the role now: no longer suggested.
    await expect(staffing.suggestions(role)).toHaveCount(3);

    // Someone without the agreement, by name: assigned, with the warning shown.
    await staffing.assignByName(role, 'Nguy', 'Paul Nguyen');
    await expect(page.getByText(fill(s.assignedWithWarnings, { name: 'Paul Nguyen', role }))).toBeVisible();
    const paul = staffing.assignments(role).filter({ hasText: 'Paul Nguyen' });
    await expect(paul.getByTestId('assignment-warnings')).toHaveText(s.warnings.confidentiality);
    await expect(staffing.filled(role)).toHaveText(fill(s.filled, { filled: 2, needed: 1 }));

    const stored = await core.call('events.staffing', { eventId: occurrenceId });
    expect(stored.roles[0]!.assignments.map((a) => [a.volunteerId, a.warnings.map((w) => w.kind)])).toEqual([
      [people.helene, []],
      [people.paul, ['confidentiality']],
    ]);
    await staffing.hideSuggestions(role);
    await expect(staffing.suggestions(role)).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/staffing-panel-${lang}.png`, fullPage: true });

    // Unassign Paul again.
    await paul.getByRole('button', { name: fill(s.unassignLabel, { name: 'Paul Nguyen', role }) }).click();
    await expect(staffing.assignments(role)).toHaveCount(1);
    expect((await core.call('events.staffing', { eventId: occurrenceId })).roles[0]!.filled).toBe(1);
  });

  test(`adds a role with a time window and a skill, refuses a bad one without writing, lists it as unfilled (${lang}) @screenshots`, async ({ app, core }) => {
    await completeSetup(core, lang);
    const { occurrenceId, listening } = await supportGroup(core, lang);
    const s = staffingStrings[lang];
    const v = volunteers[lang];
    const page = app.page;
    const staffing = new StaffingPanelPage(page, lang);
    const welcome = lang === 'fr' ? 'Accueil' : 'Welcome';

    await app.open(`/events/${occurrenceId}?tab=staffing`);
    await staffing.panel.getByRole('button', { name: s.addRole }).click();
    await staffing.field('name').fill(welcome);
    await staffing.field('needed').fill('0');
    await staffing.form.getByLabel(s.form.wholeEvent).uncheck();
    await staffing.field('from').fill('18:15');
    await staffing.field('to').fill('19:00');
    await staffing.form.getByRole('button', { name: s.form.addSkill }).click();
    await staffing.form.getByRole('combobox', { name: fill(s.form.skill, { n: 1 }), exact: true }).click();
    await page.getByRole('option', { name: v.skills.active_listening }).click();
    await staffing.form.getByRole('combobox', { name: fill(s.form.minLevel, { n: 1 }), exact: true }).click();
    await page.getByRole('option', { name: v.levels['2'] }).click();
    const before = await core.call('events.staffing', { eventId: occurrenceId });
    await staffing.form.getByRole('button', { name: s.form.save }).click();
    // Each problem is named under its field; nothing is written.
    await expect(staffing.form.getByText(validation[lang].staffing.needed)).toBeVisible();
    await expect(staffing.form.getByText(validation[lang].staffing.startBeforeEvent)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/staffing-role-form-${lang}.png` });
    await staffing.field('needed').fill('2');
    await staffing.field('from').fill('18:30');
    await staffing.field('to').fill('20:30');
    await staffing.form.getByRole('button', { name: s.form.save }).click();
    await expect(staffing.form.getByText(fill(validation[lang].staffing.outsideEvent, { max: 90 }))).toBeVisible();
    expect(await core.call('events.staffing', { eventId: occurrenceId })).toEqual(before);

    await staffing.field('to').fill('19:00');
    await staffing.form.getByRole('button', { name: s.form.save }).click();
    await expect(page.getByText(fill(s.form.added, { name: welcome }))).toBeVisible();
    await expect(staffing.role(welcome)).toContainText(lang === 'fr' ? '18\u00a0h\u00a030 – 19\u00a0h' : '18:30 – 19:00');
    await expect(staffing.filled(welcome)).toHaveText(fill(s.filled, { filled: 0, needed: 2 }));
    const after = await core.call('events.staffing', { eventId: occurrenceId });
    expect(after.roles[1]).toMatchObject({ name: welcome, needed: 2, startOffset: 0, endOffset: 30, skills: [{ skillId: listening, minLevel: 2 }] });

    // Inès, who listens at level 3, is the one suggestion; she is assigned with one click.
    await staffing.showSuggestions(welcome);
    await expect(staffing.suggestions(welcome)).toHaveCount(1);
    await staffing.assignButton(welcome, 'Inès Roux').click();
    await expect(staffing.filled(welcome)).toHaveText(fill(s.filled, { filled: 1, needed: 2 }));
    await expect(staffing.role(welcome).getByTestId('role-warning')).toHaveText(fill(s.warnings.underStaffed, { missing: 1 }));

    // Across the events to come: this welcome role (one short) and every facilitator role (none filled).
    await app.open('/events?view=unfilled');
    const rows = page.getByTestId('unfilled-row');
    await expect(rows).toHaveCount(7);
    await expect(rows.filter({ hasText: welcome })).toContainText(fill(s.filled, { filled: 1, needed: 2 }));
    await expect(page.getByText(fill(s.unfilled.count, { total: 7 }))).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/staffing-unfilled-${lang}.png`, fullPage: true });
    await rows.filter({ hasText: welcome }).getByRole('link', { name: fill(s.unfilled.staffLabel, { role: welcome, event: (await core.call('events.get', { id: occurrenceId })).title }) }).click();
    await expect(staffing.role(welcome)).toBeVisible();
  });

  test(`requires a training on a role from its dialog, ranks by qualification and warns when someone unqualified is assigned (${lang}) @screenshots`, async ({ app, core }) => {
    await completeSetup(core, lang);
    const { people, role, occurrenceId } = await supportGroup(core, lang);
    const s = staffingStrings[lang];
    const tr = trainings[lang];
    const page = app.page;
    const staffing = new StaffingPanelPage(page, lang);
    const gfTraining = (await core.call('trainings.list', {})).find((x) => x.key === 'group_facilitation')!.id;
    const trainingName = tr.catalogue.group_facilitation;
    // Hélène followed the group facilitation training; Marc and the others did not.
    await core.call('trainings.addQualification', { volunteerId: people.helene, trainingId: gfTraining, obtainedOn: daysAgo(200) });

    await app.open(`/events/${occurrenceId}?tab=staffing`);
    await staffing.role(role).getByRole('button', { name: fill(s.editRoleLabel, { role }) }).click();
    const field = staffing.form.getByRole('combobox', { name: tr.role.required, exact: true });
    await expect(field).toHaveValue('');
    await field.click();
    await page.getByRole('option', { name: trainingName }).click();
    await expect(field).toHaveValue(trainingName);
    await expect(staffing.form.getByText(tr.role.requiredHint)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/staffing-role-training-${lang}.png` });
    await staffing.form.getByRole('button', { name: s.form.save }).click();
    await expect(page.getByText(fill(s.form.saved, { name: role }))).toBeVisible();
    await expect(staffing.role(role).getByTestId('required-training')).toHaveText(fill(s.requiresTraining, { training: trainingName }));
    const stored = await core.call('events.staffing', { eventId: occurrenceId });
    expect(stored.roles[0]!.requiredTraining).toMatchObject({ id: gfTraining, key: 'group_facilitation' });

    // Suggestions say who holds it: Hélène first, qualified; Marc has none.
    await staffing.showSuggestions(role);
    await expect(staffing.suggestions(role).nth(0)).toContainText('1. Hélène Dupré');
    await expect(staffing.suggestions(role).nth(0)).toContainText(fill(s.reasons.qualificationOk, { training: trainingName }));
    const marc = staffing.suggestions(role).filter({ hasText: 'Marc Lefèvre' });
    await expect(marc).toContainText(fill(s.reasons.qualificationMissing, { training: trainingName }));
    await axe(page);

    // Assigning Marc goes through, with the warning under his name.
    await staffing.assignButton(role, 'Marc Lefèvre').click();
    await expect(page.getByText(fill(s.assignedWithWarnings, { name: 'Marc Lefèvre', role }))).toBeVisible();
    const assigned = staffing.assignments(role).filter({ hasText: 'Marc Lefèvre' });
    await expect(assigned.locator('[data-warning="qualificationMissing"]')).toHaveText(fill(s.warnings.qualificationMissing, { training: trainingName }));
    await staffing.hideSuggestions(role);
    await page.screenshot({ path: `${SHOTS}/staffing-role-training-warning-${lang}.png`, fullPage: true });
    const after = await core.call('events.staffing', { eventId: occurrenceId });
    expect(after.roles[0]!.assignments.map((a) => [a.volunteerId, a.warnings.map((w) => w.kind)])).toEqual([[people.marc, ['qualificationMissing']]]);
  });
}

test('the weekly hour cap is set in Settings and shows in the warnings (en) @screenshots', async ({ app, core }) => {
  await completeSetup(core, 'en');
  const { occurrenceId, role, people } = await supportGroup(core, 'en');
  const s = staffingStrings.en;
  const page = app.page;
  await app.open('/settings?tab=staffing');
  const cap = page.getByTestId('weekly-hour-cap');
  await expect(cap).toContainText(fill(s.cap.current, { hours: '10 h' }));
  await cap.getByLabel(s.cap.label).fill('0');
  await cap.getByRole('button', { name: s.cap.save }).click();
  await expect(cap.getByText(validation.en.weeklyHourCap)).toBeVisible();
  expect((await core.call('settings.get')).weeklyHourCap).toBe(10);
  await cap.getByLabel(s.cap.label).fill('1');
  await cap.getByRole('button', { name: s.cap.save }).click();
  await expect(cap).toContainText(fill(s.cap.current, { hours: '1 h' }));
  await page.screenshot({ path: `${SHOTS}/settings-staffing-en.png` });

  // A 90-minute session is now more than the week's cap.
  const roleId = (await core.call('events.staffing', { eventId: occurrenceId })).roles[0]!.id;
  await core.call('events.assign', { roleId, volunteerId: people.helene });
  await app.open(`/events/${occurrenceId}?tab=staffing`);
  const staffing = new StaffingPanelPage(page, 'en');
  await expect(staffing.assignments(role).getByTestId('assignment-warnings')).toContainText('1 h 30 min in the week of');
  await expect(staffing.assignments(role).getByTestId('assignment-warnings')).toContainText('more than the cap of 1 h');
});

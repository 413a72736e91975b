import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { CoreFixture } from './fixtures';
import { completeSetup, expect, test } from './fixtures';
import { AttendancePanelPage, DebriefPanelPage, HoursPage, VolunteerActivityBlock, eventWords, hourStrings } from './pages/hours';
import type { Lang } from './pages/volunteersLocale';

/**
 * Attendance to hours, end to end on the real core: a fortnightly support group with a facilitator
 * and an assigned volunteer, marks and a walk-in on a past session, an edited duration, the hours on
 * the volunteer's record, a manual entry approved on the hours page, the debrief — in both languages.
 */

const SHOTS = 'tests/e2e/screenshots';

/** WCAG 2 A/AA on what the test shows (notifications come and go, they are left out). */
async function expectAccessible(page: Page, only: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).exclude('.mantine-Notifications-root').include(only).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const dayFromToday = (days: number) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const WORDS = {
  fr: { title: 'Groupe de parole — aidants', role: 'Accueil' },
  en: { title: 'Carers’ support group', role: 'Welcome' },
} as const;

/** Three people, a fortnightly group (two weeks ago, today, in two weeks) facilitated by Inès, Bastien on the welcome role. */
async function seed(core: CoreFixture, lang: Lang) {
  const ines = await core.call('volunteers.create', { firstName: 'Inès', lastName: 'Roux', joinedOn: '2022-09-01', roles: ['facilitator'] });
  const bastien = await core.call('volunteers.create', { firstName: 'Bastien', lastName: 'Morel', joinedOn: '2023-02-15' });
  const chloe = await core.call('volunteers.create', { firstName: 'Chloé', lastName: 'Vidal', joinedOn: '2024-05-20' });
  const programme = await core.call('events.createProgramme', { name: lang === 'fr' ? 'Soutien entre pairs' : 'Peer support' });
  const { series } = await core.call('events.createSeries', {
    title: WORDS[lang].title,
    kind: 'support_group',
    programmeId: programme.id,
    frequency: 'biweekly',
    startsOn: dayFromToday(-14),
    startTime: '18:30',
    endTime: '20:00',
    count: 3,
    timeZone: 'Europe/Paris',
    facilitatorIds: [ines.id],
    roles: [{ name: WORDS[lang].role, needed: 1, startOffset: 0, endOffset: 60 }],
  });
  const [past, , next] = series.occurrences;
  const { roles } = await core.call('events.staffing', { eventId: next!.id });
  await core.call('events.assign', { roleId: roles[0]!.id, volunteerId: bastien.id });
  const { roles: pastRoles } = await core.call('events.staffing', { eventId: past!.id });
  await core.call('events.assign', { roleId: pastRoles[0]!.id, volunteerId: bastien.id });
  return { ines, bastien, chloe, series, past: past!, next: next! };
}

for (const lang of ['fr', 'en'] as const) {
  test.describe(`attendance and hours (${lang})`, () => {
    test(`marking attendance gives hours that show on the volunteer's record (${lang})`, async ({ app, core }) => {
      await completeSetup(core, lang);
      const { ines, bastien, chloe, past, series } = await seed(core, lang);
      const page = app.page;
      const a = new AttendancePanelPage(page, lang);
      const h = hourStrings[lang];

      await app.open(`/events/${past.id}?tab=attendance`);
      await expect(a.panel).toBeVisible();
      await expect(a.row(ines.id)).toContainText(eventWords[lang].attendance.facilitator);
      await expect(a.row(bastien.id)).toContainText(WORDS[lang].role);

      await a.mark(bastien.id, 'Bastien Morel', 'excused');
      await expect(a.row(bastien.id).getByTestId('attendance-minutes')).toHaveCount(0);
      await a.mark(bastien.id, 'Bastien Morel', 'present');
      await expect(a.row(bastien.id).getByTestId('attendance-minutes')).toHaveText(lang === 'fr' ? '1\u00a0h' : '1 h');
      await a.mark(ines.id, 'Inès Roux', 'present');
      await expect(a.row(ines.id).getByTestId('attendance-minutes')).toHaveText(lang === 'fr' ? '1\u00a0h\u00a030' : '1 h 30 min');

      await a.addWalkIn('Chlo', 'Chloé Vidal');
      await expect(a.row(chloe.id)).toContainText(eventWords[lang].attendance.walkIn);
      await expect(a.row(chloe.id).getByTestId('attendance-minutes')).toHaveText(lang === 'fr' ? '1\u00a0h\u00a030' : '1 h 30 min');

      // Bastien stayed to tidy up: 1 h 15 instead of the role's hour.
      await a.editDuration('Bastien Morel', 1, 15);
      await expect(a.row(bastien.id).getByTestId('attendance-minutes')).toHaveText(lang === 'fr' ? '1\u00a0h\u00a015' : '1 h 15 min');
      await expect(a.total).toHaveText(lang === 'fr' ? '4\u00a0h\u00a015' : '4 h 15 min');
      await a.setParticipants(7);
      await expect.poll(async () => (await core.call('events.get', { id: past.id })).participantCount).toBe(7);
      await a.panel.screenshot({ path: `${SHOTS}/attendance-panel-${lang}.png` });
      await expectAccessible(page, '[data-testid="attendance-panel"]');

      // The same figure on the record, through the one total.
      expect((await core.call('hours.volunteerSummary', { volunteerId: bastien.id })).totalMinutes).toBe(75);
      await app.open(`/volunteers/${bastien.id}`);
      const activity = new VolunteerActivityBlock(page);
      await expect(activity.total).toHaveText(lang === 'fr' ? '1\u00a0h\u00a015' : '1 h 15 min');
      await expect(activity.last30).toHaveText(lang === 'fr' ? '1\u00a0h\u00a015' : '1 h 15 min');
      await expect(activity.block).toContainText(h.categories.support);
      // His next shift, two weeks ahead.
      await expect(activity.schedule).toContainText(WORDS[lang].title);
      await activity.block.scrollIntoViewIfNeeded();
      await activity.block.screenshot({ path: `${SHOTS}/volunteer-activity-${lang}.png` });
      await expectAccessible(page, '[data-testid="volunteer-activity"]');

      // Debrief of the session, with the series average under it.
      await app.open(`/events/${past.id}?tab=debrief`);
      const d = new DebriefPanelPage(page, lang);
      await d.fill([0, 0, 1, 3, 2], lang === 'fr' ? 'Une personne a quitté la séance en avance.' : 'One person left early.');
      await expect(page.getByTestId('series-average')).toHaveText(lang === 'fr' ? '4,2 sur 5' : '4.2 out of 5');
      const saved = await core.call('events.seriesDebrief', { seriesId: series.id });
      expect(saved).toMatchObject({ ratings: 6, participantsTotal: 7, sessionsDebriefed: 1 });
      await page.screenshot({ path: `${SHOTS}/debrief-panel-${lang}.png`, fullPage: true });
      await expectAccessible(page, '[data-testid="debrief-panel"]');
    });

    test(`a manual entry waits for approval, then counts (${lang})`, async ({ app, core }) => {
      await completeSetup(core, lang);
      const { chloe, past, bastien } = await seed(core, lang);
      await core.call('events.markAttendance', { eventId: past.id, marks: [{ volunteerId: bastien.id, status: 'present' }] });
      const page = app.page;
      const hours = new HoursPage(page, lang);
      const h = hourStrings[lang];

      await app.open('/hours');
      await expect(page.getByTestId('entries-table')).toContainText('Bastien Morel');
      await hours.addManual({ search: 'Vidal', name: 'Chloé Vidal', hours: 2, minutes: 30, category: h.categories.skills_donation, approved: false });
      await expect(page.getByTestId('entries-table')).toContainText(h.approval.pending);
      await page.screenshot({ path: `${SHOTS}/hours-entries-${lang}.png`, fullPage: true });
      await expectAccessible(page, 'main');
      expect((await core.call('hours.volunteerSummary', { volunteerId: chloe.id })).totalMinutes).toBe(0);

      await hours.tab('approvals').click();
      const table = page.getByTestId('approvals-table');
      await expect(table).toContainText('Chloé Vidal');
      await page.screenshot({ path: `${SHOTS}/hours-approvals-${lang}.png`, fullPage: true });
      await expectAccessible(page, 'main');
      await table.getByRole('button', { name: new RegExp(`^${h.approvals.approve}`) }).first().click();
      await expect(page.getByText(h.approvals.emptyTitle)).toBeVisible();
      expect((await core.call('hours.volunteerSummary', { volunteerId: chloe.id })).totalMinutes).toBe(150);

      await hours.tab('totals').click();
      const byCategory = page.getByRole('radio', { name: h.totals.groupings.category });
      await page.locator(`label[for="${await byCategory.getAttribute('id')}"]`).click();
      await expect(byCategory).toBeChecked();
      const totals = page.getByTestId('totals-table');
      await expect(totals).toContainText(h.categories.skills_donation);
      await expect(totals).toContainText(h.categories.support);
      await expect(page.getByTestId('totals-total')).toHaveText(lang === 'fr' ? '3\u00a0h\u00a030' : '3 h 30 min');
      await page.screenshot({ path: `${SHOTS}/hours-totals-${lang}.png`, fullPage: true });
      await expectAccessible(page, 'main');

      await app.open(`/volunteers/${chloe.id}`);
      await expect(new VolunteerActivityBlock(page).total).toHaveText(lang === 'fr' ? '2\u00a0h\u00a030' : '2 h 30 min');
    });
  });
}

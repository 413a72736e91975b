import { expect, type Locator, type Page } from '@playwright/test';
import enEvents from '../../../shared/i18n/locales/en/events.json';
import enHours from '../../../shared/i18n/locales/en/hours.json';
import frEvents from '../../../shared/i18n/locales/fr/events.json';
import frHours from '../../../shared/i18n/locales/fr/hours.json';
import { escapeRegExp, fill, type Lang } from './volunteersLocale';

/** The words the attendance, debrief, hours and activity screens show, in each language. */
export const hourStrings = { en: enHours, fr: frHours } as const;
export const eventWords = { en: enEvents, fr: frEvents } as const;

/** A field found by its visible label (Mantine marks required ones with an asterisk). */
const label = (text: string) => new RegExp(`^${escapeRegExp(text)}\\s*\\*?$`);

/** Picks a volunteer in a VolunteerPicker by typing part of the name. */
async function pick(page: Page, field: Locator, search: string, name: string): Promise<void> {
  await field.fill(search);
  await page.getByRole('option', { name, exact: true }).click();
}

/** The attendance tab of `/events/:id`. */
export class AttendancePanelPage {
  readonly panel: Locator;
  readonly total: Locator;
  readonly summary: Locator;
  readonly a: (typeof enEvents)['attendance'];

  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {
    this.a = eventWords[lang].attendance;
    this.panel = page.getByTestId('attendance-panel');
    this.total = page.getByTestId('attendance-total');
    this.summary = page.getByTestId('attendance-summary');
  }

  row(volunteerId: number): Locator {
    return this.page.getByTestId(`attendance-row-${volunteerId}`);
  }

  async mark(volunteerId: number, name: string, status: 'present' | 'absent' | 'excused'): Promise<void> {
    const button = this.page.getByRole('group', { name: fill(this.a.statusOf, { name }) }).getByRole('button', { name: this.a.status[status], exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  async addWalkIn(search: string, name: string): Promise<void> {
    await pick(this.page, this.panel.getByRole('combobox', { name: label(this.a.addWalkIn) }), search, name);
    await this.panel.getByRole('button', { name: this.a.add, exact: true }).click();
  }

  async editDuration(name: string, hours: number, minutes: number): Promise<void> {
    await this.page.getByRole('button', { name: fill(this.a.editDurationOf, { name }) }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByTestId('duration-hours').fill(String(hours));
    await dialog.getByTestId('duration-minutes').fill(String(minutes));
    await dialog.getByRole('button', { name: this.a.saveDuration, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async setParticipants(n: number): Promise<void> {
    await this.panel.getByLabel(label(this.a.participants)).fill(String(n));
    await this.panel.getByRole('button', { name: this.a.saveParticipants }).click();
  }
}

/** The debrief tab of `/events/:id`. */
export class DebriefPanelPage {
  readonly panel: Locator;
  readonly d: (typeof enEvents)['debrief'];

  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {
    this.d = eventWords[lang].debrief;
    this.panel = page.getByTestId('debrief-panel');
  }

  async fill(tallies: [number, number, number, number, number], incidents: string): Promise<void> {
    for (const [i, n] of tallies.entries()) await this.panel.getByTestId(`tally-${i + 1}`).fill(String(n));
    await this.panel.getByLabel(label(this.d.incidents)).fill(incidents);
    await this.panel.getByRole('button', { name: this.d.save }).click();
  }
}

/** `/hours`: entries, approvals, totals, and the « Add hours » dialog. */
export class HoursPage {
  readonly s: typeof enHours;

  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {
    this.s = hourStrings[lang];
  }

  tab(key: keyof (typeof enHours)['tabs']): Locator {
    return this.page.getByRole('tab', { name: this.s.tabs[key] });
  }

  async addManual(entry: { search: string; name: string; hours: number; minutes: number; category: string; approved: boolean }): Promise<void> {
    await this.page.getByRole('button', { name: this.s.addHours }).first().click();
    const dialog = this.page.getByRole('dialog', { name: this.s.form.addTitle });
    await pick(this.page, dialog.getByRole('combobox', { name: label(this.s.form.volunteer) }), entry.search, entry.name);
    await dialog.getByTestId('duration-hours').fill(String(entry.hours));
    await dialog.getByTestId('duration-minutes').fill(String(entry.minutes));
    await dialog.getByRole('combobox', { name: label(this.s.form.category) }).click();
    await this.page.getByRole('option', { name: entry.category, exact: true }).click();
    const approved = dialog.getByRole('checkbox', { name: this.s.form.approvedNow });
    if (!entry.approved) await approved.uncheck();
    await dialog.getByRole('button', { name: this.s.form.add, exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}

/** The « Hours and schedule » block of a volunteer's record. */
export class VolunteerActivityBlock {
  readonly block: Locator;
  readonly total: Locator;
  readonly last30: Locator;
  readonly schedule: Locator;

  constructor(readonly page: Page) {
    this.block = page.getByTestId('volunteer-activity');
    this.total = page.getByTestId('activity-total');
    this.last30 = page.getByTestId('activity-last30');
    this.schedule = page.getByTestId('activity-schedule');
  }
}

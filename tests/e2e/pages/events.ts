import { expect, type Locator, type Page } from '@playwright/test';
import en from '../../../shared/i18n/locales/en/events.json';
import fr from '../../../shared/i18n/locales/fr/events.json';
import { escapeRegExp, fill, type Lang } from './volunteersLocale';

export type EventStrings = typeof en;
/** The words of the events screens, so the page objects find things by what people read. */
export const eventStrings: Record<Lang, EventStrings> = { en, fr };

/** A label as Mantine renders it: a required field's ends with " *". */
const labelled = (text: string) => new RegExp(`^${escapeRegExp(text)}( \\*)?$`);

/** `/events`: the month and week calendars, the upcoming list and the programmes. */
export class EventsCalendarPage {
  readonly s: EventStrings;
  readonly title: Locator;
  readonly month: Locator;
  readonly week: Locator;
  readonly upcoming: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.s = eventStrings[lang];
    this.title = page.getByTestId('calendar-title');
    this.month = page.getByTestId('month-view');
    this.week = page.getByTestId('week-view');
    this.upcoming = page.getByTestId('upcoming-list');
  }

  tab(view: 'month' | 'week' | 'upcoming' | 'programmes'): Locator {
    return this.page.getByRole('tab', { name: this.s.calendar[view], exact: true });
  }

  /** The events of one day cell (month view) or day column (week view). */
  day(view: Locator, isoDate: string): Locator {
    return view.locator(`[data-day="${isoDate}"]`);
  }

  eventsOn(view: Locator, isoDate: string): Locator {
    return this.day(view, isoDate).getByTestId('calendar-event');
  }

  async next(view: 'month' | 'week'): Promise<void> {
    await this.page.getByRole('button', { name: view === 'month' ? this.s.calendar.nextMonth : this.s.calendar.nextWeek }).click();
  }
}

/** `/events/new`, `/events/:id/edit`, `/events/:id/edit-series`. */
export class EventFormPage {
  readonly s: EventStrings;
  readonly errorAlert: Locator;
  readonly preview: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.s = eventStrings[lang];
    this.errorAlert = page.getByTestId('form-error');
    this.preview = page.getByTestId('series-preview');
  }

  field(key: keyof EventStrings['form']): Locator {
    return this.page.getByLabel(labelled(this.s.form[key] as string));
  }

  async choose(key: keyof EventStrings['form'], option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: labelled(this.s.form[key] as string) }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async typeDate(key: 'date' | 'startsOn' | 'untilOn' | 'endDate', ddmmyyyy: string): Promise<void> {
    const input = this.field(key);
    await input.fill(ddmmyyyy);
    await input.press('Escape');
    await input.blur();
  }

  async recurring(): Promise<void> {
    await this.page.getByRole('radio', { name: this.s.form.recurring }).check();
  }

  async pickFacilitator(search: string, name: string): Promise<void> {
    const input = this.page.getByRole('combobox', { name: labelled(this.s.form.facilitators) });
    await input.fill(search);
    await this.page.getByRole('option', { name }).click();
    await input.press('Escape');
  }

  /** Adds a role line with one required skill. */
  async addRole(n: number, name: string, needed: number, skill?: { label: string; level: string }): Promise<void> {
    await this.page.getByRole('button', { name: this.s.form.addRole }).click();
    await this.page.getByLabel(labelled(fill(this.s.form.roleName, { n }))).fill(name);
    await this.page.getByLabel(fill(this.s.form.roleNeeded, { n })).fill(String(needed));
    if (!skill) return;
    const roleCard = this.page.getByTestId('role-row').nth(n - 1);
    await roleCard.getByRole('button', { name: this.s.form.addSkill }).click();
    const skillBox = this.page.getByRole('combobox', { name: fill(this.s.form.roleSkill, { n, m: 1 }), exact: true });
    await this.pick(skillBox, skill.label, () => skillBox.fill(skill.label.slice(0, 6)));
    const levelBox = this.page.getByRole('combobox', { name: fill(this.s.form.roleSkillLevel, { n, m: 1 }), exact: true });
    await this.pick(levelBox, skill.level, () => levelBox.click());
  }

  /**
   * Opens a select's list and clicks one option, as a person would try again: on a busy machine
   * the list can close while it is being re-rendered, leaving the option found but hidden.
   */
  private async pick(box: Locator, option: string, open: () => Promise<void>): Promise<void> {
    await expect(async () => {
      await open();
      await this.page.getByRole('option', { name: option, exact: true }).click({ timeout: 3000 });
    }).toPass({ timeout: 30_000 });
    await expect(box).toHaveValue(option);
  }

  async submit(label: 'create' | 'createSeries' | 'save'): Promise<void> {
    await this.page.getByRole('button', { name: this.s.form[label], exact: true }).click();
  }

  /** The message shown under a field. */
  async expectFieldError(key: keyof EventStrings['form'], message: string): Promise<void> {
    await expect(this.field(key)).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
  }
}

/** `/events/:id`. */
export class EventPage {
  readonly s: EventStrings;
  readonly when: Locator;
  readonly cancelledBadge: Locator;
  readonly seriesCard: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.s = eventStrings[lang];
    this.when = page.getByTestId('event-when');
    this.cancelledBadge = page.getByTestId('cancelled-badge');
    this.seriesCard = page.getByTestId('series-card');
  }

  async cancelSession(): Promise<void> {
    await this.page.getByRole('button', { name: this.s.page.cancelSession, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: this.s.page.cancelSessionTitle });
    await dialog.getByRole('button', { name: this.s.page.confirmCancelSession, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  tab(key: keyof EventStrings['page']['tabs']): Locator {
    return this.page.getByRole('tab', { name: this.s.page.tabs[key], exact: true });
  }
}

import type { Locator, Page } from '@playwright/test';
import en from '../../../shared/i18n/locales/en/events.json';
import fr from '../../../shared/i18n/locales/fr/events.json';
import { escapeRegExp, fill, type Lang } from './volunteersLocale';

export type StaffingStrings = (typeof en)['staffing'];
export const staffingStrings: Record<Lang, StaffingStrings> = { en: en.staffing, fr: fr.staffing };

/** A label as Mantine renders it: a required field's ends with " *". */
const labelled = (text: string) => new RegExp(`^${escapeRegExp(text)}( \\*)?$`);

/** The staffing tab of an event page (`/events/:id?tab=staffing`). */
export class StaffingPanelPage {
  readonly s: StaffingStrings;
  readonly panel: Locator;
  readonly form: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.s = staffingStrings[lang];
    this.panel = page.getByTestId('staffing-panel');
    this.form = page.getByTestId('role-form');
  }

  role(name: string): Locator {
    return this.page.locator(`[data-testid="role-card"][data-role="${name}"]`);
  }

  filled(role: string): Locator {
    return this.role(role).getByTestId('filled');
  }

  suggestions(role: string): Locator {
    return this.role(role).getByTestId('suggestion');
  }

  assignments(role: string): Locator {
    return this.role(role).getByTestId('assignment');
  }

  async showSuggestions(role: string): Promise<void> {
    await this.role(role).getByRole('button', { name: this.s.suggest }).click();
  }

  async hideSuggestions(role: string): Promise<void> {
    await this.role(role).getByRole('button', { name: this.s.hideSuggestions }).click();
  }

  assignButton(role: string, name: string): Locator {
    return this.role(role).getByRole('button', { name: fill(this.s.assignLabel, { name, role }) });
  }

  async assignByName(role: string, typed: string, name: string): Promise<void> {
    const picker = this.role(role).getByTestId('volunteer-picker');
    await picker.getByRole('combobox', { name: this.s.someoneElse, exact: true }).fill(typed);
    await this.page.getByRole('option', { name }).click();
    await picker.getByRole('button', { name: fill(this.s.assignLabel, { name, role }) }).click();
  }

  field(label: keyof StaffingStrings['form']): Locator {
    return this.form.getByLabel(labelled(this.s.form[label]));
  }
}

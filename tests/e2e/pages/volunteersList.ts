import { expect, type Locator, type Page } from '@playwright/test';
import { commonStrings, escapeRegExp, volunteerStrings, type Lang, type VolunteerStrings } from './volunteersLocale';

/** `/volunteers`: the filters and the virtualised grid, searched from the header's one search field. */
export class VolunteersListPage {
  readonly s: VolunteerStrings;
  /** The header's search field, the only one: its text is the list's `?q=`. */
  readonly search: Locator;
  readonly grid: Locator;
  readonly count: Locator;
  readonly filtersButton: Locator;
  readonly addButton: Locator;
  readonly empty: Locator;
  readonly noMatch: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.s = volunteerStrings[lang];
    this.search = page.getByRole('searchbox', { name: commonStrings[lang].search.label, exact: true });
    this.grid = page.getByRole('grid', { name: this.s.list.gridLabel });
    this.count = page.getByTestId('volunteers-count');
    // The button's name ends with the number of active filters, if any.
    this.filtersButton = page.getByRole('button', { name: new RegExp(`^${escapeRegExp(this.s.filters.toggle)}( \\d+)?$`) });
    this.addButton = page.getByRole('link', { name: this.s.list.add });
    this.empty = page.getByTestId('volunteers-empty');
    this.noMatch = page.getByTestId('volunteers-no-match');
  }

  /** Body rows currently in the DOM (the grid renders only a window of them). */
  rows(): Locator {
    return this.grid.locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"])');
  }

  row(name: string | RegExp): Locator {
    return this.grid.getByRole('row', { name: typeof name === 'string' ? new RegExp(escapeRegExp(name)) : name });
  }

  /**
   * Types a search and waits until the list shows its results (the search reaches the URL about
   * 150 ms after the last key), as a person reads the results before clicking one.
   */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    const q = new URLSearchParams({ q: text.trim() }).toString();
    if (text.trim()) await expect(this.page).toHaveURL(new RegExp(`[?&]${escapeRegExp(q)}(&|$)`));
  }

  async openFilters(): Promise<void> {
    if ((await this.filtersButton.getAttribute('aria-expanded')) !== 'true') await this.filtersButton.click();
  }

  /** Picks an option of one of the filter selects, by their visible labels. */
  async chooseFilter(label: string, option: string): Promise<void> {
    await this.openFilters();
    await this.page.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async showArchived(which: 'only' | 'include' | 'hide'): Promise<void> {
    await this.chooseFilter(this.s.filters.archived, this.s.filters.archivedOptions[which]);
  }

  async expectCount(text: string | RegExp): Promise<void> {
    await expect(this.count).toHaveText(text);
  }
}

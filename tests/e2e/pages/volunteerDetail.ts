import type { Locator, Page } from '@playwright/test';
import { fill, volunteerStrings, type Lang, type VolunteerStrings } from './volunteersLocale';

/** `/volunteers/:id`: the record, Edit, Archive/Restore. */
export class VolunteerDetailPage {
  readonly s: VolunteerStrings;
  readonly heading: Locator;
  readonly editButton: Locator;
  readonly archiveButton: Locator;
  readonly unarchiveButton: Locator;
  readonly archivedBanner: Locator;
  readonly phone: Locator;
  readonly email: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.s = volunteerStrings[lang];
    this.heading = page.getByRole('heading', { level: 1 });
    this.editButton = page.getByRole('link', { name: this.s.detail.edit, exact: true });
    this.archiveButton = page.getByRole('button', { name: this.s.detail.archive, exact: true });
    this.unarchiveButton = page.getByRole('button', { name: this.s.detail.unarchive, exact: true });
    this.archivedBanner = page.getByTestId('archived-banner');
    this.phone = page.getByTestId('detail-phone').locator('dd');
    this.email = page.getByTestId('detail-email').locator('dd');
  }

  section(title: keyof VolunteerStrings['sections']): Locator {
    return this.page.getByRole('region', { name: this.s.sections[title] });
  }

  /** Archives through the confirmation dialog. */
  async archive(name: string): Promise<void> {
    await this.archiveButton.click();
    const dialog = this.page.getByRole('dialog', { name: fill(this.s.archive.title, { name }) });
    await dialog.getByRole('button', { name: this.s.archive.confirm, exact: true }).click();
  }
}

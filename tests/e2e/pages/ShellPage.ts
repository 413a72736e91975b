import type { Locator, Page } from '@playwright/test';

/** The frame around every screen: sidebar, header search, demo banner. */
export class ShellPage {
  readonly sidebar: Locator;
  readonly association: Locator;
  readonly search: Locator;
  readonly demoBanner: Locator;

  constructor(readonly page: Page) {
    this.sidebar = page.getByRole('navigation').first();
    this.association = page.getByTestId('sidebar-association');
    this.search = page.locator('#relais-search');
    this.demoBanner = page.getByTestId('demo-banner');
  }

  navLink(name: string | RegExp): Locator {
    return this.sidebar.getByRole('link', { name, exact: typeof name === 'string' });
  }

  async goToSettings(name: string | RegExp = /^(Settings|Réglages)$/): Promise<void> {
    await this.navLink(name).click();
  }

  backToMyData(): Locator {
    return this.demoBanner.getByRole('button');
  }
}

/** A row of the volunteers grid showing this person, whichever order the list writes names in. */
export function volunteerRow(page: Page, firstName: string, lastName: string): Locator {
  return page.getByTestId('volunteer-grid').getByRole('row').filter({ hasText: firstName }).filter({ hasText: lastName });
}

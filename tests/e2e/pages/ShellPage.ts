import type { Locator, Page } from '@playwright/test';
import { commonStrings, type Lang } from './volunteersLocale';

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

/** The question asked before leaving a form with changes not saved. */
export class LeaveDialog {
  readonly root: Locator;
  readonly stayButton: Locator;
  readonly leaveButton: Locator;

  constructor(page: Page, lang: Lang = 'en') {
    const s = commonStrings[lang].leave;
    this.root = page.getByRole('dialog', { name: s.title });
    this.stayButton = this.root.getByRole('button', { name: s.stay, exact: true });
    this.leaveButton = this.root.getByRole('button', { name: s.leave, exact: true });
  }

  async stay(): Promise<void> {
    await this.stayButton.click();
    await this.root.waitFor({ state: 'hidden' });
  }

  async leave(): Promise<void> {
    await this.leaveButton.click();
    await this.root.waitFor({ state: 'hidden' });
  }
}

import type { Locator, Page } from '@playwright/test';

export type SettingsTab = 'association' | 'language' | 'customFields' | 'skills' | 'data';

const TAB_NAMES: Record<'en' | 'fr', Record<SettingsTab, string>> = {
  en: { association: 'Association', language: 'Language', customFields: 'Custom fields', skills: 'Skills', data: 'Data' },
  fr: { association: 'Association', language: 'Langue', customFields: 'Champs personnalisés', skills: 'Compétences', data: 'Données' },
};

/** The Settings screen and its tabs. */
export class SettingsPage {
  constructor(
    readonly page: Page,
    public lang: 'en' | 'fr' = 'en',
  ) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.lang === 'fr' ? 'Réglages' : 'Settings' });
  }

  tab(tab: SettingsTab): Locator {
    return this.page.getByRole('tab', { name: TAB_NAMES[this.lang][tab] });
  }

  async openTab(tab: SettingsTab): Promise<void> {
    await this.tab(tab).click();
  }

  async chooseLanguage(lang: 'en' | 'fr'): Promise<void> {
    await this.page.locator('label', { hasText: lang === 'fr' ? 'Français' : 'English' }).click();
    this.lang = lang;
  }

  /** A dialog (custom field or skill editor). */
  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  customFieldRow(label: string): Locator {
    return this.page.getByTestId('custom-field-row').filter({ hasText: label });
  }

  skillRow(name: string): Locator {
    return this.page.getByTestId('skill-row').filter({ hasText: name });
  }

  dataDir(): Locator {
    return this.page.getByTestId('data-dir');
  }
}

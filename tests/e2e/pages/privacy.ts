import type { Locator, Page } from '@playwright/test';
import en from '../../../shared/i18n/locales/en/privacy.json';
import fr from '../../../shared/i18n/locales/fr/privacy.json';
import { fill, type Lang } from './volunteersLocale';

export type PrivacyStrings = typeof en;
export const privacyStrings: Record<Lang, PrivacyStrings> = { en, fr };

/** `/privacy`: the Personal data page with its three tabs. */
export class PrivacyPage {
  readonly s: PrivacyStrings;
  readonly consentTable: Locator;
  readonly retentionTable: Locator;
  readonly erasureLog: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.s = privacyStrings[lang];
    this.consentTable = page.getByTestId('consent-table');
    this.retentionTable = page.getByTestId('retention-table');
    this.erasureLog = page.getByTestId('erasure-log');
  }

  tab(which: keyof PrivacyStrings['tabs']): Locator {
    return this.page.getByRole('tab', { name: this.s.tabs[which], exact: true });
  }

  card(which: 'consent' | 'photo' | 'confidentiality'): Locator {
    return this.page.getByTestId(`card-${which}`);
  }
}

/** The record page's RGPD buttons and the erasure dialog they open. */
export class PersonDataActions {
  readonly s: PrivacyStrings;
  readonly exportButton: Locator;
  readonly eraseButton: Locator;
  readonly erasedOn: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.s = privacyStrings[lang];
    this.exportButton = page.getByRole('button', { name: this.s.actions.export, exact: true });
    this.eraseButton = page.getByRole('button', { name: this.s.actions.erase, exact: true });
    this.erasedOn = page.getByTestId('erased-on');
  }

  eraseDialog(name: string): EraseDialog {
    return new EraseDialog(this.page, this.page.getByRole('dialog', { name: fill(this.s.erase.title, { name }) }), this.s);
  }
}

export class EraseDialog {
  readonly nameField: Locator;
  readonly understood: Locator;
  readonly confirmButton: Locator;
  readonly cancelButton: Locator;

  constructor(
    readonly page: Page,
    readonly root: Locator,
    s: PrivacyStrings,
  ) {
    this.nameField = root.getByRole('textbox');
    this.understood = root.getByRole('checkbox', { name: s.erase.understand });
    this.confirmButton = root.getByRole('button', { name: s.erase.confirm, exact: true });
    this.cancelButton = root.getByRole('button', { name: s.erase.cancel, exact: true });
  }
}

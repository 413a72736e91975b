import { execFileSync } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';
import enCommon from '../../../shared/i18n/locales/en/common.json';
import frCommon from '../../../shared/i18n/locales/fr/common.json';
import { eventStrings } from './events';
import { escapeRegExp, fill, type Lang } from './volunteersLocale';

/**
 * What the end-to-end events flow needs beyond the planning, staffing and hours page objects: the
 * sidebar, the event page's « Documents » menu, and reading back the PDF it saves.
 */

const common = { en: enCommon, fr: frCommon };
const INTL = { en: 'en-GB', fr: 'fr-FR' } as const;

/** The sidebar entry of a domain, by the word people read. */
export function navLink(page: Page, lang: Lang, key: keyof (typeof enCommon)['nav']): Locator {
  return page.getByRole('navigation').first().getByRole('link', { name: common[lang].nav[key], exact: true });
}

/** The event page's « Documents » menu and its attendance sheet dialog. */
export class EventDocumentsMenu {
  readonly w: (typeof eventStrings)['en']['documents'];
  readonly button: Locator;
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {
    this.w = eventStrings[lang].documents;
    this.button = page.getByRole('button', { name: this.w.button, exact: true });
    this.dialog = page.getByRole('dialog', { name: this.w.printSheet });
  }

  /** Opens the sheet dialog and leaves it open (for a look before printing). */
  async openSheetDialog(): Promise<void> {
    await this.button.click();
    await this.page.getByRole('menuitem', { name: this.w.printSheet }).click();
    await expect(this.dialog).toBeVisible();
    // Past the modal's fade-in, so a screenshot shows it as people see it.
    await expect(this.dialog).toHaveCSS('opacity', '1');
  }

  /** Prints in the paper's language (the app's unless told) and waits for the dialog to close. */
  async print(paper: Lang = this.lang): Promise<void> {
    await this.dialog.getByRole('radio', { name: common[this.lang].languages[paper] }).check();
    await this.dialog.getByRole('button', { name: this.w.print, exact: true }).click();
    // Fonts are embedded and Chromium lays out A4: this takes a moment on a busy machine.
    await expect(this.dialog).toBeHidden({ timeout: 30_000 });
  }

  saved(fileName: string): Locator {
    return this.page.getByText(fill(this.w.sheetSaved, { name: fileName }));
  }
}

/** The PDF's text with its layout flattened to single spaces (pdftotext keeps accents as UTF-8). */
export const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/** Renders each page to `<prefix>-<n>.png` at 60 dpi, to be looked at; returns the first page's file. */
export function renderPdf(file: string, prefix: string): string {
  execFileSync('pdftoppm', ['-png', '-r', '60', file, prefix]);
  return `${prefix}-1.png`;
}

/**
 * A day written in words, as the screens and the printed sheet write it: « samedi 7 novembre 2026 »
 * (« 1er » on the first), "Saturday 7 November 2026" (ICU versions differ on a comma after the
 * English weekday, so English is a pattern).
 */
export function dayInWords(isoDate: string, lang: Lang): RegExp {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const parts = new Intl.DateTimeFormat(INTL[lang], { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).formatToParts(
    new Date(Date.UTC(y, m - 1, d)),
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  const day = lang === 'fr' && d === 1 ? '1er' : String(d);
  return new RegExp(`${escapeRegExp(part('weekday'))},? ${day} ${escapeRegExp(part('month'))} ${y}`);
}

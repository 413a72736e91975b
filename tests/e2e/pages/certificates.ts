import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import en from '../../../shared/i18n/locales/en/certificates.json';
import fr from '../../../shared/i18n/locales/fr/certificates.json';
import { escapeRegExp, fill, type Lang } from './volunteersLocale';

export type CertificateStrings = typeof en;
export const certificateStrings: Record<Lang, CertificateStrings> = { en, fr };

/** A field found by its visible label (Mantine marks required ones with an asterisk). */
const label = (text: string) => new RegExp(`^${escapeRegExp(text)}\\s*\\*?$`);

/** i18next's plural choice for the two languages we have. */
export const plural = (strings: Record<string, unknown>, key: string, count: number) =>
  fill(String(strings[`${key}_${count === 1 ? 'one' : 'other'}`]), { count });

/** `/certificates`: a new document with its preview, the due list, several at once, the registry, settings. */
export class CertificatesPage {
  readonly s: CertificateStrings;
  readonly preview: Locator;
  readonly frame: FrameLocator;
  readonly issueButton: Locator;
  readonly dueTable: Locator;
  readonly registryTable: Locator;
  readonly batchButton: Locator;
  readonly progress: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {
    this.s = certificateStrings[lang];
    this.preview = page.getByTestId('certificate-preview');
    this.frame = page.frameLocator('[data-testid="certificate-preview"] iframe').first();
    this.issueButton = page.getByTestId('issue-button');
    this.dueTable = page.getByTestId('due-table');
    this.registryTable = page.getByTestId('registry-table');
    this.batchButton = page.getByTestId('batch-button');
    this.progress = page.getByTestId('batch-progress');
  }

  tab(which: keyof CertificateStrings['tabs']): Locator {
    return this.page.getByRole('tab', { name: this.s.tabs[which], exact: true });
  }

  field(key: keyof CertificateStrings['fields']): Locator {
    return this.page.getByRole('textbox', { name: label(this.s.fields[key]) });
  }

  async chooseTemplate(template: keyof CertificateStrings['templates']): Promise<void> {
    await this.page.getByTestId(`template-${template}`).click();
  }

  async chooseLanguage(lang: Lang): Promise<void> {
    await this.page.getByText(this.s.form.languages[lang], { exact: true }).click();
  }

  async pickVolunteer(search: string, name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: this.s.form.volunteer, exact: true }).fill(search);
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  /** Types a date the way the person would (`15/09/2024`) and leaves the field. */
  async typeDate(key: 'periodFrom' | 'periodTo' | 'issuedOn' | 'courseDate', ddmmyyyy: string): Promise<void> {
    const input = this.field(key).first();
    await input.fill(ddmmyyyy);
    await input.press('Escape');
    await input.blur();
  }

  /** The preview shows this text (inside the sandboxed frame). */
  async expectPreview(text: string | RegExp): Promise<void> {
    await expect(this.frame.getByText(text).first()).toBeVisible();
  }
}

/** The text of a PDF (poppler's pdftotext), every run of spaces and line breaks as one space. */
export const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

export const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);

/** First page as a PNG at 60 dpi (to look at), written next to `out`. */
export const pdfPng = (file: string, out: string) => execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, out]);

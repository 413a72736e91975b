import type { Locator, Page } from '@playwright/test';
import en from '../../../shared/i18n/locales/en/io.json';
import fr from '../../../shared/i18n/locales/fr/io.json';
import { fill, type Lang } from './volunteersLocale';

export type IoStrings = typeof en;
export const ioStrings: Record<Lang, IoStrings> = { en, fr };

/** i18next's plural pick for the two languages (French: 0 and 1 are singular). */
export const plural = (lang: Lang, forms: Record<string, string>, base: string, count: number) => {
  const one = lang === 'fr' ? count <= 1 : count === 1;
  return fill(forms[`${base}_${one ? 'one' : 'other'}`]!, { count });
};

/** `/io`: choose a file, check the preview, import; or export. */
export class IoPage {
  readonly s: IoStrings;
  readonly chooseButton: Locator;
  readonly chooseAnotherButton: Locator;
  readonly encoding: Locator;
  readonly delimiter: Locator;
  readonly counts: Locator;
  readonly preview: Locator;
  readonly mapping: Locator;
  readonly errors: Locator;
  readonly runButton: Locator;
  readonly done: Locator;
  readonly fileError: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.s = ioStrings[lang];
    this.chooseButton = page.getByRole('button', { name: this.s.import.choose, exact: true });
    this.chooseAnotherButton = page.getByRole('button', { name: this.s.import.chooseAnother, exact: true });
    this.encoding = page.getByTestId('io-encoding');
    this.delimiter = page.getByTestId('io-delimiter');
    this.counts = page.getByTestId('io-counts');
    this.preview = page.getByRole('table', { name: this.s.preview.tableLabel });
    this.mapping = page.getByTestId('io-mapping');
    this.errors = page.getByTestId('io-errors');
    this.runButton = page.getByTestId('io-run');
    this.done = page.getByTestId('io-done');
    this.fileError = page.getByTestId('io-file-error');
  }

  tab(which: 'import' | 'export'): Locator {
    return this.page.getByRole('tab', { name: this.s.tabs[which], exact: true });
  }

  row(rowNumber: number): Locator {
    return this.page.getByTestId(`io-row-${rowNumber}`);
  }

  rowNotes(rowNumber: number): Locator {
    return this.page.getByTestId(`io-row-${rowNumber}-notes`);
  }

  skipInvalid(count: number): Locator {
    return this.page.getByRole('checkbox', { name: plural(this.lang, this.s.run, 'skipInvalid', count) });
  }

  duplicatePolicy(which: 'skip' | 'merge' | 'create'): Locator {
    return this.page.getByRole('radio', { name: this.s.duplicates[which], exact: true });
  }

  /** The field select of one column, by the column's header. */
  fieldFor(header: string): Locator {
    return this.page.getByRole('combobox', { name: fill(this.s.mapping.fieldFor, { header }) });
  }

  exportButton(which: 'csv' | 'xlsx' | 'allXlsx' | 'allCsv'): Locator {
    return this.page.getByRole('button', { name: this.s.export[which], exact: true });
  }
}

/** The volunteers list's « Export this list » menu. */
export class ExportListMenu {
  readonly s: IoStrings;
  readonly button: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.s = ioStrings[lang];
    this.button = page.getByRole('button', { name: this.s.export.thisList, exact: true });
  }

  async choose(format: 'csv' | 'xlsx'): Promise<void> {
    await this.button.click();
    await this.page.getByRole('menuitem', { name: format === 'csv' ? this.s.export.thisListCsv : this.s.export.thisListXlsx }).click();
  }
}

import type { Locator, Page } from '@playwright/test';
import en from '../../../shared/i18n/locales/en/finance.json';
import fr from '../../../shared/i18n/locales/fr/finance.json';
import enValidation from '../../../shared/i18n/locales/en/validation.json';
import frValidation from '../../../shared/i18n/locales/fr/validation.json';
import { escapeRegExp, fill, type Lang } from './volunteersLocale';

export type FinanceStrings = typeof en;
export const financeStrings: Record<Lang, FinanceStrings> = { en, fr };
export const financeIssues: Record<Lang, typeof en.money & typeof enValidation.finance> = {
  en: { ...en.money, ...enValidation.finance },
  fr: { ...fr.money, ...frValidation.finance },
};

/** A field's label, with or without the required-field star Mantine adds. */
const labelled = (text: string) => new RegExp(`^${escapeRegExp(text)}( \\*)?$`);

/** `/finance`: its tabs, the line form, the budget form, the valuation method. */
export class FinancePage {
  readonly s: FinanceStrings;
  readonly form: Locator;
  readonly linesTable: Locator;
  readonly summary: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.s = financeStrings[lang];
    this.form = page.getByTestId('line-form');
    this.linesTable = page.getByTestId('lines-table');
    this.summary = page.getByTestId('lines-summary');
  }

  tab(which: keyof FinanceStrings['tabs']): Locator {
    return this.page.getByRole('tab', { name: this.s.tabs[which], exact: true });
  }

  field(label: string): Locator {
    return this.form.getByLabel(labelled(label));
  }

  async choose(label: string, option: string | RegExp, scope: Locator | Page = this.form): Promise<void> {
    await scope.getByRole('combobox', { name: labelled(label) }).click();
    await this.page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  }

  async typeDate(label: string, ddmmyyyy: string): Promise<void> {
    const input = this.field(label);
    await input.fill(ddmmyyyy);
    // Leaving the field closes its calendar (Escape would close the whole dialog).
    await input.blur();
  }

  /** Fills and saves a line; amounts are typed as a person would, in the page's language. */
  async enterLine(line: {
    direction: 'expense' | 'income';
    date: string;
    amount: string;
    label: string;
    category: string;
    programme?: string;
    funder?: string;
    reference?: string;
    receipt?: boolean;
  }): Promise<void> {
    await this.page.getByRole('button', { name: line.direction === 'expense' ? this.s.lines.newExpense : this.s.lines.newIncome, exact: true }).click();
    await this.typeDate(this.s.form.date, line.date);
    await this.field(this.s.form.amount).fill(line.amount);
    await this.field(this.s.form.label).fill(line.label);
    await this.choose(line.direction === 'expense' ? this.s.form.category : this.s.form.kind, new RegExp(`^${escapeRegExp(line.category)}`));
    if (line.programme) await this.choose(this.s.form.programme, line.programme);
    if (line.funder) await this.field(this.s.form.funder).fill(line.funder);
    if (line.reference) await this.field(this.s.form.reference).fill(line.reference);
    if (line.receipt) {
      await this.form.getByRole('button', { name: this.s.form.chooseReceipt }).click();
      await this.form.getByTestId('receipt-field').getByText(/\(.*\)/).first().waitFor();
    }
    await this.form.getByRole('button', { name: this.s.form.save, exact: true }).click();
  }

  row(label: string): Locator {
    return this.linesTable.getByRole('row').filter({ hasText: label });
  }

  async exportMenu(button: string, item: string): Promise<void> {
    await this.page.getByRole('button', { name: button, exact: true }).click();
    await this.page.getByRole('menuitem', { name: item, exact: true }).click();
  }

  text(template: string, vars: Record<string, string | number>): string {
    return fill(template, vars);
  }
}

import type { ExportResult, FileFormat, PaymentMethod } from '../../../shared/api';
import type { Context } from '../context';
import { categoryName, listCategories } from './categories';
import { saveExport, type Cell } from './export-files';
import { fileLanguage, financeWords } from './language';
import { yearRange } from './years';

/**
 * The treasury account each payment method went through, for the journal's second leg:
 * 512 « Banques » for anything that passes through the bank, 530 « Caisse » for cash.
 */
export const TREASURY_ACCOUNT: Record<PaymentMethod, string> = {
  transfer: '512',
  card: '512',
  cheque: '512',
  direct_debit: '512',
  other: '512',
  cash: '530',
};

interface JournalRow {
  id: number;
  direction: 'expense' | 'income';
  occurredOn: string;
  amountCents: number;
  label: string;
  categoryId: number;
  account: string;
  paymentMethod: PaymentMethod;
  programmeName: string | null;
  funder: string | null;
  reference: string | null;
  receiptName: string | null;
}

/**
 * The year's money for the accountant, in date order: one line per expense or income with its
 * account in the plan comptable associatif (expenses on the debit side of a class-6 account,
 * income on the credit side of a class-7 one), the treasury account it went through, the
 * amount and its direction, programme, category, funder and reference, receipt.
 */
export async function exportJournal(ctx: Context, year: number, format: FileFormat): Promise<ExportResult> {
  const lang = await fileLanguage(ctx);
  const w = financeWords(lang);
  return saveExport(ctx, {
    format,
    lang,
    defaultName: `${w.export.journalFile}-${year}`,
    build: () => {
      const categories = new Map(listCategories(ctx.sqlite).map((c) => [c.id, categoryName(c, lang)]));
      const rows = ctx.sqlite
        .prepare(
          `SELECT l.id, l.direction, l.occurred_on AS occurredOn, l.amount_cents AS amountCents, l.label, l.category_id AS categoryId,
                  c.account, l.payment_method AS paymentMethod, p.name AS programmeName, l.funder, l.reference, l.receipt_name AS receiptName
             FROM money_lines l JOIN money_categories c ON c.id = l.category_id LEFT JOIN programmes p ON p.id = l.programme_id
            WHERE l.occurred_on BETWEEN @from AND @to ORDER BY l.occurred_on, l.id`,
        )
        .all(yearRange(year)) as JournalRow[];
      let debit = 0;
      let credit = 0;
      const cells: Cell[][] = rows.map((r) => {
        const expense = r.direction === 'expense';
        if (expense) debit += r.amountCents;
        else credit += r.amountCents;
        // Amounts are never negative in the file: a cell starting with '-' would be escaped as a
        // formula (DESIGN §8). The direction says which way the money went.
        return [
          { date: r.occurredOn },
          { count: r.id },
          { text: r.account },
          { text: r.label },
          { cents: r.amountCents },
          { text: w.directions[r.direction] },
          expense ? { cents: r.amountCents } : { text: null },
          expense ? { text: null } : { cents: r.amountCents },
          { text: TREASURY_ACCOUNT[r.paymentMethod] },
          { text: r.programmeName },
          { text: categories.get(r.categoryId) ?? '' },
          { text: w.paymentMethods[r.paymentMethod] },
          { text: r.funder },
          { text: r.reference },
          { text: r.receiptName },
        ];
      });
      const h = w.export.journal;
      return [
        {
          name: `${h.sheet} ${year}`,
          headers: [h.date, h.piece, h.account, h.label, h.amount, h.direction, h.debit, h.credit, h.treasury, h.programme, h.category, h.payment, h.funder, h.reference, h.receipt],
          rows: cells,
          footer: [[{ text: h.total }, { text: null }, { text: null }, { text: null }, { text: null }, { text: null }, { cents: debit }, { cents: credit }]],
        },
      ];
    },
  });
}

import type { DomainHandlers } from '../handlers';
import { getBudget, getFunders, getOverview, saveBudget } from './budgets.service';
import { listCategories, saveCategory, setCategoryArchived } from './categories';
import { cecList, exportCec } from './cec';
import { exportJournal } from './journal';
import { createLine, deleteLine, findEvents, getLine, listLines, updateLine } from './lines.service';
import { chooseReceipt, openReceipt } from './receipts';
import { trainingCosts } from './training-costs';
import { deleteMethod, exportTimesheet, listMethods, saveMethod, valuationOf } from './valuation';
import { currentYear, financeYears } from './years';

export const financeHandlers: DomainHandlers<'finance'> = {
  'finance.options': (_input, ctx) => ({
    programmes: (ctx.sqlite.prepare('SELECT id, name, archived FROM programmes ORDER BY name COLLATE NOCASE').all() as { id: number; name: string; archived: number }[]).map(
      (p) => ({ ...p, archived: p.archived === 1 }),
    ),
    categories: listCategories(ctx.sqlite),
    years: financeYears(ctx.sqlite),
    currentYear: currentYear(),
  }),
  'finance.saveCategory': (input, ctx) => saveCategory(ctx, input),
  'finance.archiveCategory': ({ id, archived }, ctx) => setCategoryArchived(ctx, id, archived),

  'finance.listLines': (input, ctx) => listLines(ctx, input),
  'finance.getLine': ({ id }, ctx) => getLine(ctx.sqlite, id),
  'finance.createLine': (input, ctx) => createLine(ctx, input),
  'finance.updateLine': ({ id, data }, ctx) => updateLine(ctx, id, data),
  'finance.deleteLine': ({ id }, ctx) => deleteLine(ctx, id),
  'finance.findEvents': (input, ctx) => findEvents(ctx, input),
  'finance.chooseReceipt': (_input, ctx) => chooseReceipt(ctx),
  'finance.openReceipt': ({ lineId }, ctx) => openReceipt(ctx, lineId),

  'finance.budget': ({ year, programmeId }, ctx) => getBudget(ctx, year, programmeId),
  'finance.saveBudget': (input, ctx) => saveBudget(ctx, input),
  'finance.overview': ({ year, programmeId }, ctx) => getOverview(ctx, year, programmeId),
  'finance.funders': ({ year }, ctx) => getFunders(ctx, year),
  'finance.trainingCosts': ({ year }, ctx) => trainingCosts(ctx, year),
  'finance.exportJournal': ({ year, format }, ctx) => exportJournal(ctx, year, format),

  'finance.valuationMethods': (_input, ctx) => listMethods(ctx.sqlite),
  'finance.saveValuationMethod': (input, ctx) => saveMethod(ctx, input),
  'finance.deleteValuationMethod': ({ effectiveYear }, ctx) => deleteMethod(ctx, effectiveYear),
  'finance.valuation': ({ year, programmeId }, ctx) => valuationOf(ctx, year, programmeId),
  'finance.exportTimesheet': ({ year, programmeId, format }, ctx) => exportTimesheet(ctx, year, programmeId, format),

  'finance.cec': (input, ctx) => cecList(ctx, input),
  'finance.exportCec': ({ year, format }, ctx) => exportCec(ctx, year, format),
};

import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors';
import { RelaisFailure } from '../../../shared/errors';
import type { LineWarning, ListLinesInput, MoneyLine, listLinesInput, moneyLineInput } from '../../../shared/api';
import { nowIso } from '../clock';
import type { Context } from '../context';
import type { Sqlite } from '../db/connection';
import { fold } from '../volunteers/bits';
import { categoryYearCents } from './budgets.service';
import { findCategory } from './categories';
import { deleteReceipt, forgetChosen, storeReceipt, takeChosen } from './receipts';
import { yearRange } from './years';

type LineData = z.output<typeof moneyLineInput>;

interface LineRow {
  id: number;
  direction: 'expense' | 'income';
  occurredOn: string;
  amountCents: number;
  label: string;
  categoryId: number;
  account: string;
  paymentMethod: MoneyLine['paymentMethod'];
  programmeId: number | null;
  programmeName: string | null;
  eventId: number | null;
  eventTitle: string | null;
  eventKind: string | null;
  eventDate: string | null;
  funder: string | null;
  reference: string | null;
  note: string | null;
  receiptName: string | null;
  receiptBytes: number | null;
  createdAt: string;
  updatedAt: string;
}

const SELECT = `
  SELECT l.id, l.direction, l.occurred_on AS occurredOn, l.amount_cents AS amountCents, l.label,
         l.category_id AS categoryId, c.account, l.payment_method AS paymentMethod,
         l.programme_id AS programmeId, p.name AS programmeName,
         l.event_id AS eventId, e.title AS eventTitle, e.kind AS eventKind, substr(e.start_local, 1, 10) AS eventDate,
         l.funder, l.reference, l.note, l.receipt_name AS receiptName, l.receipt_bytes AS receiptBytes,
         l.created_at AS createdAt, l.updated_at AS updatedAt
    FROM money_lines l
    JOIN money_categories c ON c.id = l.category_id
    LEFT JOIN programmes p ON p.id = l.programme_id
    LEFT JOIN events e ON e.id = l.event_id`;

const toLine = ({ receiptName, receiptBytes, ...r }: LineRow): MoneyLine => ({
  ...r,
  receipt: receiptName !== null && receiptBytes !== null ? { name: receiptName, bytes: receiptBytes } : null,
});

export function getLine(sqlite: Sqlite, id: number): MoneyLine {
  const row = sqlite.prepare(`${SELECT} WHERE l.id = ?`).get(id) as LineRow | undefined;
  if (!row) throw new RelaisFailure('NOT_FOUND', { id });
  return toLine(row);
}

/** `LIKE` pattern for typed words, folded like the text it is matched against, its own wildcards taken literally. */
const likePattern = (q: string) => `%${fold(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const folding = new WeakSet<Sqlite>();
/**
 * `finance_fold(text)` on this connection: case and accents do not matter when looking for a line
 * or an event (« ecoute » finds « Écoute »), which SQLite's own LIKE only does for ASCII.
 */
function withFold(sqlite: Sqlite): Sqlite {
  if (!folding.has(sqlite)) {
    sqlite.function('finance_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? fold(text) : null));
    folding.add(sqlite);
  }
  return sqlite;
}

/**
 * The lines of a period, newest first, with the sums of everything that matches (not only the
 * page shown). Paged: the list screen asks for the rows it is about to show.
 */
export function listLines(ctx: Context, input: z.output<typeof listLinesInput>) {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.year !== null) {
    Object.assign(params, yearRange(input.year));
    where.push('l.occurred_on BETWEEN @from AND @to');
  }
  if (input.direction) {
    where.push('l.direction = @direction');
    params.direction = input.direction;
  }
  if (input.programmeId === 0) where.push('l.programme_id IS NULL');
  else if (input.programmeId !== null) {
    where.push('l.programme_id = @programmeId');
    params.programmeId = input.programmeId;
  }
  if (input.categoryId !== null) {
    where.push('l.category_id = @categoryId');
    params.categoryId = input.categoryId;
  }
  if (input.receipt === 'with') where.push('l.receipt_file IS NOT NULL');
  if (input.receipt === 'without') where.push('l.receipt_file IS NULL');
  if (input.query) {
    where.push("l.search LIKE @q ESCAPE '\\'");
    params.q = likePattern(input.query);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const sums = ctx.sqlite
    .prepare(
      `SELECT count(*) AS total,
              coalesce(sum(CASE WHEN l.direction = 'expense' THEN l.amount_cents END), 0) AS expenseCents,
              coalesce(sum(CASE WHEN l.direction = 'income' THEN l.amount_cents END), 0) AS incomeCents
         FROM money_lines l ${clause}`,
    )
    .get(params) as { total: number; expenseCents: number; incomeCents: number };
  const rows = (ctx.sqlite.prepare(`${SELECT} ${clause} ORDER BY l.occurred_on DESC, l.id DESC LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: input.limit,
    offset: input.offset,
  }) as LineRow[]).map(toLine);
  return { ...sums, rows };
}

export type { ListLinesInput };

/**
 * What the contract cannot check: the category exists, goes the same way as the line and is in
 * use (an archived one only for a line already filed under it); the programme and the event
 * exist; money from a funder (a grant) names who gave it.
 */
function checkReferences(ctx: Context, data: LineData, previous: MoneyLine | null): void {
  const issues: FieldIssue[] = [];
  const category = findCategory(ctx.sqlite, data.categoryId);
  if (!category) issues.push({ path: ['categoryId'], key: 'finance.unknownCategory' });
  else {
    if (category.direction !== data.direction) issues.push({ path: ['categoryId'], key: 'finance.categoryDirection' });
    if (category.archived && previous?.categoryId !== category.id) issues.push({ path: ['categoryId'], key: 'finance.categoryArchived' });
    if (category.funded && data.direction === 'income' && !data.funder) issues.push({ path: ['funder'], key: 'finance.funderRequired' });
  }
  if (data.programmeId !== null) {
    const programme = ctx.sqlite.prepare('SELECT archived FROM programmes WHERE id = ?').get(data.programmeId) as { archived: number } | undefined;
    if (!programme) issues.push({ path: ['programmeId'], key: 'finance.unknownProgramme' });
    else if (programme.archived && previous?.programmeId !== data.programmeId) issues.push({ path: ['programmeId'], key: 'finance.programmeArchived' });
  }
  if (data.eventId !== null && !ctx.sqlite.prepare('SELECT 1 FROM events WHERE id = ?').get(data.eventId)) {
    issues.push({ path: ['eventId'], key: 'finance.unknownEvent' });
  }
  if (typeof data.receipt === 'object') {
    try {
      takeChosen(ctx, data.receipt.token);
    } catch (error) {
      if (error instanceof RelaisFailure) issues.push(...(error.details?.issues ?? []));
      else throw error;
    }
  }
  if (issues.length) throw new RelaisFailure('VALIDATION', { issues });
}

/**
 * After a save: an expense in a year that has no budget at all, or one that takes its category
 * over what was budgeted for that year and programme. Saved all the same.
 */
function warningsFor(ctx: Context, line: MoneyLine): LineWarning[] {
  if (line.direction !== 'expense') return [];
  const year = Number(line.occurredOn.slice(0, 4));
  const { sqlite } = ctx;
  const anyBudget = sqlite.prepare('SELECT 1 FROM budgets WHERE year = ? LIMIT 1').get(year);
  if (!anyBudget) return [{ key: 'noBudget', params: { year } }];
  const budget = sqlite
    .prepare('SELECT amount_cents FROM budgets WHERE year = ? AND coalesce(programme_id, 0) = ? AND category_id = ?')
    .pluck()
    .get(year, line.programmeId ?? 0, line.categoryId) as number | undefined;
  if (budget === undefined) return [];
  const spent = categoryYearCents(sqlite, year, line.categoryId, line.programmeId ?? 0);
  return spent > budget ? [{ key: 'overBudget', params: { year, budgetCents: budget, spentCents: spent } }] : [];
}

const columns = (data: LineData) => ({
  direction: data.direction,
  occurredOn: data.occurredOn,
  amountCents: data.amountCents,
  label: data.label,
  categoryId: data.categoryId,
  paymentMethod: data.paymentMethod,
  programmeId: data.programmeId,
  eventId: data.eventId,
  // Who gave the money and the decision's reference belong to income.
  funder: data.direction === 'income' ? data.funder : null,
  reference: data.direction === 'income' ? data.reference : null,
  note: data.note,
  // What the list's search looks in, folded once here rather than on every search.
  search: fold([data.label, data.direction === 'income' ? data.funder : null, data.direction === 'income' ? data.reference : null, data.note].filter(Boolean).join(' ')),
});

/**
 * Writes the line, and its receipt first: the file is in place before the row points at it, and
 * removed again if the row cannot be written. The receipt it replaces goes once the row is saved.
 */
function write(ctx: Context, id: number | null, data: LineData, previous: { receiptFile: string | null } | null): number {
  let stored: { receiptFile: string; path: string; name: string; bytes: number } | null = null;
  if (typeof data.receipt === 'object') {
    const file = takeChosen(ctx, data.receipt.token);
    stored = { ...storeReceipt(ctx, file), name: file.name, bytes: file.bytes.byteLength };
  }
  const receipt =
    stored !== null
      ? { receiptFile: stored.receiptFile, receiptName: stored.name, receiptBytes: stored.bytes }
      : data.receipt === 'remove' || previous === null
        ? { receiptFile: null, receiptName: null, receiptBytes: null }
        : null;
  const at = nowIso();
  const values = { ...columns(data), ...(receipt ?? {}), at, id };
  let savedId: number;
  try {
    savedId = ctx.sqlite.transaction(() => {
      if (id === null) {
        return Number(
          ctx.sqlite
            .prepare(
              `INSERT INTO money_lines (direction, occurred_on, amount_cents, label, category_id, payment_method, programme_id, event_id,
                                        funder, reference, note, receipt_file, receipt_name, receipt_bytes, search, created_at, updated_at)
               VALUES (@direction, @occurredOn, @amountCents, @label, @categoryId, @paymentMethod, @programmeId, @eventId,
                       @funder, @reference, @note, @receiptFile, @receiptName, @receiptBytes, @search, @at, @at)`,
            )
            .run(values).lastInsertRowid,
        );
      }
      ctx.sqlite
        .prepare(
          `UPDATE money_lines SET direction = @direction, occurred_on = @occurredOn, amount_cents = @amountCents, label = @label,
                  category_id = @categoryId, payment_method = @paymentMethod, programme_id = @programmeId, event_id = @eventId,
                  funder = @funder, reference = @reference, note = @note, search = @search, updated_at = @at
                  ${receipt ? ', receipt_file = @receiptFile, receipt_name = @receiptName, receipt_bytes = @receiptBytes' : ''}
            WHERE id = @id`,
        )
        .run(values);
      return id;
    })();
  } catch (error) {
    if (stored) deleteReceipt(ctx, stored.receiptFile);
    throw error;
  }
  if (typeof data.receipt === 'object') forgetChosen(ctx, data.receipt.token);
  if (receipt && previous?.receiptFile && previous.receiptFile !== receipt.receiptFile) deleteReceipt(ctx, previous.receiptFile);
  return savedId;
}

export function createLine(ctx: Context, data: LineData) {
  checkReferences(ctx, data, null);
  const id = write(ctx, null, data, null);
  const line = getLine(ctx.sqlite, id);
  return { line, warnings: warningsFor(ctx, line) };
}

export function updateLine(ctx: Context, id: number, data: LineData) {
  const previous = getLine(ctx.sqlite, id);
  checkReferences(ctx, data, previous);
  const receiptFile = ctx.sqlite.prepare('SELECT receipt_file FROM money_lines WHERE id = ?').pluck().get(id) as string | null;
  write(ctx, id, data, { receiptFile });
  const line = getLine(ctx.sqlite, id);
  return { line, warnings: warningsFor(ctx, line) };
}

/** A line entered by mistake goes, with its receipt. */
export function deleteLine(ctx: Context, id: number) {
  const row = ctx.sqlite.prepare('SELECT receipt_file AS receiptFile FROM money_lines WHERE id = ?').get(id) as { receiptFile: string | null } | undefined;
  if (!row) throw new RelaisFailure('NOT_FOUND', { id });
  ctx.sqlite.prepare('DELETE FROM money_lines WHERE id = ?').run(id);
  deleteReceipt(ctx, row.receiptFile);
  return { id };
}

/** Events to link a line to: matching the typed words, in the year when one is given, latest first. */
export function findEvents(ctx: Context, input: { query: string; year: number | null }) {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.year !== null) {
    where.push("start_local BETWEEN @from AND @to || 'T99'");
    Object.assign(params, yearRange(input.year));
  }
  if (input.query) {
    withFold(ctx.sqlite);
    where.push("finance_fold(title) LIKE @q ESCAPE '\\'");
    params.q = likePattern(input.query);
  }
  return ctx.sqlite
    .prepare(
      `SELECT id, title, kind, substr(start_local, 1, 10) AS date, programme_id AS programmeId FROM events
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY start_local DESC, id DESC LIMIT 50`,
    )
    .all(params) as { id: number; title: string; kind: string; date: string; programmeId: number | null }[];
}

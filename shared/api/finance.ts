import { z } from 'zod';
import { MAX_AMOUNT_CENTS } from '../money';
import { method, type MethodSpec } from './define';
import { LIMITS, id, isoDate, optionalText, requiredText } from './fields';
import { HOUR_CATEGORIES } from './hours';
import { FILE_FORMATS, exportResult } from './io';
import { ROLES } from './volunteers';

/**
 * Expenses, income, budgets per programme, the journal for the accountant, the value of
 * volunteer time (contributions in kind) and the compte d'engagement citoyen.
 *
 * Every amount is integer cents (DESIGN §3). The renderer turns what is typed into cents with
 * `parseMoney` (shared/money.ts); core never sees a decimal amount.
 */

export const DIRECTIONS = ['expense', 'income'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const PAYMENT_METHODS = ['transfer', 'card', 'cash', 'cheque', 'direct_debit', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The keys of the seeded categories (translated in `finance:categories`); the association adds its own by name. */
export const CATEGORY_KEYS = [
  'training',
  'venue_hire',
  'materials',
  'technology',
  'insurance',
  'travel',
  'communication',
  'other_expense',
  'grant',
  'donation',
  'membership_fees',
  'partnership',
  'other_income',
] as const;

/** Contributions in kind in the accounts: the use (debit) and the resource (credit) of volunteer time. */
export const IN_KIND_ACCOUNTS = { use: '864', resource: '875' } as const;

/** How volunteer time is valued: one rate, a rate per activity category, or a rate per volunteer role. */
export const VALUATION_BASES = ['single', 'category', 'role'] as const;
export type ValuationBasis = (typeof VALUATION_BASES)[number];

/**
 * Hourly rates in cents. No legal rate exists; the association chooses. Zero is refused (leave a
 * category out instead); above 1,000 €/h is refused as a typing mistake; above 150 €/h is accepted
 * only once the warning has been confirmed (a skills donation by a professional can cost that much).
 */
export const RATE_LIMITS = { min: 1, max: 100_000, warnAbove: 15_000 } as const;

/** CEC thresholds (Code du travail, art. D5151-14): 200 h in the calendar year, of which 100 h in one association. */
export const CEC_MINUTES = { year: 200 * 60, oneAssociation: 100 * 60 } as const;
/** Volunteer roles the CEC counts: members of the governing body and supervisors of other volunteers. */
export const CEC_ROLES = ['board', 'supervisor'] as const;
export const CEC_STATUSES = ['both', 'oneAssociation', 'below'] as const;
export type CecStatus = (typeof CEC_STATUSES)[number];

/** A receipt copied into the data folder: 20 MB at most, a document or an image (never a program). */
export const RECEIPT_MAX_BYTES = 20 * 1024 * 1024;
export const RECEIPT_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'webp', 'gif', 'heic', 'tif', 'tiff', 'txt', 'odt', 'ods', 'doc', 'docx', 'xls', 'xlsx'] as const;

export const year = z.number({ error: 'v:finance.year' }).int({ error: 'v:finance.year' }).min(1900, { error: 'v:finance.year' }).max(2100, { error: 'v:finance.year' });

export const amountCents = z
  .number({ error: 'v:finance.amount' })
  .int({ error: 'v:finance.amountCents' })
  .min(1, { error: 'v:finance.amountPositive' })
  .max(MAX_AMOUNT_CENTS, { error: 'v:finance.amountTooLarge' });

const budgetCents = z
  .number({ error: 'v:finance.amount' })
  .int({ error: 'v:finance.amountCents' })
  .min(0, { error: 'v:finance.amountNegative' })
  .max(MAX_AMOUNT_CENTS, { error: 'v:finance.amountTooLarge' });

const rateCents = z
  .number({ error: 'v:finance.rate' })
  .int({ error: 'v:finance.amountCents' })
  .min(RATE_LIMITS.min, { error: 'v:finance.rateZero' })
  .max(RATE_LIMITS.max, { error: 'v:finance.rateTooHigh' });

const token = z.string().regex(/^[0-9a-f-]{36}$/, { error: 'v:invalid' });

export const category = z.object({
  id,
  direction: z.enum(DIRECTIONS),
  /** Seeded categories carry a key (named in the UI's language) unless the association renamed them. */
  key: z.enum(CATEGORY_KEYS).nullable(),
  name: z.string().nullable(),
  account: z.string(),
  funded: z.boolean(),
  archived: z.boolean(),
  lineCount: z.number().int(),
});
export type Category = z.infer<typeof category>;

export const accountNumber = z.string().trim().regex(/^[0-9]{2,10}$/, { error: 'v:finance.account' });

export const categoryInput = z.strictObject({
  id: id.optional(),
  direction: z.enum(DIRECTIONS),
  /** Null keeps a seeded category's translated name. */
  name: optionalText(LIMITS.name),
  account: accountNumber,
  funded: z.boolean().default(false),
});

/** A receipt on save: keep what the line has, remove it, or put the file chosen behind `token`. */
export const receiptChange = z.union([z.literal('keep'), z.literal('remove'), z.strictObject({ token })]);

export const moneyLineInput = z.strictObject({
  direction: z.enum(DIRECTIONS),
  occurredOn: isoDate,
  amountCents,
  label: requiredText(LIMITS.short),
  categoryId: id,
  paymentMethod: z.enum(PAYMENT_METHODS),
  programmeId: id.nullable().default(null),
  eventId: id.nullable().default(null),
  funder: optionalText(LIMITS.name),
  reference: optionalText(LIMITS.name),
  note: optionalText(LIMITS.text),
  receipt: receiptChange.default('keep'),
});
export type MoneyLineInput = z.input<typeof moneyLineInput>;

export const moneyLine = z.object({
  id,
  direction: z.enum(DIRECTIONS),
  occurredOn: z.string(),
  amountCents: z.number().int(),
  label: z.string(),
  categoryId: id,
  account: z.string(),
  paymentMethod: z.enum(PAYMENT_METHODS),
  programmeId: id.nullable(),
  programmeName: z.string().nullable(),
  eventId: id.nullable(),
  eventTitle: z.string().nullable(),
  eventKind: z.string().nullable(),
  eventDate: z.string().nullable(),
  funder: z.string().nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  receipt: z.object({ name: z.string(), bytes: z.number().int() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MoneyLine = z.infer<typeof moneyLine>;

/** Things worth knowing that do not stop a save (translated in `finance:warnings`). */
export const lineWarning = z.object({
  key: z.enum(['noBudget', 'overBudget']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type LineWarning = z.infer<typeof lineWarning>;

const saved = z.object({ line: moneyLine, warnings: z.array(lineWarning) });

/** `null`: every programme and none; `0`: lines outside any programme. */
const programmeFilter = z.union([id, z.literal(0)]).nullable().default(null);

export const listLinesInput = z.strictObject({
  year: year.nullable().default(null),
  direction: z.enum(DIRECTIONS).nullable().default(null),
  programmeId: programmeFilter,
  categoryId: id.nullable().default(null),
  receipt: z.enum(['any', 'with', 'without']).default('any'),
  query: z.string().trim().max(200, { error: 'v:tooLong' }).default(''),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListLinesInput = z.input<typeof listLinesInput>;

export const options = z.object({
  programmes: z.array(z.object({ id, name: z.string(), archived: z.boolean() })),
  categories: z.array(category),
  /** Years with lines, budgets or counted hours, and this year: what the year pickers offer. */
  years: z.array(z.number().int()),
  currentYear: z.number().int(),
});

export const budgetRow = z.object({
  categoryId: id,
  direction: z.enum(DIRECTIONS),
  /** Null: no budget set for this cell. */
  budgetCents: z.number().int().nullable(),
  actualCents: z.number().int(),
});

export const overview = z.object({
  year: z.number().int(),
  hasBudget: z.boolean(),
  totals: z.object({
    expenseCents: z.number().int(),
    incomeCents: z.number().int(),
    budgetExpenseCents: z.number().int(),
    budgetIncomeCents: z.number().int(),
  }),
  byCategory: z.array(budgetRow),
  /** Income by funder (lines that name one), largest first. */
  funders: z.array(z.object({ funder: z.string(), cents: z.number().int() })),
  /** Twelve months, January first. */
  monthly: z.array(z.object({ month: z.string(), inCents: z.number().int(), outCents: z.number().int() })),
});
export type Overview = z.infer<typeof overview>;

export const funderRow = z.object({
  funder: z.string(),
  totalCents: z.number().int(),
  lines: z.number().int(),
  references: z.array(z.string()),
  programmes: z.array(
    z.object({
      programmeId: id.nullable(),
      programmeName: z.string().nullable(),
      cents: z.number().int(),
      /** What that programme spent in the year (null for money outside any programme). */
      programmeExpenseCents: z.number().int().nullable(),
    }),
  ),
});

export const trainingCostRow = z.object({
  eventId: id,
  title: z.string(),
  date: z.string(),
  programmeName: z.string().nullable(),
  costCents: z.number().int(),
  /** Expenses recorded for the session, else the cost planned with it. */
  costSource: z.enum(['expenses', 'planned', 'none']),
  participants: z.number().int(),
  participantSource: z.enum(['enrolled', 'attendance', 'none']),
  perParticipantCents: z.number().int().nullable(),
});

export const valuationMethod = z.object({
  effectiveYear: z.number().int(),
  basis: z.enum(VALUATION_BASES),
  /** Cents per hour: `all` for a single rate, else by hour category or volunteer role. */
  rates: z.record(z.string(), z.number().int()),
  excluded: z.array(z.enum(HOUR_CATEGORIES)),
  updatedAt: z.string(),
});
export type ValuationMethod = z.infer<typeof valuationMethod>;

export const valuationMethodInput = z.strictObject({
  effectiveYear: year,
  basis: z.enum(VALUATION_BASES),
  rates: z.record(z.string().max(40), rateCents),
  excluded: z.array(z.enum(HOUR_CATEGORIES)).max(HOUR_CATEGORIES.length).transform((xs) => [...new Set(xs)]).default([]),
  /** The person saw the warnings (method changed, year already begun, very high rate) and goes on. */
  confirmed: z.boolean().default(false),
});
export type ValuationMethodInput = z.input<typeof valuationMethodInput>;

export const valuationWarning = z.object({
  key: z.enum(['changedMidYear', 'changesPastYears', 'methodChanged', 'highRate']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ValuationWarning = z.infer<typeof valuationWarning>;

const valuationGroup = {
  minutes: z.number().int(),
  entries: z.number().int(),
  cents: z.number().int(),
};

export const valuation = z.object({
  year: z.number().int(),
  /** The method in force for the year; null when none is set yet (then every figure is 0). */
  method: valuationMethod.nullable(),
  countedMinutes: z.number().int(),
  valuedMinutes: z.number().int(),
  excludedMinutes: z.number().int(),
  entries: z.number().int(),
  totalCents: z.number().int(),
  byCategory: z.array(z.object({ category: z.enum(HOUR_CATEGORIES), excluded: z.boolean(), rateCents: z.number().int().nullable(), ...valuationGroup })),
  byProgramme: z.array(z.object({ programmeId: id.nullable(), programmeName: z.string().nullable(), ...valuationGroup })),
  /** Role basis: hours and value by the role whose rate applied. */
  byRole: z.array(z.object({ role: z.enum(ROLES), rateCents: z.number().int(), ...valuationGroup })),
});
export type Valuation = z.infer<typeof valuation>;

export const cecRow = z.object({
  volunteerId: id,
  firstName: z.string(),
  lastName: z.string(),
  roles: z.array(z.enum(ROLES)),
  minutes: z.number().int(),
  status: z.enum(CEC_STATUSES),
});

const exportFormat = z.enum(FILE_FORMATS);

export const financeMethods = {
  /** Programmes, categories and years for the pickers of every finance screen. */
  'finance.options': method(z.undefined().optional(), options),
  'finance.saveCategory': method(categoryInput, category),
  'finance.archiveCategory': method(z.strictObject({ id, archived: z.boolean() }), category),

  'finance.listLines': method(
    listLinesInput,
    z.object({ total: z.number().int(), expenseCents: z.number().int(), incomeCents: z.number().int(), rows: z.array(moneyLine) }),
  ),
  'finance.getLine': method(z.strictObject({ id }), moneyLine),
  'finance.createLine': method(moneyLineInput, saved),
  'finance.updateLine': method(z.strictObject({ id, data: moneyLineInput }), saved),
  'finance.deleteLine': method(z.strictObject({ id }), z.object({ id })),
  /** Events to link a line to, most recent first (training sessions are events of kind `training`). */
  'finance.findEvents': method(
    z.strictObject({ query: z.string().trim().max(200).default(''), year: year.nullable().default(null) }),
    z.array(z.object({ id, title: z.string(), kind: z.string(), date: z.string(), programmeId: id.nullable() })),
  ),

  /** Opens the system's file dialog; core keeps the file behind a token until a line is saved with it. */
  'finance.chooseReceipt': method(z.undefined().optional(), z.object({ token, name: z.string(), bytes: z.number().int() }).nullable()),
  'finance.openReceipt': method(z.strictObject({ lineId: id }), z.null()),

  'finance.budget': method(z.strictObject({ year, programmeId: programmeFilter }), z.object({ year: z.number().int(), hasBudget: z.boolean(), rows: z.array(budgetRow) })),
  /** One programme's (or the general) budget for a year; a null amount removes the cell. */
  'finance.saveBudget': method(
    z.strictObject({
      year,
      programmeId: id.nullable(),
      cells: z.array(z.strictObject({ categoryId: id, amountCents: budgetCents.nullable() })).max(500),
    }),
    z.object({ year: z.number().int(), hasBudget: z.boolean(), rows: z.array(budgetRow) }),
  ),
  'finance.overview': method(z.strictObject({ year, programmeId: programmeFilter }), overview),
  'finance.funders': method(z.strictObject({ year }), z.array(funderRow)),
  'finance.trainingCosts': method(z.strictObject({ year }), z.array(trainingCostRow)),
  'finance.exportJournal': method(z.strictObject({ year, format: exportFormat }), exportResult),

  'finance.valuationMethods': method(z.undefined().optional(), z.array(valuationMethod)),
  /** Refuses impossible rates; answers the warnings without saving unless `confirmed`. */
  'finance.saveValuationMethod': method(
    valuationMethodInput,
    z.object({ saved: z.boolean(), warnings: z.array(valuationWarning), methods: z.array(valuationMethod) }),
  ),
  'finance.deleteValuationMethod': method(z.strictObject({ effectiveYear: year }), z.array(valuationMethod)),
  'finance.valuation': method(z.strictObject({ year, programmeId: programmeFilter }), valuation),
  'finance.exportTimesheet': method(z.strictObject({ year, programmeId: programmeFilter, format: exportFormat }), exportResult),

  /** A page of the CEC list, most hours first, with how many people cross each threshold. */
  'finance.cec': method(
    z.strictObject({ year, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    z.object({
      year: z.number().int(),
      total: z.number().int(),
      counts: z.object({ both: z.number().int(), oneAssociation: z.number().int(), below: z.number().int() }),
      rows: z.array(cecRow),
    }),
  ),
  'finance.exportCec': method(z.strictObject({ year, format: exportFormat }), exportResult),
} satisfies Record<string, MethodSpec>;

import type { MethodSpec } from './define';

/** Expenses, income, budgets per programme, the journal for the accountant and the value of volunteer time. */
export const financeMethods = {} satisfies Record<string, MethodSpec>;

import type { MethodSpec } from './define';

/** Hour entries (attendance and manual), approval and the totals (the one definition, DESIGN §3). */
export const hoursMethods = {} satisfies Record<string, MethodSpec>;

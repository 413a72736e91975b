import type { MethodSpec } from '../define';

/** Events, series, programmes and the calendar. */
export const planningMethods = {} satisfies Record<string, MethodSpec>;

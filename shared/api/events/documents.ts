import type { MethodSpec } from '../define';

/** What leaves the app about events: the attendance sheet (PDF) and calendar files (iCal). */
export const documentsMethods = {} satisfies Record<string, MethodSpec>;

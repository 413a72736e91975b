import type { MethodSpec } from '../define';

/** Roles (shifts), assignments, suggestions and staffing warnings. */
export const staffingMethods = {} satisfies Record<string, MethodSpec>;

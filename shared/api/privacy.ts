import type { MethodSpec } from './define';

export const privacyMethods = {} satisfies Record<string, MethodSpec>;

import type { MethodSpec } from './define';

export const ioMethods = {} satisfies Record<string, MethodSpec>;

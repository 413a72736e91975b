import type { MethodSpec } from './define';

export const backupsMethods = {} satisfies Record<string, MethodSpec>;

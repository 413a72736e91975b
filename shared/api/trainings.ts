import type { MethodSpec } from './define';

/** The training catalogue, training sessions and the qualifications they give. */
export const trainingsMethods = {} satisfies Record<string, MethodSpec>;

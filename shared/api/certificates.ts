import type { MethodSpec } from './define';

/** Attestations, certificates and mission sheets: preview, issue, the registry of issued documents, milestones and batches. */
export const certificatesMethods = {} satisfies Record<string, MethodSpec>;

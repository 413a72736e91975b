import type { Input, MethodName, Output } from '../../../shared/api';
import type { RelaisError, Result } from '../../../shared/errors';

/** A failed call, carried through TanStack Query so screens can show the translated error. */
export class ApiError extends Error {
  constructor(readonly error: RelaisError) {
    super(error.code);
    this.name = 'ApiError';
  }
}

/**
 * Calls one contract method by name and unwraps its Result: resolves with the data, rejects with
 * an ApiError. The only place the renderer touches `window.relais`.
 */
export async function call<M extends MethodName>(method: M, input?: Input<M>): Promise<Output<M>> {
  const [domain, fn] = method.split('.') as [string, string];
  const api = window.relais as unknown as Record<string, Record<string, (i?: unknown) => Promise<Result<unknown>>>>;
  const result = await api[domain]![fn]!(input);
  if (!result.ok) throw new ApiError(result.error);
  return result.data as Output<M>;
}

/** Field issues of a VALIDATION error, keyed by dotted path, for forms to show under each field. */
export function fieldErrors(err: unknown): Record<string, { key: string; params?: Record<string, string | number> }> {
  if (!(err instanceof ApiError) || err.error.code !== 'VALIDATION') return {};
  const out: Record<string, { key: string; params?: Record<string, string | number> }> = {};
  for (const issue of err.error.details?.issues ?? []) {
    const path = issue.path.join('.');
    if (!(path in out)) out[path] = { key: issue.key, params: issue.params };
  }
  return out;
}

import { contract, type MethodName } from '../../shared/api';
import { fail, ok, RelaisFailure, type Result } from '../../shared/errors';
import type { Context } from './context';
import type { Handler, Handlers } from './handlers';
import { backupsHandlers } from './backups/backups.handlers';
import { certificatesHandlers } from './certificates/certificates.handlers';
import { eventsHandlers } from './events/events.handlers';
import { financeHandlers } from './finance/finance.handlers';
import { hoursHandlers } from './hours/hours.handlers';
import { ioHandlers } from './io/io.handlers';
import { privacyHandlers } from './privacy/privacy.handlers';
import { settingsHandlers } from './settings/settings.handlers';
import { trainingsHandlers } from './trainings/trainings.handlers';
import { volunteersHandlers } from './volunteers/volunteers.handlers';
import { toFieldIssues } from './validation';

/** The registry: contract method → handler. The compiler checks that every method has one. */
export const handlers: Handlers = {
  ...settingsHandlers,
  ...volunteersHandlers,
  ...backupsHandlers,
  ...ioHandlers,
  ...privacyHandlers,
  ...eventsHandlers,
  ...hoursHandlers,
  ...trainingsHandlers,
  ...financeHandlers,
  ...certificatesHandlers,
};

export interface DispatchOptions {
  /** Also check each answer against the contract (on in tests; the types already promise it). */
  checkOutputs?: boolean;
  onInternalError?: (method: string, error: unknown) => void;
}

const isMethod = (m: unknown): m is MethodName => typeof m === 'string' && Object.hasOwn(contract, m);

/**
 * Runs one call: parse the input with the contract, run the handler, answer with a Result.
 * Nothing throws out of here.
 */
export function createDispatch(getContext: () => Context, options: DispatchOptions = {}) {
  return async function dispatch(method: unknown, input?: unknown): Promise<Result<unknown>> {
    if (!isMethod(method)) return fail('UNKNOWN_METHOD');
    const spec = contract[method];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return fail('VALIDATION', { issues: toFieldIssues(parsed.error) });
    try {
      const handler = handlers[method] as Handler<MethodName>;
      const data = await handler(parsed.data as never, getContext());
      if (options.checkOutputs) spec.output.parse(data);
      return ok(data);
    } catch (error) {
      if (error instanceof RelaisFailure) return fail(error.code, error.details);
      options.onInternalError?.(method, error);
      return fail('INTERNAL');
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatch>;

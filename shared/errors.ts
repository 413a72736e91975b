/**
 * The closed list of error codes that cross the core boundary. The renderer turns each into a
 * translated sentence (`errors:<code>`); core never sends sentences.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'DATABASE_TOO_NEW',
  'DATABASE_INVALID',
  'SETUP_REQUIRED',
  'BACKUP_INVALID',
  'CANCELLED',
  'PLATFORM_UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field of an input. `key` names a message in the `validation` namespace. */
export interface FieldIssue {
  path: (string | number)[];
  key: string;
  params?: Record<string, string | number>;
}

export interface RelaisError {
  code: ErrorCode;
  /** Field issues for VALIDATION; free, non-sentence facts (ids, versions) for the others. */
  details?: { issues?: FieldIssue[] } & Record<string, unknown>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: RelaisError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, details?: RelaisError['details']): Result<never> => ({
  ok: false,
  error: details ? { code, details } : { code },
});

/** Thrown inside core services; dispatch turns it into a failed Result. */
export class RelaisFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: RelaisError['details'],
  ) {
    super(code);
    this.name = 'RelaisFailure';
  }
}

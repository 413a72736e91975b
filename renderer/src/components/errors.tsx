import { Alert } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ERROR_CODES, type ErrorCode } from '../../../shared/errors';
import { ApiError, fieldErrors } from '../lib/api';

// Keys built at run time (an error code, a validation key) cannot be checked by the typed `t`;
// this loose view is used only for those, with a known fallback.
type LooseT = (key: string, options?: Record<string, unknown>) => string;
/** Any `t`, whatever namespaces it was typed for. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyT = (...args: any[]) => any;
const loose = (t: AnyT): LooseT => t as LooseT;

/** The error code of anything a call can throw; unknown failures count as INTERNAL. */
export function errorCode(err: unknown): ErrorCode {
  if (err instanceof ApiError && (ERROR_CODES as readonly string[]).includes(err.error.code)) return err.error.code;
  return 'INTERNAL';
}

/**
 * One translated sentence for a failed call, never a raw code or stack: the sentence for its
 * reason when core gave one that has its own (`errors:reasons.<reason>`), else for its code.
 */
export function translateError(t: AnyT, err: unknown): string {
  const tt = loose(t);
  const general = tt(`errors:${errorCode(err)}`);
  const reason = err instanceof ApiError ? err.error.details?.['reason'] : undefined;
  return typeof reason === 'string' ? tt(`errors:reasons.${reason}`, { defaultValue: general }) : general;
}

/** A validation message (`validation:<key>`), falling back to the generic "not valid". */
export function translateIssue(t: AnyT, issue: { key: string; params?: Record<string, string | number> }): string {
  const tt = loose(t);
  return tt(`validation:${issue.key}`, { ...issue.params, defaultValue: tt('validation:invalid') });
}

export interface FieldErrors {
  /** The translated message for a field (dotted path, e.g. `siret` or `options.0`), if any. */
  (path: string): string | undefined;
  /** Every field path that has an issue. */
  paths: string[];
  /** Whether any issue starts with this path (for groups such as `options`). */
  has: (prefix: string) => boolean;
}

/** Translated field messages from a VALIDATION ApiError, for forms to show under each field. */
export function useFieldErrors(err: unknown): FieldErrors {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const issues = fieldErrors(err);
    const fn = ((path: string) => {
      const issue = issues[path];
      return issue ? translateIssue(t, issue) : undefined;
    }) as FieldErrors;
    fn.paths = Object.keys(issues);
    fn.has = (prefix: string) => fn.paths.some((p) => p === prefix || p.startsWith(`${prefix}.`));
    return fn;
    // i18n.language: messages follow a live language switch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [err, t, i18n.language]);
}

/** A calm red box with the translated error of a failed call; renders nothing when there is none. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      {translateError(t, error)}
    </Alert>
  );
}

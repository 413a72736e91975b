import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../../lib/api';
import { translateError, translateIssue, type AnyT } from '../../components/errors';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/**
 * Certificates have reasons of their own (no hours in the period, a folder that cannot be
 * written, a batch already running…): their sentences live in `certificates:errors`, and
 * anything else falls back to the shared messages.
 */
export function certificateError(t: AnyT, err: unknown): string {
  const tt = t as LooseT;
  const details = err instanceof ApiError ? err.error.details : undefined;
  const reason = details?.['reason'];
  if (typeof reason === 'string') {
    const names = Array.isArray(details?.['volunteers']) ? (details['volunteers'] as { name: string }[]).map((v) => v.name).join(', ') : '';
    const text = tt(`certificates:errors.${reason}`, { defaultValue: '', names, count: Number(details?.['count'] ?? 0), path: String(details?.['path'] ?? '') });
    if (text) return text;
  }
  return translateError(t, err);
}

/** Field messages: the certificates' own keys first (`certificates:issues.<key>`), then the shared ones. */
export function certificateFieldErrors(t: AnyT, err: unknown): Record<string, string> {
  const tt = t as LooseT;
  const out: Record<string, string> = {};
  for (const [path, issue] of Object.entries(fieldErrors(err))) {
    out[path] = tt(`certificates:issues.${issue.key}`, { ...issue.params, defaultValue: translateIssue(t, issue) });
  }
  return out;
}

/** An error notification with the certificates' own sentences (see `certificateError`). */
export function useCertificateErrorNotice() {
  const { t } = useTranslation();
  return useCallback(
    (err: unknown) =>
      notifications.show({ color: 'red', message: certificateError(t, err), autoClose: 8000, closeButtonProps: { 'aria-label': t('actions.close') } }),
    [t],
  );
}

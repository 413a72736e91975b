import { REFUSAL_REASONS, type RefusalReasonName } from '../../../../shared/api';
import { translateError, type AnyT } from '../../components/errors';
import { ApiError } from '../../lib/api';

/** Why a backup or restore failed, in the person's words: each refusal has its own sentence. */
export function backupReason(err: unknown): RefusalReasonName | 'demo' | 'busy' | 'folder' | null {
  if (!(err instanceof ApiError)) return null;
  const reason = err.error.details?.reason;
  if (err.error.code === 'BACKUP_INVALID' && (REFUSAL_REASONS as readonly unknown[]).includes(reason)) return reason as RefusalReasonName;
  if (err.error.code === 'CONFLICT') {
    if (reason === 'demo-mode') return 'demo';
    if (reason === 'backup-busy') return 'busy';
    if (reason === 'folder-is-data-folder') return 'folder';
  }
  return null;
}

export function backupErrorMessage(t: AnyT, err: unknown): string {
  const reason = backupReason(err);
  return reason ? String(t(`backups:errors.${reason}`)) : translateError(t, err);
}

export const isCancelled = (err: unknown) => err instanceof ApiError && err.error.code === 'CANCELLED';

/** A file size in the person's language (« 1,5 Mo », "1.5 MB"). */
export function formatBytes(bytes: number, locale: string): string {
  const [unit, value] = bytes >= 1024 * 1024 ? ['megabyte', bytes / 1024 / 1024] : ['kilobyte', Math.max(1, bytes / 1024)];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

/** A rough strength for a passphrase: length counts most, several words and mixed characters help. */
export function passphraseStrength(p: string): 'weak' | 'fair' | 'good' | 'strong' {
  const words = p.trim().split(/[\s\-_.]+/).filter((w) => w.length >= 3).length;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d\s]/].filter((re) => re.test(p)).length;
  const score = p.length + (words >= 3 ? 6 : 0) + (words >= 4 ? 4 : 0) + kinds * 2;
  if (p.length < 12 || score < 18) return 'weak';
  if (score < 24) return 'fair';
  if (score < 32) return 'good';
  return 'strong';
}

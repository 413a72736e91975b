import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { BackupStatus, Input } from '../../../../shared/api';
import { call } from '../../lib/api';

export const STATUS_KEY = ['backups', 'status'] as const;
const PROGRESS_KEY = ['backups', 'progress'] as const;

export function useBackupStatus() {
  return useQuery({ queryKey: STATUS_KEY, queryFn: () => call('backups.status') });
}

const setStatus = (qc: QueryClient) => (status: BackupStatus) => qc.setQueryData(STATUS_KEY, status);

/** The running job's progress, asked for a few times a second while `active`. */
export function useJobProgress(active: boolean) {
  return useQuery({
    queryKey: PROGRESS_KEY,
    queryFn: () => call('backups.progress'),
    enabled: active,
    refetchInterval: active ? 200 : false,
  });
}

export function useCancelJob() {
  return useMutation({ mutationFn: () => call('backups.cancel') });
}

export function useCreateBackup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'backups.create'>) => call('backups.create', input),
    onSettled: () => qc.invalidateQueries({ queryKey: STATUS_KEY }),
  });
}

export function useInspectBackup() {
  return useMutation({ mutationFn: (input: Input<'backups.inspect'>) => call('backups.inspect', input) });
}

/**
 * A restore (or its undo) replaces the whole database: every cached answer is stale. They are
 * refetched in place (not reset), so the screen stays up while the new data arrives.
 */
function afterSwap(qc: QueryClient, status: BackupStatus) {
  qc.setQueryData(STATUS_KEY, status);
  void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== STATUS_KEY[0] || q.queryKey[1] !== STATUS_KEY[1] });
}

export function useRestoreBackup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'backups.restore'>) => call('backups.restore', input),
    onSuccess: (status) => afterSwap(qc, status),
  });
}

export function useUndoRestore() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => call('backups.undoRestore'), onSuccess: (status) => afterSwap(qc, status) });
}

export function useChooseFolder() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => call('backups.chooseFolder'), onSuccess: setStatus(qc) });
}

export function useSaveBackupSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'backups.saveSettings'>) => call('backups.saveSettings', input),
    onSuccess: setStatus(qc),
  });
}

export function useDismissRecovery() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => call('backups.dismissRecovery'), onSuccess: (status) => afterSwap(qc, status) });
}

export function useShowBackup() {
  return useMutation({ mutationFn: (input: Input<'backups.show'>) => call('backups.show', input) });
}

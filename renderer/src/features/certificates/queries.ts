import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../../shared/api';
import { call } from '../../lib/api';

const ROOT = 'certificates';

export function useCertificateSettings() {
  return useQuery({ queryKey: [ROOT, 'settings'], queryFn: () => call('certificates.settings') });
}

export function useSaveCertificateSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'certificates.saveSettings'>) => call('certificates.saveSettings', input),
    onSuccess: (data) => {
      qc.setQueryData([ROOT, 'settings'], data);
      void qc.invalidateQueries({ queryKey: [ROOT, 'due'] });
    },
  });
}

export function useDraft(request: Input<'certificates.draft'> | null) {
  return useQuery({
    queryKey: [ROOT, 'draft', request],
    queryFn: () => call('certificates.draft', request!),
    enabled: request !== null,
    // A draft is a starting point the person edits: never refetched behind their back.
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

export function usePreview(draft: Input<'certificates.preview'> | null) {
  return useQuery({
    queryKey: [ROOT, 'preview', draft],
    queryFn: () => call('certificates.preview', draft!),
    enabled: draft !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Anything issued changes the registry and the due list. */
const afterIssue = (qc: ReturnType<typeof useQueryClient>) => {
  void qc.invalidateQueries({ queryKey: [ROOT, 'list'] });
  void qc.invalidateQueries({ queryKey: [ROOT, 'due'] });
  void qc.invalidateQueries({ queryKey: [ROOT, 'preview'] });
};

export function useIssue() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (draft: Input<'certificates.issue'>) => call('certificates.issue', draft), onSettled: () => afterIssue(qc) });
}

export function useBatch() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: Input<'certificates.batch'>) => call('certificates.batch', input), onSettled: () => afterIssue(qc) });
}

/** The running batch, asked for a few times a second while `active`. */
export function useBatchProgress(active: boolean) {
  return useQuery({ queryKey: [ROOT, 'progress'], queryFn: () => call('certificates.progress'), enabled: active, refetchInterval: active ? 250 : false });
}

export function useCancelBatch() {
  return useMutation({ mutationFn: () => call('certificates.cancel') });
}

export function useDue() {
  return useQuery({ queryKey: [ROOT, 'due'], queryFn: () => call('certificates.due') });
}

export function useRegistry(input: Input<'certificates.list'>) {
  return useQuery({ queryKey: [ROOT, 'list', input], queryFn: () => call('certificates.list', input), placeholderData: keepPreviousData });
}

export function useIssuedView(id: number | null) {
  return useQuery({ queryKey: [ROOT, 'view', id], queryFn: () => call('certificates.view', { id: id! }), enabled: id !== null, retry: false });
}

export function useReprint() {
  return useMutation({ mutationFn: (id: number) => call('certificates.reprint', { id }) });
}

export function useExportRegistry() {
  return useMutation({ mutationFn: (input: Input<'certificates.export'>) => call('certificates.export', input) });
}

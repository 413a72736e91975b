import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../../shared/api';
import { call } from '../../lib/api';

export const privacyKeys = {
  all: ['privacy'] as const,
  status: (id: number) => ['privacy', 'status', id] as const,
  consent: (input: Input<'privacy.consentOverview'>) => ['privacy', 'consent', input] as const,
  retention: (input: Input<'privacy.retention'>) => ['privacy', 'retention', input] as const,
  log: ['privacy', 'log'] as const,
};

export function usePersonStatus(id: number) {
  return useQuery({ queryKey: privacyKeys.status(id), queryFn: () => call('privacy.personStatus', { id }) });
}

export function useConsentOverview(input: Input<'privacy.consentOverview'>) {
  return useQuery({ queryKey: privacyKeys.consent(input), queryFn: () => call('privacy.consentOverview', input), placeholderData: keepPreviousData });
}

export function useRetention(input: Input<'privacy.retention'>) {
  return useQuery({ queryKey: privacyKeys.retention(input), queryFn: () => call('privacy.retention', input), placeholderData: keepPreviousData });
}

export function useErasureLog() {
  return useQuery({ queryKey: privacyKeys.log, queryFn: () => call('privacy.erasureLog') });
}

/** An erasure changes records everywhere: every volunteer and privacy answer is refetched. */
export function useErase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) => (ids.length === 1 ? call('privacy.erase', { id: ids[0]! }) : call('privacy.eraseMany', { ids })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['volunteers'] });
      void qc.invalidateQueries({ queryKey: privacyKeys.all });
    },
  });
}

export function useExportPerson() {
  return useMutation({ mutationFn: (id: number) => call('privacy.exportPerson', { id }) });
}

export function useSetRetentionYears() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (years: number) => call('privacy.setRetentionYears', { years }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['privacy', 'retention'] }),
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DuplicatePolicy, ImportPreset, ImportTarget, Input } from '../../../../shared/api';
import { call } from '../../lib/api';

export interface ImportChoices {
  token: string;
  /** null: the mapping core suggests for the preset. */
  mapping: (ImportTarget | null)[] | null;
  preset: ImportPreset | null;
  duplicates: DuplicatePolicy;
}

const PREVIEW_ROWS = 50;

/** The preview for the current choices; the previous one stays on screen while the next is computed. */
export function usePreview(choices: ImportChoices | null) {
  return useQuery({
    queryKey: ['io', 'preview', choices] as const,
    queryFn: async () => ({
      token: choices!.token,
      ...(await call('io.previewImport', {
        token: choices!.token,
        duplicates: choices!.duplicates,
        limit: PREVIEW_ROWS,
        ...(choices!.mapping ? { mapping: choices!.mapping } : {}),
        ...(choices!.preset ? { preset: choices!.preset } : {}),
      })),
    }),
    enabled: choices !== null,
    placeholderData: keepPreviousData,
    // A preview is a snapshot of the registry: it is computed again when asked, never in the background.
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

export function useChooseFile() {
  return useMutation({ mutationFn: () => call('io.chooseImportFile') });
}

export function useDiscard() {
  return useMutation({ mutationFn: (token: string) => call('io.discardImport', { token }) });
}

export function useRunImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'io.runImport'>) => call('io.runImport', input),
    onSettled: () => {
      // New people: every list, count and search answer is out of date.
      void qc.invalidateQueries({ queryKey: ['volunteers'] });
      void qc.invalidateQueries({ queryKey: ['io', 'preview'] });
    },
  });
}

export function useExportVolunteers() {
  return useMutation({ mutationFn: (input: Input<'io.exportVolunteers'>) => call('io.exportVolunteers', input) });
}

export function useExportTables() {
  return useMutation({ mutationFn: (input: Input<'io.exportTables'>) => call('io.exportTables', input) });
}

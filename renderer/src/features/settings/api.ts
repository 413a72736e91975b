import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Input, SettingsView } from '../../../../shared/api';
import { call } from '../../lib/api';

/** Everything the shell needs at start-up: language, association identity, mode, custom fields. */
export const SETTINGS_KEY = ['settings'] as const;
/** The whole skills catalogue, archived ones included (same key and answer as the volunteers screens). */
export const SKILLS_KEY = ['volunteers', 'skills'] as const;

export function useSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => call('settings.get') });
}

/** The settings inside the shell, where the start-up gate guarantees they are loaded. */
export function useSettingsView(): SettingsView {
  const { data } = useSettings();
  if (!data) throw new Error('useSettingsView used before settings were loaded');
  return data;
}

const setView = (qc: QueryClient) => (view: SettingsView) => qc.setQueryData(SETTINGS_KEY, view);

export function useSaveAssociation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'settings.saveAssociation'>) => call('settings.saveAssociation', input),
    onSuccess: setView(qc),
  });
}

export function useSetLanguage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'settings.setLanguage'>) => call('settings.setLanguage', input),
    onSuccess: setView(qc),
  });
}

export function useSetTimeZone() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'settings.setTimeZone'>) => call('settings.setTimeZone', input),
    onSuccess: setView(qc),
  });
}

/**
 * Opening or leaving the sample data swaps the whole database: every cached answer belongs to the
 * other one, so all queries but the settings (already fresh) start again.
 */
function swapDatabase(qc: QueryClient, view: SettingsView) {
  qc.setQueryData(SETTINGS_KEY, view);
  void qc.resetQueries({ predicate: (q) => q.queryKey[0] !== SETTINGS_KEY[0] });
}

export function useOpenDemo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call('settings.openDemo'),
    onSuccess: (view) => swapDatabase(qc, view),
  });
}

export function useCloseDemo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call('settings.closeDemo'),
    onSuccess: (view) => swapDatabase(qc, view),
  });
}

export function useSaveCustomField() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'settings.saveCustomField'>) => call('settings.saveCustomField', input),
    // Custom fields travel with the settings view; volunteer forms read them from there.
    onSuccess: () => qc.invalidateQueries({ queryKey: SETTINGS_KEY }),
  });
}

export function useArchiveCustomField() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'settings.archiveCustomField'>) => call('settings.archiveCustomField', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: SETTINGS_KEY }),
  });
}

export function useSkillsCatalogue() {
  return useQuery({ queryKey: SKILLS_KEY, queryFn: () => call('volunteers.listSkills', { includeArchived: true }) });
}

// Skills also appear in volunteer profiles and filters: everything under `volunteers` refreshes.
const invalidateSkills = (qc: QueryClient) => qc.invalidateQueries({ queryKey: ['volunteers'] });

export function useSaveSkill() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'volunteers.saveSkill'>) => call('volunteers.saveSkill', input),
    onSuccess: () => invalidateSkills(qc),
  });
}

export function useArchiveSkill() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<'volunteers.archiveSkill'>) => call('volunteers.archiveSkill', input),
    onSuccess: () => invalidateSkills(qc),
  });
}

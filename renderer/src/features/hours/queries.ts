import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Output } from '../../../../shared/api';
import { call } from '../../lib/api';

export const hourKeys = {
  all: ['hours'] as const,
  list: (input: Input<'hours.list'>) => ['hours', 'list', input] as const,
  totals: (input: Input<'hours.totals'>) => ['hours', 'totals', input] as const,
  summary: (volunteerId: number) => ['hours', 'summary', volunteerId] as const,
};

/** Attendance answers carry hours too: they are refetched whenever hours change, and the other way round. */
export const attendanceKey = (eventId: number) => ['events', 'attendance', eventId] as const;

export type HourEntryOut = Output<'hours.list'>['rows'][number];

export function useHourList(input: Input<'hours.list'>) {
  return useQuery({ queryKey: hourKeys.list(input), queryFn: () => call('hours.list', input), placeholderData: keepPreviousData });
}

export function useHourTotals(input: Input<'hours.totals'>) {
  return useQuery({ queryKey: hourKeys.totals(input), queryFn: () => call('hours.totals', input), placeholderData: keepPreviousData });
}

export function useVolunteerHours(volunteerId: number) {
  return useQuery({ queryKey: hourKeys.summary(volunteerId), queryFn: () => call('hours.volunteerSummary', { volunteerId }) });
}

export function useProgrammes() {
  return useQuery({ queryKey: ['events', 'programmes'], queryFn: () => call('events.listProgrammes', { includeArchived: true }) });
}

/** Every change to hours refreshes every hour figure on screen (lists, totals, summaries, attendance). */
export function useRefreshHours() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: hourKeys.all });
    void qc.invalidateQueries({ queryKey: ['events', 'attendance'] });
  };
}

export function useHourMutations() {
  const refresh = useRefreshHours();
  return {
    create: useMutation({ mutationFn: (input: Input<'hours.create'>) => call('hours.create', input), onSuccess: refresh }),
    update: useMutation({ mutationFn: (input: Input<'hours.update'>) => call('hours.update', input), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: number) => call('hours.remove', { id }), onSuccess: refresh }),
    approve: useMutation({ mutationFn: (ids: number[]) => call('hours.approve', { ids }), onSuccess: refresh }),
    reject: useMutation({ mutationFn: (ids: number[]) => call('hours.reject', { ids }), onSuccess: refresh }),
  };
}

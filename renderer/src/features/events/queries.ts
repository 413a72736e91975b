import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Output } from '../../../../shared/api';
import { call } from '../../lib/api';

/** Query keys of planning: every write refreshes the whole `events` family (calendars, pages, staffing). */
export const eventKeys = {
  all: ['events'] as const,
  calendar: (from: string, to: string, perDay: number | null) => ['events', 'calendar', from, to, perDay] as const,
  upcoming: (limit: number) => ['events', 'upcoming', limit] as const,
  detail: (id: number) => ['events', 'detail', id] as const,
  series: (id: number) => ['events', 'series', id] as const,
  programmes: (includeArchived: boolean) => ['events', 'programmes', includeArchived] as const,
  preview: (input: unknown) => ['events', 'preview', input] as const,
  facilitators: (query: string) => ['events', 'facilitatorSearch', query] as const,
};

export type EventOut = Output<'events.get'>;
export type SeriesOut = Output<'events.getSeries'>;
export type CalendarRow = Output<'events.calendar'>['events'][number];

/** `perDay`: the month view asks for the first few events of each day and every day's total. */
export function useCalendar(from: string, to: string, perDay: number | null = null) {
  return useQuery({
    queryKey: eventKeys.calendar(from, to, perDay),
    queryFn: () => call('events.calendar', { from, to, perDay }),
    placeholderData: keepPreviousData,
  });
}

export function useUpcoming(limit: number) {
  return useQuery({ queryKey: eventKeys.upcoming(limit), queryFn: () => call('events.upcoming', { limit }), placeholderData: keepPreviousData });
}

export function useEvent(id: number | null) {
  return useQuery({ queryKey: eventKeys.detail(id ?? 0), queryFn: () => call('events.get', { id: id! }), enabled: id !== null });
}

export function useSeries(id: number | null) {
  return useQuery({ queryKey: eventKeys.series(id ?? 0), queryFn: () => call('events.getSeries', { id: id! }), enabled: id !== null });
}

export function useProgrammes(includeArchived = false) {
  return useQuery({ queryKey: eventKeys.programmes(includeArchived), queryFn: () => call('events.listProgrammes', { includeArchived }) });
}

/** Writes of planning; each refreshes what shows events. */
export function usePlanningMutations() {
  const qc = useQueryClient();
  const onSuccess = () => void qc.invalidateQueries({ queryKey: eventKeys.all });
  return {
    create: useMutation({ mutationFn: (input: Input<'events.create'>) => call('events.create', input), onSuccess }),
    update: useMutation({ mutationFn: (input: Input<'events.update'>) => call('events.update', input), onSuccess }),
    cancel: useMutation({ mutationFn: (id: number) => call('events.cancel', { id }), onSuccess }),
    restore: useMutation({ mutationFn: (id: number) => call('events.restore', { id }), onSuccess }),
    createSeries: useMutation({ mutationFn: (input: Input<'events.createSeries'>) => call('events.createSeries', input), onSuccess }),
    updateSeries: useMutation({ mutationFn: (input: Input<'events.updateSeries'>) => call('events.updateSeries', input), onSuccess }),
  };
}

export function useProgrammeMutations() {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: eventKeys.all });
  return {
    create: useMutation({ mutationFn: (name: string) => call('events.createProgramme', { name }), onSuccess: refresh }),
    rename: useMutation({ mutationFn: (input: { id: number; name: string }) => call('events.renameProgramme', input), onSuccess: refresh }),
    archive: useMutation({ mutationFn: (input: { id: number; archived: boolean }) => call('events.archiveProgramme', input), onSuccess: refresh }),
  };
}

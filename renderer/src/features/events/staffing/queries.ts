import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Output } from '../../../../../shared/api';
import { call } from '../../../lib/api';

/** Staffing answers live under `events` so any planning write refreshes them too. */
export const staffingKeys = {
  staffing: (eventId: number) => ['events', 'staffing', eventId] as const,
  suggestions: (roleId: number, limit: number) => ['events', 'suggestions', roleId, limit] as const,
  unfilled: (offset: number, limit: number) => ['events', 'unfilled', offset, limit] as const,
  people: (query: string) => ['events', 'staffingSearch', query] as const,
};

export type StaffingOut = Output<'events.staffing'>;
export type StaffingRoleOut = StaffingOut['roles'][number];
export type SuggestionOut = Output<'events.suggest'>['suggestions'][number];

export function useStaffing(eventId: number) {
  return useQuery({ queryKey: staffingKeys.staffing(eventId), queryFn: () => call('events.staffing', { eventId }) });
}

export function useSuggestions(roleId: number, limit: number, enabled: boolean) {
  return useQuery({ queryKey: staffingKeys.suggestions(roleId, limit), queryFn: () => call('events.suggest', { roleId, limit }), enabled });
}

export function useUnfilledRoles(offset: number, limit: number) {
  return useQuery({ queryKey: staffingKeys.unfilled(offset, limit), queryFn: () => call('events.unfilledRoles', { offset, limit }) });
}

/**
 * Staffing writes. Each refreshes every `events` answer: the panel, suggestions (someone assigned
 * leaves them), unfilled roles, calendars and schedules.
 */
export function useStaffingMutations() {
  const qc = useQueryClient();
  const onSuccess = () => void qc.invalidateQueries({ queryKey: ['events'] });
  return {
    addRole: useMutation({ mutationFn: (input: Input<'events.addRole'>) => call('events.addRole', input), onSuccess }),
    updateRole: useMutation({ mutationFn: (input: Input<'events.updateRole'>) => call('events.updateRole', input), onSuccess }),
    removeRole: useMutation({ mutationFn: (input: Input<'events.removeRole'>) => call('events.removeRole', input), onSuccess }),
    assign: useMutation({ mutationFn: (input: Input<'events.assign'>) => call('events.assign', input), onSuccess }),
    unassign: useMutation({ mutationFn: (input: Input<'events.unassign'>) => call('events.unassign', input), onSuccess }),
  };
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../../shared/api';
import { call } from '../../lib/api';

export const trainingKeys = {
  all: ['trainings'] as const,
  catalogue: ['trainings', 'catalogue'] as const,
  sessions: (input: Input<'trainings.listSessions'>) => ['trainings', 'sessions', input] as const,
  session: (eventId: number) => ['trainings', 'session', eventId] as const,
  expiring: ['trainings', 'expiring'] as const,
  expired: ['trainings', 'expired'] as const,
  volunteer: (volunteerId: number) => ['trainings', 'volunteer', volunteerId] as const,
};

/** The whole catalogue, archived trainings included: a session or a qualification may name one. */
export function useCatalogue() {
  return useQuery({ queryKey: trainingKeys.catalogue, queryFn: () => call('trainings.list', { includeArchived: true }) });
}

export function useSessions(input: Input<'trainings.listSessions'> = {}) {
  return useQuery({ queryKey: trainingKeys.sessions(input), queryFn: () => call('trainings.listSessions', input), placeholderData: keepPreviousData });
}

export function useSession(eventId: number | null) {
  return useQuery({ queryKey: trainingKeys.session(eventId ?? 0), queryFn: () => call('trainings.getSession', { eventId: eventId! }), enabled: eventId !== null });
}

export function useExpiring() {
  return useQuery({ queryKey: trainingKeys.expiring, queryFn: () => call('trainings.expiring', {}) });
}

export function useExpired() {
  return useQuery({ queryKey: trainingKeys.expired, queryFn: () => call('trainings.expired', {}) });
}

export function useVolunteerTrainings(volunteerId: number) {
  return useQuery({ queryKey: trainingKeys.volunteer(volunteerId), queryFn: () => call('trainings.forVolunteer', { volunteerId }) });
}

export function useProgrammes() {
  return useQuery({ queryKey: ['events', 'programmes'], queryFn: () => call('events.listProgrammes', {}) });
}

/**
 * Every trainings write refreshes every trainings answer (lists, counts, a volunteer's record) and
 * the events, since a session is an event.
 */
function useRefresh() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: trainingKeys.all });
    void qc.invalidateQueries({ queryKey: ['events'] });
  };
}

export function useTrainingMutations() {
  const refresh = useRefresh();
  return {
    save: useMutation({ mutationFn: (input: Input<'trainings.save'>) => call('trainings.save', input), onSuccess: refresh }),
    archive: useMutation({ mutationFn: (input: Input<'trainings.archive'>) => call('trainings.archive', input), onSuccess: refresh }),
  };
}

export function useSessionMutations() {
  const refresh = useRefresh();
  return {
    create: useMutation({ mutationFn: (input: Input<'trainings.createSession'>) => call('trainings.createSession', input), onSuccess: refresh }),
    update: useMutation({ mutationFn: (input: Input<'trainings.updateSession'>) => call('trainings.updateSession', input), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (eventId: number) => call('trainings.deleteSession', { eventId }), onSuccess: refresh }),
    complete: useMutation({ mutationFn: (input: Input<'trainings.completeSession'>) => call('trainings.completeSession', input), onSuccess: refresh }),
    reopen: useMutation({ mutationFn: (eventId: number) => call('trainings.reopenSession', { eventId }), onSuccess: refresh }),
  };
}

export function useQualificationMutations() {
  const refresh = useRefresh();
  return {
    add: useMutation({ mutationFn: (input: Input<'trainings.addQualification'>) => call('trainings.addQualification', input), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: number) => call('trainings.deleteQualification', { id }), onSuccess: refresh }),
  };
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, Output } from '../../../../shared/api';
import { call } from '../../lib/api';
import type { ListQuery } from './listState';

/** Rows fetched per call while scrolling; the contract allows up to 500. */
export const PAGE_SIZE = 200;

export const volunteerKeys = {
  all: ['volunteers'] as const,
  lists: ['volunteers', 'list'] as const,
  page: (q: ListQuery, page: number) => ['volunteers', 'list', q, page] as const,
  detail: (id: number) => ['volunteers', 'detail', id] as const,
  skills: ['volunteers', 'skills'] as const,
  duplicates: (input: Input<'volunteers.findDuplicates'>) => ['volunteers', 'duplicates', input] as const,
};

export const settingsKey = ['settings'] as const;

export const listPageOptions = (q: ListQuery, page: number) => ({
  queryKey: volunteerKeys.page(q, page),
  queryFn: () => call('volunteers.list', { ...q, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
});

/** The first page of a result set: gives the total; keeps the previous rows while the next search runs. */
export function useFirstPage(q: ListQuery) {
  return useQuery({ ...listPageOptions(q, 0), placeholderData: keepPreviousData });
}

export function useVolunteer(id: number | null) {
  return useQuery({
    queryKey: volunteerKeys.detail(id ?? 0),
    queryFn: () => call('volunteers.get', { id: id! }),
    enabled: id !== null,
  });
}

export function useSkills() {
  return useQuery({
    queryKey: volunteerKeys.skills,
    // Archived skills too: a record may still carry one, and it must keep its name.
    queryFn: () => call('volunteers.listSkills', { includeArchived: true }),
  });
}

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => call('settings.get') });
}

export type VolunteerOut = Output<'volunteers.get'>;

/** Create, update, archive, unarchive: each refreshes every volunteer query when it succeeds. */
export function useVolunteerMutations() {
  const qc = useQueryClient();
  const done = (v: VolunteerOut) => {
    qc.setQueryData(volunteerKeys.detail(v.id), v);
    void qc.invalidateQueries({ queryKey: volunteerKeys.lists });
    void qc.invalidateQueries({ queryKey: volunteerKeys.skills });
  };
  return {
    create: useMutation({ mutationFn: (data: Input<'volunteers.create'>) => call('volunteers.create', data), onSuccess: done }),
    update: useMutation({ mutationFn: (input: Input<'volunteers.update'>) => call('volunteers.update', input), onSuccess: done }),
    archive: useMutation({ mutationFn: (id: number) => call('volunteers.archive', { id }), onSuccess: done }),
    unarchive: useMutation({ mutationFn: (id: number) => call('volunteers.unarchive', { id }), onSuccess: done }),
  };
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../../shared/api';
import { call } from '../../lib/api';

/** Rows fetched per call while the list of lines scrolls. */
export const LINES_PAGE = 200;

export const financeKeys = {
  all: ['finance'] as const,
  options: ['finance', 'options'] as const,
  lines: ['finance', 'lines'] as const,
  linesPage: (q: Omit<Input<'finance.listLines'>, 'offset' | 'limit'>, page: number) => ['finance', 'lines', q, page] as const,
  overview: (input: Input<'finance.overview'>) => ['finance', 'overview', input] as const,
  budget: (input: Input<'finance.budget'>) => ['finance', 'budget', input] as const,
  funders: (year: number) => ['finance', 'funders', year] as const,
  trainingCosts: (year: number) => ['finance', 'trainingCosts', year] as const,
  methods: ['finance', 'methods'] as const,
  valuation: (input: Input<'finance.valuation'>) => ['finance', 'valuation', input] as const,
  cec: (input: Input<'finance.cec'>) => ['finance', 'cec', input] as const,
  events: (input: Input<'finance.findEvents'>) => ['finance', 'events', input] as const,
};

export function useFinanceOptions() {
  return useQuery({ queryKey: financeKeys.options, queryFn: () => call('finance.options') });
}

export const linesPageOptions = (q: Omit<Input<'finance.listLines'>, 'offset' | 'limit'>, page: number) => ({
  queryKey: financeKeys.linesPage(q, page),
  queryFn: () => call('finance.listLines', { ...q, offset: page * LINES_PAGE, limit: LINES_PAGE }),
});

export function useLinesFirstPage(q: Omit<Input<'finance.listLines'>, 'offset' | 'limit'>) {
  return useQuery({ ...linesPageOptions(q, 0), placeholderData: keepPreviousData });
}

export function useOverview(input: Input<'finance.overview'>) {
  return useQuery({ queryKey: financeKeys.overview(input), queryFn: () => call('finance.overview', input), placeholderData: keepPreviousData });
}

export function useBudget(input: Input<'finance.budget'>) {
  return useQuery({ queryKey: financeKeys.budget(input), queryFn: () => call('finance.budget', input) });
}

export function useFunders(year: number) {
  return useQuery({ queryKey: financeKeys.funders(year), queryFn: () => call('finance.funders', { year }) });
}

export function useTrainingCosts(year: number) {
  return useQuery({ queryKey: financeKeys.trainingCosts(year), queryFn: () => call('finance.trainingCosts', { year }) });
}

export function useValuationMethods() {
  return useQuery({ queryKey: financeKeys.methods, queryFn: () => call('finance.valuationMethods') });
}

export function useValuation(input: Input<'finance.valuation'>) {
  return useQuery({ queryKey: financeKeys.valuation(input), queryFn: () => call('finance.valuation', input), placeholderData: keepPreviousData });
}

export function useCec(input: Input<'finance.cec'>) {
  return useQuery({ queryKey: financeKeys.cec(input), queryFn: () => call('finance.cec', input), placeholderData: keepPreviousData });
}

export function useFindEvents(input: Input<'finance.findEvents'>, enabled: boolean) {
  return useQuery({ queryKey: financeKeys.events(input), queryFn: () => call('finance.findEvents', input), enabled, placeholderData: keepPreviousData });
}

/** Any change to money, budgets, categories or the method refreshes every finance figure. */
export function useFinanceMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  // Not awaited: the caller's own onSuccess (a notification, closing a form) runs at once, even if
  // the refreshed data then re-renders the form it came from.
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: financeKeys.all }) });
}

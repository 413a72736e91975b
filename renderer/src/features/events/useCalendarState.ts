import { useSearchParams } from 'react-router';
import { today } from './dates';

export const VIEWS = ['month', 'week', 'upcoming', 'unfilled', 'programmes'] as const;
export type View = (typeof VIEWS)[number];

/**
 * The calendar's view and the day it shows, kept in the URL (`?view=week&date=2026-03-03`) so Back
 * and a reload return to the same place. Month is the default view, today the default day.
 */
export function useCalendarState(): { view: View; date: string; go: (next: { view?: View; date?: string }) => void } {
  const [params, setParams] = useSearchParams();
  const rawView = params.get('view');
  const view = (VIEWS as readonly string[]).includes(rawView ?? '') ? (rawView as View) : 'month';
  const rawDate = params.get('date') ?? '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(rawDate) && !Number.isNaN(Date.parse(rawDate)) ? rawDate : today();
  const go = (next: { view?: View; date?: string }) => {
    const v = next.view ?? view;
    const d = next.date ?? date;
    const out: Record<string, string> = {};
    if (v !== 'month') out.view = v;
    if (d !== today()) out.date = d;
    setParams(out, { replace: true });
  };
  return { view, date, go };
}

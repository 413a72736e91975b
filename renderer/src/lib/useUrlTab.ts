import { useSearchParams } from 'react-router';

/**
 * The open tab of a page, kept in the URL (`?tab=…`) so Back and a reload return to it. The first
 * tab is the default and leaves the URL clean; anything unknown in the URL reads as the default.
 */
export function useUrlTab<T extends string>(tabs: readonly [T, ...T[]]): [T, (next: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab = (tabs as readonly string[]).includes(requested ?? '') ? (requested as T) : tabs[0];
  const select = (next: string | null) => setParams(next && next !== tabs[0] ? { tab: next } : {}, { replace: true });
  return [tab, select];
}

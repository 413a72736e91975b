import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** What the screen showing the results offers the header search: a way into the list. */
export interface SearchResults {
  /** Moves the focus into the results, on the first one unless one is already selected (↓). */
  focusFirst: () => void;
}

interface Bridge {
  results: SearchResults | null;
  setResults: (r: SearchResults | null) => void;
  /** Registered by the header field: forgets a search typed but not yet sent. */
  cancelPending: React.RefObject<() => void>;
}

const BridgeContext = createContext<Bridge | null>(null);

/**
 * Links the one search field (in the header) and the list that shows its results (on the page):
 * ↓ in the field moves into the list, the field's hint shows while there is a list to go into,
 * and opening a record from the list drops a search still waiting to be sent.
 */
export function SearchBridgeProvider({ children }: { children: ReactNode }) {
  const [results, setResults] = useState<SearchResults | null>(null);
  const cancelPending = useRef<() => void>(() => undefined);
  const value = useMemo(() => ({ results, setResults, cancelPending }), [results]);
  return <BridgeContext value={value}>{children}</BridgeContext>;
}

/** For the header field. Outside the provider (component tests of a single screen) nothing is linked. */
export function useSearchBridge(): Bridge | null {
  return use(BridgeContext);
}

/**
 * For the results page: offers its list to the header field while `handle` is non-null, and gives a
 * function to call before opening a record, so a search still waiting cannot pull the screen back.
 */
export function useSearchResults(handle: SearchResults | null): { cancelPendingSearch: () => void } {
  const bridge = use(BridgeContext);
  const setResults = bridge?.setResults;
  useEffect(() => {
    if (!setResults) return;
    setResults(handle);
    return () => setResults(null);
  }, [setResults, handle]);
  const cancelPendingSearch = useCallback(() => bridge?.cancelPending.current(), [bridge]);
  return { cancelPendingSearch };
}

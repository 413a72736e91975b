import { Kbd, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { IconSearch } from '../components/icons';
import { useSearchBridge } from './searchBridge';
import { SEARCH_INPUT_ID, shortcutLabel } from './shortcuts';

const LIST_PATH = '/volunteers';
/** The list follows the letters typed this long after the last one. */
export const SEARCH_DEBOUNCE_MS = 150;

/**
 * The one search field, always at hand in the header. Typing searches as you go (after a short
 * pause), Enter searches at once, ↓ goes into the list of results, Escape clears. The text lives in
 * the volunteers list URL (`/volunteers?q=…`), which the list reads.
 */
export function SearchField() {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const navigate = useNavigate();
  const location = useLocation();
  const bridge = useSearchBridge();
  const onList = location.pathname === LIST_PATH;
  const urlQuery = onList ? (new URLSearchParams(location.search).get('q') ?? '') : null;

  const [value, setValue] = useState(urlQuery ?? '');
  // The last text this field put in the URL: when the URL comes back with it, the field (which
  // may already hold more letters) must not be overwritten.
  const lastSent = useRef<string | null>(null);

  useEffect(() => {
    if (urlQuery !== null && urlQuery === lastSent.current) return;
    lastSent.current = null;
    setValue(urlQuery ?? '');
  }, [urlQuery]);

  const search = (q: string) => {
    const text = q.trim();
    if (onList && text === (urlQuery ?? '').trim()) return;
    lastSent.current = q;
    navigate(
      { pathname: LIST_PATH, search: text ? `?${new URLSearchParams({ q })}` : '' },
      // Refining a search on the list replaces the entry: Back leaves the list, not one letter.
      { replace: onList },
    );
  };
  const debounced = useDebouncedCallback(search, SEARCH_DEBOUNCE_MS);

  // A search still waiting must not pull the person back from the screen they just went to (a
  // record opened from the list, the sidebar, a shortcut).
  // (`cancel` is read when called: the debouncer replaces it with each call.)
  useEffect(() => {
    if (bridge) bridge.cancelPending.current = () => debounced.cancel();
  }, [bridge, debounced]);
  useEffect(() => {
    if (!onList) debounced.cancel();
  }, [location.pathname]); // eslint-disable-line react-hooks/exhaustive-deps

  const results = bridge?.results ?? null;

  return (
    <TextInput
      id={SEARCH_INPUT_ID}
      type="search"
      size="md"
      radius="xl"
      aria-label={t('common:search.label')}
      placeholder={t('common:search.placeholder')}
      // While the results are on screen: how to get into them from here, beside the field (and
      // read out with it).
      description={onList && results ? t('common:search.hint') : undefined}
      inputWrapperOrder={['input', 'description']}
      styles={{
        root: { flex: 1, minWidth: 0, display: 'flex', alignItems: 'center', gap: 'var(--mantine-spacing-md)' },
        // No gap kept for the hint under the field: it sits beside it, so the field does not move.
        wrapper: { flex: '1 1 auto', maxWidth: 560, marginTop: 0, marginBottom: 0 },
        description: { flex: '0 1 auto', maxWidth: 340, lineHeight: 1.35, margin: 0 },
      }}
      leftSection={<IconSearch />}
      rightSection={<Kbd size="xs">{shortcutLabel('K')}</Kbd>}
      rightSectionWidth={72}
      rightSectionPointerEvents="none"
      value={value}
      onChange={(e) => {
        setValue(e.currentTarget.value);
        debounced(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          debounced.cancel();
          search(value);
        } else if (e.key === 'ArrowDown' && onList && results) {
          e.preventDefault();
          // The letters just typed first, then into the list of what they find.
          if (debounced.isPending()) debounced.flush();
          results.focusFirst();
        } else if (e.key === 'Escape') {
          debounced.cancel();
          setValue('');
          if (onList && urlQuery) search('');
          e.currentTarget.blur();
        }
      }}
      autoComplete="off"
      spellCheck={false}
    />
  );
}

import { Kbd, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { IconSearch } from '../components/icons';
import { SEARCH_INPUT_ID, shortcutLabel } from './shortcuts';

const LIST_PATH = '/volunteers';

/**
 * The search always at hand in the header. Typing searches as you go (after a short pause), Enter
 * searches at once; the text lives in the volunteers list URL (`/volunteers?q=…`), which the list
 * reads. Escape clears it.
 */
export function SearchField() {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const navigate = useNavigate();
  const location = useLocation();
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
  const debounced = useDebouncedCallback(search, 300);

  return (
    <TextInput
      id={SEARCH_INPUT_ID}
      type="search"
      size="md"
      radius="xl"
      w="100%"
      maw={560}
      aria-label={t('common:search.label')}
      placeholder={t('common:search.placeholder')}
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

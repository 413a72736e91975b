import { Alert, Anchor, Badge, Button, Collapse, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { SortField } from '../../../../shared/api';
import { formatNumber } from '../../../../shared/format';
import { SEARCH_INPUT_ID } from '../../app/shortcuts';
import { ErrorAlert } from '../../components/errors';
import { useLang } from './labels';
import { ListFilters } from './ListFilters';
import { activeFilterCount, listStateToParams, parseListState, toListQuery, type ListState } from './listState';
import { listPageOptions, useFirstPage } from './queries';
import { VolunteerGrid, type VolunteerGridHandle } from './VolunteerGrid';

const SEARCH_DEBOUNCE_MS = 150;

export function VolunteerListPage() {
  const { t } = useTranslation('volunteers');
  const lang = useLang();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseListState(searchParams), [searchParams]);
  const query = useMemo(() => toListQuery(state), [state]);
  const gridRef = useRef<VolunteerGridHandle>(null);
  const filterCount = activeFilterCount(state);
  const [filtersOpen, setFiltersOpen] = useState(filterCount > 0);

  const update = (patch: Partial<ListState>) =>
    setSearchParams((prev) => listStateToParams({ ...parseListState(prev), ...patch }), { replace: true });

  // The search box types freely; the URL (and so the query) follows 150 ms after the last key.
  // The header search may also change `?q=` while this page is open: the box follows it then.
  const [text, setText] = useState(state.q);
  const [debounced, cancelDebounce] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const written = useRef(state.q);
  // Once a record is being opened, a search still waiting to be written must not pull the
  // screen back to the list (writing `?q=` navigates).
  const leaving = useRef(false);
  useEffect(() => {
    if (leaving.current) return;
    if (debounced !== written.current) {
      written.current = debounced;
      update({ q: debounced });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  useEffect(() => {
    if (state.q !== written.current) {
      written.current = state.q;
      setText(state.q);
    }
  }, [state.q]);

  // ↓ in the header search also moves into the list while it is on screen.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'ArrowDown' || !(e.target instanceof HTMLElement) || e.target.id !== SEARCH_INPUT_ID || !gridRef.current) return;
      e.preventDefault();
      gridRef.current.focusFirst();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const first = useFirstPage(query);
  const total = first.data?.total ?? 0;
  const searching = state.q.trim() !== '' || filterCount > 0;

  // Nothing matches with no search and no filter: either the registry is empty, or every record is
  // archived. The two deserve different advice.
  const anyAtAll = useQuery({
    ...listPageOptions({ ...query, filters: { ...query.filters, archived: 'include' } }, 0),
    enabled: first.isSuccess && !first.isPlaceholderData && total === 0 && !searching,
  });

  const onSort = (field: SortField) =>
    update(state.sort === field ? { dir: state.dir === 'asc' ? 'desc' : 'asc' } : { sort: field, dir: 'asc' });

  const open = (id: number) => {
    leaving.current = true;
    cancelDebounce();
    navigate(`/volunteers/${id}`);
  };

  const registryEmpty = first.isSuccess && total === 0 && !searching && anyAtAll.data?.total === 0;
  let body: React.ReactNode;
  if (first.isPending) {
    body = (
      <Group justify="center" py="xl">
        <Loader aria-label={t('list.loading')} />
      </Group>
    );
  } else if (first.isError) {
    body = <ErrorAlert error={first.error} />;
  } else if (registryEmpty) {
    body = (
      <Stack align="center" gap="sm" py={48} maw={560} mx="auto" ta="center" data-testid="volunteers-empty">
        <Title order={2} size="h3">
          {t('empty.title')}
        </Title>
        <Text c="gray.7">{t('empty.text')}</Text>
        <Button component={Link} to="/volunteers/new" size="md">
          {t('empty.add')}
        </Button>
        <Text size="sm" c="gray.7" mt="md">
          {t('empty.sampleHint')}
        </Text>
        <Anchor component={Link} to="/settings?tab=data" size="sm" fw={600}>
          {t('empty.sampleLink')}
        </Anchor>
      </Stack>
    );
  } else if (total === 0 && !searching) {
    body = anyAtAll.isPending ? null : (
      <Alert variant="light" color="gray" title={t('noMatch.allArchivedTitle')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('noMatch.allArchived')}</Text>
          <Button variant="default" onClick={() => update({ archived: 'include' })}>
            {t('noMatch.showArchived')}
          </Button>
        </Stack>
      </Alert>
    );
  } else if (total === 0) {
    body = (
      <Alert variant="light" color="gray" title={t('noMatch.title')} data-testid="volunteers-no-match">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{state.q.trim() ? t('noMatch.textWithQuery', { query: state.q.trim() }) : t('noMatch.text')}</Text>
          <Group gap="xs">
            {state.q ? (
              <Button variant="default" onClick={() => setText('')}>
                {t('noMatch.clearSearch')}
              </Button>
            ) : null}
            {filterCount > 0 ? (
              <Button variant="default" onClick={() => update({ statuses: [], roles: [], skillId: null, minLevel: 1, slot: null, format: null, archived: 'hide' })}>
                {t('filters.reset')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Alert>
    );
  } else {
    body = <VolunteerGrid ref={gridRef} query={query} total={total} onSort={onSort} onOpen={open} label={t('list.gridLabel')} />;
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Group gap="sm" align="baseline">
          <Title order={1} size="h2">
            {t('list.title')}
          </Title>
          <Text c="gray.7" role="status" data-testid="volunteers-count">
            {first.data ? t('list.count', { count: total, n: formatNumber(total, lang) }) : ''}
          </Text>
        </Group>
        <Button component={Link} to="/volunteers/new">
          {t('list.add')}
        </Button>
      </Group>

      {/* Nothing to search or filter yet: the first step is the only thing on screen. */}
      <Group align="flex-end" gap="sm" display={registryEmpty ? 'none' : undefined}>
        <TextInput
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && total > 0) {
              e.preventDefault();
              gridRef.current?.focusFirst();
            } else if (e.key === 'Escape' && text) {
              setText('');
            }
          }}
          type="search"
          maxLength={200}
          style={{ flex: 1, maxWidth: 520 }}
          rightSection={first.isFetching && first.isPlaceholderData ? <Loader size="xs" /> : null}
          description={t('list.searchHint')}
        />
        <Button
          variant={filtersOpen ? 'outline' : 'default'}
          onClick={() => setFiltersOpen((o) => !o)}
          aria-expanded={filtersOpen}
          aria-controls="volunteer-filters"
          rightSection={filterCount > 0 ? <Badge size="sm" circle>{filterCount}</Badge> : null}
        >
          {t('filters.toggle')}
        </Button>
      </Group>

      <Collapse expanded={filtersOpen && !registryEmpty} id="volunteer-filters">
        <ListFilters state={state} onChange={update} />
      </Collapse>

      {body}
    </Stack>
  );
}

import { Alert, Anchor, Badge, Button, Collapse, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { SortField } from '../../../../shared/api';
import { formatNumber } from '../../../../shared/format';
import { useSearchResults } from '../../app/searchBridge';
import { ErrorAlert } from '../../components/errors';
import { ExportListButton } from '../io/ExportListButton';
import { useLang } from './labels';
import { ListFilters } from './ListFilters';
import { activeFilterCount, listStateToParams, parseListState, toListQuery, type ListState } from './listState';
import { listPageOptions, useFirstPage } from './queries';
import { VolunteerGrid, type VolunteerGridHandle } from './VolunteerGrid';

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

  const first = useFirstPage(query);
  const total = first.data?.total ?? 0;
  const searching = state.q.trim() !== '' || filterCount > 0;

  const showsGrid = first.isSuccess && total > 0;
  // The header search leads into the grid (↓) while there is one; opening a record drops a search
  // typed there but not yet sent.
  const searchResults = useMemo(() => (showsGrid ? { focusFirst: () => gridRef.current?.focusFirst() } : null), [showsGrid]);
  const { cancelPendingSearch } = useSearchResults(searchResults);

  // Nothing matches with no search and no filter: either the registry is empty, or every record is
  // archived. The two deserve different advice.
  const anyAtAll = useQuery({
    ...listPageOptions({ ...query, filters: { ...query.filters, archived: 'include' } }, 0),
    enabled: first.isSuccess && !first.isPlaceholderData && total === 0 && !searching,
  });

  const onSort = (field: SortField) =>
    update(state.sort === field ? { dir: state.dir === 'asc' ? 'desc' : 'asc' } : { sort: field, dir: 'asc' });

  const open = (id: number) => {
    cancelPendingSearch();
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
              <Button variant="default" onClick={() => update({ q: '' })}>
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
          {first.isFetching && first.isPlaceholderData ? <Loader size="xs" aria-label={t('list.loading')} /> : null}
        </Group>
        <Group gap="sm">
          {/* Nothing to filter yet: the first step is the only thing on screen. */}
          {registryEmpty ? null : (
            <Button
              variant={filtersOpen ? 'outline' : 'default'}
              onClick={() => setFiltersOpen((o) => !o)}
              aria-expanded={filtersOpen}
              aria-controls="volunteer-filters"
              rightSection={filterCount > 0 ? <Badge size="sm" circle>{filterCount}</Badge> : null}
            >
              {t('filters.toggle')}
            </Button>
          )}
          {registryEmpty ? null : <ExportListButton query={query} disabled={!first.isSuccess || total === 0} />}
          <Button component={Link} to="/volunteers/new">
            {t('list.add')}
          </Button>
        </Group>
      </Group>

      <Collapse expanded={filtersOpen && !registryEmpty} id="volunteer-filters">
        <ListFilters state={state} onChange={update} />
      </Collapse>

      {body}
    </Stack>
  );
}

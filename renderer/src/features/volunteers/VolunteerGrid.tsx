import { Badge, UnstyledButton } from '@mantine/core';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useCallback, useEffect, useId, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListRow, SortField, Status } from '../../../../shared/api';
import { formatDate } from '../../../../shared/format';
import { useLang } from './labels';
import type { ListQuery } from './listState';
import { PAGE_SIZE, listPageOptions } from './queries';
import classes from './VolunteerGrid.module.css';

export const ROW_HEIGHT = 48;
const HEADER_HEIGHT = 44;
const MIN_WIDTH = '1000px';
const OVERSCAN = 10;
// Name, email, phone, city, roles, joined, status. A French phone number (« 06 12 34 56 78 ») always fits.
const COLUMNS = 'minmax(170px, 1.9fr) minmax(170px, 2fr) 148px minmax(110px, 1.1fr) minmax(110px, 1.2fr) 118px 150px';

export const STATUS_COLOR: Record<Status, string> = { active: 'teal', paused: 'orange', left: 'gray' };

/** Status as a coloured dot and plain dark text: the colour helps, the word carries the meaning. */
export function StatusBadge({ status, size = 'lg' }: { status: Status; size?: 'md' | 'lg' }) {
  const { t } = useTranslation('volunteers');
  return (
    <Badge variant="dot" color={STATUS_COLOR[status]} size={size} radius="sm" tt="none" fw={600} style={{ flexShrink: 0 }} styles={{ label: { color: 'var(--mantine-color-gray-9)', overflow: 'visible' } }}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export interface VolunteerGridHandle {
  /** Moves focus into the list, selecting the first row if none is (↓ from the search field). */
  focusFirst: () => void;
}

interface Props {
  query: ListQuery;
  total: number;
  onSort: (field: SortField) => void;
  onOpen: (id: number) => void;
  /** Accessible name of the grid. */
  label: string;
}

type Column = { id: string; sort?: SortField; render: (r: ListRow) => React.ReactNode };

/**
 * The volunteer list: an ARIA grid with one tab stop. Only the rows in view (plus a margin) are in
 * the DOM; pages of PAGE_SIZE rows are fetched by offset as they come into view, so 100 000
 * records scroll like 100. ↑/↓, Page Up/Down, Home/End move the selection; Enter opens it.
 */
export const VolunteerGrid = forwardRef<VolunteerGridHandle, Props>(function VolunteerGrid({ query, total, onSort, onOpen, label }, ref) {
  const { t } = useTranslation('volunteers');
  const lang = useLang();
  const gridId = useId();
  const gridRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const height = useFillHeight(gridRef);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The rows start below the sticky header, which also covers the top of the view.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();

  // A new search, filter or sort starts again from the top (on its first row if the list has the
  // focus: ↓ pressed in the search field before the last letters had been searched).
  const queryHash = JSON.stringify(query);
  useEffect(() => {
    setSelected(gridRef.current !== null && document.activeElement === gridRef.current ? 0 : null);
    virtualizer.scrollToOffset(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryHash]);
  useEffect(() => {
    if (selected !== null && selected >= total) setSelected(total > 0 ? total - 1 : null);
  }, [selected, total]);

  const firstPage = Math.floor((items[0]?.index ?? 0) / PAGE_SIZE);
  const lastPage = Math.floor((items[items.length - 1]?.index ?? 0) / PAGE_SIZE);
  const pages: number[] = [];
  for (let p = firstPage; p <= lastPage; p++) pages.push(p);
  // While a new search loads, the rows of the previous one stay (and stay clickable) rather than
  // flashing to placeholders.
  const results = useQueries({ queries: pages.map((p) => ({ ...listPageOptions(query, p), placeholderData: keepPreviousData })) });
  const rowAt = (index: number): ListRow | undefined => {
    const p = Math.floor(index / PAGE_SIZE);
    const at = pages.indexOf(p);
    return at < 0 ? undefined : results[at]?.data?.rows[index - p * PAGE_SIZE];
  };

  const select = useCallback(
    (index: number) => {
      if (total === 0) return;
      const i = Math.max(0, Math.min(total - 1, index));
      setSelected(i);
      virtualizer.scrollToIndex(i, { align: 'auto' });
    },
    [total, virtualizer],
  );

  useImperativeHandle(ref, () => ({
    focusFirst: () => {
      gridRef.current?.focus();
      select(selected ?? 0);
    },
  }), [select, selected]);

  const pageStep = Math.max(1, Math.floor((height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed in a header's sort button keep their own meaning.
    if (e.target !== e.currentTarget) return;
    const cur = selected ?? -1;
    const moves: Record<string, number> = {
      ArrowDown: cur + 1,
      ArrowUp: Math.max(0, cur - 1),
      PageDown: cur + pageStep,
      PageUp: Math.max(0, cur - pageStep),
      Home: 0,
      End: total - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      select(moves[e.key]!);
    } else if (e.key === 'Enter' && selected !== null) {
      const row = rowAt(selected);
      if (row) {
        e.preventDefault();
        onOpen(row.id);
      }
    }
  };

  const roleList = (r: ListRow) => r.roles.map((x) => t(`roles.${x}`)).join(', ');
  const columns: Column[] = [
    {
      id: 'name',
      sort: 'name',
      render: (r) => (
        <>
          <span className={classes.name}>{r.lastName}</span> {r.firstName}
          {r.archived ? (
            <Badge ml={8} color="gray" variant="outline" radius="sm" tt="none" size="md" fw={600} styles={{ label: { color: 'var(--mantine-color-gray-8)' } }}>
              {t('list.archivedBadge')}
            </Badge>
          ) : null}
        </>
      ),
    },
    { id: 'email', render: (r) => r.email ?? '' },
    { id: 'phone', render: (r) => r.phone ?? '' },
    { id: 'city', sort: 'city', render: (r) => r.city ?? '' },
    { id: 'roles', render: (r) => <span title={roleList(r)}>{roleList(r)}</span> },
    { id: 'joinedOn', sort: 'joinedOn', render: (r) => formatDate(r.joinedOn, lang, 'short') },
    { id: 'status', sort: 'status', render: (r) => <StatusBadge status={r.status} /> },
  ];
  const headers: Record<string, string> = {
    name: t('columns.name'),
    email: t('columns.email'),
    phone: t('columns.phone'),
    city: t('columns.city'),
    roles: t('columns.roles'),
    joinedOn: t('columns.joinedOn'),
    status: t('columns.status'),
  };

  return (
    <div className={classes.frame}>
    <div
      ref={gridRef}
      role="grid"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      aria-multiselectable={false}
      aria-activedescendant={selected !== null && items.some((i) => i.index === selected) ? `${gridId}-row-${selected}` : undefined}
      tabIndex={0}
      className={classes.grid}
      style={{ height, ['--grid-min-width' as string]: MIN_WIDTH }}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && selected === null && total > 0) select(0);
      }}
      data-testid="volunteer-grid"
    >
      <div role="rowgroup" className={classes.headGroup}>
        <div role="row" aria-rowindex={1} className={classes.head} style={{ gridTemplateColumns: COLUMNS, height: HEADER_HEIGHT }}>
          {columns.map((c, ci) => {
            const active = c.sort && query.sort.field === c.sort;
            const dir = query.sort.direction;
            return (
              <div
                key={c.id}
                role="columnheader"
                aria-colindex={ci + 1}
                aria-sort={c.sort ? (active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}
                className={classes.headerCell}
              >
                {c.sort ? (
                  <UnstyledButton className={classes.sortButton} onClick={() => onSort(c.sort!)} title={t('list.sortBy', { column: headers[c.id] })}>
                    {headers[c.id]}
                    <SortArrow state={active ? dir : null} />
                  </UnstyledButton>
                ) : (
                  headers[c.id]
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
        <>
          {items.map((item) => {
            const row = rowAt(item.index);
            const isSelected = item.index === selected;
            return (
              <div
                key={item.key}
                id={`${gridId}-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                aria-busy={row ? undefined : true}
                data-id={row?.id}
                className={classes.row}
                style={{ height: item.size, transform: `translateY(${item.start - HEADER_HEIGHT}px)`, gridTemplateColumns: COLUMNS }}
                onClick={() => {
                  setSelected(item.index);
                  if (row) onOpen(row.id);
                }}
              >
                {columns.map((c, ci) => (
                  <div key={c.id} role="gridcell" aria-colindex={ci + 1} className={`${classes.cell} ${c.id === 'email' || c.id === 'phone' ? classes.muted : ''}`}>
                    {row ? c.render(row) : <span className={classes.placeholder} />}
                  </div>
                ))}
              </div>
            );
          })}
        </>
      </div>
    </div>
    </div>
  );
});

function SortArrow({ state }: { state: 'asc' | 'desc' | null }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden focusable="false" style={{ opacity: state ? 1 : 0.35 }}>
      {state !== 'desc' ? <path d="M6 2 L10 6 H2 Z" fill="currentColor" /> : null}
      {state !== 'asc' ? <path d="M6 10 L10 6 H2 Z" fill="currentColor" transform={state === null ? 'translate(0 1)' : undefined} /> : null}
    </svg>
  );
}

/** Height that lets the element reach the bottom of the window, whatever layout surrounds it. */
function useFillHeight(ref: React.RefObject<HTMLElement | null>, min = 240, bottomGap = 24): number {
  const [h, setH] = useState(480);
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setH(Math.max(min, Math.round(window.innerHeight - top - bottomGap)));
    };
    measure();
    window.addEventListener('resize', measure);
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(measure) : null;
    if (ro && ref.current?.parentElement?.parentElement) ro.observe(ref.current.parentElement.parentElement);
    return () => {
      window.removeEventListener('resize', measure);
      ro?.disconnect();
    };
  }, [ref, min, bottomGap]);
  return h;
}

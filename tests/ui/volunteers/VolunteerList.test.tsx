// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListInput, ListRow } from '../../../shared/api';
import { mockRelais, ok, renderAt, skillsCatalogue } from './harness';

const TOTAL = 100_000;

const rowAt = (i: number): ListRow => ({
  id: i + 1,
  firstName: `First${i}`,
  lastName: `Last${String(i).padStart(6, '0')}`,
  email: `p${i}@example.org`,
  phone: null,
  city: 'Lyon',
  status: i % 3 === 0 ? 'paused' : 'active',
  roles: ['volunteer'],
  joinedOn: '2024-01-15',
  archived: false,
});

/** A registry of `total` people answering `volunteers.list` windows by offset/limit, as core does. */
function listHandler(total: number) {
  return (input: ListInput) => {
    const offset = input.offset ?? 0;
    const limit = input.limit ?? 100;
    const rows = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push(rowAt(i));
    return ok({ total, rows });
  };
}

// happy-dom lays nothing out: give the scrolling body a height so the virtualiser has a window.
const descriptors: [string, PropertyDescriptor | undefined][] = [];
beforeAll(() => {
  for (const prop of ['clientHeight', 'offsetHeight']) {
    descriptors.push([prop, Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop)]);
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => 600 });
  }
});
afterAll(() => {
  for (const [prop, d] of descriptors) if (d) Object.defineProperty(HTMLElement.prototype, prop, d);
});

const bodyRows = () => screen.getByRole('grid').querySelectorAll('[role="row"]:not([aria-rowindex="1"])');

describe('volunteer list', () => {
  it('renders only a window of rows for 100 000 volunteers and fetches by page', async () => {
    const calls = mockRelais({ 'volunteers.list': listHandler(TOTAL), 'volunteers.listSkills': () => ok(skillsCatalogue) });
    renderAt('/volunteers');
    const grid = await screen.findByRole('grid', { name: 'Volunteer list' });
    await waitFor(() => expect(screen.getByText('Last000000')).toBeTruthy());
    expect(grid.getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
    expect(screen.getByTestId('volunteers-count').textContent).toBe('100,000 volunteers');
    const n = bodyRows().length;
    expect(n).toBeGreaterThan(5);
    expect(n).toBeLessThanOrEqual(100);
    // Row indexes are 1-based and count the header row.
    expect(bodyRows()[0]!.getAttribute('aria-rowindex')).toBe('2');
    const lists = calls.filter((c) => c.method === 'volunteers.list').map((c) => c.input as ListInput);
    expect(lists.every((i) => i.offset === 0 && (i.limit ?? 0) <= 500)).toBe(true);
  });

  it('moves the selection with the keyboard, fetches the page it lands on, and opens with Enter', async () => {
    const calls = mockRelais({ 'volunteers.list': listHandler(TOTAL), 'volunteers.listSkills': () => ok(skillsCatalogue) });
    renderAt('/volunteers');
    const grid = await screen.findByRole('grid');
    await waitFor(() => expect(screen.getByText('Last000000')).toBeTruthy());
    act(() => grid.focus());
    // Focus selects the first row; two steps down is the third.
    await waitFor(() => expect(grid.querySelector('[aria-selected="true"]')?.getAttribute('aria-rowindex')).toBe('2'));
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await waitFor(() => expect(grid.querySelector('[aria-selected="true"]')?.getAttribute('aria-rowindex')).toBe('4'));
    expect(grid.getAttribute('aria-activedescendant')).toBe(grid.querySelector('[aria-selected="true"]')!.id);

    // Scrolled to the bottom (happy-dom has no layout, so the offset is given), the last page is fetched.
    Object.defineProperty(grid, 'scrollTop', { configurable: true, get: () => 44 + TOTAL * 48 - 600, set: () => undefined });
    fireEvent.scroll(grid);
    await waitFor(() => expect(screen.getByText(`Last${String(TOTAL - 1).padStart(6, '0')}`)).toBeTruthy());
    expect(bodyRows().length).toBeLessThanOrEqual(100);
    expect(bodyRows()[bodyRows().length - 1]!.getAttribute('aria-rowindex')).toBe(String(TOTAL + 1));
    const offsets = calls.filter((c) => c.method === 'volunteers.list').map((c) => (c.input as ListInput).offset);
    expect(offsets).toContain(Math.floor((TOTAL - 1) / 200) * 200);
    expect(offsets).not.toContain(50_000);
    Object.defineProperty(grid, 'scrollTop', { configurable: true, get: () => 0, set: () => undefined });
    fireEvent.scroll(grid);

    fireEvent.keyDown(grid, { key: 'Home' });
    await waitFor(() => expect(grid.querySelector('[aria-selected="true"]')?.getAttribute('aria-rowindex')).toBe('2'));
    fireEvent.keyDown(grid, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/volunteers/1'));
  });

  it('shows the search from the URL, says when nothing matches, and clears it from there', async () => {
    const calls = mockRelais({
      'volunteers.list': (input: ListInput) => (input.query ? ok({ total: 0, rows: [] }) : listHandler(3)(input)),
      'volunteers.listSkills': () => ok(skillsCatalogue),
    });
    renderAt('/volunteers?q=zz', { lang: 'fr' });
    await screen.findByTestId('volunteers-no-match');
    expect(screen.getByTestId('volunteers-no-match').textContent).toContain('Personne ne correspond à «\u00a0zz\u00a0»');
    // The list has no search field of its own: the header's is the one.
    expect(screen.queryByRole('searchbox')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Effacer la recherche' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/volunteers'));
    await screen.findByRole('grid');
    expect(screen.getByTestId('volunteers-count').textContent).toBe('3\u00a0bénévoles');
    expect(calls.some((c) => c.method === 'volunteers.list' && (c.input as ListInput).query === '')).toBe(true);
  });

  it('explains what to do first when there is nobody yet', async () => {
    mockRelais({ 'volunteers.list': () => ok({ total: 0, rows: [] }), 'volunteers.listSkills': () => ok(skillsCatalogue) });
    renderAt('/volunteers');
    const empty = await screen.findByTestId('volunteers-empty');
    expect(empty.textContent).toContain('No volunteers yet');
    fireEvent.click(screen.getByRole('link', { name: 'Add your first volunteer' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/volunteers/new'));
  });
});

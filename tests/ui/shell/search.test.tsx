// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListInput, ListRow } from '../../../shared/api';
import { mockRelais, ok, renderApp, view } from './harness';

const people: ListRow[] = ['Traoré', 'Martin', 'Lefèvre'].map((lastName, i) => ({
  id: i + 1,
  firstName: ['Aïcha', 'Bernard', 'Camille'][i]!,
  lastName,
  email: null,
  phone: null,
  city: 'Lyon',
  status: 'active',
  roles: ['volunteer'],
  joinedOn: '2024-01-15',
  archived: false,
}));

/** The list as core answers it: the search text keeps the people whose last name contains it. */
function list(input: ListInput) {
  const q = (input.query ?? '').toLowerCase();
  const rows = people.filter((p) => p.lastName.toLowerCase().includes(q));
  return ok({ total: rows.length, rows });
}

const record = (id: number) => {
  const p = people[id - 1]!;
  return ok({
    ...p, addressLine: null, postalCode: null, country: null, birthYear: null, statusSince: null, statusReason: null,
    skills: [], interests: [], languages: [], availability: [], preferredFormat: 'both', emergencyName: null,
    emergencyPhone: null, emergencyRelation: null, notes: null, consentOn: null, consentBasis: null, photoConsent: false,
    confidentialitySignedOn: null, customValues: {}, archivedAt: null, createdAt: '2024-01-15T10:00:00Z', updatedAt: '2024-01-15T10:00:00Z', history: [],
  });
};

function setup(path = '/volunteers') {
  mockRelais({
    'settings.get': () => ok(view()),
    'volunteers.list': list,
    'volunteers.listSkills': () => ok([]),
    'volunteers.get': ({ id }: { id: number }) => record(id),
  });
  renderApp(path, 'en');
}

const location = () => screen.getByTestId('location').textContent;
const searchbox = () => screen.getByRole('searchbox', { name: 'Search volunteers' }) as HTMLInputElement;
const sleep = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

// happy-dom lays nothing out: give the grid a height so the virtualiser renders rows.
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

describe('the one search field', () => {
  it('is the only one on the list, and says there how to go on with the keyboard', async () => {
    setup();
    await screen.findByText('Traoré');
    expect(screen.getAllByRole('searchbox')).toHaveLength(1);
    const described = (searchbox().getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' ');
    expect(described).toBe('Press ↓ to go to the list, then Enter to open a record.');
  });

  it('updates the list as you type, about 150 ms after the last key', async () => {
    setup();
    await screen.findByText('Traoré');
    // Timed from the keystroke, so a busy machine can only make the wait longer, never fail it.
    const typedAt = performance.now();
    fireEvent.change(searchbox(), { target: { value: 'mar' } });
    expect(location()).toBe('/volunteers');
    await waitFor(() => expect(location()).toBe('/volunteers?q=mar'));
    expect(performance.now() - typedAt).toBeGreaterThanOrEqual(120);
    await waitFor(() => expect(screen.queryByText('Traoré')).toBeNull());
    expect(screen.getByText('Martin')).toBeTruthy();
    expect(screen.getByTestId('volunteers-count').textContent).toBe('1 volunteer');
  });

  it('goes into the list with ↓, searching first what was just typed', async () => {
    setup();
    await screen.findByText('Traoré');
    fireEvent.change(searchbox(), { target: { value: 'lef' } });
    // No pause: ↓ sends the search at once.
    fireEvent.keyDown(searchbox(), { key: 'ArrowDown' });
    expect(location()).toBe('/volunteers?q=lef');
    const grid = screen.getByRole('grid');
    expect(document.activeElement).toBe(grid);
    await waitFor(() => expect(screen.queryByText('Traoré')).toBeNull());
    await waitFor(() => expect(grid.querySelector('[aria-selected="true"]')?.textContent).toContain('Lefèvre'));
    fireEvent.keyDown(grid, { key: 'Enter' });
    await waitFor(() => expect(location()).toBe('/volunteers/3'));
  });

  it('does not pull an opened record back to the list with a search still waiting', async () => {
    setup();
    const row = (await screen.findByText('Martin')).closest('[role="row"]')!;
    fireEvent.change(searchbox(), { target: { value: 'tra' } });
    fireEvent.click(row);
    await waitFor(() => expect(location()).toBe('/volunteers/2'));
    await sleep(400);
    expect(location()).toBe('/volunteers/2');
    expect(await screen.findByRole('heading', { level: 1, name: 'Bernard Martin' })).toBeTruthy();
  });

  it('is emptied by the list’s “Clear the search”', async () => {
    setup('/volunteers?q=zz');
    fireEvent.click(await screen.findByRole('button', { name: 'Clear the search' }));
    await waitFor(() => expect(location()).toBe('/volunteers'));
    expect(searchbox().value).toBe('');
    expect(await screen.findByText('Traoré')).toBeTruthy();
  });
});

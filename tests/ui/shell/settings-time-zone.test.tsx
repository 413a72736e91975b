// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SettingsView } from '../../../shared/api';
import { zoneOptions } from '../../../renderer/src/features/settings/TimeZoneSection';
import { mockRelais, ok, refused, renderApp, view } from './harness';

/** Types into the searchable select, waits for the list to narrow, clicks an option (hidden: the dropdown may still be fading in). */
async function search(box: HTMLElement, typed: string, option: RegExp) {
  // Focused for real: Mantine takes a change to an unfocused input for autofill, not typing.
  box.focus();
  fireEvent.click(box);
  fireEvent.change(box, { target: { value: typed } });
  const list = await waitFor(() => document.getElementById(box.getAttribute('aria-controls') ?? '')!);
  await waitFor(() => expect(within(list).getAllByRole('option', { hidden: true }).length).toBeLessThan(5));
  fireEvent.click(within(list).getByRole('option', { name: option, hidden: true }));
}

describe('Settings: the association’s time zone', () => {
  it('shows the zone in use, finds another by typing a city, saves it at once and says so', async () => {
    let saved: SettingsView = view({ timeZone: 'Europe/Paris' });
    const calls = mockRelais({
      'settings.get': () => ok(saved),
      'settings.setTimeZone': ({ timeZone }: { timeZone: string }) => {
        saved = { ...saved, timeZone };
        return ok(saved);
      },
    });
    renderApp('/settings?tab=language', 'en');
    const field = (await screen.findByRole('combobox', { name: 'Time zone of the association' })) as HTMLInputElement;
    expect(screen.getByRole('tab', { name: 'Language and time zone', selected: true })).toBeTruthy();
    expect(field.value).toMatch(/^Europe\/Paris \(UTC\+0[12]:00\)$/);
    expect(screen.getByText(/Events already planned keep the time zone they were planned in/)).toBeTruthy();

    await search(field, 'new york', /^America\/New York \(UTC-0[45]:00\)$/);
    await waitFor(() => expect(calls.filter((c) => c.method === 'settings.setTimeZone').map((c) => c.input)).toEqual([{ timeZone: 'America/New_York' }]));
    expect(await screen.findByText('New events will be planned in the America/New_York time zone.')).toBeTruthy();
    await waitFor(() => expect(field.value).toMatch(/^America\/New York/));
  });

  it('in French, with a refusal told in words and the zone in use kept', async () => {
    mockRelais({
      'settings.get': () => ok(view({ language: 'fr', timeZone: 'Europe/Paris' })),
      'settings.setTimeZone': () => refused([{ path: ['timeZone'], key: 'planning.timeZone' }]),
    });
    renderApp('/settings?tab=language', 'fr');
    const field = (await screen.findByRole('combobox', { name: 'Fuseau horaire de l’association' })) as HTMLInputElement;
    expect(screen.getByRole('tab', { name: 'Langue et heure', selected: true })).toBeTruthy();
    await search(field, 'tokyo', /^Asia\/Tokyo \(UTC\+09:00\)$/);
    expect(await screen.findByText(/Ce fuseau horaire est inconnu/)).toBeTruthy();
    // Leaving the field shows the zone still in use.
    field.blur();
    fireEvent.blur(field);
    await waitFor(() => expect(field.value).toMatch(/^Europe\/Paris/));
  });

  it('offers every zone the engine knows, grouped by region, plus the one in use even if spelt otherwise', () => {
    const groups = zoneOptions('Etc/Unknown_Alias');
    const values = groups.flatMap((g) => g.items.map((i) => i.value));
    expect(values).toEqual(expect.arrayContaining([...Intl.supportedValuesOf('timeZone'), 'Etc/Unknown_Alias']));
    expect(new Set(values).size).toBe(values.length);
    const europe = groups.find((g) => g.group === 'Europe')!;
    expect(europe.items.every((i) => i.value.startsWith('Europe/'))).toBe(true);
  });
});

// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AssociationInput, SettingsView } from '../../../shared/api';
import { association, mockRelais, ok, renderApp, view } from './harness';

describe('Settings', () => {
  it('switches the language live, remembers it, and re-renders everything in French', async () => {
    let saved: SettingsView = view({ language: 'en' });
    const calls = mockRelais({
      'settings.get': () => ok(saved),
      'settings.setLanguage': ({ language }: { language: 'fr' | 'en' }) => {
        saved = { ...saved, language };
        return ok(saved);
      },
    });
    renderApp('/settings?tab=language', 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Volunteers' })).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Français' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Réglages' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bénévoles' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Champs personnalisés' })).toBeTruthy();
    await waitFor(() => expect(calls.some((c) => c.method === 'settings.setLanguage')).toBe(true));
    expect(calls.find((c) => c.method === 'settings.setLanguage')!.input).toEqual({ language: 'fr' });
    expect(await screen.findByText('Relais est maintenant en français.')).toBeTruthy();
  });

  it('puts the previous language back when saving it fails', async () => {
    mockRelais({
      'settings.get': () => ok(view({ language: 'en' })),
      'settings.setLanguage': () => ({ ok: false, error: { code: 'INTERNAL' } }),
    });
    renderApp('/settings?tab=language', 'en');
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    fireEvent.click(screen.getByRole('radio', { name: 'Français' }));
    expect(await screen.findByText('Something went wrong. Nothing was changed.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });

  it('asks before leaving the association’s details with changes not saved, not once they are saved', async () => {
    let saved: SettingsView = view();
    mockRelais({
      'settings.get': () => ok(saved),
      'settings.saveAssociation': (input: AssociationInput) => {
        // The server tidies what was typed (spaces in a SIRET).
        saved = view({ association: { ...association, name: input.name.trim(), siret: String(input.siret ?? '').replace(/\s+/g, '') || null } });
        return ok(saved);
      },
    });
    renderApp('/settings', 'en');
    const name = (await screen.findByRole('textbox', { name: /^Name of the association/ })) as HTMLInputElement;
    fireEvent.change(name, { target: { value: 'Les Amis du Quartier Nord' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Language and time zone' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('location').textContent).toBe('/settings');
    expect(name.value).toBe('Les Amis du Quartier Nord');

    // The sidebar too; leaving without saving goes, and the edit is lost.
    fireEvent.click(screen.getByRole('link', { name: 'Volunteers' }));
    mockRelais({ 'settings.get': () => ok(saved), 'volunteers.list': () => ok({ total: 0, rows: [] }), 'volunteers.listSkills': () => ok([]) });
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave without saving' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/volunteers'));

    // Saved (and tidied by the server): leaving asks nothing.
    mockRelais({
      'settings.get': () => ok(saved),
      'settings.saveAssociation': (input: AssociationInput) => {
        saved = view({ association: { ...association, name: input.name.trim(), siret: String(input.siret ?? '').replace(/\s+/g, '') || null } });
        return ok(saved);
      },
    });
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    const siret = (await screen.findByRole('textbox', { name: /^SIRET/ })) as HTMLInputElement;
    fireEvent.change(siret, { target: { value: '123 456 789 00019' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The association’s details are saved.')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Language and time zone' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/settings?tab=language'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows where the data lives, and the sample-data switch', async () => {
    mockRelais({ 'settings.get': () => ok(view()) });
    renderApp('/settings?tab=data', 'en');
    expect((await screen.findByTestId('data-dir')).textContent).toBe('/home/asso/Relais');
    expect(screen.getByRole('button', { name: 'Try with sample data' })).toBeTruthy();
  });

  it('lists custom fields with their kind and state, and explains an empty list', async () => {
    mockRelais({
      'settings.get': () =>
        ok(
          view({
            customFields: [
              { id: 1, label: 'T-shirt size', type: 'choice', options: ['S', 'M'], position: 1, archived: false },
              { id: 2, label: 'Member since', type: 'date', options: [], position: 2, archived: true },
            ],
          }),
        ),
    });
    renderApp('/settings?tab=customFields', 'en');
    const rows = await screen.findAllByTestId('custom-field-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('T-shirt sizeChoice from a listS, MIn use'),
      expect.stringContaining('Member sinceDate—Archived'),
    ]);
  });

  it('groups the skills catalogue by category with counts and translated seeded names', async () => {
    mockRelais({
      'settings.get': () => ok(view({ language: 'fr' })),
      'volunteers.listSkills': () =>
        ok([
          { id: 1, key: 'active_listening', name: null, category: 'listening', archived: false, volunteerCount: 3 },
          { id: 2, key: null, name: 'Beekeeping', category: 'other', archived: false, volunteerCount: 1 },
          { id: 3, key: null, name: 'Fax machines', category: 'other', archived: true, volunteerCount: 0 },
        ]),
    });
    renderApp('/settings?tab=skills', 'fr');
    const other = await screen.findByTestId('skills-other');
    expect(other.textContent).toContain('Autre');
    expect(other.textContent).toContain('1 compétence');
    expect(other.textContent).toContain('Beekeeping');
    expect(other.textContent).not.toContain('Fax machines');
    expect(screen.getByTestId('skills-listening').textContent).toContain('3 bénévoles');
    expect(screen.getByTestId('skills-listening').textContent).not.toContain('active_listening');

    fireEvent.click(screen.getByRole('switch', { name: 'Afficher les compétences archivées' }));
    expect(screen.getByTestId('skills-other').textContent).toContain('Fax machines');
    expect(screen.getByTestId('skills-other').textContent).toContain('2 compétences');
  });
});

describe('the shell', () => {
  it('shows the association and, in demo mode, a banner that leads back to the real data', async () => {
    let mode: 'demo' | 'real' = 'demo';
    mockRelais({
      'settings.get': () => ok(view({ mode })),
      'settings.closeDemo': () => {
        mode = 'real';
        return ok(view({ mode }));
      },
    });
    renderApp('/settings', 'en');
    const banner = await screen.findByTestId('demo-banner');
    expect(banner.textContent).toContain('Sample data — your real data is not shown.');
    expect(screen.getByTestId('sidebar-association').textContent).toContain('Les Amis du Quartier');
    fireEvent.click(screen.getByRole('button', { name: 'Back to my data' }));
    await waitFor(() => expect(screen.queryByTestId('demo-banner')).toBeNull());
  });

  it('explains a database it cannot open instead of showing a blank window, in the OS language', async () => {
    mockRelais({ 'settings.get': () => ({ ok: false, error: { code: 'DATABASE_TOO_NEW' } }) });
    renderApp('/', 'fr');
    // No saved language can be read: the OS one (en-US here) is used.
    expect(await screen.findByRole('heading', { name: 'Relais could not open your data' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('newer version of Relais');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('searches from the header: Enter goes to the volunteers list with ?q=', async () => {
    mockRelais({
      'settings.get': () => ok(view()),
      'volunteers.list': () => ok({ total: 0, rows: [] }),
      'volunteers.listSkills': () => ok([]),
    });
    renderApp('/settings', 'en');
    const search = await screen.findByRole('searchbox', { name: 'Search volunteers' });
    fireEvent.change(search, { target: { value: 'hélène dupont' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/volunteers?q=h%C3%A9l%C3%A8ne+dupont'));
    expect((screen.getByRole('searchbox', { name: 'Search volunteers' }) as HTMLInputElement).value).toBe('hélène dupont');
  });

  it('searches as you type after a short pause', async () => {
    mockRelais({
      'settings.get': () => ok(view()),
      'volunteers.list': () => ok({ total: 0, rows: [] }),
      'volunteers.listSkills': () => ok([]),
    });
    renderApp('/settings', 'en');
    const search = await screen.findByRole('searchbox', { name: 'Search volunteers' });
    fireEvent.change(search, { target: { value: 'mar' } });
    expect(screen.getByTestId('location').textContent).toBe('/settings');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/volunteers?q=mar'));
  });
});

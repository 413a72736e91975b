// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AssociationInput } from '../../../shared/api';
import { logoProblem } from '../../../renderer/src/features/settings/LogoPicker';
import { association, mockRelais, ok, refused, renderApp, view } from './harness';

const firstRun = view({ language: null, association: null });

describe('first-run setup', () => {
  it('sends every path to /setup while there is no association', async () => {
    mockRelais({ 'settings.get': () => ok(firstRun) });
    renderApp('/volunteers/12', 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Relais' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/setup');
  });

  it('switches the whole screen to French as soon as French is picked', async () => {
    mockRelais({ 'settings.get': () => ok(firstRun) });
    renderApp('/setup', 'en');
    await screen.findByRole('heading', { level: 1, name: 'Welcome to Relais' });
    fireEvent.click(screen.getByRole('radio', { name: 'Français' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bienvenue dans Relais' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Suivant' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getByText('Dans quelle langue souhaitez-vous travailler\u00a0?', { normalizer: (s) => s })).toBeTruthy();
  });

  it('shows the server’s field errors under each field, translated, and saves nothing else', async () => {
    const sent: AssociationInput[] = [];
    const calls = mockRelais({
      'settings.get': () => ok(firstRun),
      'settings.saveAssociation': (input: AssociationInput) => {
        sent.push(input);
        return refused([
          { path: ['siret'], key: 'siret' },
          { path: ['rna'], key: 'rna' },
        ]);
      },
    });
    renderApp('/setup', 'en');
    fireEvent.click(await screen.findByRole('radio', { name: 'Français' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Suivant' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Nom de l’association/ }), { target: { value: 'Les Amis' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Numéro SIRET' }), { target: { value: '1234567890123' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Numéro RNA' }), { target: { value: 'W12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Commencer avec Relais' }));

    expect(await screen.findByText('Un numéro SIRET compte 14 chiffres.')).toBeTruthy();
    expect(screen.getByText('Un numéro RNA est un W suivi de 9 chiffres, par exemple W751234567.')).toBeTruthy();
    const siret = screen.getByRole('textbox', { name: 'Numéro SIRET' });
    expect(siret.getAttribute('aria-invalid')).toBe('true');
    // The message is tied to its field for screen readers.
    const describedBy = siret.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').map((id) => document.getElementById(id)?.textContent).join(' ')).toContain('Un numéro SIRET compte 14 chiffres.');
    expect(screen.getByRole('textbox', { name: /Nom de l’association/ }).getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('Certains champs sont à corriger.');
    expect(sent[0]).toMatchObject({ name: 'Les Amis', siret: '1234567890123', rna: 'W12' });
    // Identity first: the language is only saved once the identity has been accepted.
    expect(calls.map((c) => c.method)).not.toContain('settings.setLanguage');

    // Editing a field clears its now outdated message.
    fireEvent.change(siret, { target: { value: '12345678900012' } });
    expect(screen.queryByText('Un numéro SIRET compte 14 chiffres.')).toBeNull();
    expect(screen.getByText('Un numéro RNA est un W suivi de 9 chiffres, par exemple W751234567.')).toBeTruthy();
  });

  it('saves the identity, then the language, and leaves for the volunteers', async () => {
    const calls = mockRelais({
      'settings.get': () => ok(firstRun),
      'settings.saveAssociation': (input: AssociationInput) => ok(view({ language: null, association: { ...association, name: String(input.name) } })),
      'settings.setLanguage': ({ language }: { language: 'fr' | 'en' }) => ok(view({ language, association: { ...association, name: 'Les Amis' } })),
      'volunteers.list': () => ok({ total: 0, rows: [] }),
      'volunteers.listSkills': () => ok([]),
    });
    renderApp('/setup', 'en');
    fireEvent.click(await screen.findByRole('radio', { name: 'Français' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Suivant' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Nom de l’association/ }), { target: { value: 'Les Amis' } });
    fireEvent.click(screen.getByRole('button', { name: 'Commencer avec Relais' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/volunteers'));
    // The settings calls in order (the backups screen's recovery check may come in between).
    const settingsCalls = calls.filter((c) => c.method.startsWith('settings.'));
    expect(settingsCalls.map((c) => c.method).slice(1, 3)).toEqual(['settings.saveAssociation', 'settings.setLanguage']);
    expect(settingsCalls[2]!.input).toEqual({ language: 'fr' });
    expect(await screen.findByText('Les Amis')).toBeTruthy();
  });

  it('refuses a logo of the wrong kind or size before reading it', async () => {
    expect(logoProblem({ type: 'image/png', size: 10_000 })).toBeNull();
    expect(logoProblem({ type: 'image/webp', size: 2 * 1024 * 1024 })).toBeNull();
    expect(logoProblem({ type: 'image/png', size: 2 * 1024 * 1024 + 1 })).toBe('logoTooBig');
    expect(logoProblem({ type: 'image/svg+xml', size: 300 })).toBe('logoFormat');

    mockRelais({ 'settings.get': () => ok(firstRun) });
    renderApp('/setup', 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'Next' }));
    const input = document.querySelector('input[type=file][name=logo]') as HTMLInputElement;
    const big = new File([new Uint8Array(2 * 1024 * 1024 + 10)], 'logo.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { configurable: true, value: [big] });
    fireEvent.change(input);
    expect(await screen.findByText('The logo is too large: 2 MB at most.')).toBeTruthy();
    expect(screen.queryByTestId('logo-preview')).toBeNull();
  });
});

// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Training } from '../../../shared/api';
import { applyLanguage, i18n } from '../../../renderer/src/app/i18n';
import { RoleTrainingRequirement } from '../../../renderer/src/features/trainings/RoleTrainingRequirement';
import { mockRelais, ok } from '../volunteers/harness';

const catalogue: Training[] = [
  { id: 1, key: 'mental_health_first_aid', name: null, description: null, validityMonths: 36, archived: false, sessionCount: 0, qualifiedCount: 0 },
  { id: 2, key: null, name: 'Accueil téléphonique', description: null, validityMonths: null, archived: false, sessionCount: 0, qualifiedCount: 0 },
  { id: 3, key: null, name: 'Ancienne', description: null, validityMonths: null, archived: true, sessionCount: 0, qualifiedCount: 0 },
];

/** Opens the select and answers the names of its options (hidden: the dropdown may still be fading in). */
async function open(box: HTMLElement) {
  fireEvent.click(box);
  const list = await waitFor(() => document.getElementById(box.getAttribute('aria-controls') ?? '')!);
  await within(list).findAllByRole('option', { hidden: true });
  return list;
}

async function pick(box: HTMLElement, option: string) {
  const list = await open(box);
  fireEvent.click(await within(list).findByRole('option', { name: option, hidden: true }));
}

function renderIt(lang: 'fr' | 'en', initial: number | null, error?: string) {
  applyLanguage(lang);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const chosen: (number | null)[] = [];
  function Field() {
    const [value, setValue] = useState<number | null>(initial);
    return (
      <RoleTrainingRequirement
        value={value}
        onChange={(v) => {
          chosen.push(v);
          setValue(v);
        }}
        error={error}
      />
    );
  }
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MantineProvider>
          <Field />
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return chosen;
}

describe('RoleTrainingRequirement', () => {
  it('shows the training a role requires in the language of the screen, offers the catalogue without archived trainings, and hands the choice to the role form', async () => {
    const calls = mockRelais({ 'trainings.list': () => ok(catalogue) });
    const chosen = renderIt('fr', 1);
    const field = await screen.findByRole('combobox', { name: 'Formation requise' });
    await waitFor(() => expect(field).toHaveProperty('value', 'Premiers secours en santé mentale (PSSM)'));
    const list = await open(field);
    expect(within(list).getAllByRole('option', { hidden: true }).map((o) => o.textContent)).toEqual(['Accueil téléphonique', 'Premiers secours en santé mentale (PSSM)']);
    fireEvent.click(within(list).getByRole('option', { name: 'Accueil téléphonique', hidden: true }));
    await waitFor(() => expect(field).toHaveProperty('value', 'Accueil téléphonique'));
    expect(chosen).toEqual([2]);
    // Nothing is saved by the field itself: the role form saves it with the role.
    expect(calls.map((c) => c.method)).toEqual(['trainings.list']);
  });

  it('keeps an archived training a role already requires, clears to none, and shows the form’s message', async () => {
    mockRelais({ 'trainings.list': () => ok(catalogue) });
    const chosen = renderIt('en', 3, 'This training is archived: restore it in the catalogue before requiring it.');
    const field = await screen.findByRole('combobox', { name: 'Required training' });
    await waitFor(() => expect(field).toHaveProperty('value', 'Ancienne'));
    expect(screen.getByText('This training is archived: restore it in the catalogue before requiring it.')).toBeTruthy();
    // Mantine keeps its clear button out of the tab order (the dropdown deselects from the keyboard).
    fireEvent.click(document.querySelector('button[aria-label="No longer require a training"]')!);
    await waitFor(() => expect(field).toHaveProperty('value', ''));
    expect(chosen).toEqual([null]);
    await pick(field, 'Mental health first aid');
    expect(chosen).toEqual([null, 1]);
  });
});

// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
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

function renderIt(lang: 'fr' | 'en') {
  applyLanguage(lang);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MantineProvider>
          <RoleTrainingRequirement roleId={7} />
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

describe('RoleTrainingRequirement', () => {
  it('shows the training a role requires in the language of the screen and saves another one as soon as it is chosen', async () => {
    let required: number | null = 1;
    const calls = mockRelais({
      'trainings.list': () => ok(catalogue),
      'trainings.roleRequirement': () => ok({ roleId: 7, requiredTrainingId: required }),
      'trainings.setRoleRequirement': (input: { roleId: number; trainingId: number | null }) => {
        required = input.trainingId;
        return ok({ roleId: 7, requiredTrainingId: required });
      },
    });
    renderIt('fr');
    const field = await screen.findByRole('combobox', { name: 'Formation requise' });
    await waitFor(() => expect(field).toHaveProperty('value', 'Premiers secours en santé mentale (PSSM)'));
    // Archived trainings are not offered for a new requirement.
    const list = await open(field);
    expect(within(list).getAllByRole('option', { hidden: true }).map((o) => o.textContent)).toEqual(['Premiers secours en santé mentale (PSSM)', 'Accueil téléphonique']);
    fireEvent.click(within(list).getByRole('option', { name: 'Accueil téléphonique', hidden: true }));
    await waitFor(() => expect(calls.some((c) => c.method === 'trainings.setRoleRequirement')).toBe(true));
    expect(calls.find((c) => c.method === 'trainings.setRoleRequirement')!.input).toEqual({ roleId: 7, trainingId: 2 });
    await waitFor(() => expect(field).toHaveProperty('value', 'Accueil téléphonique'));
  });

  it('says in words why core refused', async () => {
    mockRelais({
      'trainings.list': () => ok(catalogue),
      'trainings.roleRequirement': () => ok({ roleId: 7, requiredTrainingId: null }),
      'trainings.setRoleRequirement': () => ({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['trainingId'], key: 'trainingArchived' }] } } }),
    });
    renderIt('en');
    const field = await screen.findByRole('combobox', { name: 'Required training' });
    await waitFor(() => expect(field).not.toHaveProperty('disabled', true));
    await pick(field, 'Mental health first aid');
    expect(await screen.findByText('This training is archived: restore it in the catalogue before using it.')).toBeTruthy();
  });
});

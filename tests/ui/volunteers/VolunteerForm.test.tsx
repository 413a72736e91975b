// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { VolunteerInput } from '../../../shared/api';
import { mockRelais, ok, renderAt, settingsView, skillsCatalogue } from './harness';

const refusal = {
  ok: false as const,
  error: {
    code: 'VALIDATION' as const,
    details: {
      issues: [
        { path: ['email'], key: 'email' },
        { path: ['birthYear'], key: 'birthYear' },
        { path: ['customValues', '3'], key: 'invalidChoice' },
        { path: ['notes'], key: 'tooLong', params: { max: 5000 } },
      ],
    },
  },
};

function setup(lang: 'fr' | 'en') {
  const sent: VolunteerInput[] = [];
  mockRelais({
    'settings.get': () => ok(settingsView),
    'volunteers.listSkills': () => ok(skillsCatalogue),
    'volunteers.findDuplicates': () => ok([]),
    'volunteers.create': (input: VolunteerInput) => {
      sent.push(input);
      return refusal;
    },
  });
  renderAt('/volunteers/new', { lang });
  return sent;
}

const record = {
  id: 5, firstName: 'Hélène', lastName: 'Dupré', email: null, phone: null, addressLine: null, postalCode: null, city: null, country: null,
  birthYear: null, joinedOn: '2024-09-15', status: 'active' as const, statusSince: null, statusReason: null, roles: ['volunteer' as const],
  skills: [{ skillId: 1, level: 2, key: 'active_listening', name: null, category: 'listening' as const }], interests: [], languages: [],
  availability: [], preferredFormat: 'both' as const, emergencyName: null, emergencyPhone: null, emergencyRelation: null, notes: null,
  consentOn: null, consentBasis: null, photoConsent: false, confidentialitySignedOn: null,
  // Field 4 is archived: its value is not shown but must survive a save.
  customValues: { '3': 'M', '4': 'kept' }, archivedAt: null, createdAt: '2024-09-15T10:00:00Z', updatedAt: '2024-09-15T10:00:00Z', history: [],
};

/** Opens a Mantine select by its label and clicks one of its own options. */
async function pick(label: string, option: string) {
  const box = screen.getByRole('combobox', { name: label });
  fireEvent.click(box);
  const list = await waitFor(() => document.getElementById(box.getAttribute('aria-controls') ?? '')!);
  // The dropdown may still be fading in: its options count as hidden until then.
  fireEvent.click(await within(list).findByRole('option', { name: option, hidden: true }));
}

const input = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;

describe('volunteer form', () => {
  it('shows the server’s translated messages under their fields, focuses the first, keeps what was typed', async () => {
    const sent = setup('fr');
    await screen.findByRole('textbox', { name: 'Prénom' });
    fireEvent.change(input('Prénom'), { target: { value: 'Jean' } });
    fireEvent.change(input('Nom'), { target: { value: 'Valjean' } });
    fireEvent.change(input('E-mail'), { target: { value: 'pas-un-email' } });
    fireEvent.change(input('Année de naissance'), { target: { value: '1850' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'samedi matin' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter ce bénévole' }));

    await screen.findByTestId('form-error');
    expect(screen.getByTestId('form-error').textContent).toContain('Certains champs sont à corriger.');
    const email = input('E-mail');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const described = (el: HTMLElement) =>
      (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(described(email)).toContain('Saisissez une adresse e-mail valide');
    expect(described(input('Année de naissance'))).toContain('Saisissez une année entre 1900 et l’année en cours.');
    expect(screen.getByText('Trop long\u00a0: 5000 caractères au maximum.', { normalizer: (x) => x })).toBeTruthy();
    expect(screen.getByText('Choisissez l’une des valeurs proposées.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(email));

    // Nothing typed was lost.
    expect(input('Prénom').value).toBe('Jean');
    expect((screen.getByRole('checkbox', { name: 'samedi matin' }) as HTMLInputElement).checked).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ firstName: 'Jean', lastName: 'Valjean', email: 'pas-un-email', birthYear: 1850, availability: ['sat.morning'] });
    expect(screen.getByTestId('location').textContent).toBe('/volunteers/new');
  });

  it('puts a skill message on the right line when a blank line was left out', async () => {
    const sent: VolunteerInput[] = [];
    mockRelais({
      'settings.get': () => ok(settingsView),
      'volunteers.listSkills': () => ok(skillsCatalogue),
      'volunteers.findDuplicates': () => ok([]),
      'volunteers.get': () => ok(record),
      'volunteers.update': (input: { id: number; data: VolunteerInput }) => {
        sent.push(input.data);
        return { ok: false as const, error: { code: 'VALIDATION' as const, details: { issues: [{ path: ['skills', 1, 'level'], key: 'invalid' }] } } };
      },
    });
    renderAt('/volunteers/5/edit');
    await screen.findByRole('textbox', { name: 'First name' });
    expect(input('First name').value).toBe('Hélène');
    // The record's skill on line 1, a blank line 2 (not sent), First aid on line 3 (sent second).
    fireEvent.click(screen.getByRole('button', { name: 'Add a skill' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a skill' }));
    await pick('Skill 3', 'First aid');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByTestId('form-error');
    expect(sent[0]!.skills).toEqual([
      { skillId: 1, level: 2 },
      { skillId: 2, level: 1 },
    ]);
    // Values of an archived custom field are kept as they were.
    expect(sent[0]!.customValues).toEqual({ '3': 'M', '4': 'kept' });
    expect(screen.getByRole('combobox', { name: 'Level 3' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('combobox', { name: 'Level 2' }).getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.getByRole('combobox', { name: 'Level 1' }).getAttribute('aria-invalid')).not.toBe('true');
  });

  it('shows status date and reason only for a pause or a departure, and only live custom fields', async () => {
    setup('en');
    await screen.findByRole('textbox', { name: 'First name' });
    expect(screen.queryByLabelText(/^Status date/)).toBeNull();
    await pick('Status', 'On a break');
    await waitFor(() => expect(screen.getByLabelText(/^Status date/)).toBeTruthy());
    expect(screen.getByRole('textbox', { name: 'Reason' })).toBeTruthy();
    expect(screen.queryAllByLabelText('T-shirt size').length).toBeGreaterThan(0);
    expect(screen.queryAllByLabelText('Old field')).toHaveLength(0);
  });

  it('shows and takes dates day/month/year in the app’s language, sends YYYY-MM-DD, and shows a refused date under its field', async () => {
    const sent: VolunteerInput[] = [];
    mockRelais({
      'settings.get': () => ok(settingsView),
      'volunteers.listSkills': () => ok(skillsCatalogue),
      'volunteers.findDuplicates': () => ok([]),
      'volunteers.create': (data: VolunteerInput) => {
        sent.push(data);
        return { ok: false as const, error: { code: 'VALIDATION' as const, details: { issues: [{ path: ['consentOn'], key: 'dateRange' }] } } };
      },
    });
    renderAt('/volunteers/new', { lang: 'fr' });
    await screen.findByRole('textbox', { name: 'Prénom' });
    const joined = input('Date d’arrivée');
    // Today, written the French way.
    const d = new Date();
    expect(joined.value).toBe(`${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`);

    // Typed with the keyboard; the calendar that opens speaks French.
    fireEvent.focus(joined);
    fireEvent.change(joined, { target: { value: '15/03/2024' } });
    expect(await screen.findByText('mars 2024')).toBeTruthy();
    fireEvent.blur(joined);
    expect(joined.value).toBe('15/03/2024');

    // Not a real date: not taken, the field goes back to the last good one.
    fireEvent.change(joined, { target: { value: '31/02/2024' } });
    fireEvent.blur(joined);
    expect(joined.value).toBe('15/03/2024');

    const consent = input('Consentement recueilli le');
    expect(consent.getAttribute('placeholder')).toBe('JJ/MM/AAAA');
    fireEvent.change(consent, { target: { value: '1/1/1850' } });
    fireEvent.blur(consent);
    expect(consent.value).toBe('01/01/1850');
    const signed = input('Engagement de confidentialité signé le');
    fireEvent.change(signed, { target: { value: '02.05.2024' } });
    fireEvent.blur(signed);
    // Clearable, with a button that says what it clears.
    fireEvent.click(screen.getByRole('button', { name: 'Effacer la date «\u00a0Engagement de confidentialité signé le\u00a0»' }));
    expect(signed.value).toBe('');

    fireEvent.change(input('Prénom'), { target: { value: 'Jean' } });
    fireEvent.change(input('Nom'), { target: { value: 'Valjean' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter ce bénévole' }));
    await screen.findByTestId('form-error');
    expect(sent[0]).toMatchObject({ joinedOn: '2024-03-15', consentOn: '1850-01-01', confidentialitySignedOn: '' });
    // The server's message under the date, and the cursor there.
    expect(consent.getAttribute('aria-invalid')).toBe('true');
    const described = (consent.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(described).toContain('Saisissez une date entre 1900 et 2100.');
    await waitFor(() => expect(document.activeElement).toBe(consent));
    expect(consent.value).toBe('01/01/1850');
  });

  it('asks before leaving with changes not saved: stay keeps them, leave goes; nothing to lose, no question', async () => {
    mockRelais({
      'settings.get': () => ok(settingsView),
      'volunteers.listSkills': () => ok(skillsCatalogue),
      'volunteers.findDuplicates': () => ok([]),
      'volunteers.list': () => ok({ total: 0, rows: [] }),
    });
    renderAt('/volunteers/new', { lang: 'en' });
    await screen.findByRole('textbox', { name: 'First name' });
    // Untouched: Cancel simply leaves.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/volunteers'));

    fireEvent.click(await screen.findByRole('link', { name: 'Add a volunteer' }));
    await screen.findByRole('textbox', { name: 'First name' });
    fireEvent.change(input('First name'), { target: { value: 'Jeanne' } });
    fireEvent.click(screen.getByRole('link', { name: /Back to the list/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    expect(dialog.textContent).toContain('has not been saved');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stay on this page' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('location').textContent).toBe('/volunteers/new');
    expect(input('First name').value).toBe('Jeanne');

    // Typed back to how it was: nothing to lose.
    fireEvent.change(input('First name'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/volunteers'));

    fireEvent.click(await screen.findByRole('link', { name: 'Add a volunteer' }));
    await screen.findByRole('textbox', { name: 'First name' });
    fireEvent.change(input('Last name'), { target: { value: 'Valjean' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Leave without saving' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/volunteers'));
  });

  it('leaves without asking once saved', async () => {
    const saved = { ...record, id: 9, firstName: 'Jeanne', lastName: 'Valjean', skills: [], customValues: {} };
    mockRelais({
      'settings.get': () => ok(settingsView),
      'volunteers.listSkills': () => ok(skillsCatalogue),
      'volunteers.findDuplicates': () => ok([]),
      'volunteers.create': () => ok(saved),
      'volunteers.get': () => ok(saved),
    });
    renderAt('/volunteers/new', { lang: 'en' });
    await screen.findByRole('textbox', { name: 'First name' });
    fireEvent.change(input('First name'), { target: { value: 'Jeanne' } });
    fireEvent.change(input('Last name'), { target: { value: 'Valjean' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add this volunteer' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/volunteers/9'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

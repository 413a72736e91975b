import AxeBuilder from '@axe-core/playwright';
import frValidation from '../../shared/i18n/locales/fr/validation.json';
import { completeSetup, expect, test, type CoreFixture } from './fixtures';
import { LeaveDialog, ShellPage } from './pages/ShellPage';
import { VolunteerDetailPage } from './pages/volunteerDetail';
import { VolunteerFormPage } from './pages/volunteerForm';
import { VolunteersListPage } from './pages/volunteersList';
import { commonStrings, fill, volunteerStrings, type Lang } from './pages/volunteersLocale';

const SHOTS = 'tests/e2e/screenshots';

const FIRST = ['Aïcha', 'Bruno', 'Camille', 'Damien', 'Élodie', 'Fatou', 'Gaspard', 'Héloïse', 'Inès', 'Julien', 'Karim', 'Léa', 'Mathis', 'Nadia', 'Olivier', 'Pauline', 'Quentin', 'Rose', 'Samuel', 'Thérèse', 'Ulysse', 'Valérie', 'William', 'Yasmine', 'Zoé', 'Antoine', 'Bérénice', 'Cédric', 'Delphine', 'Émile'];
const LAST = ['Traoré', 'Martin', 'Lefèvre', 'Moreau', 'Garnier', 'Diallo', 'Roux', 'Fournier', 'Benali', 'Girard', 'Haddad', 'Bonnet', 'Lambert', 'Mercier', 'Faure', 'Chevalier', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Perrin', 'Robin', 'Clément', 'Nguyen', 'Masson', 'Marchand', 'Dumont', 'Picard', 'Renaud', 'Caron'];
const CITIES = ['Lyon', 'Villeurbanne', 'Vénissieux', 'Caluire-et-Cuire', 'Bron', 'Oullins'];

/** ~30 varied volunteers through the real core, for the list screenshots. */
async function seedVolunteers(core: CoreFixture, n = 30) {
  const statuses = ['active', 'active', 'active', 'paused', 'left'] as const;
  const roles = [['volunteer'], ['volunteer', 'facilitator'], ['supervisor'], ['volunteer'], ['board', 'volunteer']] as const;
  for (let i = 0; i < n; i++) {
    const status = statuses[i % statuses.length]!;
    await core.call('volunteers.create', {
      firstName: FIRST[i % FIRST.length]!,
      lastName: LAST[(i * 7) % LAST.length]!,
      email: `${FIRST[i % FIRST.length]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.${i}@exemple.fr`,
      phone: `06 ${String(10 + i).padStart(2, '0')} 45 67 ${String(80 + (i % 20)).padStart(2, '0')}`,
      city: CITIES[i % CITIES.length]!,
      postalCode: '69001',
      joinedOn: `20${String(18 + (i % 8)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`,
      status,
      statusSince: status === 'active' ? null : '2026-03-01',
      roles: [...roles[i % roles.length]!],
    });
  }
}

/** A complete record, to show every section of the detail page. */
async function seedFullRecord(core: CoreFixture) {
  const skills = await core.call('volunteers.listSkills', {});
  const byKey = (k: string) => skills.find((s) => s.key === k)!.id;
  await core.call('settings.saveCustomField', { label: 'Taille de t-shirt', type: 'choice', options: ['S', 'M', 'L', 'XL'] });
  await core.call('settings.saveCustomField', { label: 'Permis B', type: 'boolean' });
  await core.call('settings.saveCustomField', { label: 'Formation initiale', type: 'date' });
  const fields = (await core.call('settings.get')).customFields;
  const id = (label: string) => String(fields.find((f) => f.label === label)!.id);
  return core.call('volunteers.create', {
    firstName: 'Hélène',
    lastName: 'Dupré',
    email: 'helene.dupre@exemple.fr',
    phone: '06 12 34 56 78',
    addressLine: '12 rue de la République',
    postalCode: '69002',
    city: 'Lyon',
    country: 'France',
    birthYear: 1978,
    joinedOn: '2024-09-15',
    status: 'paused',
    statusSince: '2026-06-01',
    statusReason: 'Déménagement temporaire',
    roles: ['volunteer', 'facilitator'],
    skills: [
      { skillId: byKey('active_listening'), level: 3 },
      { skillId: byKey('group_facilitation'), level: 2 },
      { skillId: byKey('first_aid'), level: 1 },
    ],
    interests: ['Jardinage', 'Lecture à voix haute'],
    languages: ['Français', 'Anglais', 'Arabe'],
    availability: ['mon.evening', 'wed.afternoon', 'wed.evening', 'sat.morning'],
    preferredFormat: 'in_person',
    emergencyName: 'Paul Dupré',
    emergencyPhone: '06 98 76 54 32',
    emergencyRelation: 'Frère',
    notes: 'Anime le groupe de parole du mercredi.\nPréfère être contactée par SMS.',
    consentOn: '2024-09-15',
    consentBasis: 'consent',
    photoConsent: true,
    confidentialitySignedOn: '2024-09-20',
    customValues: { [id('Taille de t-shirt')]: 'M', [id('Permis B')]: true, [id('Formation initiale')]: '2024-10-05' },
  });
}

test.describe('volunteers', () => {
  test('create, find without accents, edit, archive', async ({ app, core }) => {
    await completeSetup(core, 'en');
    const s = volunteerStrings.en;
    await app.open('/volunteers');
    const list = new VolunteersListPage(app.page);
    await expect(list.empty).toBeVisible();
    await list.empty.getByRole('link', { name: s.empty.add }).click();

    const form = new VolunteerFormPage(app.page);
    await form.fillFields({ firstName: 'Hélène', lastName: 'Dupré', email: 'helene@exemple.fr', phone: '04 72 00 00 01', city: 'Lyon', postalCode: '69002' });
    await form.slot('wed', 'evening').check();
    await form.role('facilitator').check();
    await form.submit();

    const detail = new VolunteerDetailPage(app.page);
    await expect(detail.heading).toHaveText('Hélène Dupré');
    await expect(app.page.getByText(fill(s.form.created, { name: 'Hélène Dupré' }))).toBeVisible();
    await expect(detail.phone).toHaveText('04 72 00 00 01');

    // Back to the list: "helene" finds "Hélène" (accent- and case-insensitive).
    await app.page.getByRole('link', { name: s.detail.backToList }).click();
    await list.searchFor('HELENE');
    await expect(app.page).toHaveURL(/#\/volunteers\?q=HELENE$/);
    await expect(list.rows()).toHaveCount(1);
    await list.searchFor('helene');
    await expect(list.row('Dupré')).toBeVisible();
    await list.expectCount('1 volunteer');
    await list.row('Dupré').click();

    // Edit the phone.
    await detail.editButton.click();
    await expect(form.field('phone')).toHaveValue('04 72 00 00 01');
    // Dates in English too are day/month/year, never the browser's month/day/year.
    await form.typeDate('consentOn', '02/03/2025');
    await form.field('phone').fill('06 11 22 33 44');
    await form.submit();
    await expect(detail.phone).toHaveText('06 11 22 33 44');
    const [stored] = (await core.call('volunteers.list', { query: 'helene' })).rows;
    expect(stored?.phone).toBe('06 11 22 33 44');
    expect((await core.call('volunteers.get', { id: stored!.id })).consentOn).toBe('2025-03-02');

    // Archive: gone from the everyday list, there with the archived filter.
    await detail.archive('Hélène Dupré');
    await expect(detail.archivedBanner).toBeVisible();
    await app.open('/volunteers');
    await expect(list.empty.or(list.page.getByText(s.noMatch.allArchivedTitle))).toBeVisible();
    await app.page.getByRole('button', { name: s.noMatch.showArchived }).click();
    await expect(list.row('Dupré')).toBeVisible();
    await expect(list.row('Dupré')).toContainText(s.list.archivedBadge);
    await list.showArchived('hide');
    await expect(list.rows()).toHaveCount(0);
    await list.showArchived('only');
    await expect(list.row('Dupré')).toBeVisible();
    expect((await core.call('volunteers.list', {})).total).toBe(0);
    expect((await core.call('volunteers.list', { filters: { archived: 'only' } })).total).toBe(1);
  });

  test('a refused input shows translated messages on the fields and writes nothing', async ({ app, core }) => {
    await completeSetup(core, 'fr');
    const s = volunteerStrings.fr;
    await app.open('/volunteers/new');
    const form = new VolunteerFormPage(app.page, 'fr');
    await form.fillFields({ firstName: 'Jean', lastName: 'Valjean', email: 'jean-at-exemple', city: 'Montreuil' });
    await form.field('birthYear').fill('1850');
    // Dates are written day/month/year; this one is out of range.
    await form.typeDate('joinedOn', '01/01/1850');
    await expect(form.field('joinedOn')).toHaveValue('01/01/1850');
    await form.slot('sat', 'morning').check();
    await form.submit();

    await expect(form.errorAlert).toBeVisible();
    await form.expectFieldError('email', frValidation.email);
    await form.expectFieldError('birthYear', frValidation.birthYear);
    await form.expectFieldError('joinedOn', frValidation.dateRange);
    // The first field to correct has the focus; nothing typed is lost.
    await expect(form.field('email')).toBeFocused();
    await expect(form.field('city')).toHaveValue('Montreuil');
    await expect(form.slot('sat', 'morning')).toBeChecked();
    const result = await core.dispatch('volunteers.list', { filters: { archived: 'include' } });
    expect(result.ok && result.data.total).toBe(0);

    // Corrected, it goes through.
    await form.field('email').fill('jean@exemple.fr');
    await form.field('birthYear').fill('1969');
    await form.typeDate('joinedOn', '15/09/2024');
    await form.submit();
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Jean Valjean');
    await expect(app.page.getByText(fill(s.form.created, { name: 'Jean Valjean' }))).toBeVisible();
    const { rows } = await core.call('volunteers.list', {});
    expect(rows.map((r) => r.joinedOn)).toEqual(['2024-09-15']);
  });

  test('keyboard: Ctrl+N, search, arrows and Enter', async ({ app, core }) => {
    await completeSetup(core, 'en');
    await seedVolunteers(core, 30);
    await app.open('/volunteers');
    const list = new VolunteersListPage(app.page);
    await list.expectCount('30 volunteers');

    await app.page.keyboard.press('Control+n');
    await expect(app.page).toHaveURL(/#\/volunteers\/new$/);
    await expect(new VolunteerFormPage(app.page).field('firstName')).toBeFocused();
    await app.page.goBack();
    await expect(list.grid).toBeVisible();

    // One search field, the header's; on the list it says how to go on with the keyboard.
    await expect(app.page.getByRole('searchbox')).toHaveCount(1);
    await expect(list.search).toHaveAccessibleDescription(commonStrings.en.search.hint);
    // Typed there: ↓ into the grid, ↓ once more, Enter.
    await list.search.focus();
    await app.page.keyboard.type('lyon');
    await expect(app.page).toHaveURL(/q=lyon/);
    const expected = (await core.call('volunteers.list', { query: 'lyon' })).rows;
    expect(expected).toHaveLength(5);
    await list.expectCount('5 volunteers');
    await app.page.keyboard.press('ArrowDown');
    await expect(list.grid).toBeFocused();
    await expect(list.grid.locator('[aria-selected="true"]')).toHaveAttribute('aria-rowindex', '2');
    await app.page.keyboard.press('ArrowDown');
    await expect(list.grid.locator('[aria-selected="true"]')).toHaveAttribute('aria-rowindex', '3');
    await app.page.keyboard.press('Enter');
    await expect(app.page).toHaveURL(new RegExp(`#/volunteers/${expected[1]!.id}$`));
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(`${expected[1]!.firstName} ${expected[1]!.lastName}`);

    // Back in the list: Home/End and the header search (Ctrl+K) lead there too.
    await app.open('/volunteers');
    await list.grid.focus();
    await app.page.keyboard.press('End');
    await expect(list.grid.locator('[aria-selected="true"]')).toHaveAttribute('aria-rowindex', '31');
    // Scrolled to the end, the last row and the column headers are both in view.
    await expect(list.grid.locator('[aria-selected="true"]')).toBeInViewport();
    await expect(list.grid.getByRole('columnheader', { name: 'Name' })).toBeInViewport();
    expect(await list.grid.evaluate((g) => g.scrollTop)).toBeGreaterThan(0);
    await app.page.keyboard.press('Home');
    await expect(list.grid.locator('[aria-selected="true"]')).toHaveAttribute('aria-rowindex', '2');
    await app.page.keyboard.press('Control+k');
    await app.page.keyboard.type('Traoré');
    await expect(list.rows()).toHaveCount(1);
    await app.page.keyboard.press('ArrowDown');
    await expect(list.grid).toBeFocused();
    await app.page.keyboard.press('Enter');
    await expect(app.page.getByRole('heading', { level: 1 })).toContainText('Traoré');
  });

  test('warns about a likely duplicate with a link to it', async ({ app, core }) => {
    await completeSetup(core, 'en');
    const s = volunteerStrings.en;
    const marc = await core.call('volunteers.create', { firstName: 'Marc', lastName: 'Petit', email: 'marc.petit@exemple.fr', postalCode: '69003', joinedOn: '2023-02-01' });
    await app.open('/volunteers/new');
    const form = new VolunteerFormPage(app.page);
    await form.fillFields({ firstName: 'Marc', lastName: 'Petit' });
    await expect(form.duplicateWarning).toBeHidden();
    await form.field('email').fill('MARC.PETIT@exemple.fr');
    await expect(form.duplicateWarning).toContainText(s.duplicates.email);
    await form.field('email').fill('');
    await expect(form.duplicateWarning).toBeHidden();
    await form.field('postalCode').fill('69003');
    await expect(form.duplicateWarning).toContainText(s.duplicates.nameAndPostalCode);
    await form.duplicateWarning.getByRole('link', { name: 'Marc Petit' }).click();
    // What was typed is not saved: going to look asks first.
    await new LeaveDialog(app.page).leave();
    await expect(app.page).toHaveURL(new RegExp(`#/volunteers/${marc.id}$`));
    expect((await core.call('volunteers.list', {})).total).toBe(1);
  });

  test('leaving a form with changes not saved asks first: stay keeps them, leave goes', async ({ app, core }) => {
    await completeSetup(core, 'en');
    await app.open('/volunteers');
    const list = new VolunteersListPage(app.page);
    await list.addButton.click();
    const form = new VolunteerFormPage(app.page);
    await form.field('firstName').fill('Jeanne');
    const shell = new ShellPage(app.page);
    const dialog = new LeaveDialog(app.page);

    // The sidebar.
    await shell.goToSettings();
    await expect(dialog.root).toBeVisible();
    await expect(dialog.stayButton).toBeFocused();
    const axe = await new AxeBuilder({ page: app.page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await dialog.stay();
    await expect(app.page).toHaveURL(/#\/volunteers\/new$/);
    await expect(form.field('firstName')).toHaveValue('Jeanne');

    // The header search, and Back.
    await shell.search.fill('mar');
    await expect(dialog.root).toBeVisible();
    await dialog.stay();
    await app.page.goBack();
    await expect(dialog.root).toBeVisible();
    await dialog.stay();
    await expect(app.page).toHaveURL(/#\/volunteers\/new$/);
    await expect(form.field('firstName')).toHaveValue('Jeanne');

    // Leaving without saving goes where asked, and writes nothing.
    await shell.goToSettings();
    await dialog.leave();
    await expect(app.page).toHaveURL(/#\/settings$/);
    await expect(app.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    expect((await core.call('volunteers.list', { filters: { archived: 'include' } })).total).toBe(0);

    // An edit too; saved, it leaves without a question.
    const v = await core.call('volunteers.create', { firstName: 'Marc', lastName: 'Petit', joinedOn: '2023-02-01' });
    await app.open(`/volunteers/${v.id}/edit`);
    await form.field('city').fill('Lyon');
    await app.page.getByRole('link', { name: volunteerStrings.en.form.backToRecord }).click();
    await dialog.stay();
    await form.submit();
    await expect(app.page).toHaveURL(new RegExp(`#/volunteers/${v.id}$`));
    await expect(dialog.root).toBeHidden();
    expect((await core.call('volunteers.get', { id: v.id })).city).toBe('Lyon');
  });

  test('list, record and form have no accessibility violations axe can find', async ({ app, core }) => {
    await completeSetup(core, 'fr');
    await seedVolunteers(core, 8);
    const full = await seedFullRecord(core);
    const check = async (also?: string) => {
      // Away from any hovered button: the theme's hover shade is not what is being checked here.
      await app.page.mouse.move(0, 0);
      let axe = new AxeBuilder({ page: app.page }).include('#main');
      if (also) axe = axe.include(also);
      const results = await axe.withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')}`)).toEqual([]);
    };
    await app.open('/volunteers');
    const list = new VolunteersListPage(app.page, 'fr');
    await expect(list.rows().first()).toBeVisible();
    await list.grid.focus();
    await list.openFilters();
    await check();
    await app.open(`/volunteers/${full.id}`);
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Hélène Dupré');
    await check();
    await new VolunteerDetailPage(app.page, 'fr').archive('Hélène Dupré');
    await expect(app.page.getByTestId('archived-banner')).toBeVisible();
    await check();
    await app.open(`/volunteers/${full.id}/edit`);
    const form = new VolunteerFormPage(app.page, 'fr');
    await expect(form.field('firstName')).toHaveValue('Hélène');
    await check();
    // A date field's calendar, open (it lives outside #main).
    await form.field('joinedOn').click();
    await expect(app.page.locator('[data-dates-dropdown]')).toBeVisible();
    await check('[data-dates-dropdown]');
    await app.page.keyboard.press('Escape');
    // A refused save and a duplicate warning.
    await app.open('/volunteers/new');
    await form.fillFields({ firstName: 'Hélène', lastName: 'Dupré', email: 'helene.dupre@exemple.fr' });
    await form.field('birthYear').fill('1850');
    await expect(form.duplicateWarning).toBeVisible();
    await form.submit();
    await expect(form.errorAlert).toBeVisible();
    await check();
  });

  for (const lang of ['fr', 'en'] as Lang[]) {
    test(`screenshots ${lang} @screenshots`, async ({ app, core }) => {
      await completeSetup(core, lang);
      const page = app.page;
      await app.open('/volunteers');
      await expect(page.getByTestId('volunteers-empty')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/volunteers-empty-${lang}.png` });

      await seedVolunteers(core, 30);
      const full = await seedFullRecord(core);

      // Seeded behind the page's back: reload so nothing cached from the empty list remains.
      await page.reload();
      const list = new VolunteersListPage(page, lang);
      await expect(list.rows().first()).toBeVisible();
      await expect(list.grid.locator('[aria-busy="true"]')).toHaveCount(0);
      await page.screenshot({ path: `${SHOTS}/volunteers-list-${lang}.png` });

      await list.openFilters();
      await list.chooseFilter(volunteerStrings[lang].filters.status, volunteerStrings[lang].status.active);
      await page.keyboard.press('Escape');
      await expect(list.grid.locator('[aria-busy="true"]')).toHaveCount(0);
      await page.screenshot({ path: `${SHOTS}/volunteers-list-filters-${lang}.png` });

      await app.open(`/volunteers/${full.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hélène Dupré');
      await page.screenshot({ path: `${SHOTS}/volunteer-detail-${lang}.png`, fullPage: true });

      await app.open(`/volunteers/${full.id}/edit`);
      await expect(new VolunteerFormPage(page, lang).field('firstName')).toHaveValue('Hélène');
      // The window as the person sees it: the top of the form and the action bar pinned at the bottom.
      await page.screenshot({ path: `${SHOTS}/volunteer-form-${lang}.png` });

      // Dates in the app's language: day/month/year in the field, the calendar's month and day names.
      const editForm = new VolunteerFormPage(page, lang);
      await editForm.field('statusSince').scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 140);
      await editForm.field('joinedOn').click();
      await expect(editForm.field('joinedOn')).toHaveValue('15/09/2024');
      await expect(page.getByText(lang === 'fr' ? 'septembre 2024' : 'September 2024', { exact: true })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/volunteer-form-dates-${lang}.png` });
      await page.keyboard.press('Escape');

      await app.open('/volunteers/new');
      const form = new VolunteerFormPage(page, lang);
      await form.fillFields({ firstName: 'Jean', lastName: 'Valjean', email: 'pas-un-email' });
      await form.field('birthYear').fill('1850');
      await form.submit();
      await expect(form.errorAlert).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/volunteer-form-errors-${lang}.png` });
    });
  }
});

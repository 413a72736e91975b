import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { formatDate, formatMoney } from '../../shared/format';
import { resources } from '../../shared/i18n';
import { completeSetup, expect, test, type CoreFixture } from './fixtures';
import { SessionPage, TrainingsPage, VolunteerQualificationsBlock, trainingStrings } from './pages/trainings';
import { fill, type Lang } from './pages/volunteersLocale';

const SHOTS = 'tests/e2e/screenshots';

/** WCAG A/AA checks; with a dialog open, of the dialog. Notifications are the shared notifier's. */
async function axe(page: Page, only?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).exclude('.mantine-Notifications-root');
  const results = await (only ? builder.include(only) : builder).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A text as Intl writes it, matched whatever spaces the engine puts in (narrow or not). */
const loose = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s/g, '\\s'));

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const daysFromToday = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return isoDay(d);
};

async function seedPeople(core: CoreFixture) {
  const ana = await core.call('volunteers.create', { firstName: 'Anaïs', lastName: 'Lopez', joinedOn: '2023-01-10' });
  const ben = await core.call('volunteers.create', { firstName: 'Benoît', lastName: 'Abadie', joinedOn: '2022-05-01' });
  const zoe = await core.call('volunteers.create', { firstName: 'Zoé', lastName: 'Marchand', joinedOn: '2019-09-01' });
  return { ana, ben, zoe };
}

const pssmId = async (core: CoreFixture) => (await core.call('trainings.list', {})).find((x) => x.key === 'mental_health_first_aid')!.id;

for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
  test.describe(`trainings (${lang})`, () => {
    test(`record a training with its cost and participants, close it, see the qualification and its expiry (${lang})`, async ({ app, core }) => {
      await completeSetup(core, lang);
      const s = trainingStrings[lang];
      const { ana, ben } = await seedPeople(core);
      const page = app.page;
      const pssm = s.catalogue.mental_health_first_aid;

      await app.open('/trainings');
      const trainings = new TrainingsPage(page, lang);
      await expect(page.getByText(s.sessionsTab.emptyTitle)).toBeVisible();
      await axe(page);
      // Keyboard: the button is reached and pressed without a mouse; the dialog takes the focus.
      await trainings.recordButton.focus();
      await page.keyboard.press('Enter');
      const form = trainings.sessionForm();
      await expect(form.field(s.sessionForm.training)).toBeFocused();
      await expect(form.root).toBeVisible();
      await form.chooseTraining(pssm);
      await form.typeDate('15/03/2025');
      await form.field(s.sessionForm.place).fill('Maison des associations');
      await form.field(s.sessionForm.trainerName).fill('PSSM France');
      await form.addPeople(s.sessionForm.participants, ['Anaïs Lopez', 'Benoît Abadie']);

      // Bad amounts: a negative one is caught as typed, an absurd one by core; nothing is written.
      await form.field(s.sessionForm.cost).fill('-12');
      await form.saveButton.click();
      await expect(form.root.getByText(resources[lang].validation.costNegative)).toBeVisible();
      await form.field(s.sessionForm.cost).fill(lang === 'fr' ? '2 000 000' : '2,000,000');
      await form.saveButton.click();
      await expect(form.root.getByText(resources[lang].validation.costTooHigh)).toBeVisible();
      expect((await core.call('trainings.listSessions', {})).total).toBe(0);
      await axe(page, '[role="dialog"]');

      await form.field(s.sessionForm.cost).fill(lang === 'fr' ? '1 234,50' : '1,234.50');
      await form.saveButton.click();

      // The session's page: its cost in the language's format, both participants enrolled.
      const session = new SessionPage(page, lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(pssm);
      await expect(session.cost).toHaveText(loose(formatMoney(123_450, lang)));
      await expect(page.getByText(loose(fill(s.session.costPerParticipant, { amount: formatMoney(61_725, lang) })))).toBeVisible();
      await expect(session.status).toHaveText(s.status.toComplete);
      await expect(session.participant('Anaïs Lopez')).toContainText(s.results.enrolled);
      const stored = (await core.call('trainings.listSessions', {})).rows;
      expect(stored).toEqual([expect.objectContaining({ costCents: 123_450, trainerName: 'PSSM France', participantCount: 2, startLocal: '2025-03-15T09:00' })]);

      await axe(page);

      // Closing before the session took place is refused, under the field; nothing changes.
      await session.completedBox('Benoît Abadie').uncheck();
      await session.completedOn.fill('14/03/2025');
      await session.completedOn.press('Escape');
      await session.completeButton.click();
      await expect(page.getByText(resources[lang].validation.completedBeforeSession)).toBeVisible();
      expect((await core.call('trainings.forVolunteer', { volunteerId: ana.id })).qualifications).toEqual([]);

      await session.completedOn.fill('16/03/2025');
      await session.completedOn.press('Escape');
      await session.completeButton.click();
      await expect(session.status).toHaveText(s.status.completed);
      const expires = fill(s.session.expiresOn, { date: formatDate('2028-03-15', lang) });
      await expect(session.participant('Anaïs Lopez')).toContainText(s.results.completed);
      await expect(session.participant('Anaïs Lopez')).toContainText(expires);
      await expect(session.participant('Benoît Abadie')).toContainText(s.results.not_completed);
      await axe(page);

      // On her record: qualified, with the date obtained and the expiry.
      await session.participant('Anaïs Lopez').getByRole('link').click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Anaïs Lopez');
      const block = new VolunteerQualificationsBlock(page);
      await expect(block.training(pssm)).toContainText(s.states.qualified);
      await expect(block.training(pssm)).toContainText(fill(s.volunteer.obtained, { date: formatDate('2025-03-15', lang) }));
      await expect(block.training(pssm)).toContainText(fill(s.volunteer.expiresOn, { date: formatDate('2028-03-15', lang) }));

      // Benoît did not complete it: nothing held on his record.
      await app.open(`/volunteers/${ben.id}`);
      await expect(new VolunteerQualificationsBlock(page).root).toContainText(s.volunteer.empty);
    });

    test(`qualifications expiring within 60 days and already expired (${lang})`, async ({ app, core }) => {
      await completeSetup(core, lang);
      const s = trainingStrings[lang];
      const { ana, ben, zoe } = await seedPeople(core);
      const pssm = await pssmId(core);
      await core.call('trainings.addQualification', { volunteerId: ben.id, trainingId: pssm, obtainedOn: daysFromToday(-700), expiresOn: daysFromToday(20) });
      await core.call('trainings.addQualification', { volunteerId: zoe.id, trainingId: pssm, obtainedOn: '2020-01-10', expiresOn: '2023-01-10' });
      await core.call('trainings.addQualification', { volunteerId: ana.id, trainingId: pssm, obtainedOn: daysFromToday(-10) });
      const page = app.page;
      await app.open('/trainings?tab=qualifications');
      const trainings = new TrainingsPage(page, lang);
      await expect(trainings.qualificationRows('expiring')).toHaveCount(1);
      await expect(trainings.qualificationRows('expiring').first()).toContainText('Benoît Abadie');
      await expect(trainings.qualificationRows('expiring').first()).toContainText(formatDate(daysFromToday(20), lang));
      await expect(trainings.qualificationRows('expiring').first()).toContainText(fill(s.qualificationsTab.inDays_other, { count: 20 }));
      await axe(page);
      await trainings.qualificationView('expired').click();
      await expect(trainings.qualificationRows('expired')).toHaveCount(1);
      await expect(trainings.qualificationRows('expired').first()).toContainText('Zoé Marchand');
      await expect(trainings.qualificationRows('expired').first()).toContainText(formatDate('2023-01-10', lang));
      // From the list to the record: expired there too.
      await trainings.qualificationRows('expired').first().getByRole('link').click();
      await expect(new VolunteerQualificationsBlock(page).training(s.catalogue.mental_health_first_aid)).toContainText(s.states.expired);
    });

    test(`the catalogue: a validity out of range is refused with a sentence, a good one is saved (${lang})`, async ({ app, core }) => {
      await completeSetup(core, lang);
      const s = trainingStrings[lang];
      const page = app.page;
      await app.open('/trainings?tab=catalogue');
      const trainings = new TrainingsPage(page, lang);
      await expect(trainings.catalogueTable.getByTestId('training-row')).toHaveCount(4);
      await expect(trainings.catalogueTable.getByTestId('training-row').filter({ hasText: s.catalogue.mental_health_first_aid })).toContainText(
        fill(s.validity.months_other, { count: 36 }),
      );
      await page.getByRole('button', { name: s.catalogueTab.add, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: s.trainingForm.addTitle });
      await dialog.getByLabel(new RegExp(`^${s.trainingForm.name}`)).fill('Accueil téléphonique');
      await dialog.getByLabel(new RegExp(`^${s.trainingForm.validityMonths.replace(/[()]/g, '\\$&')}`)).fill('-6');
      await dialog.getByRole('button', { name: /^(Save|Enregistrer)$/ }).click();
      await expect(dialog.getByText(resources[lang].validation.validityMonths)).toBeVisible();
      expect((await core.call('trainings.list', { includeArchived: true })).length).toBe(4);
      await axe(page, '[role="dialog"]');
      await dialog.getByLabel(new RegExp(`^${s.trainingForm.validityMonths.replace(/[()]/g, '\\$&')}`)).fill('24');
      await dialog.getByRole('button', { name: /^(Save|Enregistrer)$/ }).click();
      await expect(dialog).toBeHidden();
      await expect(trainings.catalogueTable.getByTestId('training-row').filter({ hasText: 'Accueil téléphonique' })).toContainText(fill(s.validity.months_other, { count: 24 }));
      await axe(page);
    });

    test(`screenshots ${lang} @screenshots`, async ({ app, core }) => {
      await completeSetup(core, lang);
      const { ana, ben, zoe } = await seedPeople(core);
      const pssm = await pssmId(core);
      const listening = (await core.call('trainings.list', {})).find((x) => x.key === 'active_listening')!.id;
      const trainer = await core.call('volunteers.create', { firstName: 'Claire', lastName: 'Fontaine', joinedOn: '2018-01-01' });
      const spring = await core.call('trainings.createSession', {
        trainingId: pssm,
        title: lang === 'fr' ? 'PSSM — session de printemps' : 'Mental health first aid — spring',
        startLocal: '2025-03-15T09:00',
        endLocal: '2025-03-15T17:00',
        place: 'Maison des associations',
        trainerName: 'PSSM France',
        costCents: 123_450,
        participantIds: [ana.id, ben.id, zoe.id],
      });
      await core.call('trainings.completeSession', { eventId: spring.eventId, completedOn: '2025-03-16', completedIds: [ana.id, zoe.id] });
      await core.call('trainings.createSession', {
        trainingId: listening,
        startLocal: `${daysFromToday(-3)}T18:00`,
        endLocal: `${daysFromToday(-3)}T21:00`,
        trainerVolunteerIds: [trainer.id],
        costCents: 0,
        participantIds: [ben.id],
      });
      await core.call('trainings.createSession', {
        trainingId: listening,
        startLocal: `${daysFromToday(30)}T18:00`,
        endLocal: `${daysFromToday(30)}T21:00`,
        trainerVolunteerIds: [trainer.id],
        costCents: 8_000,
        participantIds: [ana.id, zoe.id],
      });
      await core.call('trainings.addQualification', { volunteerId: ben.id, trainingId: pssm, obtainedOn: daysFromToday(-1075), expiresOn: daysFromToday(20), certificateNote: 'Croix-Rouge' });
      await core.call('trainings.addQualification', { volunteerId: trainer.id, trainingId: pssm, obtainedOn: '2020-01-10', expiresOn: '2023-01-10' });
      const page = app.page;

      await app.open('/trainings');
      await expect(page.getByTestId('sessions-table')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/trainings-sessions-${lang}.png`, fullPage: true });
      await new TrainingsPage(page, lang).recordButton.click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/trainings-session-form-${lang}.png`, fullPage: true });
      await page.keyboard.press('Escape');

      await app.open(`/trainings/sessions/${spring.eventId}`);
      await expect(page.getByTestId('participants-table')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/trainings-session-${lang}.png`, fullPage: true });

      await app.open('/trainings?tab=catalogue');
      await expect(page.getByTestId('catalogue-table')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/trainings-catalogue-${lang}.png`, fullPage: true });

      await app.open('/trainings?tab=qualifications');
      await expect(page.getByTestId('expiring-table')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/trainings-qualifications-${lang}.png`, fullPage: true });

      await app.open(`/volunteers/${zoe.id}`);
      await expect(page.getByTestId('volunteer-training').first()).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/trainings-volunteer-${lang}.png`, fullPage: true });
    });
  });
}

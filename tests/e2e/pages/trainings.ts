import type { Locator, Page } from '@playwright/test';
import en from '../../../shared/i18n/locales/en/trainings.json';
import fr from '../../../shared/i18n/locales/fr/trainings.json';
import { escapeRegExp, fill, type Lang } from './volunteersLocale';

export type TrainingStrings = typeof en;
export const trainingStrings: Record<Lang, TrainingStrings> = { en, fr };

/** A field by its visible label (a required one ends with Mantine's " *"). */
const byLabel = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`));

/** `/trainings`: sessions, catalogue and qualifications tabs. */
export class TrainingsPage {
  readonly s: TrainingStrings;
  readonly sessionsTable: Locator;
  readonly catalogueTable: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.s = trainingStrings[lang];
    this.sessionsTable = page.getByTestId('sessions-table');
    this.catalogueTable = page.getByTestId('catalogue-table');
  }

  tab(which: keyof TrainingStrings['tabs']): Locator {
    return this.page.getByRole('tab', { name: this.s.tabs[which], exact: true });
  }

  get recordButton(): Locator {
    return this.page.getByRole('button', { name: this.s.sessionsTab.add, exact: true });
  }

  sessionForm(): SessionForm {
    return new SessionForm(this.page, this.page.getByRole('dialog', { name: this.s.sessionForm.addTitle }), this.s);
  }

  qualificationView(which: 'expiring' | 'expired'): Locator {
    return this.page.getByText(this.s.qualificationsTab[which], { exact: true });
  }

  qualificationRows(which: 'expiring' | 'expired'): Locator {
    return this.page.getByTestId(`${which}-table`).getByTestId('qualification-row');
  }
}

/** The dialog that records a session. */
export class SessionForm {
  constructor(
    readonly page: Page,
    readonly root: Locator,
    readonly s: TrainingStrings,
  ) {}

  field(label: string): Locator {
    return byLabel(this.root, label);
  }

  async chooseTraining(name: string): Promise<void> {
    await this.field(this.s.sessionForm.training).click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  /** Types a date as a person would (`15/03/2025`) and leaves the field. */
  async typeDate(ddmmyyyy: string): Promise<void> {
    const input = this.field(this.s.sessionForm.date);
    await input.fill(ddmmyyyy);
    // Tab, not Escape: Escape would close the dialog itself.
    await input.press('Tab');
  }

  /** Adds people to a list field by typing part of their name and picking them. */
  async addPeople(label: string, names: string[]): Promise<void> {
    const input = this.field(label);
    for (const name of names) {
      await input.click();
      await input.fill(name.split(' ')[0]!);
      await this.page.getByRole('option', { name, exact: true }).click();
    }
  }

  get saveButton(): Locator {
    return this.root.getByRole('button', { name: /^(Save|Enregistrer)$/ });
  }
}

/** `/trainings/sessions/:id`. */
export class SessionPage {
  readonly s: TrainingStrings;
  readonly participants: Locator;
  readonly cost: Locator;
  readonly status: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.s = trainingStrings[lang];
    this.participants = page.getByTestId('participants-table');
    this.cost = page.getByTestId('session-cost');
    this.status = page.getByTestId('session-status');
  }

  participant(name: string): Locator {
    return this.participants.getByTestId('participant-row').filter({ hasText: name });
  }

  completedBox(name: string): Locator {
    return this.page.getByRole('checkbox', { name: fill(this.s.session.completedBox, { name }), exact: true });
  }

  get completedOn(): Locator {
    return byLabel(this.page, this.s.session.completedOnLabel);
  }

  get completeButton(): Locator {
    return this.page.getByRole('button', { name: this.s.session.complete, exact: true });
  }
}

/** The trainings block on a volunteer's record. */
export class VolunteerQualificationsBlock {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('volunteer-qualifications');
  }

  training(name: string): Locator {
    return this.root.getByTestId('volunteer-training').filter({ hasText: name });
  }
}

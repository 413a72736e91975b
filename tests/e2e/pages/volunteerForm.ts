import { expect, type Locator, type Page } from '@playwright/test';
import { escapeRegExp, volunteerStrings, type Lang, type VolunteerStrings } from './volunteersLocale';

type FieldKey = keyof VolunteerStrings['fields'];

/** `/volunteers/new` and `/volunteers/:id/edit`. */
export class VolunteerFormPage {
  readonly s: VolunteerStrings;
  readonly saveButton: Locator;
  readonly createButton: Locator;
  readonly errorAlert: Locator;
  readonly duplicateWarning: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    this.s = volunteerStrings[lang];
    this.saveButton = page.getByRole('button', { name: this.s.form.save });
    this.createButton = page.getByRole('button', { name: this.s.form.create });
    this.errorAlert = page.getByTestId('form-error');
    this.duplicateWarning = page.getByTestId('duplicate-warning');
  }

  /** A field by its visible label (the form's labels are tied to their inputs). */
  field(key: FieldKey): Locator {
    // A required field's label ends with Mantine's " *" marker.
    return this.page.getByLabel(new RegExp(`^${escapeRegExp(this.s.fields[key])}( \\*)?$`));
  }

  async fillFields(values: Partial<Record<FieldKey, string>>): Promise<void> {
    for (const [k, v] of Object.entries(values)) await this.field(k as FieldKey).fill(v);
  }

  /** Types a date the way the person would, day/month/year (`15/09/2024`), and leaves the field. */
  async typeDate(key: 'joinedOn' | 'statusSince' | 'consentOn' | 'confidentialitySignedOn', ddmmyyyy: string): Promise<void> {
    const input = this.field(key);
    await input.fill(ddmmyyyy);
    await input.press('Escape');
    await input.blur();
  }

  slot(day: keyof VolunteerStrings['days'], part: keyof VolunteerStrings['parts']): Locator {
    return this.page.getByRole('checkbox', { name: `${this.s.days[day]} ${this.s.parts[part]}`, exact: true });
  }

  role(role: keyof VolunteerStrings['roles']): Locator {
    return this.page.getByRole('checkbox', { name: this.s.roles[role], exact: true });
  }

  async addSkill(skill: string, level: 1 | 2 | 3): Promise<void> {
    await this.page.getByRole('button', { name: this.s.form.addSkill }).click();
    const n = await this.page.getByRole('combobox', { name: /^(Skill|Compétence) \d+$/ }).count();
    await this.page.getByRole('combobox', { name: `${this.s.form.skillN.replace('{{n}}', String(n))}`, exact: true }).click();
    await this.page.getByRole('option', { name: skill, exact: true }).click();
    await this.page.getByRole('combobox', { name: `${this.s.form.levelN.replace('{{n}}', String(n))}`, exact: true }).click();
    await this.page.getByRole('option', { name: this.s.levels[String(level) as '1'], exact: true }).click();
  }

  async addTags(key: 'interests' | 'languages', tags: string[]): Promise<void> {
    const input = this.field(key);
    for (const tag of tags) {
      await input.fill(tag);
      await input.press('Enter');
    }
  }

  async submit(): Promise<void> {
    const create = this.createButton;
    if (await create.isVisible()) await create.click();
    else await this.saveButton.click();
  }

  /** The field carries the server's translated message (tied to it as its description). */
  async expectFieldError(key: FieldKey, message: string | RegExp): Promise<void> {
    const input = this.field(key);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message);
  }
}

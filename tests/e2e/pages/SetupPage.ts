import type { Locator, Page } from '@playwright/test';

/** Words the setup screen is driven by, in the language the test expects to see. */
export const SETUP_TEXT = {
  en: {
    welcome: 'Welcome to Relais',
    next: 'Next',
    finish: 'Start using Relais',
    demo: 'Try with sample data',
    name: 'Name of the association',
    addressLine: 'Address',
    postalCode: 'Postal code',
    city: 'City',
    rna: 'RNA number',
    siret: 'SIRET number',
    signatoryName: 'Name of the signatory',
    signatoryTitle: 'Their role',
    logoButton: /Choose (an|another) image/,
  },
  fr: {
    welcome: 'Bienvenue dans Relais',
    next: 'Suivant',
    finish: 'Commencer avec Relais',
    demo: 'Essayer avec des données d’exemple',
    name: 'Nom de l’association',
    addressLine: 'Adresse',
    postalCode: 'Code postal',
    city: 'Ville',
    rna: 'Numéro RNA',
    siret: 'Numéro SIRET',
    signatoryName: 'Nom du ou de la signataire',
    signatoryTitle: 'Sa fonction',
    logoButton: /Choisir une (autre )?image/,
  },
} as const;

export type Lang = keyof typeof SETUP_TEXT;
export type IdentityField = 'name' | 'addressLine' | 'postalCode' | 'city' | 'rna' | 'siret' | 'signatoryName' | 'signatoryTitle';

/** The first-run screen: language step, then the association's identity. */
export class SetupPage {
  constructor(
    readonly page: Page,
    public lang: Lang = 'en',
  ) {}

  get text() {
    return SETUP_TEXT[this.lang];
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.text.welcome });
  }

  /** Picks a language on step 1; the screen switches at once. */
  async chooseLanguage(lang: Lang): Promise<void> {
    await this.page.locator('label', { hasText: lang === 'fr' ? 'Français' : 'English' }).click();
    this.lang = lang;
  }

  languageOption(lang: Lang): Locator {
    return this.page.getByRole('radio', { name: lang === 'fr' ? 'Français' : 'English' });
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.next }).click();
  }

  field(name: IdentityField): Locator {
    return this.page.getByRole('textbox', { name: this.text[name] });
  }

  async fill(values: Partial<Record<IdentityField, string>>): Promise<void> {
    for (const [k, v] of Object.entries(values)) await this.field(k as IdentityField).fill(v);
  }

  async pickLogo(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.locator('input[type=file][name=logo]').setInputFiles(file);
  }

  logoPreview(): Locator {
    return this.page.getByTestId('logo-preview');
  }

  async finish(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.finish }).click();
  }

  async tryDemo(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.demo }).click();
  }
}

/** A small real PNG (a teal disc), enough for the server's magic-number check and the preview. */
export const LOGO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAuklEQVR4nO3RSw6EIBREUYfu0cW4dHtsggb71QdIVcJU74Ftyxbafh5Xz3F33tYbPRymGm6DoMOlEHY8DaEKp0Bc8RCEO76McIeXAO7oEqL6s6fJEIx4BMJ6+7JXmBpQ/bgC8IoIwAlAfFgFaCICCCCAAAIIYGoACqEANOMDGAGAQLABr/FLAKoIJqArnvkKkttHIdDnU/xoiL/ilwCMgCjFuxGQeAcEHq5EUOOZEFk4GmILb23K6Ky4HxH3w4GXxFyLAAAAAElFTkSuQmCC',
  'base64',
);

import type { Locator, Page } from '@playwright/test';
import en from '../../../shared/i18n/locales/en/backups.json';
import fr from '../../../shared/i18n/locales/fr/backups.json';
import type { Lang } from './volunteersLocale';

export type BackupStrings = typeof en;
export const backupStrings: Record<Lang, BackupStrings> = { en, fr };

/** `/backups`: back up now, restore, automatic backups, the latest backups; and the recovery screen. */
export class BackupsPage {
  readonly s: BackupStrings;
  readonly protect: Locator;
  readonly passphrase: Locator;
  readonly confirm: Locator;
  readonly backUpNow: Locator;
  readonly restoreFromFile: Locator;
  readonly restoreError: Locator;
  readonly undoRestore: Locator;
  readonly rows: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'en',
  ) {
    const s = (this.s = backupStrings[lang]);
    this.protect = page.getByRole('checkbox', { name: s.now.protect });
    this.passphrase = page.getByLabel(s.now.passphrase, { exact: true });
    this.confirm = page.getByLabel(s.now.confirm, { exact: true });
    this.backUpNow = page.getByRole('button', { name: s.now.action, exact: true });
    this.restoreFromFile = page.getByRole('button', { name: s.restore.choose, exact: true });
    this.restoreError = page.getByTestId('restore-error');
    this.undoRestore = page.getByRole('button', { name: s.restore.undo, exact: true });
    this.rows = page.getByTestId('backup-row');
  }

  /** The restore dialog, once a file was chosen and checked. */
  dialog() {
    const root = this.page.getByRole('dialog', { name: this.s.restore.dialogTitle });
    return {
      root,
      passphrase: root.getByLabel(this.s.restore.passphrase),
      restore: root.getByRole('button', { name: this.s.restore.confirm, exact: true }),
      cancel: root.getByRole('button', { name: this.lang === 'fr' ? 'Annuler' : 'Cancel', exact: true }),
    };
  }

  undoDialog() {
    const root = this.page.getByRole('dialog', { name: this.s.restore.undoTitle });
    return { root, confirm: root.getByRole('button', { name: this.s.restore.undoConfirm, exact: true }) };
  }
}

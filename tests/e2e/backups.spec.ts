import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeSetup, expect, test, type CoreFixture } from './fixtures';
import { BackupsPage } from './pages/backups';
import { fill, type Lang } from './pages/volunteersLocale';

const SHOTS = 'tests/e2e/screenshots';
const PASSPHRASE = 'sept chevaux bleus dansent';

async function axe(page: import('@playwright/test').Page, only?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).exclude('.mantine-Notifications-root');
  const results = await (only ? builder.include(only) : builder).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A folder away from the data folder (a USB stick, say), removed after each test. */
const outside: string[] = [];
function usbStick(name = 'usb'): string {
  const dir = mkdtempSync(join(tmpdir(), `relais-${name}-`));
  outside.push(dir);
  return dir;
}
test.afterEach(() => {
  for (const dir of outside.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const names = async (core: CoreFixture) => (await core.call('volunteers.list', {})).rows.map((r) => r.firstName).sort();

/** A backup made by core itself, where the test says. */
async function backupFile(core: CoreFixture, file: string, passphrase: string | null = null) {
  core.platform.queueSaveFile(file);
  await core.call('backups.create', { passphrase });
  return file;
}

test.describe('backups', () => {
  test('back up with a passphrase, change the data, restore it (wrong passphrase first), see the old data, undo', async ({ app, core }) => {
    await completeSetup(core, 'en');
    await core.call('volunteers.create', { firstName: 'Aline', lastName: 'Perrin', joinedOn: '2023-01-10' });
    const page = app.page;
    const b = new BackupsPage(page);
    const usb = usbStick();
    const file = join(usb, 'friday.relaisbackup');

    await app.open('/backups');
    await expect(page.getByRole('heading', { level: 1, name: b.s.title })).toBeVisible();
    await expect(page.getByTestId('backup-reminder')).toContainText(b.s.reminder.never);
    await b.protect.check();
    await b.passphrase.fill('short');
    await b.confirm.fill('short');
    await b.backUpNow.click();
    await expect(page.getByText(fill(b.s.now.tooShort, { min: 8 }))).toHaveCount(1);
    await b.passphrase.fill(PASSPHRASE);
    await expect(page.getByTestId('passphrase-strength')).toBeVisible();
    await b.confirm.fill(`${PASSPHRASE}!`);
    await b.backUpNow.click();
    await expect(page.getByText(b.s.now.mismatch)).toBeVisible();
    await b.confirm.fill(PASSPHRASE);
    core.platform.queueSaveFile(file);
    await b.backUpNow.click();
    await expect(page.getByText(fill(b.s.now.done, { name: 'friday.relaisbackup', folder: usb }))).toBeVisible();
    await expect(b.rows.first()).toContainText('friday.relaisbackup');
    await expect(b.rows.first()).toContainText(b.s.history.encrypted);
    await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
    await axe(page);

    // The data changes after the backup.
    await core.call('volunteers.create', { firstName: 'Bastien', lastName: 'Roy', joinedOn: '2024-05-02' });
    expect(await names(core)).toEqual(['Aline', 'Bastien']);

    core.platform.queueOpenFile(file);
    await b.restoreFromFile.click();
    const dialog = b.dialog();
    await expect(dialog.root).toContainText('Les Amis du Relais');
    await expect(dialog.root).toContainText(b.s.restore.explain);
    await axe(page, '[role="dialog"]');
    await dialog.passphrase.fill('not the right one');
    await dialog.restore.click();
    await expect(dialog.root).toContainText(b.s.errors['wrong-passphrase']);
    expect(await names(core)).toEqual(['Aline', 'Bastien']);

    await dialog.passphrase.fill(PASSPHRASE);
    await dialog.restore.click();
    await expect(page.getByText(b.s.restore.done)).toBeVisible();
    await expect(dialog.root).toHaveCount(0);
    expect(await names(core)).toEqual(['Aline']);
    await app.open('/volunteers');
    await expect(page.getByRole('row', { name: /Perrin/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Roy/ })).toHaveCount(0);

    // Undo brings back the data as it was just before.
    await app.open('/backups');
    await b.undoRestore.click();
    const undo = b.undoDialog();
    await undo.confirm.click();
    await expect(page.getByText(b.s.restore.undone)).toBeVisible();
    expect(await names(core)).toEqual(['Aline', 'Bastien']);
    await expect(b.undoRestore).toHaveCount(0);
    await app.open('/volunteers');
    await expect(page.getByRole('row', { name: /Roy/ })).toBeVisible();
  });

  test('a damaged file and a file that is not a backup are refused with their own message; nothing changes', async ({ app, core }) => {
    await completeSetup(core, 'en');
    await core.call('volunteers.create', { firstName: 'Aline', lastName: 'Perrin', joinedOn: '2023-01-10' });
    const good = await backupFile(core, join(core.dataDir, 'good.relaisbackup'));
    await core.call('volunteers.create', { firstName: 'Bastien', lastName: 'Roy', joinedOn: '2024-05-02' });
    const bytes = readFileSync(good);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x10;
    const damaged = join(core.dataDir, 'damaged.relaisbackup');
    writeFileSync(damaged, bytes);
    const notes = join(core.dataDir, 'notes.relaisbackup');
    writeFileSync(notes, 'Réunion du bureau : jeudi 18 h.\n'.repeat(50));

    const page = app.page;
    const b = new BackupsPage(page);
    await app.open('/backups');
    core.platform.queueOpenFile(damaged);
    await b.restoreFromFile.click();
    await expect(b.restoreError).toHaveText(b.s.errors.damaged);
    await expect(b.dialog().root).toHaveCount(0);
    core.platform.queueOpenFile(notes);
    await b.restoreFromFile.click();
    await expect(b.restoreError).toHaveText(b.s.errors['not-a-backup']);
    expect(await names(core)).toEqual(['Aline', 'Bastien']);

    // Cancelling the dialog of a good backup changes nothing either.
    core.platform.queueOpenFile(good);
    await b.restoreFromFile.click();
    await b.dialog().cancel.click();
    await expect(b.dialog().root).toHaveCount(0);
    expect(await names(core)).toEqual(['Aline', 'Bastien']);
  });

  test('a database set aside at start: the recovery screen comes first and a backup from the list restores it', async ({ app, core }) => {
    await completeSetup(core, 'en');
    await core.call('volunteers.create', { firstName: 'Aline', lastName: 'Perrin', joinedOn: '2023-01-10' });
    await core.call('backups.runAutomatic', { trigger: 'now' });
    // What the empty database after a quarantine would not have: it must be gone after the restore.
    await core.call('volunteers.create', { firstName: 'Bastien', lastName: 'Roy', joinedOn: '2024-05-02' });
    await setAside(core);

    const page = app.page;
    const b = new BackupsPage(page);
    await app.open('/volunteers');
    await expect(page.getByRole('heading', { level: 1, name: b.s.recovery.title })).toBeVisible();
    await expect(page.getByText(b.s.recovery.body)).toBeVisible();
    await axe(page);
    await page.getByRole('button', { name: b.s.history.restore, exact: true }).click();
    await b.dialog().restore.click();
    await expect(page.getByText(b.s.restore.done)).toBeVisible();
    await expect(page.getByRole('row', { name: /Perrin/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Roy/ })).toHaveCount(0);
    expect((await core.call('backups.status')).recovery).toBeNull();
  });

  for (const lang of ['en', 'fr'] as Lang[]) {
    test(`screenshots ${lang} @screenshots`, async ({ app, core }) => {
      await completeSetup(core, lang);
      const page = app.page;
      const b = new BackupsPage(page, lang);
      for (const [first, last] of [['Aline', 'Perrin'], ['Bastien', 'Roy'], ['Chloé', 'Martin']]) {
        await core.call('volunteers.create', { firstName: first!, lastName: last!, joinedOn: '2023-01-10' });
      }
      await core.call('backups.runAutomatic', { trigger: 'now' });
      const usb = usbStick(lang === 'fr' ? 'clé-usb' : 'usb-stick');
      const file = await backupFile(core, join(usb, lang === 'fr' ? 'amis-du-relais.relaisbackup' : 'friends-of-relais.relaisbackup'), PASSPHRASE);

      await app.open('/backups');
      await expect(b.rows).toHaveCount(2);
      await b.protect.check();
      await b.passphrase.fill(PASSPHRASE);
      await b.confirm.fill(PASSPHRASE);
      await page.screenshot({ path: `${SHOTS}/backups-${lang}.png`, fullPage: true });

      core.platform.queueOpenFile(file);
      await b.restoreFromFile.click();
      await b.dialog().passphrase.fill('wrong passphrase');
      await b.dialog().restore.click();
      await expect(b.dialog().root).toContainText(b.s.errors['wrong-passphrase']);
      await page.screenshot({ path: `${SHOTS}/backups-restore-dialog-${lang}.png` });
      await b.dialog().cancel.click();

      await setAside(core);
      await app.open('/volunteers');
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: b.s.recovery.title })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/backups-recovery-${lang}.png`, fullPage: true });
    });
  }
});

/**
 * What Relais records when it had to set the database aside at start (core's quarantine, tested
 * in the unit suite): the renderer must show the recovery screen before anything else.
 */
async function setAside(core: CoreFixture) {
  const stateFile = join(core.dataDir, 'backups.json');
  const state = JSON.parse(readFileSync(stateFile, 'utf8'));
  const folder = join(core.dataDir, 'quarantine', '2026-11-21T08-00-00-000Z');
  mkdirSync(folder, { recursive: true });
  state.recovery = { at: new Date().toISOString(), folder, reason: 'unreadable' };
  writeFileSync(stateFile, JSON.stringify(state));
}

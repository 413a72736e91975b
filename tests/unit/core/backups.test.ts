import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import yauzl from 'yauzl';
import { openRelais } from '../../../electron/core';
import { LATEST_VERSION } from '../../../electron/core/db/migrations';
import { openDatabase } from '../../../electron/core/db/open-database';
import { STATE_FILE } from '../../../electron/core/backups/state';
import { openBackupCore } from './fixtures/backup-core';
import { buildVolunteer, sha256, tempDir } from './helpers';

const PASSPHRASE = 'correct horse battery staple';

async function unzipAll(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const out = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      const parts: Buffer[] = [];
      for await (const c of await zip.openReadStreamPromise(entry)) parts.push(c as Buffer);
      out.set(entry.fileName, Buffer.concat(parts));
    }
  } finally {
    zip.close();
  }
  return out;
}

const names = async (t: { call: (m: 'volunteers.list', i: object) => Promise<{ rows: { firstName: string }[] }> }) =>
  (await t.call('volunteers.list', {})).rows.map((r) => r.firstName).sort();

async function seeded() {
  const t = await openBackupCore();
  await t.call('settings.saveAssociation', { name: 'Les Amis du Relais' });
  await t.call('volunteers.create', buildVolunteer({ firstName: 'Alice', email: 'alice@example.org' }));
  return t;
}

describe('the backup file', () => {
  test('without a passphrase it is a plain zip: a readme, an ordinary SQLite file, the manifest, a whole-file checksum', async () => {
    const t = await seeded();
    const file = join(tempDir(), 'usb.relaisbackup');
    t.dialogs.save.push(file);
    const created = await t.call('backups.create', {});
    expect(created).toMatchObject({ name: 'usb.relaisbackup', encrypted: false });

    const entries = await unzipAll(file);
    expect([...entries.keys()]).toEqual(['README.txt', 'relais.sqlite', 'manifest.json']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({
      format: 'RELAIS-BACKUP',
      formatVersion: 1,
      app: { name: 'Relais', version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
      schemaVersion: LATEST_VERSION,
      association: 'Les Amis du Relais',
      kind: 'manual',
      encryption: null,
      payload: { entry: 'relais.sqlite' },
    });
    expect(manifest.counts.volunteers).toBe(1);
    const db = entries.get('relais.sqlite')!;
    expect(createHash('sha256').update(db).digest('hex')).toBe(manifest.payload.sha256);
    expect(manifest.payload.bytes).toBe(db.length);
    const copy = join(tempDir(), 'copy.sqlite');
    writeFileSync(copy, db);
    const opened = new Database(copy, { readonly: true });
    expect(opened.prepare('SELECT first_name FROM volunteers').pluck().all()).toEqual(['Alice']);
    opened.close();

    // The archive comment carries the sha256 of every byte before its 64 digits.
    const bytes = readFileSync(file);
    const comment = bytes.subarray(bytes.length - 85).toString('latin1');
    expect(comment).toMatch(/^RELAIS-BACKUP sha256=[0-9a-f]{64}$/);
    expect(createHash('sha256').update(bytes.subarray(0, bytes.length - 64)).digest('hex')).toBe(comment.slice(21));
    // An ordinary unzip tool agrees, where the machine has one.
    if (existsSync('/usr/bin/unzip')) expect(execFileSync('/usr/bin/unzip', ['-t', file]).toString()).toMatch(/No errors detected/);
  });

  test('with a passphrase the database is encrypted: nothing readable, restored only with the right passphrase', async () => {
    const t = await seeded();
    const file = join(tempDir(), 'secret.relaisbackup');
    t.dialogs.save.push(file);
    await t.call('backups.create', { passphrase: PASSPHRASE });
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('alice@example.org'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    const entries = await unzipAll(file);
    expect([...entries.keys()]).toEqual(['README.txt', 'relais.sqlite.enc', 'manifest.json']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest.encryption).toMatchObject({ cipher: 'aes-256-gcm', kdf: 'scrypt', N: 2 ** 17, r: 8, p: 1 });

    await t.call('volunteers.create', buildVolunteer({ firstName: 'Bruno' }));
    const before = sha256(t.file);
    t.dialogs.open.push(file);
    const summary = (await t.call('backups.inspect', {}))!;
    expect(summary).toMatchObject({ encrypted: true, association: 'Les Amis du Relais', source: 'archive', schemaVersion: LATEST_VERSION });
    expect(await t.failure('backups.restore', { token: summary.token })).toEqual({ code: 'BACKUP_INVALID', details: { reason: 'passphrase-required' } });
    expect(await t.failure('backups.restore', { token: summary.token, passphrase: 'not the passphrase' })).toEqual({
      code: 'BACKUP_INVALID',
      details: { reason: 'wrong-passphrase' },
    });
    expect(sha256(t.file)).toBe(before);
    expect(await names(t)).toEqual(['Alice', 'Bruno']);

    await t.call('backups.restore', { token: summary.token, passphrase: PASSPHRASE });
    expect(await names(t)).toEqual(['Alice']);
  });

  test('a passphrase shorter than 8 characters is refused and nothing is written', async () => {
    const t = await seeded();
    const folder = tempDir();
    t.dialogs.save.push(join(folder, 'x.relaisbackup'));
    const error = await t.failure('backups.create', { passphrase: 'short' });
    expect(error.details?.issues).toEqual([{ path: ['passphrase'], key: 'tooShort' }]);
    expect(readdirSync(folder)).toEqual([]);
  });

  test('cancelling the save dialog writes nothing', async () => {
    const t = await seeded();
    t.dialogs.save.push(null);
    expect(await t.call('backups.create', {})).toBeNull();
    expect((await t.call('backups.status')).history).toEqual([]);
  });
});

describe('restore', () => {
  test('brings back the old data, keeps the current data as an undo copy, and undo brings it back', async () => {
    const t = await seeded();
    const file = join(tempDir(), 'monday.relaisbackup');
    t.dialogs.save.push(file);
    await t.call('backups.create', {});
    await t.call('volunteers.create', buildVolunteer({ firstName: 'Bruno' }));

    t.dialogs.open.push(file);
    const summary = (await t.call('backups.inspect', {}))!;
    expect(summary).toMatchObject({ name: 'monday.relaisbackup', encrypted: false, counts: expect.objectContaining({ volunteers: 1 }) });
    const status = await t.call('backups.restore', { token: summary.token });
    expect(await names(t)).toEqual(['Alice']);
    expect(status.lastRestore).toMatchObject({ source: 'monday.relaisbackup', kind: 'restore', undoAvailable: true });
    expect(status.history[0]).toMatchObject({ kind: 'before-restore', present: true, external: false });
    // The restored database is the live one: writes go on as usual and survive a reopen.
    await t.call('volunteers.create', buildVolunteer({ firstName: 'Chloé' }));
    expect(await names(t)).toEqual(['Alice', 'Chloé']);

    const undone = await t.call('backups.undoRestore');
    expect(undone.lastRestore).toBeNull();
    expect(await names(t)).toEqual(['Alice', 'Bruno']);
    // A token is used once.
    expect((await t.failure('backups.restore', { token: summary.token })).code).toBe('NOT_FOUND');

    await t.close();
    const again = await openBackupCore({ dataDir: t.dataDir });
    expect(await names(again)).toEqual(['Alice', 'Bruno']);
    const leftovers = readdirSync(t.dataDir).filter((n) => n.includes('.restore-'));
    expect(leftovers).toEqual([]);
  });

  test('a person erased after the backup was taken is erased again by the restore, before anyone can see them', async () => {
    const t = await seeded();
    const zoe = await t.call('volunteers.create', buildVolunteer({ firstName: 'Zoé', lastName: 'Quintal', email: 'zoe.quintal@example.org' }));
    const file = join(tempDir(), 'before-erasure.relaisbackup');
    t.dialogs.save.push(file);
    await t.call('backups.create', {});
    await t.call('privacy.erase', { id: zoe.id });

    t.dialogs.open.push(file);
    const summary = (await t.call('backups.inspect', {}))!;
    await t.call('backups.restore', { token: summary.token });
    expect(await names(t)).not.toContain('Zoé');
    expect((await t.call('volunteers.list', { query: 'Quintal' })).total).toBe(0);
    await t.close();
    // Nothing readable left in the live file or beside it.
    for (const f of readdirSync(t.dataDir).filter((n) => n.startsWith('relais.sqlite'))) {
      expect(readFileSync(join(t.dataDir, f)).includes(Buffer.from('zoe.quintal@example.org')), f).toBe(false);
    }
  });

  test('a bare database of an older schema (a copy taken before an upgrade) is checked and upgraded', async () => {
    const dir = tempDir();
    const old = join(dir, 'old.sqlite');
    const v1 = openDatabase(old, { backupDir: join(dir, 'b'), targetVersion: 1 });
    v1.sqlite
      .prepare(`INSERT INTO volunteers (first_name, last_name, sort_name, joined_on, status, preferred_format, created_at, updated_at)
                VALUES ('Ancien', 'Membre', 'membre ancien', '2020-01-01', 'active', 'both', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')`)
      .run();
    v1.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    v1.sqlite.close();

    const t = await seeded();
    t.dialogs.open.push(old);
    const summary = (await t.call('backups.inspect', {}))!;
    expect(summary).toMatchObject({ source: 'database', schemaVersion: 1, encrypted: false, createdAt: null });
    await t.call('backups.restore', { token: summary.token });
    expect(await names(t)).toEqual(['Ancien']);
    const version = new Database(t.file, { readonly: true });
    expect(version.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    version.close();
  });

  test('a database of a newer Relais and a SQLite file of another app are refused, nothing changed', async () => {
    const t = await seeded();
    const dir = tempDir();
    const foreign = join(dir, 'other.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (1);');
    f.close();
    const newer = join(dir, 'newer.sqlite');
    const n = openDatabase(newer, { backupDir: join(dir, 'b') });
    n.sqlite.pragma(`user_version = ${LATEST_VERSION + 1}`);
    n.sqlite.pragma('journal_mode = DELETE');
    n.sqlite.close();
    const before = sha256(t.file);
    t.dialogs.open.push(foreign, newer);
    expect(await t.failure('backups.inspect', {})).toMatchObject({ code: 'BACKUP_INVALID', details: { reason: 'not-relais' } });
    expect(await t.failure('backups.inspect', {})).toMatchObject({ code: 'BACKUP_INVALID', details: { reason: 'too-new', found: LATEST_VERSION + 1 } });
    expect(sha256(t.file)).toBe(before);
  });

  test('demo mode refuses backups and restores: they are about the real data', async () => {
    const t = await seeded();
    await t.call('settings.openDemo');
    t.dialogs.save.push(join(tempDir(), 'x.relaisbackup'));
    expect(await t.failure('backups.create', {})).toEqual({ code: 'CONFLICT', details: { reason: 'demo-mode' } });
    expect(await t.failure('backups.inspect', {})).toEqual({ code: 'CONFLICT', details: { reason: 'demo-mode' } });
    expect((await t.call('backups.status')).mode).toBe('demo');
  });

  test('a restore can be cancelled before the swap: nothing changes', async () => {
    const t = await seeded();
    const file = join(tempDir(), 'secret.relaisbackup');
    t.dialogs.save.push(file);
    await t.call('backups.create', { passphrase: PASSPHRASE });
    await t.call('volunteers.create', buildVolunteer({ firstName: 'Bruno' }));
    t.dialogs.open.push(file);
    const summary = (await t.call('backups.inspect', {}))!;
    const before = sha256(t.file);
    const restoring = t.core.dispatch('backups.restore', { token: summary.token, passphrase: PASSPHRASE });
    // The key derivation takes a good half second: time enough to ask to stop.
    await new Promise((r) => setTimeout(r, 50));
    expect(await t.call('backups.progress')).toMatchObject({ kind: 'restore', cancellable: true });
    expect(await t.call('backups.cancel')).toEqual({ cancelled: true });
    expect(await restoring).toEqual({ ok: false, error: { code: 'CANCELLED' } });
    expect(sha256(t.file)).toBe(before);
    expect(await names(t)).toEqual(['Alice', 'Bruno']);
    expect(await t.call('backups.progress')).toBeNull();
    expect(await t.call('backups.cancel')).toEqual({ cancelled: false });
  });

  test('a backup can be cancelled: no file is left', async () => {
    const t = await seeded();
    const folder = tempDir();
    t.dialogs.save.push(join(folder, 'x.relaisbackup'));
    const running = t.core.dispatch('backups.create', { passphrase: PASSPHRASE });
    await new Promise((r) => setTimeout(r, 50));
    // One long job at a time.
    t.dialogs.save.push(join(folder, 'y.relaisbackup'));
    expect(await t.failure('backups.create', {})).toMatchObject({ code: 'CONFLICT', details: { reason: 'backup-busy' } });
    await t.call('backups.cancel');
    expect(await running).toEqual({ ok: false, error: { code: 'CANCELLED' } });
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('automatic backups', () => {
  test('written into the folder, skipped when nothing changed (also after a restart), made again after a change', async () => {
    const t = await seeded();
    const first = await t.call('backups.runAutomatic', { trigger: 'quit' });
    expect(first.outcome).toBe('created');
    const status = await t.call('backups.status');
    expect(readdirSync(status.folder)).toEqual([first.name]);
    expect(await t.call('backups.runAutomatic', { trigger: 'quit' })).toEqual({ outcome: 'unchanged', name: null });
    // Within a day the timer does nothing.
    await t.call('volunteers.create', buildVolunteer({ firstName: 'Bruno' }));
    expect(await t.call('backups.runAutomatic', { trigger: 'timer' })).toEqual({ outcome: 'not-due', name: null });

    await t.close();
    const again = await openBackupCore({ dataDir: t.dataDir });
    const second = await again.call('backups.runAutomatic', { trigger: 'quit' });
    expect(second.outcome).toBe('created');
    await again.close();
    const third = await openBackupCore({ dataDir: t.dataDir });
    expect(await third.call('backups.runAutomatic', { trigger: 'quit' })).toEqual({ outcome: 'unchanged', name: null });
  });

  test('can be switched off, and go to a folder the person chose', async () => {
    const t = await seeded();
    const folder = tempDir();
    t.dialogs.folders.push(folder);
    const chosen = await t.call('backups.chooseFolder');
    expect(chosen).toMatchObject({ folder, folderIsDefault: false });
    const made = await t.call('backups.runAutomatic', { trigger: 'timer' });
    expect(readdirSync(folder)).toEqual([made.name]);
    // A backup outside the data folder counts for the reminder.
    expect((await t.call('backups.status')).lastExternalAt).not.toBeNull();

    await t.call('backups.saveSettings', { automatic: false, reminderDays: 14 });
    expect(await t.call('backups.runAutomatic', { trigger: 'quit' })).toEqual({ outcome: 'disabled', name: null });
    const reset = await t.call('backups.saveSettings', { automatic: true, reminderDays: 14, resetFolder: true });
    expect(reset).toMatchObject({ folderIsDefault: true, automatic: true, reminderDays: 14 });
  });

  test('rotation deletes the automatic backups it no longer keeps, and nothing else', async () => {
    const t = await seeded();
    const { folder } = await t.call('backups.status');
    mkdirSync(folder, { recursive: true });
    // Two a day for 30 days in 2025, plus a file of the person's own.
    for (let d = 1; d <= 30; d++) {
      for (const h of ['08', '18']) writeFileSync(join(folder, `relais-auto-202506${String(d).padStart(2, '0')}-${h}0000.relaisbackup`), 'x');
    }
    writeFileSync(join(folder, 'mine.relaisbackup'), 'x');
    const made = await t.call('backups.runAutomatic', { trigger: 'now' });
    const left = readdirSync(folder).sort();
    expect(left).toContain('mine.relaisbackup');
    expect(left).toContain(made.name);
    // Today's, then the 6 latest days of June 2025; weeks and months add older ones.
    expect(left).toContain('relais-auto-20250630-180000.relaisbackup');
    expect(left).not.toContain('relais-auto-20250630-080000.relaisbackup');
    expect(left.length).toBeLessThan(7 + 4 + 12 + 2);
  });

  test('the reminder is due until a backup outside the data folder is recent enough', async () => {
    const t = await seeded();
    expect(await t.call('backups.status')).toMatchObject({ reminderDue: true, lastExternalAt: null });
    await t.call('backups.runAutomatic', { trigger: 'now' });
    // The default automatic folder is inside the data folder: it does not count.
    expect((await t.call('backups.status')).reminderDue).toBe(true);
    t.dialogs.save.push(join(tempDir(), 'usb.relaisbackup'));
    await t.call('backups.create', {});
    expect((await t.call('backups.status')).reminderDue).toBe(false);

    // Ten days later, with a 7-day reminder.
    const stateFile = join(t.dataDir, STATE_FILE);
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    state.history = state.history.map((h: { at: string }) => ({ ...h, at: new Date(Date.now() - 10 * 86_400_000).toISOString() }));
    writeFileSync(stateFile, JSON.stringify(state));
    expect((await t.call('backups.status')).reminderDue).toBe(true);
    await t.call('backups.saveSettings', { automatic: true, reminderDays: 30 });
    expect((await t.call('backups.status')).reminderDue).toBe(false);
  });

  test('settings out of range are refused and change nothing', async () => {
    const t = await seeded();
    const before = await t.call('backups.status');
    for (const reminderDays of [0, 366, 2.5]) {
      const error = await t.failure('backups.saveSettings', { automatic: false, reminderDays });
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues?.[0]?.path).toEqual(['reminderDays']);
    }
    expect(await t.call('backups.status')).toEqual(before);
  });
});

describe('a database that cannot be opened at start', () => {
  test('is moved to quarantine with its WAL, never deleted; Relais starts in recovery and a restore ends it', async () => {
    const t = await seeded();
    const backup = join(tempDir(), 'good.relaisbackup');
    t.dialogs.save.push(backup);
    await t.call('backups.create', {});
    await t.close();
    const garbage = Buffer.alloc(8192, 0x41);
    writeFileSync(t.file, garbage);
    writeFileSync(`${t.file}-wal`, 'wal bytes');

    const r = await openBackupCore({ dataDir: t.dataDir });
    const status = await r.call('backups.status');
    expect(status.recovery).toMatchObject({ reason: 'unreadable' });
    const q = status.recovery!.folder;
    expect(readFileSync(join(q, 'relais.sqlite')).equals(garbage)).toBe(true);
    expect(readFileSync(join(q, 'relais.sqlite-wal'), 'utf8')).toBe('wal bytes');
    expect(JSON.parse(readFileSync(join(q, 'about.json'), 'utf8'))).toMatchObject({ reason: 'unreadable' });
    // Never a silent fresh start: automatic backups wait (they would rotate the good ones away).
    expect(await r.call('backups.runAutomatic', { trigger: 'quit' })).toEqual({ outcome: 'recovery', name: null });
    expect(status.reminderDue).toBe(false);

    const listed = status.history.find((h) => h.name === 'good.relaisbackup')!;
    const summary = (await r.call('backups.inspect', { id: listed.id }))!;
    const after = await r.call('backups.restore', { token: summary.token });
    expect(after.recovery).toBeNull();
    expect(await names(r)).toEqual(['Alice']);
    expect(existsSync(join(q, 'relais.sqlite'))).toBe(true);
  });

  test('"carry on with empty data" is an explicit choice; the quarantined files stay', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'relais.sqlite'), 'not a database at all, but long enough to be read as one '.repeat(10));
    const r = await openBackupCore({ dataDir });
    const { recovery } = await r.call('backups.status');
    expect(recovery).not.toBeNull();
    expect((await r.call('backups.dismissRecovery')).recovery).toBeNull();
    expect(readdirSync(recovery!.folder).sort()).toEqual(['about.json', 'relais.sqlite']);
    await r.call('backups.show', { which: 'quarantine' });
    expect(r.dialogs.shown).toEqual([join(dataDir, 'quarantine')]);
  });

  test('a database of a newer Relais is still refused untouched; scripts (quarantine off) get DATABASE_INVALID', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'relais.sqlite');
    const n = openDatabase(file, { backupDir: join(dataDir, 'b') });
    n.sqlite.pragma(`user_version = ${LATEST_VERSION + 1}`);
    n.sqlite.pragma('journal_mode = DELETE');
    n.sqlite.close();
    const before = sha256(file);
    await expect(openRelais({ dataDir })).rejects.toMatchObject({ code: 'DATABASE_TOO_NEW' });
    expect(sha256(file)).toBe(before);
    expect(existsSync(join(dataDir, 'quarantine'))).toBe(false);

    await expect(openRelais({ dataDir, quarantineInvalid: true })).rejects.toMatchObject({ code: 'DATABASE_TOO_NEW' });
    expect(sha256(file)).toBe(before);
    writeFileSync(file, 'x'.repeat(4096));
    await expect(openRelais({ dataDir })).rejects.toMatchObject({ code: 'DATABASE_INVALID' });
    expect(readFileSync(file, 'utf8')).toBe('x'.repeat(4096));
  });
});

import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import yazl from 'yazl';
import { writeBackupFile } from '../../../electron/core/backups/format';
import { silentWork } from '../../../electron/core/backups/jobs';
import { takeSnapshot } from '../../../electron/core/backups/snapshot';
import { LATEST_VERSION } from '../../../electron/core/db/migrations';
import { openDatabase } from '../../../electron/core/db/open-database';
import { generateAssociation, prng } from '../../../electron/core/demo/generator';
import { openBackupCore } from './fixtures/backup-core';
import { sha256, tempDir } from './helpers';

/**
 * A thousand and more damaged or wrong files offered for restore: every one is refused with the
 * reason the person will read, and the live database stays byte for byte what it was.
 */
const PASSPHRASE = 'correct horse battery staple';
const PAGE = 4096;

interface Case {
  name: string;
  bytes: Buffer;
  reason: string;
  passphrase?: string;
}

/** A backup file written by core's own writer from a database prepared by `setup`. */
async function backupOf(
  dir: string,
  name: string,
  setup: (db: Database.Database) => void,
  passphrase: string | null = null,
  damageSnapshot?: (file: string) => void,
): Promise<Buffer> {
  const file = join(dir, `${name}.sqlite`);
  const opened = openDatabase(file, { backupDir: join(dir, 'pre') });
  generateAssociation(opened.sqlite, { volunteers: 20, seed: 3 });
  setup(opened.sqlite);
  const snapshot = await takeSnapshot(opened.sqlite, join(dir, `${name}.snapshot`));
  opened.sqlite.close();
  damageSnapshot?.(snapshot.file);
  const target = join(dir, `${name}.relaisbackup`);
  await writeBackupFile(target, snapshot, { kind: 'manual', passphrase, work: silentWork });
  return readFileSync(target);
}

async function otherZip(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('holiday photos'.repeat(100)), 'photos/beach.txt');
  zip.end();
  const parts: Buffer[] = [];
  for await (const chunk of zip.outputStream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

test('≥ 1,000 mutated backups are all refused with the right reason; the live database is untouched', { timeout: 120_000 }, async () => {
  const t = await openBackupCore();
  const dir = tempDir();
  const files = join(dir, 'offered');
  mkdirSync(files);

  // The live data: an association with a few hundred people, and a WAL with recent writes in it.
  await t.call('settings.saveAssociation', { name: 'Les Amis du Relais' });
  for (let i = 0; i < 5; i++) await t.call('volunteers.create', { firstName: `Live${i}`, lastName: 'Person', joinedOn: '2024-01-01' });

  const source = join(dir, 'source');
  mkdirSync(source);
  const plain = await backupOf(source, 'plain', (db) => generateAssociation(db, { volunteers: 300, seed: 9, identity: false }));
  const encrypted = await backupOf(source, 'encrypted', () => undefined, PASSPHRASE);
  const newer = await backupOf(source, 'newer', (db) => db.pragma(`user_version = ${LATEST_VERSION + 1}`));
  // Valid file, valid checksum, but the database inside was already broken when it was backed up.
  const brokenPage = await backupOf(source, 'broken-page', () => undefined, null, (file) => {
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x5a, pageSize * 6 + 8, pageSize * 7);
    writeFileSync(file, bytes);
  });
  const orphan = await backupOf(source, 'orphan', (db) => {
    db.pragma('foreign_keys = OFF');
    db.prepare('INSERT INTO volunteer_skills (volunteer_id, skill_id, level) VALUES (99999, 1, 1)').run();
  });
  const foreign = (() => {
    const f = join(source, 'foreign.sqlite');
    const db = new Database(f);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello');");
    db.close();
    return readFileSync(f);
  })();

  const rnd = prng(20261121);
  const cases: Case[] = [];
  const flip = (b: Buffer, bits: number): Buffer => {
    const out = Buffer.from(b);
    for (let i = 0; i < bits; i++) {
      const at = rnd.int(0, out.length - 1);
      out[at]! ^= 1 << rnd.int(0, 7);
    }
    // Two flips of the same bit cancel out: that would be no mutation.
    return out.equals(b) ? flip(b, bits) : out;
  };
  for (const [label, original] of [['plain', plain], ['encrypted', encrypted]] as const) {
    const headerEnd = original.indexOf(Buffer.from('relais.sqlite'), 100) + 64;
    for (let i = 0; i < 280; i++) cases.push({ name: `${label}: one bit flipped anywhere #${i}`, bytes: flip(original, 1), reason: 'damaged', passphrase: PASSPHRASE });
    for (let i = 0; i < 60; i++) {
      // Aimed at the manifest and the local headers, where a flip could change what is read rather than break it.
      const out = Buffer.from(original);
      out[rnd.int(0, headerEnd)]! ^= 1 << rnd.int(0, 7);
      cases.push({ name: `${label}: one bit flipped in the header #${i}`, bytes: out, reason: 'damaged', passphrase: PASSPHRASE });
    }
    for (let i = 0; i < 40; i++) {
      // ...and at the end: central directory, end record, the checksum itself.
      const out = Buffer.from(original);
      out[rnd.int(out.length - 300, out.length - 1)]! ^= 1 << rnd.int(0, 7);
      cases.push({ name: `${label}: one bit flipped in the trailer #${i}`, bytes: out, reason: 'damaged', passphrase: PASSPHRASE });
    }
    for (let i = 0; i < 40; i++) cases.push({ name: `${label}: several bits flipped #${i}`, bytes: flip(original, rnd.int(2, 64)), reason: 'damaged', passphrase: PASSPHRASE });
    for (let i = 0; i < 50; i++) {
      const length = i === 0 ? 1 : i === 1 ? original.length - 1 : rnd.int(1, original.length - 1);
      cases.push({ name: `${label}: truncated to ${length} bytes`, bytes: original.subarray(0, length), reason: 'damaged', passphrase: PASSPHRASE });
    }
    const pages = Math.ceil(original.length / PAGE);
    // Pages that already hold only zeros (free space inside the database) would be no change at all.
    const nonZero = Array.from({ length: pages }, (_, p) => p).filter((p) => original.subarray(p * PAGE, (p + 1) * PAGE).some((b) => b !== 0));
    for (let i = 0; i < 40; i++) {
      const out = Buffer.from(original);
      const page = i < nonZero.length ? nonZero[i]! : nonZero[rnd.int(0, nonZero.length - 1)]!;
      out.fill(0, page * PAGE, Math.min(out.length, (page + 1) * PAGE));
      expect(out.equals(original)).toBe(false);
      cases.push({ name: `${label}: 4 KiB page ${page} zeroed`, bytes: out, reason: 'damaged', passphrase: PASSPHRASE });
    }
  }
  for (let i = 0; i < 5; i++) cases.push({ name: `wrong passphrase #${i}`, bytes: encrypted, reason: 'wrong-passphrase', passphrase: `${PASSPHRASE} ${i}` });
  cases.push({ name: 'no passphrase for an encrypted backup', bytes: encrypted, reason: 'passphrase-required' });
  cases.push({ name: 'empty file', bytes: Buffer.alloc(0), reason: 'empty' });
  cases.push({ name: 'a SQLite file of another application', bytes: foreign, reason: 'not-relais' });
  cases.push({ name: 'a newer schema', bytes: newer, reason: 'too-new' });
  cases.push({ name: 'a backup whose database fails integrity_check', bytes: brokenPage, reason: 'damaged' });
  cases.push({ name: 'a backup whose database fails foreign_key_check', bytes: orphan, reason: 'damaged' });
  cases.push({ name: 'a PDF', bytes: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'.repeat(40)), reason: 'not-a-backup' });
  cases.push({ name: 'random bytes', bytes: Buffer.from(Array.from({ length: 5000 }, () => rnd.int(0, 255))), reason: 'not-a-backup' });
  cases.push({ name: 'an empty zip', bytes: Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]), reason: 'not-a-backup' });
  cases.push({ name: 'a zip of something else', bytes: await otherZip(), reason: 'not-a-backup' });
  expect(cases.length).toBeGreaterThanOrEqual(1000);

  const live = [t.file, `${t.file}-wal`];
  const before = live.map(sha256);
  const siblings = readdirSync(t.dataDir).sort();
  const wrong: string[] = [];
  let i = 0;
  for (const c of cases) {
    const file = join(files, `offered-${i++}.relaisbackup`);
    writeFileSync(file, c.bytes);
    t.dialogs.open.push(file);
    let result = await t.core.dispatch('backups.inspect', {});
    if (result.ok) {
      const token = (result.data as { token: string }).token;
      result = await t.core.dispatch('backups.restore', { token, passphrase: c.passphrase ?? null });
    }
    const got = result.ok ? 'restored' : `${result.error.code}:${String(result.error.details?.reason)}`;
    if (got !== `BACKUP_INVALID:${c.reason}`) wrong.push(`${c.name}: expected ${c.reason}, got ${got}`);
    rmSync(file);
  }
  expect(wrong).toEqual([]);
  expect(live.map(sha256)).toEqual(before);
  expect(readdirSync(t.dataDir).sort()).toEqual(siblings);
  expect((await t.call('volunteers.list', {})).total).toBe(5);

  // The same harness restores the untouched files: the refusals above are about the damage.
  for (const [bytes, passphrase] of [[plain, null], [encrypted, PASSPHRASE]] as const) {
    const file = join(files, 'intact.relaisbackup');
    writeFileSync(file, bytes);
    t.dialogs.open.push(file);
    const summary = (await t.call('backups.inspect', {}))!;
    await t.call('backups.restore', { token: summary.token, passphrase });
  }
  expect((await t.call('volunteers.list', {})).total).toBe(20);
});

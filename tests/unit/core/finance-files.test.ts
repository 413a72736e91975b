import ExcelJS from 'exceljs';
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { openBackupCore, type BackupCore } from './fixtures/backup-core';
import { categoryIds, line, seedDataset, seedHourEntry } from './finance.support';
import { dumpTables, expectIssue, tempDir } from './helpers';

async function workbook(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};

describe('the journal for the accountant', () => {
  it('XLSX: one line per 2025 line with its account, debit or credit, exact amounts, totals that match the overview', async () => {
    const t = await openBackupCore();
    await t.call('settings.setLanguage', { language: 'fr' });
    await seedDataset(t);
    const file = join(tempDir(), 'journal.xlsx');
    t.dialogs.save.push(file);
    expect(await t.call('finance.exportJournal', { year: 2025, format: 'xlsx' })).toEqual({ saved: true, fileName: 'journal.xlsx', files: 1, rows: 10 });
    const ws = (await workbook(file)).worksheets[0]!;
    expect(ws.name).toBe('Journal 2025');
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual(['Date', 'N° de pièce', 'Compte', 'Libellé', 'Montant', 'Sens', 'Débit', 'Crédit', 'Compte de trésorerie', 'Programme', 'Catégorie', 'Mode de paiement', 'Financeur', 'Référence', 'Justificatif']);
    expect(rows).toHaveLength(1 + 10 + 1);
    // First line: the Ville de Lyon grant of 20 January, credit of account 74.
    expect(rows[1]!.slice(2, 14)).toEqual(['74', 'Subvention écoute', 5000, 'Recette', undefined, 5000, '512', 'Écoute', 'Subventions', 'Virement', 'Ville de Lyon', 'DEL-2025-014']);
    expect(rows[1]![0]).toEqual(new Date('2025-01-20T00:00:00.000Z'));
    const training = rows.find((r) => r[3] === 'Formatrice PSSM')!;
    // 1,200.50 exactly, on the debit side of 6226; paid by cheque → bank.
    expect(training.slice(2, 9)).toEqual(['6226', 'Formatrice PSSM', 1200.5, 'Dépense', 1200.5, undefined, '512']);
    const markers = rows.find((r) => String(r[3]).includes('Feutres'))!;
    // Typed by someone as "=Feutres…": never a formula. Paid in cash → 530.
    expect(markers.slice(2, 9)).toEqual(['6068', "'=Feutres et paperboard", 12.34, 'Dépense', 12.34, undefined, '530']);
    // Totals: 3,298.58 spent, 8,150.50 received — the overview's figures.
    expect(rows.at(-1)!.slice(0, 8)).toEqual(['Total', undefined, undefined, undefined, undefined, undefined, 3298.58, 8150.5]);
    expect(ws.getRow(2).getCell(5).numFmt).toBe('#,##0.00');
    expect(ws.getRow(2).getCell(1).numFmt).toBe('dd/mm/yyyy');
  });

  it('CSV: UTF-8 with BOM, semicolons, decimal comma in French, decimal point in English', async () => {
    const t = await openBackupCore();
    await t.call('settings.setLanguage', { language: 'fr' });
    await seedDataset(t);
    const dir = tempDir();
    t.dialogs.save.push(join(dir, 'fr.csv'), join(dir, 'en.csv'));
    await t.call('finance.exportJournal', { year: 2025, format: 'csv' });
    const fr = readFileSync(join(dir, 'fr.csv'));
    expect([...fr.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const frLines = fr.toString('utf8').slice(1).split('\r\n');
    expect(frLines[0]).toBe('Date;N° de pièce;Compte;Libellé;Montant;Sens;Débit;Crédit;Compte de trésorerie;Programme;Catégorie;Mode de paiement;Financeur;Référence;Justificatif');
    expect(frLines.find((l) => l.includes('Formatrice'))).toMatch(/^2025-04-02;\d+;6226;Formatrice PSSM;1200,50;Dépense;1200,50;;512;Écoute;Formation;Chèque;;;$/);
    expect(frLines.find((l) => l.includes('Feutres'))).toContain(";'=Feutres et paperboard;12,34;");
    // No cell starts with = + - @ (DESIGN §8): amounts are never negative in the file.
    expect(frLines.flatMap((l) => l.split(';')).filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(frLines.find((l) => l.startsWith('Total'))).toBe('Total;;;;;;3298,58;8150,50');
    await t.call('settings.setLanguage', { language: 'en' });
    await t.call('finance.exportJournal', { year: 2025, format: 'csv' });
    const en = readFileSync(join(dir, 'en.csv'), 'utf8').slice(1).split('\r\n');
    expect(en[0]!.startsWith('Date;Entry no.;Account;Label;Amount;Direction;Debit;Credit;Treasury account')).toBe(true);
    expect(en.find((l) => l.startsWith('Total'))).toBe('Total;;;;;;3298.58;8150.50');
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const t = await openBackupCore();
    expect(await t.call('finance.exportJournal', { year: 2025, format: 'xlsx' })).toEqual({ saved: false, fileName: null, files: 0, rows: 0 });
  });
});

describe('the valuation timesheet and the CEC list', () => {
  it('timesheet XLSX: one line per valued entry whose values add up to the figure, and the method with the accounts 864/875', async () => {
    const t = await openBackupCore();
    await t.call('settings.setLanguage', { language: 'fr' });
    const v = await t.call('volunteers.create', { firstName: 'Aline', lastName: 'Valeur', joinedOn: '2020-01-01', roles: ['board'] });
    const w = await t.call('volunteers.create', { firstName: 'Basile', lastName: 'Valeur', joinedOn: '2020-01-01' });
    seedHourEntry(t.file, { volunteerId: v.id, workedOn: '2025-03-01', minutes: 40, category: 'admin' });
    seedHourEntry(t.file, { volunteerId: w.id, workedOn: '2025-02-01', minutes: 90, category: 'support' });
    seedHourEntry(t.file, { volunteerId: v.id, workedOn: '2025-01-10', minutes: 90, category: 'governance' });
    await t.call('finance.saveValuationMethod', { effectiveYear: 2025, basis: 'single', rates: { all: 1_001 }, excluded: ['governance'] });
    const file = join(tempDir(), 'releve.xlsx');
    t.dialogs.save.push(file);
    expect(await t.call('finance.exportTimesheet', { year: 2025, programmeId: null, format: 'xlsx' })).toMatchObject({ saved: true, rows: 2 });
    const wb = await workbook(file);
    const rows = rowsOf(wb.worksheets[0]!);
    expect(rows[0]).toEqual(['Bénévole', 'Date', 'Activité', 'Programme', 'Minutes', 'Durée (h et min)', 'Taux horaire', 'Valeur']);
    // 90 min at 10.01 €/h = 15.015 € → 15.02 €; 40 min → 6.6733 € → 6.67 €; governance is not valued.
    expect(rows.slice(1).map((r) => [r[0], r[2], r[4], r[5], r[6], r[7]])).toEqual([
      ['Valeur Basile', 'Accompagnement', 90, '1:30', 10.01, 15.02],
      ['Valeur Aline', 'Administratif', 40, '0:40', 10.01, 6.67],
      ['Total', undefined, 130, '2:10', undefined, 21.69],
    ]);
    const summary = rowsOf(wb.worksheets[1]!);
    expect(summary).toContainEqual(['Débit 864', 21.69]);
    expect(summary).toContainEqual(['Crédit 875', 21.69]);
    expect(summary).toContainEqual(['Non valorisées', 'Vie associative et gouvernance']);
    expect((await t.call('finance.valuation', { year: 2025, programmeId: null })).totalCents).toBe(2_169);
  });

  it('CEC CSV for the validator', async () => {
    const t = await openBackupCore();
    const v = await t.call('volunteers.create', { firstName: 'Emma', lastName: 'Engagée', joinedOn: '2020-01-01', roles: ['board', 'facilitator'] });
    for (let i = 1; i <= 5; i++) seedHourEntry(t.file, { volunteerId: v.id, workedOn: `2025-0${i}-01`, minutes: 1_200, category: 'governance' });
    const file = join(tempDir(), 'cec.csv');
    t.dialogs.save.push(file);
    await t.call('finance.exportCec', { year: 2025, format: 'csv' });
    expect(readFileSync(file, 'utf8').slice(1).split('\r\n').slice(0, 2)).toEqual([
      'Last name;First name;CEC roles;Hours here (h:mm);Minutes;Thresholds',
      'Engagée;Emma;Board member;100:00;6000;100 h here — 200 h with other associations',
    ]);
  });
});

async function withReceiptCore() {
  const t = await openBackupCore();
  const cat = await categoryIds(t);
  const dir = tempDir();
  const receipt = join(dir, 'facture-salle.pdf');
  writeFileSync(receipt, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(40_000, 7)]));
  return { t, cat, dir, receipt };
}

const receiptsIn = (t: BackupCore) => (existsSync(join(t.dataDir, 'receipts')) ? readdirSync(join(t.dataDir, 'receipts')).sort() : []);

describe('receipts', () => {
  it('are copied into the data folder when the line is saved, listed, shown, replaced and removed with it', async () => {
    const { t, cat, receipt, dir } = await withReceiptCore();
    t.dialogs.open.push(receipt);
    const chosen = (await t.call('finance.chooseReceipt'))!;
    expect(chosen).toMatchObject({ name: 'facture-salle.pdf', bytes: 40_009 });
    // Chosen but not saved: nothing written yet.
    expect(receiptsIn(t)).toEqual([]);
    const { line: l } = await t.call('finance.createLine', line({ occurredOn: '2025-02-01', amountCents: 45_000, categoryId: cat.venue_hire!, receipt: { token: chosen.token } }));
    expect(l.receipt).toEqual({ name: 'facture-salle.pdf', bytes: 40_009 });
    const stored = receiptsIn(t);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^[0-9a-f-]{36}\.pdf$/);
    expect(readFileSync(join(t.dataDir, 'receipts', stored[0]!))).toEqual(readFileSync(receipt));
    // A token is used once.
    expectIssue(await t.failure('finance.updateLine', { id: l.id, data: line({ occurredOn: '2025-02-01', amountCents: 45_000, categoryId: cat.venue_hire!, receipt: { token: chosen.token } }) }), ['receipt'], 'finance.receiptExpired');
    expect((await t.call('finance.listLines', { receipt: 'with' })).rows.map((r) => r.id)).toEqual([l.id]);
    expect((await t.call('finance.listLines', { receipt: 'without' })).total).toBe(0);
    await t.call('finance.openReceipt', { lineId: l.id });
    expect(t.dialogs.shown).toEqual([join(t.dataDir, 'receipts', stored[0]!)]);
    // Editing the line keeps its receipt.
    await t.call('finance.updateLine', { id: l.id, data: line({ occurredOn: '2025-02-02', amountCents: 45_000, categoryId: cat.venue_hire! }) });
    expect(receiptsIn(t)).toEqual(stored);
    // Replacing it removes the old copy.
    const photo = join(dir, 'ticket.JPG');
    writeFileSync(photo, Buffer.alloc(1_000, 1));
    t.dialogs.open.push(photo);
    const second = (await t.call('finance.chooseReceipt'))!;
    const { line: replaced } = await t.call('finance.updateLine', { id: l.id, data: line({ occurredOn: '2025-02-02', amountCents: 45_000, categoryId: cat.venue_hire!, receipt: { token: second.token } }) });
    expect(replaced.receipt).toEqual({ name: 'ticket.JPG', bytes: 1_000 });
    expect(receiptsIn(t)).toHaveLength(1);
    expect(receiptsIn(t)[0]).toMatch(/\.jpg$/);
    await t.call('finance.updateLine', { id: l.id, data: line({ occurredOn: '2025-02-02', amountCents: 45_000, categoryId: cat.venue_hire!, receipt: 'remove' }) });
    expect(receiptsIn(t)).toEqual([]);
    // Deleting a line deletes its receipt.
    t.dialogs.open.push(photo);
    const third = (await t.call('finance.chooseReceipt'))!;
    await t.call('finance.updateLine', { id: l.id, data: line({ occurredOn: '2025-02-02', amountCents: 45_000, categoryId: cat.venue_hire!, receipt: { token: third.token } }) });
    expect(receiptsIn(t)).toHaveLength(1);
    await t.call('finance.deleteLine', { id: l.id });
    expect(receiptsIn(t)).toEqual([]);
  });

  it('refuses a folder, a 2 GB file (without reading it), a program, an empty file, with a clear message, and writes nothing', async () => {
    const { t, dir } = await withReceiptCore();
    const before = dumpTables(t.file);
    const folder = join(dir, 'scans.pdf');
    mkdirSync(folder);
    const huge = join(dir, 'video.pdf');
    // A sparse 2 GB file: its size is real, its blocks are not written.
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 2 * 1024 * 1024 * 1024);
    closeSync(fd);
    expect(statSync(huge).size).toBe(2_147_483_648);
    const program = join(dir, 'facture.exe');
    writeFileSync(program, 'MZ');
    const empty = join(dir, 'vide.pdf');
    writeFileSync(empty, '');
    const cases: [string, string, Record<string, unknown>?][] = [
      [folder, 'finance.receiptNotAFile'],
      [huge, 'finance.receiptTooBig', { max: 20 }],
      [program, 'finance.receiptType'],
      [empty, 'finance.receiptEmpty'],
      [join(dir, 'absent.pdf'), 'finance.receiptUnreadable'],
    ];
    for (const [path, key, params] of cases) {
      t.dialogs.open.push(path);
      const error = await t.failure('finance.chooseReceipt');
      expectIssue(error, ['receipt'], key);
      if (params) expect(error.details?.issues?.[0]?.params).toEqual(params);
    }
    // Cancelled: nothing.
    expect(await t.call('finance.chooseReceipt')).toBeNull();
    expect(dumpTables(t.file)).toEqual(before);
    expect(receiptsIn(t)).toEqual([]);
    rmSync(huge);
  });

  it('a line that cannot be saved leaves no receipt behind', async () => {
    const { t, receipt } = await withReceiptCore();
    t.dialogs.open.push(receipt);
    const chosen = (await t.call('finance.chooseReceipt'))!;
    expectIssue(await t.failure('finance.createLine', line({ occurredOn: '2025-02-01', amountCents: 0, categoryId: 1, receipt: { token: chosen.token } })), ['amountCents'], 'finance.amountPositive');
    expectIssue(await t.failure('finance.createLine', line({ occurredOn: '2025-02-01', amountCents: 10, categoryId: 999, receipt: { token: chosen.token } })), ['categoryId'], 'finance.unknownCategory');
    expect(receiptsIn(t)).toEqual([]);
  });

  it('a missing receipt file says so', async () => {
    const { t, cat, receipt } = await withReceiptCore();
    t.dialogs.open.push(receipt);
    const chosen = (await t.call('finance.chooseReceipt'))!;
    const { line: l } = await t.call('finance.createLine', line({ occurredOn: '2025-02-01', amountCents: 100, categoryId: cat.venue_hire!, receipt: { token: chosen.token } }));
    rmSync(join(t.dataDir, 'receipts', receiptsIn(t)[0]!));
    expect(await t.failure('finance.openReceipt', { lineId: l.id })).toEqual({ code: 'NOT_FOUND', details: { reason: 'receiptMissing', id: l.id } });
  });
});

async function entries(file: string): Promise<Map<string, Buffer>> {
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

describe('receipts in backups', () => {
  for (const passphrase of [null, 'une phrase secrète assez longue']) {
    it(`travel in the backup ${passphrase ? 'encrypted' : 'as they are'} and come back with a restore`, async () => {
      const { t, cat, receipt } = await withReceiptCore();
      await t.call('settings.saveAssociation', { name: 'Les Amis du Relais' });
      t.dialogs.open.push(receipt);
      const chosen = (await t.call('finance.chooseReceipt'))!;
      const { line: l } = await t.call('finance.createLine', line({ occurredOn: '2025-02-01', amountCents: 45_000, categoryId: cat.venue_hire!, receipt: { token: chosen.token } }));
      const [name] = receiptsIn(t);
      const backup = join(tempDir(), 'sauvegarde.relaisbackup');
      t.dialogs.save.push(backup);
      await t.call('backups.create', { passphrase });

      const inside = await entries(backup);
      expect([...inside.keys()]).toEqual(['README.txt', passphrase ? 'relais.sqlite.enc' : 'relais.sqlite', `receipts/${name}`, 'manifest.json']);
      const manifest = JSON.parse(inside.get('manifest.json')!.toString('utf8'));
      expect(manifest.attachments).toEqual([
        expect.objectContaining({ entry: `receipts/${name}`, bytes: 40_009, iv: passphrase ? expect.any(String) : null, tag: passphrase ? expect.any(String) : null }),
      ]);
      const original = readFileSync(receipt);
      if (passphrase) expect(inside.get(`receipts/${name}`)!.includes(Buffer.from('%PDF'))).toBe(false);
      else expect(inside.get(`receipts/${name}`)).toEqual(original);

      // The line and its receipt go; the restore brings both back.
      await t.call('finance.deleteLine', { id: l.id });
      expect(receiptsIn(t)).toEqual([]);
      t.dialogs.open.push(backup);
      const summary = (await t.call('backups.inspect', {}))!;
      await t.call('backups.restore', { token: summary.token, passphrase });
      expect((await t.call('finance.getLine', { id: l.id })).receipt).toEqual({ name: 'facture-salle.pdf', bytes: 40_009 });
      expect(readFileSync(join(t.dataDir, 'receipts', name!))).toEqual(original);
      await t.call('finance.openReceipt', { lineId: l.id });
    });
  }

  it('a receipt altered inside a backup is refused as damaged and the live data stays', async () => {
    const { t, cat, receipt } = await withReceiptCore();
    t.dialogs.open.push(receipt);
    const chosen = (await t.call('finance.chooseReceipt'))!;
    await t.call('finance.createLine', line({ occurredOn: '2025-02-01', amountCents: 45_000, categoryId: cat.venue_hire!, receipt: { token: chosen.token } }));
    const backup = join(tempDir(), 'b.relaisbackup');
    t.dialogs.save.push(backup);
    await t.call('backups.create', {});
    // Flip a byte inside the receipt's bytes and fix nothing: the whole-file checksum catches it.
    const bytes = readFileSync(backup);
    const at = bytes.indexOf(Buffer.alloc(64, 7));
    bytes[at + 10] = 8;
    writeFileSync(backup, bytes);
    t.dialogs.open.push(backup);
    expect(await t.failure('backups.inspect', {})).toMatchObject({ code: 'BACKUP_INVALID', details: { reason: 'damaged' } });
  });
});

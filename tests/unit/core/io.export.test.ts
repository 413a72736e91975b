import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dumpTables, tempDir } from './helpers';
import { choosePath, openIoCore, type IoCore } from './io.support';

const TRIGGERS = /^[=+\-@\t\r]/;

async function seed(t: IoCore) {
  await t.call('settings.setLanguage', { language: 'fr' });
  const field = await t.call('settings.saveCustomField', { label: 'Taille', type: 'choice', options: ['S', 'M'] });
  const skills = await t.call('volunteers.listSkills');
  const listening = skills.find((s) => s.key === 'active_listening')!.id;
  const a = await t.call('volunteers.create', {
    firstName: '=HYPERLINK("http://evil.example")', lastName: 'Dupont', email: 'a@example.org', phone: '+33 6 12 34 56 78', city: 'Lyon',
    joinedOn: '2020-01-02', notes: '@SUM(1;2)\nsuite', roles: ['volunteer', 'board'], skills: [{ skillId: listening, level: 2 }],
    customValues: { [String(field.id)]: 'M' }, photoConsent: true,
  });
  const b = await t.call('volunteers.create', { firstName: 'Bruno', lastName: '-Martin', city: 'Paris', joinedOn: '2021-03-04', status: 'left', statusSince: '2023-01-01' });
  const c = await t.call('volunteers.create', { firstName: 'Chloé', lastName: 'Zed', city: 'Lyon', joinedOn: '2022-05-06' });
  await t.call('volunteers.archive', { id: c.id });
  return { a, b, c, field };
}

const readCsv = (path: string) => {
  const bytes = readFileSync(path);
  return { bytes, rows: Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { delimiter: ';' }).data.filter((r) => r.some(Boolean)) };
};

describe('export of the volunteer list', () => {
  it('CSV for French Excel: BOM, ;, CRLF, French headers and words, no cell that a spreadsheet would run', async () => {
    const t = await openIoCore();
    await seed(t);
    const result = await t.call('io.exportVolunteers', { format: 'csv' });
    expect(result).toMatchObject({ saved: true, files: 1, rows: 2 });
    expect(result.fileName).toMatch(/^benevoles-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(t.saveRequests[0]).toMatchObject({ titleKey: 'io.exportTitle', filters: [{ nameKey: 'io.csvFiles', extensions: ['csv'] }] });
    const { bytes, rows } = readCsv(join(t.dataDir, 'out', result.fileName!));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^Prénom;Nom;E-mail;Téléphone;/);
    // Every record ends with CRLF; line breaks inside a quoted cell stay LF.
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...body] = rows;
    expect(header).toContain('Taille');
    for (const cell of [...header!, ...body.flat()]) expect(cell, JSON.stringify(cell)).not.toMatch(TRIGGERS);
    const byName = Object.fromEntries(body.map((r) => [r[1], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]));
    expect(byName.Dupont).toMatchObject({
      Prénom: '\'=HYPERLINK("http://evil.example")', Téléphone: "'+33 6 12 34 56 78", Notes: "'@SUM(1;2)\nsuite",
      Rôles: 'Bénévole\nMembre du bureau', Compétences: 'Écoute active (Confirmé)', 'Date d’arrivée': '2020-01-02',
      Statut: 'Actif', 'Accepte d’apparaître sur les photos': 'Oui', Taille: 'M',
    });
    expect(byName["'-Martin"]).toMatchObject({ Statut: 'Parti', 'Date du statut': '2023-01-01' });
  });

  it('exports exactly the list volunteers.list shows for the same search, filters and order', async () => {
    const t = await openIoCore();
    await seed(t);
    const query = { query: 'lyon', filters: { archived: 'include' as const }, sort: { field: 'name' as const, direction: 'desc' as const } };
    const shown = (await t.call('volunteers.list', query)).rows.map((r) => r.lastName);
    expect(shown).toEqual(['Zed', 'Dupont']);
    const result = await t.call('io.exportVolunteers', { ...query, format: 'csv' });
    const { rows } = readCsv(join(t.dataDir, 'out', result.fileName!));
    expect(rows.slice(1).map((r) => r[1])).toEqual(shown);
    // The archived one carries the day it was archived.
    const archivedOn = rows[0]!.indexOf('Archivé le');
    expect(rows[1]![archivedOn]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows[2]![archivedOn]).toBe('');
  });

  it('XLSX: one sheet, typed dates and numbers, same escaping; it imports back', async () => {
    const t = await openIoCore();
    await seed(t);
    const result = await t.call('io.exportVolunteers', { format: 'xlsx', filters: { archived: 'include' } });
    const { Workbook } = await import('exceljs');
    const wb = new Workbook();
    await wb.xlsx.readFile(join(t.dataDir, 'out', result.fileName!));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Bénévoles']);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    let dupont = ws.getRow(2);
    ws.eachRow((row) => {
      if (row.getCell(header.indexOf('Nom') + 1).value === 'Dupont') dupont = row;
    });
    expect(dupont.getCell(header.indexOf('Date d’arrivée') + 1).value).toEqual(new Date(Date.UTC(2020, 0, 2)));
    expect(dupont.getCell(header.indexOf('Prénom') + 1).value).toBe('\'=HYPERLINK("http://evil.example")');
    ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && expect(cell.value).not.toMatch(TRIGGERS)));

    const target = await openIoCore();
    await target.call('settings.saveCustomField', { label: 'Taille', type: 'choice', options: ['S', 'M'] });
    const token = await choosePath(target, join(t.dataDir, 'out', result.fileName!));
    const p = await target.call('io.previewImport', { token });
    expect(p).toMatchObject({ preset: 'relais', format: 'xlsx', issues: [] });
    await target.call('io.runImport', { token });
    const back = await target.call('volunteers.list', { filters: { archived: 'include' } });
    expect(back.rows.map((r) => [r.firstName, r.lastName, r.archived])).toEqual([
      ['Bruno', '-Martin', false],
      ['=HYPERLINK("http://evil.example")', 'Dupont', false],
      ['Chloé', 'Zed', true],
    ]);
  });

  it('writes nothing when the save dialog is closed', async () => {
    const t = await openIoCore();
    await seed(t);
    t.willSave(null);
    expect(await t.call('io.exportVolunteers', { format: 'csv' })).toEqual({ saved: false, fileName: null, files: 0, rows: 0 });
    const out = join(t.dataDir, 'out');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('rejects an unknown format or filter', async () => {
    const t = await openIoCore();
    expect((await t.failure('io.exportVolunteers', { format: 'pdf' })).code).toBe('VALIDATION');
    expect((await t.failure('io.exportVolunteers', { format: 'csv', filters: { statuses: ['gone'] } })).code).toBe('VALIDATION');
  });
});

describe('export of every table', () => {
  it('XLSX: one workbook, a sheet per table with its stored columns and rows, the search index left out', async () => {
    const t = await openIoCore();
    await seed(t);
    const result = await t.call('io.exportTables', { format: 'xlsx' });
    const dump = dumpTables(t.file);
    const tables = Object.keys(dump).filter((n) => !n.startsWith('volunteers_fts'));
    expect(result).toMatchObject({ saved: true, files: 1, rows: tables.reduce((n, k) => n + dump[k]!.length, 0) });
    const { Workbook } = await import('exceljs');
    const wb = new Workbook();
    await wb.xlsx.readFile(join(t.dataDir, 'out', result.fileName!));
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual(tables.map((n) => n.slice(0, 31)).sort());
    const vol = wb.getWorksheet('volunteers')!;
    expect((vol.getRow(1).values as unknown[]).slice(1)).toEqual(Object.keys(dump.volunteers![0] as object));
    expect(vol.actualRowCount).toBe(1 + dump.volunteers!.length);
  });

  it('CSV: a new folder with one file per table, each readable back to the stored values', async () => {
    const t = await openIoCore();
    await seed(t);
    const parent = tempDir();
    t.willChooseFolder(parent);
    const first = await t.call('io.exportTables', { format: 'csv' });
    t.willChooseFolder(parent);
    const second = await t.call('io.exportTables', { format: 'csv' });
    expect(second.fileName).toBe(`${first.fileName}-2`);
    const folder = join(parent, first.fileName!);
    const dump = dumpTables(t.file);
    const tables = Object.keys(dump).filter((n) => !n.startsWith('volunteers_fts'));
    expect(readdirSync(folder).sort()).toEqual(tables.map((n) => `${n}.csv`).sort());
    const { rows } = readCsv(join(folder, 'volunteers.csv'));
    const [header, ...body] = rows;
    const unescape = (s: string) => (/^'+[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
    const stored = dump.volunteers as Record<string, unknown>[];
    expect(body.map((r) => Object.fromEntries(header!.map((h, i) => [h, unescape(r[i]!)])))).toEqual(
      stored.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v === null ? '' : String(v)]))),
    );
    for (const cell of body.flat()) expect(cell).not.toMatch(TRIGGERS);
  });
});

describe('XLSX dates', () => {
  it('come back as the same calendar days, around Excel’s 1900 leap-year quirk and at the ends of the range', async () => {
    const { writeXlsx, readXlsx } = await import('../../../electron/core/io/xlsx');
    const { isoToUtcDate } = await import('../../../electron/core/io/cells');
    const dates = ['1900-01-01', '1900-02-28', '1900-03-01', '1999-12-31', '2024-02-29', '2100-12-31'];
    const { buffer } = await writeXlsx([{ name: 'S', headers: ['d'], rows: dates.map((d) => [isoToUtcDate(d)]), dateColumns: new Set([0]) }]);
    const back = await readXlsx(buffer, []);
    expect(back.rows.slice(1).map((r) => r.cells[0])).toEqual(dates);
  });
});

import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { openRelais, type RelaisCore } from '../../../electron/core';
import { headlessPlatform, type Platform } from '../../../electron/core/platform';
import { DATABASE_FILE } from '../../../electron/core/relais';
import type { AssociationInput, Input, MethodName, Output } from '../../../shared/api';
import type { RelaisError } from '../../../shared/errors';
import { buildVolunteer, tempDir } from './helpers';
import Database from 'better-sqlite3';

/**
 * A core for the certificates tests: the save and folder dialogs answer what the test queues (by
 * default a file or the folder `out`), and the printer records each HTML it is given and answers
 * a small fake PDF — or whatever `printer` does (throw, wait for a cancel, print with Chromium).
 */
export interface CertificatesCore {
  core: RelaisCore;
  dataDir: string;
  file: string;
  out: string;
  saves: (string | null)[];
  folders: (string | null)[];
  printed: { html: string; landscape: boolean }[];
  printer: (html: string, landscape: boolean) => Promise<Uint8Array>;
  call<M extends MethodName>(method: M, input?: Input<M>): Promise<Output<M>>;
  failure(method: string, input?: unknown): Promise<RelaisError>;
}

/**
 * Rows written straight into the file, so these tests do not depend on the planning, staffing,
 * attendance and hours calls (they have their own tests): what certificates read is the stored
 * rows and the one hour total over them.
 */
export function withFile<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const NOW = '2026-01-01T00:00:00.000Z';

export function seedHourEntry(
  file: string,
  e: { volunteerId: number; workedOn: string; minutes: number; category: string; approval?: string; eventId?: number | null; programmeId?: number | null },
): number {
  return withFile(file, (db) =>
    Number(
      db
        .prepare(
          `INSERT INTO hour_entries (volunteer_id, worked_on, minutes, category, programme_id, event_id, source, approval, note, created_at, updated_at)
           VALUES (@volunteerId, @workedOn, @minutes, @category, @programmeId, @eventId, 'manual', @approval, NULL, @now, @now)`,
        )
        .run({ approval: 'approved', eventId: null, programmeId: null, ...e, now: NOW }).lastInsertRowid,
    ),
  );
}

/** An event (Europe/Paris wall clock; the UTC instants only need to be in order here). */
export function seedEvent(file: string, e: { title: string; startLocal: string; endLocal: string; place?: string | null }): number {
  return withFile(file, (db) =>
    Number(
      db
        .prepare(
          `INSERT INTO events (status, title, kind, format, place, time_zone, start_local, end_local, start_utc, end_utc, created_at, updated_at)
           VALUES ('planned', @title, 'community', 'in_person', @place, 'Europe/Paris', @startLocal, @endLocal, @startUtc, @endUtc, @now, @now)`,
        )
        .run({ place: null, ...e, startUtc: `${e.startLocal}:00.000Z`, endUtc: `${e.endLocal}:00.000Z`, now: NOW }).lastInsertRowid,
    ),
  );
}

export function seedRole(file: string, eventId: number, name: string, volunteers: number[]): number {
  return withFile(file, (db) => {
    const roleId = Number(db.prepare('INSERT INTO event_roles (event_id, name, needed, start_offset, end_offset) VALUES (?, ?, ?, 0, 60)').run(eventId, name, Math.max(1, volunteers.length)).lastInsertRowid);
    for (const v of volunteers) db.prepare('INSERT INTO assignments (role_id, event_id, volunteer_id, created_at) VALUES (?, ?, ?, ?)').run(roleId, eventId, v, NOW);
    return roleId;
  });
}

export function seedAttendance(file: string, eventId: number, volunteerId: number, status: 'present' | 'absent' | 'excused'): void {
  withFile(file, (db) => db.prepare('INSERT INTO attendance (event_id, volunteer_id, status, walk_in, updated_at) VALUES (?, ?, ?, 0, ?)').run(eventId, volunteerId, status, NOW));
}

export const fakePdf = (html: string) => new TextEncoder().encode(`%PDF-fake ${html.length}`);

export async function openCertificatesCore(): Promise<CertificatesCore> {
  const dataDir = tempDir('relais-cert-');
  const out = tempDir('relais-cert-out-');
  const t = { saves: [], folders: [], printed: [], printer: async (html: string) => fakePdf(html) } as unknown as CertificatesCore;
  const platform: Platform = {
    ...headlessPlatform('fr-FR'),
    chooseSaveFile: async (o) => (t.saves.length ? t.saves.shift()! : join(out, o.defaultName)),
    chooseFolder: async () => (t.folders.length ? t.folders.shift()! : out),
    printToPdf: async (html, options) => {
      t.printed.push({ html, landscape: options?.landscape ?? false });
      return t.printer(html, options?.landscape ?? false);
    },
  };
  const core = await openRelais({ dataDir, platform, checkOutputs: true, demoSize: 10 });
  onTestFinished(() => core.close());
  Object.assign(t, {
    core,
    dataDir,
    out,
    file: join(dataDir, DATABASE_FILE),
    async call(method: MethodName, input?: unknown) {
      const r = await core.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.data as never;
    },
    async failure(method: string, input?: unknown) {
      const r = await core.dispatch(method, input);
      if (r.ok) throw new Error(`${method} was expected to fail, answered ${JSON.stringify(r.data).slice(0, 200)}`);
      return r.error;
    },
  });
  return t;
}

export const ASSOCIATION: AssociationInput = {
  name: 'Les Amis du Relais',
  addressLine: '3 place des Terreaux',
  postalCode: '69001',
  city: 'Lyon',
  rna: 'W691000123',
  siret: '12345678900019',
  signatoryName: 'Claire Fontaine',
  signatoryTitle: 'Présidente',
};

export async function withAssociation(t: CertificatesCore, over: Partial<AssociationInput> = {}) {
  await t.call('settings.setLanguage', { language: 'fr' });
  await t.call('settings.saveAssociation', { ...ASSOCIATION, ...over });
}

/** A volunteer with approved hours on the given days (minutes each). */
export async function volunteerWithHours(
  t: CertificatesCore,
  person: { firstName: string; lastName: string; joinedOn?: string },
  entries: { workedOn: string; minutes: number; category?: string; approval?: string }[],
): Promise<number> {
  const v = await t.call('volunteers.create', buildVolunteer({ joinedOn: '2024-03-01', ...person }));
  for (const e of entries) seedHourEntry(t.file, { volunteerId: v.id, category: 'support', ...e });
  return v.id;
}

export const setStatus = (file: string, id: number, sql: string) => withFile(file, (db) => db.prepare(`UPDATE volunteers SET ${sql} WHERE id = ?`).run(id));

/** A complete attestation draft for a volunteer (dates in 2026, issued on 2027-01-01). */
export const attestation = (volunteerId: number, over: Record<string, unknown> = {}) => ({
  template: 'attestation' as const,
  language: 'fr' as const,
  volunteerId,
  issuedOn: '2027-01-01',
  place: 'Lyon',
  signatoryName: 'Claire Fontaine',
  signatoryTitle: 'Présidente',
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  missions: 'Accueil des personnes',
  skills: 'Écoute active',
  ...over,
});

export const PNG_DATA_URL = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64')}`;

/** A registry row written straight into the file (privacy tests that need one without a printer). */
export function seedCertificate(file: string, volunteerId: number): number {
  return withFile(file, (db) =>
    Number(
      db
        .prepare(
          `INSERT INTO certificates (year, seq, number, volunteer_id, template, language, milestone, period_from, period_to, minutes,
             volunteer_name, signatory_name, issued_on, issued_at, snapshot)
           VALUES (2026, 1, '2026-0001', ?, 'attestation', 'fr', NULL, '2026-01-01', '2026-06-30', 660, 'Zéphyrine Quasimodo', 'Claire Fontaine',
             '2026-07-01', '2026-07-01T10:00:00.000Z', '{"draft":{"missions":"Accueil"}}')`,
        )
        .run(volunteerId).lastInsertRowid,
    ),
  );
}

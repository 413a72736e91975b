import Database from 'better-sqlite3';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { openRelais, type RelaisCore } from '../../../electron/core';
import { headlessPlatform, type Platform } from '../../../electron/core/platform';
import { DATABASE_FILE } from '../../../electron/core/relais';
import type { Input, MethodName, Output } from '../../../shared/api';
import type { RelaisError } from '../../../shared/errors';
import { tempDir } from './helpers';

/**
 * For the documents tests: a core whose save dialog answers what the test queues and whose printer
 * is whatever the test gives (Chromium for real PDFs), and events written straight into the file
 * with exact UTC instants from Temporal, so these tests do not wait on the planning calls.
 */

export interface DocumentsCore {
  core: RelaisCore;
  dataDir: string;
  file: string;
  /** The next save dialog answers this path (null: the person cancels); by default a file in `out`. */
  answers: (string | null)[];
  asked: { titleKey: string; defaultName: string; extensions: string[] }[];
  out: string;
  printed: { html: string; landscape: boolean }[];
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  failure(method: string, input?: unknown): Promise<RelaisError>;
}

export async function openDocumentsCore(print?: (html: string, landscape: boolean) => Promise<Uint8Array>): Promise<DocumentsCore> {
  const dataDir = tempDir('relais-docs-');
  const out = tempDir('relais-docs-out-');
  const answers: (string | null)[] = [];
  const asked: DocumentsCore['asked'] = [];
  const printed: DocumentsCore['printed'] = [];
  const platform: Platform = {
    ...headlessPlatform(),
    chooseSaveFile: async (o) => {
      asked.push({ titleKey: o.titleKey, defaultName: o.defaultName, extensions: o.filters.flatMap((f) => f.extensions) });
      return answers.length ? answers.shift()! : join(out, o.defaultName);
    },
    printToPdf: async (html, options) => {
      printed.push({ html, landscape: options?.landscape ?? false });
      if (!print) throw new Error('no printer in this test');
      return print(html, options?.landscape ?? false);
    },
  };
  const core = await openRelais({ dataDir, platform, checkOutputs: true });
  onTestFinished(() => core.close());
  return {
    core,
    dataDir,
    file: join(dataDir, DATABASE_FILE),
    answers,
    asked,
    out,
    printed,
    async call(method, input) {
      const r = await core.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.data as never;
    },
    async failure(method, input) {
      const r = await core.dispatch(method, input);
      if (r.ok) throw new Error(`${method} was expected to fail, answered ${JSON.stringify(r.data).slice(0, 200)}`);
      return r.error;
    },
  };
}

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

export interface DocEvent {
  title?: string;
  kind?: string;
  status?: 'planned' | 'cancelled';
  format?: 'in_person' | 'virtual' | 'hybrid';
  place?: string | null;
  videoLink?: string | null;
  description?: string | null;
  confidentiality?: boolean;
  timeZone?: string;
  /** YYYY-MM-DDTHH:MM, wall clock in `timeZone`. */
  startLocal: string;
  minutes: number;
  seriesId?: number;
  seriesPosition?: number;
  updatedAt?: string;
}

/** UTC instant of a wall-clock time, the way planning stores it. */
export const toUtc = (local: string, zone: string) => Temporal.PlainDateTime.from(local).toZonedDateTime(zone).toInstant().toString();

export function seedDocEvent(file: string, e: DocEvent, facilitators: number[] = []): number {
  const zone = e.timeZone ?? 'Europe/Paris';
  const start = Temporal.PlainDateTime.from(e.startLocal).toZonedDateTime(zone);
  const end = start.add({ minutes: e.minutes });
  return withFile(file, (db) => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO events (series_id, series_position, status, title, kind, description, place, video_link, format, confidentiality_required,
             time_zone, start_local, end_local, start_utc, end_utc, created_at, updated_at)
           VALUES (@seriesId, @seriesPosition, @status, @title, @kind, @description, @place, @videoLink, @format, @confidentiality,
             @zone, @startLocal, @endLocal, @startUtc, @endUtc, @now, @updatedAt)`,
        )
        .run({
          seriesId: e.seriesId ?? null,
          seriesPosition: e.seriesId ? (e.seriesPosition ?? 0) : null,
          status: e.status ?? 'planned',
          title: e.title ?? 'Groupe de parole',
          kind: e.kind ?? 'support_group',
          description: e.description ?? null,
          place: e.place ?? null,
          videoLink: e.videoLink ?? null,
          format: e.format ?? 'in_person',
          confidentiality: e.confidentiality ? 1 : 0,
          zone,
          startLocal: start.toPlainDateTime().toString().slice(0, 16),
          endLocal: end.toPlainDateTime().toString().slice(0, 16),
          startUtc: start.toInstant().toString(),
          endUtc: end.toInstant().toString(),
          now: NOW,
          updatedAt: e.updatedAt ?? NOW,
        }).lastInsertRowid,
    );
    for (const v of facilitators) db.prepare('INSERT INTO event_facilitators (event_id, volunteer_id) VALUES (?, ?)').run(id, v);
    return id;
  });
}

/** A weekly series at `time` local from `firstDay`, `count` sessions, one event row per session. */
export function seedWeeklySeries(
  file: string,
  s: { title: string; firstDay: string; time: string; minutes: number; count: number; timeZone?: string; place?: string | null; videoLink?: string | null; format?: 'in_person' | 'virtual' | 'hybrid' },
): { seriesId: number; eventIds: number[] } {
  const zone = s.timeZone ?? 'Europe/Paris';
  const first = Temporal.PlainDate.from(s.firstDay);
  const seriesId = withFile(file, (db) =>
    Number(
      db
        .prepare(
          `INSERT INTO series (title, kind, place, video_link, format, time_zone, start_time, duration_minutes, frequency, weekday, starts_on, occurrence_count, created_at, updated_at)
           VALUES (?, 'support_group', ?, ?, ?, ?, ?, ?, 'weekly', ?, ?, ?, ?, ?)`,
        )
        .run(s.title, s.place ?? null, s.videoLink ?? null, s.format ?? 'in_person', zone, s.time, s.minutes, first.dayOfWeek, s.firstDay, s.count, NOW, NOW).lastInsertRowid,
    ),
  );
  const eventIds: number[] = [];
  for (let i = 0; i < s.count; i += 1) {
    const day = first.add({ weeks: i }).toString();
    eventIds.push(
      seedDocEvent(file, {
        title: s.title,
        timeZone: zone,
        startLocal: `${day}T${s.time}`,
        minutes: s.minutes,
        seriesId,
        seriesPosition: i,
        place: s.place ?? null,
        videoLink: s.videoLink ?? null,
        format: s.format ?? 'in_person',
      }),
    );
  }
  return { seriesId, eventIds };
}

/** A role of `start`..`end` minutes from the event's start, with these volunteers assigned. */
export function seedDocRole(file: string, eventId: number, name: string, window: { start: number; end: number }, volunteers: number[] = [], position = 0): number {
  return withFile(file, (db) => {
    const roleId = Number(
      db
        .prepare('INSERT INTO event_roles (event_id, name, needed, start_offset, end_offset, position) VALUES (?, ?, ?, ?, ?, ?)')
        .run(eventId, name, Math.max(1, volunteers.length), window.start, window.end, position).lastInsertRowid,
    );
    for (const v of volunteers) {
      db.prepare('INSERT INTO assignments (role_id, event_id, volunteer_id, created_at) VALUES (?, ?, ?, ?)').run(roleId, eventId, v, NOW);
    }
    return roleId;
  });
}

export function setEvent(file: string, eventId: number, changes: Record<string, string | number | null>): void {
  withFile(file, (db) => {
    for (const [column, value] of Object.entries(changes)) db.prepare(`UPDATE events SET ${column} = ? WHERE id = ?`).run(value, eventId);
  });
}

import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import ical, { ICalEventStatus, escape } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import type { Language, SavedCalendar } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import { resources } from '../../../shared/i18n';
import { localTimeZone, nowIso } from '../clock';
import type { Context } from '../context';
import { appLanguage } from '../privacy/privacy.service';
import { sortKey } from '../volunteers/bits';
import { hhmm, shiftedLocal, timeRange } from './document-dates';

/**
 * Calendar files (.ics, RFC 5545) of a series and of one volunteer's schedule, written by
 * ical-generator.
 *
 * Each occurrence is its own VEVENT rather than one RRULE with EXDATEs: occurrences are rows that
 * can be moved, cancelled or edited on their own ("this and following"), so a rule would need an
 * override for each of them and could disagree with what Relais stores. One VEVENT per row says
 * exactly what the calendar page shows.
 *
 * - Times carry the TZID of the zone the event was planned in, with a VTIMEZONE built from the same
 *   time-zone data Relais used to plan it: a weekly 18:30 stays 18:30 across daylight-saving changes.
 * - UIDs are stable (`relais-event-<id>@<this database's calendar id>`): importing the file again
 *   updates the same events instead of duplicating them, and a cancelled occurrence is kept with
 *   STATUS:CANCELLED (and a higher SEQUENCE) so a calendar that had it removes it.
 * - The series file names no volunteer: it may be shared or published. The schedule file holds one
 *   person's own shifts and nothing about anyone else.
 */

type Labels = (typeof resources)['fr']['events']['documents']['ics'];

interface EventRow {
  id: number;
  title: string;
  status: 'planned' | 'cancelled';
  description: string | null;
  place: string | null;
  video_link: string | null;
  format: 'in_person' | 'virtual' | 'hybrid';
  time_zone: string;
  start_local: string;
  end_local: string;
  start_utc: string;
  end_utc: string;
  created_at: string;
  updated_at: string;
}

const EVENT_COLUMNS = `e.id, e.title, e.status, e.description, e.place, e.video_link, e.format, e.time_zone,
  e.start_local, e.end_local, e.start_utc, e.end_utc, e.created_at, e.updated_at`;

/** One VEVENT: an occurrence, or one person's part of it. */
export interface CalendarEntry {
  uid: string;
  event: EventRow;
  /** Defaults to the event's own start and end. */
  startUtc?: string;
  endUtc?: string;
  summary: string;
  /** Lines before the event's own description. */
  notes: string[];
}

/**
 * A name for this database that stays the same for its whole life (backups and restores included),
 * so UIDs made from it are unique across associations. Made once, on the first export.
 */
export function calendarId(ctx: Context): string {
  const read = () => ctx.sqlite.prepare("SELECT value FROM settings WHERE key = 'calendarId'").pluck().get() as string | undefined;
  const found = read();
  if (found) return JSON.parse(found) as string;
  ctx.sqlite.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('calendarId', ?)").run(JSON.stringify(randomUUID()));
  return JSON.parse(read()!) as string;
}

const offsetText = (offset: string) => offset.replace(/:/g, '');

/** `2026-10-25T03:00` style local time as iCalendar writes it (`20261025T030000`). */
const icsLocal = (t: Temporal.PlainDateTime) =>
  `${String(t.year).padStart(4, '0')}${String(t.month).padStart(2, '0')}${String(t.day).padStart(2, '0')}T${String(t.hour).padStart(2, '0')}${String(t.minute).padStart(2, '0')}${String(t.second).padStart(2, '0')}`;

/**
 * The VTIMEZONE of `timeZone` between two instants: the observance in force at `from`, then each
 * change until `to`, as listed observances (no rules to guess). Each DTSTART is the moment of the
 * change written in the offset in force just before it, as RFC 5545 asks.
 */
export function vtimezone(timeZone: string, from: Temporal.Instant, to: Temporal.Instant): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const observance = (at: Temporal.ZonedDateTime | null, offsetFrom: string, offsetTo: string) => {
    // A move forward starts daylight time; a move back (or no move) is standard time.
    const kind = compare(offsetTo, offsetFrom) > 0 ? 'DAYLIGHT' : 'STANDARD';
    const start = at ? icsLocal(at.toInstant().toZonedDateTimeISO(offsetFrom).toPlainDateTime()) : '19700101T000000';
    lines.push(`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${offsetText(offsetFrom)}`, `TZOFFSETTO:${offsetText(offsetTo)}`, `END:${kind}`);
  };
  const first = from.toZonedDateTimeISO(timeZone);
  const previous = first.getTimeZoneTransition('previous');
  if (previous) observance(previous, previous.subtract({ nanoseconds: 1 }).offset, previous.offset);
  else observance(null, first.offset, first.offset);
  let next = first.getTimeZoneTransition('next');
  // A bound, for a zone whose data would go on changing forever: 200 years of twice-yearly changes.
  for (let i = 0; next && Temporal.Instant.compare(next.toInstant(), to) <= 0 && i < 400; i += 1) {
    observance(next, next.subtract({ nanoseconds: 1 }).offset, next.offset);
    next = next.getTimeZoneTransition('next');
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** Offsets as signed seconds, to tell a move forward (daylight time) from a move back. */
function compare(a: string, b: string): number {
  const seconds = (o: string) => {
    const [h = 0, m = 0, s = 0] = o.slice(1).split(':').map(Number);
    return (o[0] === '-' ? -1 : 1) * (h * 3600 + m * 60 + s);
  };
  return seconds(a) - seconds(b);
}

/** SEQUENCE must grow with each revision: minutes since 2020 of the last change do. */
const sequenceOf = (updatedAt: string) => Math.max(0, Math.floor((Date.parse(updatedAt) - Date.UTC(2020, 0, 1)) / 60_000));

/** Only web links reach a calendar's URL field; anything else stays as text in the description. */
function webLink(text: string | null): string | null {
  if (!text) return null;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function buildCalendar(name: string, entries: CalendarEntry[], L: Labels): string {
  // The span of each zone's events, so its VTIMEZONE covers exactly what the file uses.
  const spans = new Map<string, { from: Temporal.Instant; to: Temporal.Instant }>();
  for (const entry of entries) {
    const from = Temporal.Instant.from(entry.startUtc ?? entry.event.start_utc);
    const to = Temporal.Instant.from(entry.endUtc ?? entry.event.end_utc);
    const span = spans.get(entry.event.time_zone);
    if (!span) spans.set(entry.event.time_zone, { from, to });
    else {
      if (Temporal.Instant.compare(from, span.from) < 0) span.from = from;
      if (Temporal.Instant.compare(to, span.to) > 0) span.to = to;
    }
  }
  const calendar = ical({
    // The library writes the calendar's name as given: escape it like any other text.
    name: escape(name, false),
    prodId: { company: 'Relais', product: 'Relais', language: 'FR' },
    timezone: {
      name: null,
      generator: (tz) => {
        const span = spans.get(tz);
        return span ? vtimezone(tz, span.from, span.to) : null;
      },
    },
  });
  const stamp = Temporal.Instant.from(nowIso());
  for (const entry of entries) {
    const e = entry.event;
    const zone = e.time_zone;
    const link = webLink(e.video_link);
    const place = e.format === 'virtual' ? null : e.place;
    const lines = [...entry.notes];
    if (e.video_link && e.format !== 'in_person') lines.push(`${L.videoLink} ${e.video_link}`);
    if (e.description) lines.push('', e.description);
    calendar.createEvent({
      id: entry.uid,
      start: Temporal.Instant.from(entry.startUtc ?? e.start_utc).toZonedDateTimeISO(zone),
      end: Temporal.Instant.from(entry.endUtc ?? e.end_utc).toZonedDateTimeISO(zone),
      timezone: zone,
      summary: entry.summary,
      location: place ?? (e.format === 'virtual' ? e.video_link : null),
      description: lines.length ? lines.join('\n').trim() : null,
      url: e.format === 'in_person' ? null : link,
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: sequenceOf(e.updated_at),
      stamp,
      created: Temporal.Instant.from(e.created_at),
      lastModified: Temporal.Instant.from(e.updated_at),
    });
  }
  return calendar.toString();
}

const slug = (text: string) => sortKey(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/** Asks where first: a closed dialog leaves everything as it was (not even the calendar id is made). */
async function save(ctx: Context, defaultName: string, build: () => { content: string; count: number }): Promise<SavedCalendar> {
  const file = await ctx.platform.chooseSaveFile({
    titleKey: 'files.calendarTitle',
    defaultName,
    filters: [{ nameKey: 'files.ics', extensions: ['ics'] }],
  });
  if (file === null) return { saved: false, file: null, events: 0 };
  const { content, count } = build();
  writeFileSync(file, content, 'utf8');
  return { saved: true, file, events: count };
}

const labels = (lang: Language) => resources[lang].events.documents.ics as Labels;

function findSeries(ctx: Context, seriesId: number): { id: number; title: string } {
  const series = ctx.sqlite.prepare('SELECT id, title FROM series WHERE id = ?').get(seriesId) as { id: number; title: string } | undefined;
  if (!series) throw new RelaisFailure('NOT_FOUND', { id: seriesId });
  return series;
}

/** Every occurrence of a series, past and future, cancelled ones marked. */
export function seriesCalendar(ctx: Context, seriesId: number, lang: Language): { content: string; count: number } {
  const series = findSeries(ctx, seriesId);
  const rows = ctx.sqlite.prepare(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.series_id = ? ORDER BY e.start_utc, e.id`).all(seriesId) as EventRow[];
  const uidHost = calendarId(ctx);
  const entries = rows.map((event): CalendarEntry => ({ uid: `relais-event-${event.id}@${uidHost}`, event, summary: event.title, notes: [] }));
  return { content: buildCalendar(series.title, entries, labels(lang)), count: entries.length };
}

export async function exportSeriesIcs(ctx: Context, seriesId: number): Promise<SavedCalendar> {
  const lang = appLanguage(ctx);
  const { title } = findSeries(ctx, seriesId);
  return save(ctx, `${slug(title) || labels(lang).seriesFileName}.ics`, () => seriesCalendar(ctx, seriesId, lang));
}

interface ShiftRow {
  event_id: number;
  role: string | null;
  start_offset: number | null;
  end_offset: number | null;
  facilitator: 0 | 1;
}

/**
 * One person's schedule from a day on: the events they facilitate or have a role in, each timed to
 * their own part of it (a 2-hour shift of an all-day event is 2 hours in their calendar).
 */
function personName(ctx: Context, volunteerId: number): string {
  const person = ctx.sqlite.prepare('SELECT first_name, last_name FROM volunteers WHERE id = ?').get(volunteerId) as { first_name: string; last_name: string } | undefined;
  if (!person) throw new RelaisFailure('NOT_FOUND', { id: volunteerId });
  return `${person.first_name} ${person.last_name}`.trim();
}

export function volunteerCalendar(ctx: Context, volunteerId: number, from: string, lang: Language): { content: string; count: number } {
  const name = personName(ctx, volunteerId);
  const L = labels(lang);
  const shifts = ctx.sqlite
    .prepare(
      `SELECT a.event_id, r.name AS role, r.start_offset, r.end_offset, 0 AS facilitator
         FROM assignments a JOIN event_roles r ON r.id = a.role_id WHERE a.volunteer_id = ?
       UNION ALL
       SELECT f.event_id, NULL, NULL, NULL, 1 FROM event_facilitators f WHERE f.volunteer_id = ?`,
    )
    .all(volunteerId, volunteerId) as ShiftRow[];
  const byEvent = new Map<number, ShiftRow[]>();
  for (const s of shifts) byEvent.set(s.event_id, [...(byEvent.get(s.event_id) ?? []), s]);
  const events = byEvent.size
    ? (ctx.sqlite
        .prepare(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id IN (SELECT value FROM json_each(?)) AND e.end_local >= ? ORDER BY e.start_utc, e.id`)
        .all(JSON.stringify([...byEvent.keys()]), `${from}T00:00`) as EventRow[])
    : [];
  const uidHost = calendarId(ctx);
  const entries = events.map((event): CalendarEntry => {
    const mine = byEvent.get(event.id)!;
    const facilitates = mine.some((s) => s.facilitator === 1);
    const roles = mine.filter((s) => s.facilitator === 0);
    const notes: string[] = [];
    let startUtc = event.start_utc;
    let endUtc = event.end_utc;
    if (facilitates) notes.push(L.facilitator);
    for (const r of roles) {
      const a = shiftedLocal(event.start_utc, event.time_zone, r.start_offset!);
      const b = shiftedLocal(event.start_utc, event.time_zone, r.end_offset!);
      notes.push(`${L.role} ${r.role!} (${timeRange(hhmm(a), hhmm(b), lang)})`);
    }
    if (!facilitates && roles.length) {
      // Their part: from the earliest of their shifts to the end of the latest.
      const start = Temporal.Instant.from(event.start_utc);
      startUtc = start.add({ minutes: Math.min(...roles.map((r) => r.start_offset!)) }).toString();
      endUtc = start.add({ minutes: Math.max(...roles.map((r) => r.end_offset!)) }).toString();
    }
    notes.push(`${L.event} ${timeRange(event.start_local.slice(11), event.end_local.slice(11), lang)}`);
    const roleNames = [...new Set(roles.map((r) => r.role!))];
    const summary = facilitates ? `${event.title} — ${L.facilitatorShort}` : roleNames.length ? `${event.title} — ${roleNames.join(', ')}` : event.title;
    return { uid: `relais-event-${event.id}-volunteer-${volunteerId}@${uidHost}`, event, startUtc, endUtc, summary, notes };
  });
  return { content: buildCalendar(L.scheduleName.replace('{{name}}', name), entries, L), count: entries.length };
}

export async function exportVolunteerIcs(ctx: Context, volunteerId: number, from: string | undefined): Promise<SavedCalendar> {
  const lang = appLanguage(ctx);
  const first = from ?? Temporal.Now.plainDateISO(localTimeZone()).toString();
  const name = personName(ctx, volunteerId);
  return save(ctx, `${labels(lang).scheduleFileName}-${slug(name) || volunteerId}.ics`, () => volunteerCalendar(ctx, volunteerId, first, lang));
}

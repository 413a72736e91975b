import ICAL from 'ical.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { beforeEach, describe, expect, it } from 'vitest';
import { vtimezone } from '../../../electron/core/events/ical';
import { dumpTables } from './helpers';
import { openDocumentsCore, seedDocEvent, seedDocRole, seedWeeklySeries, setEvent, withFile, type DocumentsCore } from './events.documents.support';

/**
 * Calendar files are read back with ical.js, a parser that shares nothing with ical-generator: the
 * time zones come from the file's own VTIMEZONEs (the parser's registry is emptied first), so an
 * 18:30 that stays 18:30 across the end of October proves the file, not the parser's defaults.
 */

interface Parsed {
  calendar: ICAL.Component;
  events: ICAL.Event[];
  zones: string[];
}

function parseIcs(text: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones: string[] = [];
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(zone, zone.tzid);
    zones.push(zone.tzid);
  }
  // Parse again now that the zones are known, so every DTSTART is tied to its VTIMEZONE.
  const again = new ICAL.Component(ICAL.parse(text));
  return { calendar: again, events: again.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)), zones };
}

/** RFC 5545 TEXT unescaping, for the calendar-name properties the parser keeps raw. */
const unescapeText = (value: unknown) => String(value).replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

const eventRows = (file: string, ids: number[]) =>
  withFile(file, (db) => ids.map((id) => db.prepare('SELECT id, start_utc, end_utc, start_local FROM events WHERE id = ?').get(id) as { id: number; start_utc: string; end_utc: string; start_local: string }));

async function volunteer(t: DocumentsCore, firstName: string, lastName: string): Promise<number> {
  return (await t.call('volunteers.create', { firstName, lastName, joinedOn: '2024-01-10' })).id;
}

beforeEach(() => {
  ICAL.TimezoneService.reset();
});

describe('series calendar (.ics)', () => {
  it('keeps a weekly 18:30 Europe/Paris at 18:30 local on both sides of the end-of-October change', async () => {
    const t = await openDocumentsCore();
    const { seriesId, eventIds } = seedWeeklySeries(t.file, {
      title: 'Groupe de parole — aidants',
      firstDay: '2026-10-13',
      time: '18:30',
      minutes: 90,
      count: 5,
      place: 'Maison des associations, salle 2',
    });
    const result = await t.call('events.exportSeriesIcs', { seriesId });
    expect(result).toMatchObject({ saved: true, events: 5 });
    expect(t.asked.at(-1)).toMatchObject({ titleKey: 'files.calendarTitle', defaultName: 'groupe-de-parole-aidants.ics', extensions: ['ics'] });
    const text = readFileSync(result.file!, 'utf8');
    const { events, zones } = parseIcs(text);

    expect(zones).toEqual(['Europe/Paris']);
    expect(events).toHaveLength(5);
    const rows = eventRows(t.file, eventIds);
    // The change happens on Sunday 25 October 2026: two sessions before it, three after.
    expect(rows.map((r) => r.start_utc.slice(11, 16))).toEqual(['16:30', '16:30', '17:30', '17:30', '17:30']);
    events.forEach((e, i) => {
      expect(e.summary).toBe('Groupe de parole — aidants');
      expect(e.location).toBe('Maison des associations, salle 2');
      expect(e.startDate.zone?.tzid).toBe('Europe/Paris');
      expect([e.startDate.hour, e.startDate.minute]).toEqual([18, 30]);
      expect([e.endDate.hour, e.endDate.minute]).toEqual([20, 0]);
      expect(e.startDate.toString().slice(0, 10)).toBe(rows[i]!.start_local.slice(0, 10));
      // The file's own VTIMEZONE turns it into the instant Relais stored.
      expect(e.startDate.toJSDate().toISOString()).toBe(new Date(rows[i]!.start_utc).toISOString());
      expect(e.endDate.toJSDate().toISOString()).toBe(new Date(rows[i]!.end_utc).toISOString());
    });
    // One stable UID per occurrence, made of the event's id and this database's calendar id.
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(5);
    const host = uids[0]!.split('@')[1]!;
    expect(host).toMatch(/^[0-9a-f-]{36}$/);
    expect(uids).toEqual(eventIds.map((id) => `relais-event-${id}@${host}`));
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20261027T183000');
  });

  it('gives the same UIDs on a second export, marks a cancelled session and raises its SEQUENCE', async () => {
    const t = await openDocumentsCore();
    const { seriesId, eventIds } = seedWeeklySeries(t.file, { title: 'Permanence', firstDay: '2026-03-03', time: '10:00', minutes: 60, count: 4 });
    const first = parseIcs(readFileSync((await t.call('events.exportSeriesIcs', { seriesId })).file!, 'utf8'));
    setEvent(t.file, eventIds[2]!, { status: 'cancelled', updated_at: '2026-02-20T09:00:00.000Z' });
    const second = parseIcs(readFileSync((await t.call('events.exportSeriesIcs', { seriesId })).file!, 'utf8'));

    expect(second.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
    const status = (e: ICAL.Event) => e.component.getFirstPropertyValue('status');
    expect(second.events.map(status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED', 'CONFIRMED']);
    expect(second.events[2]!.sequence).toBeGreaterThan(first.events[2]!.sequence);
    expect(second.events[0]!.sequence).toBe(first.events[0]!.sequence);
    // The calendar id is made once and kept.
    expect(withFile(t.file, (db) => db.prepare("SELECT count(*) FROM settings WHERE key = 'calendarId'").pluck().get())).toBe(1);
  });

  it('writes text through the library: separators, line breaks and markup come back as typed', async () => {
    const t = await openDocumentsCore();
    const title = 'Café; débat, "ouvert" \\ <b>tous</b>\nsuite';
    const { seriesId, eventIds } = seedWeeklySeries(t.file, {
      title,
      firstDay: '2026-05-05',
      time: '14:00',
      minutes: 120,
      count: 1,
      place: 'Salle 2, 3 rue de l’Église; Lyon',
      format: 'hybrid',
      videoLink: 'https://visio.example.org/salle?id=4&x=1',
    });
    setEvent(t.file, eventIds[0]!, { description: 'Ligne 1\nLigne 2; avec, virgules\r\nEND:VEVENT\nBEGIN:VEVENT' });
    const text = readFileSync((await t.call('events.exportSeriesIcs', { seriesId })).file!, 'utf8');
    const { events, calendar } = parseIcs(text);
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.summary).toBe(title);
    expect(e.location).toBe('Salle 2, 3 rue de l’Église; Lyon');
    expect(e.description).toContain('Ligne 2; avec, virgules');
    expect(e.description).toContain('END:VEVENT\nBEGIN:VEVENT');
    expect(e.description).toContain('https://visio.example.org/salle?id=4&x=1');
    expect(e.component.getFirstPropertyValue('url')).toBe('https://visio.example.org/salle?id=4&x=1');
    // ical.js does not know NAME and X-WR-CALNAME as text, so it leaves them escaped: read them as TEXT.
    expect(unescapeText(calendar.getFirstPropertyValue('name'))).toBe(title);
    expect(unescapeText(calendar.getFirstPropertyValue('x-wr-calname'))).toBe(title);
    expect(text.split('\r\n').some((line) => line.startsWith('suite'))).toBe(false);
  });

  it('puts the video link where a calendar looks for a place when the session is online only', async () => {
    const t = await openDocumentsCore();
    const { seriesId } = seedWeeklySeries(t.file, { title: 'Écoute', firstDay: '2026-06-02', time: '19:00', minutes: 60, count: 2, format: 'virtual', videoLink: 'https://visio.example.org/ecoute' });
    const { events } = parseIcs(readFileSync((await t.call('events.exportSeriesIcs', { seriesId })).file!, 'utf8'));
    expect(events.map((e) => e.location)).toEqual(['https://visio.example.org/ecoute', 'https://visio.example.org/ecoute']);
  });

  it('writes nothing when the save dialog is closed, and refuses an unknown series', async () => {
    const t = await openDocumentsCore();
    const { seriesId } = seedWeeklySeries(t.file, { title: 'Permanence', firstDay: '2026-03-03', time: '10:00', minutes: 60, count: 2 });
    const before = dumpTables(t.file);
    t.answers.push(null);
    expect(await t.call('events.exportSeriesIcs', { seriesId })).toEqual({ saved: false, file: null, events: 0 });
    expect(dumpTables(t.file)).toEqual(before);
    expect(existsSync(join(t.out, 'permanence.ics'))).toBe(false);

    expect((await t.failure('events.exportSeriesIcs', { seriesId: 9999 })).code).toBe('NOT_FOUND');
    expect((await t.failure('events.exportSeriesIcs', { seriesId: 'x' })).code).toBe('VALIDATION');
    expect((await t.failure('events.exportSeriesIcs', { seriesId, extra: 1 })).code).toBe('VALIDATION');
    expect(dumpTables(t.file)).toEqual(before);
  });
});

describe('a volunteer’s schedule (.ics)', () => {
  it('holds their shifts and facilitated sessions from a day on, timed to their own part, naming nobody else', async () => {
    const t = await openDocumentsCore();
    const me = await volunteer(t, 'Hélène', 'Dupré');
    const other = await volunteer(t, 'Zoë', 'Ngata');
    const past = seedDocEvent(t.file, { title: 'Collecte d’hiver', startLocal: '2026-02-07T09:00', minutes: 240, place: 'Place Guichard' });
    seedDocRole(t.file, past, 'Logistique', { start: 0, end: 240 }, [me]);
    const fair = seedDocEvent(t.file, { title: 'Forum des associations', kind: 'community', startLocal: '2026-09-12T10:00', minutes: 360, place: 'Parc de la Tête d’Or' });
    seedDocRole(t.file, fair, 'Accueil', { start: 60, end: 180 }, [me, other]);
    seedDocRole(t.file, fair, 'Rangement', { start: 300, end: 360 }, [other]);
    const group = seedDocEvent(t.file, { title: 'Groupe de parole', startLocal: '2026-11-03T18:30', minutes: 90, format: 'hybrid', place: 'Local', videoLink: 'https://visio.example.org/g' }, [me]);
    seedDocEvent(t.file, { title: 'Atelier sans elle', startLocal: '2026-10-01T14:00', minutes: 60 }, [other]);
    // A session in New York she helps with from afar: its own zone, its own VTIMEZONE.
    const ny = seedDocEvent(t.file, { title: 'Partner call', timeZone: 'America/New_York', startLocal: '2026-11-02T12:00', minutes: 60, format: 'virtual', videoLink: 'https://visio.example.org/ny' });
    seedDocRole(t.file, ny, 'Note-taker', { start: 0, end: 60 }, [me]);

    const result = await t.call('events.exportVolunteerIcs', { volunteerId: me, from: '2026-03-01' });
    expect(result).toMatchObject({ saved: true, events: 3 });
    expect(t.asked.at(-1)!.defaultName).toBe('planning-helene-dupre.ics');
    const text = readFileSync(result.file!, 'utf8');
    const { events, zones, calendar } = parseIcs(text);
    expect(unescapeText(calendar.getFirstPropertyValue('x-wr-calname'))).toBe('Planning de Hélène Dupré');
    expect(zones.sort()).toEqual(['America/New_York', 'Europe/Paris']);
    expect(events.map((e) => e.summary)).toEqual(['Forum des associations — Accueil', 'Partner call — Note-taker', 'Groupe de parole — animation']);

    const [forum, call, facilitated] = events as [ICAL.Event, ICAL.Event, ICAL.Event];
    // Her shift is 11:00–13:00 of a 10:00–16:00 day.
    expect([forum.startDate.hour, forum.startDate.minute, forum.endDate.hour]).toEqual([11, 0, 13]);
    expect(forum.startDate.toJSDate().toISOString()).toBe('2026-09-12T09:00:00.000Z');
    expect(forum.description).toContain('Rôle\u00a0: Accueil (11\u00a0h – 13\u00a0h)');
    expect(forum.description).toContain('Événement\u00a0: 10\u00a0h – 16\u00a0h');
    expect(call.startDate.zone?.tzid).toBe('America/New_York');
    expect(call.startDate.hour).toBe(12);
    expect(call.startDate.toJSDate().toISOString()).toBe('2026-11-02T17:00:00.000Z');
    expect([facilitated.startDate.hour, facilitated.startDate.minute, facilitated.endDate.hour]).toEqual([18, 30, 20]);
    expect(facilitated.description).toContain('Vous animez cette séance.');
    expect(facilitated.component.getFirstPropertyValue('url')).toBe('https://visio.example.org/g');

    expect(events.map((e) => e.uid)).toEqual([fair, ny, group].map((id) => expect.stringMatching(new RegExp(`^relais-event-${id}-volunteer-${me}@`))));
    expect(text).not.toContain('Ngata');
    expect(text).not.toContain('Rangement');
    expect(text).not.toContain('Atelier sans elle');
  });

  it('speaks the app’s language and starts from today by default', async () => {
    const t = await openDocumentsCore();
    await t.call('settings.setLanguage', { language: 'en' });
    const me = await volunteer(t, 'Sam', 'Okafor');
    const today = Temporal.Now.plainDateISO();
    const soon = seedDocEvent(t.file, { title: 'Drop-in', startLocal: `${today.add({ days: 3 }).toString()}T18:30`, minutes: 60 });
    seedDocRole(t.file, soon, 'Welcome', { start: 0, end: 30 }, [me]);
    const gone = seedDocEvent(t.file, { title: 'Old drop-in', startLocal: `${today.subtract({ days: 3 }).toString()}T18:30`, minutes: 60 });
    seedDocRole(t.file, gone, 'Welcome', { start: 0, end: 30 }, [me]);
    const result = await t.call('events.exportVolunteerIcs', { volunteerId: me });
    expect(t.asked.at(-1)!.defaultName).toBe('schedule-sam-okafor.ics');
    const { events, calendar } = parseIcs(readFileSync(result.file!, 'utf8'));
    expect(unescapeText(calendar.getFirstPropertyValue('x-wr-calname'))).toBe('Schedule of Sam Okafor');
    expect(events.map((e) => e.summary)).toEqual(['Drop-in — Welcome']);
    expect(events[0]!.description).toContain('Role: Welcome (18:30 – 19:00)');
  });

  it('answers an empty calendar for someone with nothing planned, and refuses an unknown person or a bad date', async () => {
    const t = await openDocumentsCore();
    const me = await volunteer(t, 'Lou', 'Bernard');
    const result = await t.call('events.exportVolunteerIcs', { volunteerId: me, from: '2026-01-01' });
    expect(result).toMatchObject({ saved: true, events: 0 });
    expect(parseIcs(readFileSync(result.file!, 'utf8')).events).toEqual([]);
    const before = dumpTables(t.file);
    expect((await t.failure('events.exportVolunteerIcs', { volunteerId: 4242 })).code).toBe('NOT_FOUND');
    expect((await t.failure('events.exportVolunteerIcs', { volunteerId: me, from: '2026-02-30' })).code).toBe('VALIDATION');
    t.answers.push(null);
    expect(await t.call('events.exportVolunteerIcs', { volunteerId: me })).toEqual({ saved: false, file: null, events: 0 });
    expect(dumpTables(t.file)).toEqual(before);
  });
});

describe('VTIMEZONE', () => {
  it('describes a zone without changes and one with historic offsets in seconds', () => {
    const from = Temporal.Instant.from('2026-01-01T00:00:00Z');
    const to = Temporal.Instant.from('2027-01-01T00:00:00Z');
    for (const zone of ['UTC', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Sao_Paulo']) {
      const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${vtimezone(zone, from, to)}\r\nEND:VCALENDAR\r\n`;
      ICAL.TimezoneService.reset();
      const tz = new ICAL.Timezone(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vtimezone')!);
      // A summer day and a winter day: the parser's offset agrees with the time-zone data.
      for (const day of ['2026-01-15T12:00', '2026-07-15T12:00']) {
        const zdt = Temporal.PlainDateTime.from(day).toZonedDateTime(zone);
        const time = ICAL.Time.fromDateTimeString(`${day}:00`);
        time.zone = tz;
        expect(time.toJSDate().toISOString(), `${zone} ${day}`).toBe(new Date(zdt.epochMilliseconds).toISOString());
      }
    }
    // Lord Howe moves by half an hour: offsets are written as they are.
    expect(vtimezone('Australia/Lord_Howe', from, to)).toContain('TZOFFSETTO:+1030');
    expect(vtimezone('Europe/Paris', Temporal.Instant.from('1890-01-01T00:00:00Z'), Temporal.Instant.from('1890-02-01T00:00:00Z'))).toMatch(/TZOFFSETFROM:\+0009(21)?/);
  });
});

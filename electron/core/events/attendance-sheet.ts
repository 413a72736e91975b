import { writeFileSync } from 'node:fs';
import type { Association, Language, SavedDocument } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import { resources } from '../../../shared/i18n';
import type { Context } from '../context';
import { associationHeader, html, identityLines, joinHtml, renderDocument, sheet, typography, type SafeHtml } from '../print';
import { sortKey } from '../volunteers/bits';
import { hhmm, longDate, shiftedLocal, timeRange } from './document-dates';

/**
 * The attendance sheet (feuille d'émargement) of one occurrence, printed to sign on the day: the
 * association's letterhead, what, when and where, one line per expected volunteer (assigned to a
 * role or facilitating) with room to sign, blank lines for volunteers who come unannounced, and a
 * box for the number of participants — a count only: participants of a support group are not
 * volunteers and their names are never written down.
 *
 * People whose data was erased keep their assignments (for the counts) but are not expected: they
 * are left off the sheet rather than printed under a placeholder name.
 *
 * A cancelled occurrence has no sheet: signatures collected for a session that did not take place
 * could later be read as hours given, so the call refuses rather than printing one marked cancelled.
 *
 * Portrait A4: a list of names reads best tall, and still leaves a 70 mm signature column.
 */

type Labels = (typeof resources)['fr']['events']['documents']['sheet'];

interface EventRow {
  id: number;
  title: string;
  kind: string;
  status: string;
  place: string | null;
  video_link: string | null;
  format: 'in_person' | 'virtual' | 'hybrid';
  confidentiality_required: number;
  time_zone: string;
  start_local: string;
  end_local: string;
  start_utc: string;
}

interface RoleRow {
  id: number;
  name: string;
  start_offset: number;
  end_offset: number;
}

/** One signing line: a person expected on the day and what they come to do (and when). */
export interface ExpectedVolunteer {
  name: string;
  roles: { name: string; window: string | null }[];
}

export interface SheetData {
  association: Association;
  event: EventRow;
  roles: { name: string; window: string }[];
  facilitators: string[];
  expected: ExpectedVolunteer[];
}

export const MIN_WALK_IN_LINES = 5;

export function loadSheet(ctx: Context, eventId: number, lang: Language): SheetData {
  const association = ctx.sqlite
    .prepare('SELECT name, address_line, postal_code, city, rna, siret, logo, signatory_name, signatory_title FROM association WHERE id = 1')
    .get() as Record<string, string | null> | undefined;
  // The letterhead is the point of the document: without the association's identity there is none.
  if (!association?.name) throw new RelaisFailure('SETUP_REQUIRED');
  const event = ctx.sqlite
    .prepare(
      `SELECT id, title, kind, status, place, video_link, format, confidentiality_required, time_zone, start_local, end_local, start_utc
         FROM events WHERE id = ?`,
    )
    .get(eventId) as EventRow | undefined;
  if (!event) throw new RelaisFailure('NOT_FOUND', { id: eventId });
  if (event.status === 'cancelled') throw new RelaisFailure('CONFLICT', { reason: 'eventCancelled', id: eventId });

  const L = resources[lang].events.documents.sheet as Labels;
  const roles = ctx.sqlite
    .prepare('SELECT id, name, start_offset, end_offset FROM event_roles WHERE event_id = ? ORDER BY position, id')
    .all(eventId) as RoleRow[];
  const window = (r: RoleRow) =>
    timeRange(hhmm(shiftedLocal(event.start_utc, event.time_zone, r.start_offset)), hhmm(shiftedLocal(event.start_utc, event.time_zone, r.end_offset)), lang);

  const people = new Map<number, { name: string; sort: string; roles: ExpectedVolunteer['roles'] }>();
  const person = (id: number, first: string, last: string) => {
    let p = people.get(id);
    if (!p) people.set(id, (p = { name: `${first} ${last}`.trim(), sort: sortKey(`${last} ${first}`), roles: [] }));
    return p;
  };
  const facilitatorRows = ctx.sqlite
    .prepare(
      `SELECT v.id, v.first_name, v.last_name FROM event_facilitators f JOIN volunteers v ON v.id = f.volunteer_id
        WHERE f.event_id = ? AND v.id NOT IN (SELECT volunteer_id FROM erasures) ORDER BY v.sort_name, v.id`,
    )
    .all(eventId) as { id: number; first_name: string; last_name: string }[];
  for (const f of facilitatorRows) person(f.id, f.first_name, f.last_name).roles.push({ name: L.facilitators, window: null });
  const assigned = ctx.sqlite
    .prepare(
      `SELECT v.id, v.first_name, v.last_name, r.id AS role_id FROM assignments a
         JOIN volunteers v ON v.id = a.volunteer_id JOIN event_roles r ON r.id = a.role_id
        WHERE a.event_id = ? AND v.id NOT IN (SELECT volunteer_id FROM erasures) ORDER BY r.position, r.id`,
    )
    .all(eventId) as { id: number; first_name: string; last_name: string; role_id: number }[];
  const roleById = new Map(roles.map((r) => [r.id, r]));
  for (const a of assigned) {
    const role = roleById.get(a.role_id)!;
    person(a.id, a.first_name, a.last_name).roles.push({ name: role.name, window: window(role) });
  }
  const expected = [...people.values()].sort((a, b) => a.sort.localeCompare(b.sort)).map(({ name, roles: r }) => ({ name, roles: r }));

  return {
    association: {
      name: association.name,
      addressLine: association.address_line ?? null,
      postalCode: association.postal_code ?? null,
      city: association.city ?? null,
      rna: association.rna ?? null,
      siret: association.siret ?? null,
      logo: association.logo ?? null,
      signatoryName: association.signatory_name ?? null,
      signatoryTitle: association.signatory_title ?? null,
    },
    event,
    roles: roles.map((r) => ({ name: r.name, window: window(r) })),
    facilitators: facilitatorRows.map((f) => `${f.first_name} ${f.last_name}`.trim()),
    expected,
  };
}

/** A CSS string literal of our own words (the page footer): every character that could end it is escaped. */
const cssString = (text: string) => `"${text.replace(/[^\p{L}\p{N} .,–·’]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;

function styles(L: Labels, footer: string): string {
  const page = L.page.split(/\{\{(page|pages)\}\}/);
  // "Page {{page}} of {{pages}}" → "Page " counter(page) " of " counter(pages)
  const pageContent = page.map((part, i) => (i % 2 === 1 ? `counter(${part})` : part ? cssString(part) : '')).filter(Boolean).join(' ');
  return `
@page {
  size: A4 portrait; margin: 16mm 0 18mm;
  @bottom-left { content: ${cssString(footer)}; padding-left: 20mm; font: 8.5pt 'Source Serif 4', serif; color: #5b6670; vertical-align: top; padding-top: 4mm; }
  @bottom-right { content: ${pageContent}; padding-right: 20mm; font: 8.5pt 'Source Serif 4', serif; color: #5b6670; vertical-align: top; padding-top: 4mm; }
}
.sheet.attendance { min-height: 0; padding: 0 20mm; display: block; overflow: visible; }
.attendance .assoc { padding-bottom: 5mm; border-bottom: 0.4mm solid #2f3b45; }
.top { display: flex; align-items: flex-start; gap: 8mm; margin-top: 6mm; }
.top .what { flex: 1; min-width: 0; }
.kicker { font-size: 9.5pt; font-size: 9.5pt; letter-spacing: 0.14em; text-transform: uppercase; color: #5b6670; }
.attendance h1 { font-size: 20pt; margin-top: 1.5mm; }
.kind { margin-top: 1.5mm; color: #5b6670; font-style: italic; }
.facts { display: grid; grid-template-columns: auto 1fr auto 1fr; column-gap: 5mm; row-gap: 1.8mm; margin: 6mm 0 0; font-size: 10.5pt; }
.facts dt { color: #5b6670; }
.facts dd { margin: 0; font-weight: 600; }
.facts dd.wide { grid-column: 2 / 5; }
.facts dd.link { font-weight: 400; word-break: break-all; }
.note { margin-top: 4mm; font-size: 9.5pt; font-style: italic; color: #3f4a54; }
.attendance h2 { font-size: 12pt; margin: 6.5mm 0 2mm; break-after: avoid; }
table.sign { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 10.5pt; }
table.sign th { white-space: nowrap; vertical-align: bottom; text-align: left; font-weight: 600; font-size: 9pt; letter-spacing: 0.04em; color: #3f4a54; padding: 1.5mm 2.5mm; border-bottom: 0.35mm solid #2f3b45; }
table.sign td { height: 10.5mm; padding: 1mm 2.5mm; border-bottom: 0.2mm solid #9aa5ae; vertical-align: middle; }
table.sign tr { break-inside: avoid; }
table.sign td + td, table.sign th + th { border-left: 0.2mm solid #c5cdd3; }
table.sign .num { width: 12mm; text-align: right; color: #5b6670; font-variant-numeric: tabular-nums; }
table.sign .who { width: 52mm; }
table.sign .role { width: 44mm; }
table.sign td.role { font-size: 9.5pt; line-height: 1.3; color: #3f4a54; }
table.sign td.role .window, .facts .window { color: #5b6670; font-weight: 400; }
table.sign .name { font-weight: 600; }
table.sign .empty { color: #5b6670; font-style: italic; }
.count { flex: none; width: 48mm; padding: 2.5mm 3.5mm 3mm; border: 0.35mm solid #2f3b45; border-radius: 1.5mm; }
.count .label { display: block; font-weight: 600; font-size: 10pt; line-height: 1.25; }
.count .box { display: block; height: 11mm; margin: 2mm 0 1.5mm; border: 0.3mm solid #7d8a94; border-radius: 1mm; }
.count .hint { display: block; font-size: 8.5pt; line-height: 1.25; color: #5b6670; font-style: italic; }
`;
}

/**
 * How many blank lines fill the page (at least MIN_WALK_IN_LINES). Core cannot measure the layout (Chromium prints it
 * elsewhere), so the heights below follow the style sheet, in millimetres, with wrapping estimated
 * from text lengths and a little to spare: a blank line too few is better than a page 2 with one line.
 */
export function walkInLines(data: SheetData): number {
  const PAGE = 297 - 16 - 18;
  const ROW = 10.7;
  const lines = (text: string, perLine: number) => Math.max(1, Math.ceil(text.length / perLine));
  const e = data.event;
  // The letterhead: its name and lines, or the logo's 22 mm if taller; then its rule.
  const assoc = Math.max(7 + 4.5 * identityLines(data.association).length, data.association.logo ? 22 : 0) + 5.4;
  // Title beside the participants box (about 32 mm tall), whichever is taller.
  const top = 6 + Math.max(5 + 9.5 * lines(e.title, 30) + 8, 32.5);
  const wide = [e.format === 'virtual' ? null : e.place, e.format === 'in_person' ? null : e.video_link, data.facilitators.join(', ') || null];
  if (data.roles.length) wide.push(data.roles.map((r) => `${r.name} (${r.window})`).join(', '));
  const facts = 6 + 6.8 * (1 + wide.filter((x): x is string => Boolean(x)).reduce((n, text) => n + lines(text, 70), 0));
  const note = e.confidentiality_required ? 10 : 0;
  const tables = 2 * (14.5 + 7);
  // In the role column (about 26 characters a line), a role's hours never break: they share the
  // role's line when both fit, or take the next one.
  const roleLines = (r: ExpectedVolunteer['roles'][number]) =>
    r.window && r.name.length + r.window.length + 1 > 26 ? lines(r.name, 24) + 1 : lines(r.name, 24);
  const rowHeight = (p: ExpectedVolunteer) =>
    Math.max(ROW, Math.max(p.roles.reduce((n, r) => n + roleLines(r), 0), lines(p.name, 26)) * 4.4 + 2.4);
  const rows = data.expected.length ? data.expected.reduce((sum, p) => sum + rowHeight(p), 0) : ROW;
  const used = assoc + top + facts + note + tables + rows;
  // When even the minimum runs onto another page, that page is filled too: it is printed anyway.
  // Each page break costs the repeated column headings and up to a line that did not fit.
  const room = (pages: number) => pages * PAGE - (pages - 1) * (7.5 + ROW) - 1;
  let pages = 1;
  while (used + MIN_WALK_IN_LINES * ROW > room(pages)) pages += 1;
  return Math.floor((room(pages) - used) / ROW);
}

export function renderSheet(data: SheetData, lang: Language): { html: string; title: string; fileName: string } {
  const L = resources[lang].events.documents.sheet as Labels;
  const e = data.event;
  const day = e.start_local.slice(0, 10);
  const date = longDate(day, lang);
  const endsAnotherDay = e.end_local.slice(0, 10) !== day;
  const time = endsAnotherDay
    ? `${timeRange(e.start_local.slice(11), e.end_local.slice(11), lang)} (${longDate(e.end_local.slice(0, 10), lang)})`
    : timeRange(e.start_local.slice(11), e.end_local.slice(11), lang);
  const text = (s: string) => typography(s, lang);
  const kind = (L.kinds as Record<string, string>)[e.kind] ?? e.kind;
  const format = L.formats[e.format];
  const place = e.format === 'virtual' ? null : e.place;
  const link = e.format === 'in_person' ? null : e.video_link;

  const facts: SafeHtml[] = [html`<dt>${L.date}</dt><dd>${date}</dd><dt>${L.time}</dt><dd class="nowrap">${time}</dd>`];
  if (place) facts.push(html`<dt>${L.place}</dt><dd class="wide">${text(place)}</dd>`);
  if (link) facts.push(html`<dt>${L.videoLink}</dt><dd class="wide link">${link}</dd>`);
  if (data.facilitators.length) facts.push(html`<dt>${L.facilitators}</dt><dd class="wide">${data.facilitators.join(', ')}</dd>`);
  if (data.roles.length) {
    const list = data.roles.map((r) => html`${text(r.name)} <span class="nowrap window">(${r.window})</span>`);
    facts.push(html`<dt>${L.roles}</dt><dd class="wide">${joinHtml(list, '<span class="window">, </span>')}</dd>`);
  }

  const head = html`<thead><tr><th class="num">${L.number}</th><th class="who">${L.name}</th><th class="role">${L.role}</th><th>${L.signature}</th></tr></thead>`;
  const roleCell = (roles: ExpectedVolunteer['roles']) =>
    joinHtml(roles.map((r) => html`<div>${text(r.name)}${r.window ? html` <span class="nowrap window">${r.window}</span>` : null}</div>`));
  const expectedRows = data.expected.length
    ? data.expected.map((p, i) => html`<tr><td class="num">${i + 1}</td><td class="who name">${p.name}</td><td class="role">${roleCell(p.roles)}</td><td></td></tr>`)
    : [html`<tr><td class="num"></td><td class="empty" colspan="3">${L.noneExpected}</td></tr>`];
  const blanks = Array.from({ length: walkInLines(data) }, (_, i) => html`<tr class="blank"><td class="num">${data.expected.length + i + 1}</td><td></td><td></td><td></td></tr>`);

  const body = sheet(
    html`${associationHeader(data.association, lang)}
<div class="top"><div class="what">
<div class="kicker">${L.title}</div>
<h1>${text(e.title)}</h1>
<div class="kind">${kind} · ${format}</div>
</div><div class="count"><span class="label">${L.participants}</span><span class="box"></span><span class="hint">${L.participantsHint}</span></div></div>
<dl class="facts">${facts}</dl>
${e.confidentiality_required ? html`<p class="note">${L.confidentiality}</p>` : null}
<h2>${L.expected}</h2>
<table class="sign expected">${head}<tbody>${expectedRows}</tbody></table>
<h2>${L.walkIns}</h2>
<table class="sign walk-ins">${head}<tbody>${blanks}</tbody></table>`,
    'attendance',
  );
  const title = `${L.title} — ${e.title} — ${date}`;
  const slug = sortKey(e.title).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50);
  return {
    html: renderDocument({ lang, title, orientation: 'portrait', body, styles: styles(L, `${L.title} · ${date}`) }),
    title,
    fileName: `${L.fileName}-${slug ? `${slug}-` : ''}${day}.pdf`,
  };
}

/** Checks everything, asks where to save, prints, writes: a closed dialog writes nothing. */
export async function printAttendanceSheet(ctx: Context, eventId: number, lang: Language): Promise<SavedDocument> {
  const { html: document, fileName } = renderSheet(loadSheet(ctx, eventId, lang), lang);
  const file = await ctx.platform.chooseSaveFile({
    titleKey: 'files.attendanceSheetTitle',
    defaultName: fileName,
    filters: [{ nameKey: 'files.pdf', extensions: ['pdf'] }],
  });
  if (file === null) return { saved: false, file: null };
  const pdf = await ctx.platform.printToPdf(document, { landscape: false });
  writeFileSync(file, pdf);
  return { saved: true, file };
}

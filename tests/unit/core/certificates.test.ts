import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { volunteerMinutes } from '../../../electron/core/hours/totals';
import { documentHours } from '../../../electron/core/print';
import { dumpTables, expectIssue, withReadonly } from './helpers';
import {
  attestation,
  fakePdf,
  openCertificatesCore,
  PNG_DATA_URL,
  seedAttendance,
  seedEvent,
  seedRole,
  withFile,
  volunteerWithHours,
  withAssociation,
  type CertificatesCore,
} from './certificates.support';

const ATTACK = `<img src=x onerror="alert(1)">`;

/** The text of a document, tags dropped and entities read back, for plain assertions. */
const textOf = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\n]+/g, ' ');

const rowsOf = (t: CertificatesCore) => withReadonly(t.file, (db) => db.prepare('SELECT number, volunteer_id, template FROM certificates ORDER BY id').all());

async function setup() {
  const t = await openCertificatesCore();
  await withAssociation(t);
  const marie = await volunteerWithHours(t, { firstName: 'Marie-Hélène', lastName: 'Dupré-Łukasiewicz' }, [
    { workedOn: '2026-02-03', minutes: 150, category: 'support' },
    { workedOn: '2026-05-10', minutes: 95, category: 'facilitation' },
    { workedOn: '2026-11-30', minutes: 60, category: 'support' },
    // Not counted: pending, rejected, outside the period.
    { workedOn: '2026-06-01', minutes: 600, approval: 'pending' },
    { workedOn: '2026-06-02', minutes: 600, approval: 'rejected' },
    { workedOn: '2025-12-31', minutes: 600 },
  ]);
  return { t, marie };
}

describe('certificates: rendering', () => {
  it('prints the one hour total of the period, in French and in English', async () => {
    const { t, marie } = await setup();
    const expected = withFile(t.file, (db) => volunteerMinutes(db, marie, { from: '2026-01-01', to: '2026-12-31' }));
    expect(expected).toBe(305);

    const fr = await t.call('certificates.preview', attestation(marie));
    expect(fr.minutes).toBe(expected);
    expect(fr.number).toBe('2027-0001');
    expect(fr.orientation).toBe('portrait');
    const frText = textOf(fr.html);
    expect(frText).toContain(`pour un total de ${documentHours(expected, 'fr')} de bénévolat`);
    expect(frText).toContain('5\u00a0h\u00a005');
    expect(frText).toContain('du 1er\u00a0janvier\u00a02026 au 31\u00a0décembre\u00a02026');
    expect(frText).toContain('Attestation de bénévolat');
    expect(frText).toContain('Marie-Hélène Dupré-Łukasiewicz');
    expect(frText).toContain('Fait à Lyon, le 1er\u00a0janvier\u00a02027');
    expect(frText).toContain('N°\u00a02027-0001');
    expect(frText).toContain('RNA W691000123 · SIRET 123\u00a0456\u00a0789\u00a000019');
    expect(fr.html).toContain('<html lang="fr">');

    const en = await t.call('certificates.preview', attestation(marie, { language: 'en' }));
    const enText = textOf(en.html);
    expect(en.html).toContain('<html lang="en">');
    expect(enText).toContain('Volunteering statement');
    expect(enText).toContain('from 1\u00a0January\u00a02026 to 31\u00a0December\u00a02026, giving 5\u00a0h\u00a05\u00a0min of their time');
    expect(enText).toContain('Signed in Lyon on 1\u00a0January\u00a02027');
  });

  it('prints every typed text as text: markup in names and texts never becomes HTML', async () => {
    const t = await openCertificatesCore();
    await withAssociation(t, { name: `Asso ${ATTACK}`, signatoryName: `Chef ${ATTACK}` });
    const id = await volunteerWithHours(t, { firstName: ATTACK, lastName: '</style><script>x()</script>' }, [{ workedOn: '2026-03-03', minutes: 120 }]);
    const { missions: _m, ...common } = attestation(id, { skills: ATTACK, signatoryName: `Chef ${ATTACK}` });
    const drafts = [
      { ...common, missions: ATTACK },
      { ...common, template: 'mission', context: ATTACK, purpose: ATTACK, results: ATTACK, activities: ATTACK, responsibilities: ATTACK, missionPlace: ATTACK },
    ];
    for (const draft of drafts) {
      const { html } = await t.call('certificates.preview', draft as never);
      const body = html.slice(html.indexOf('<body>'));
      expect(body).not.toMatch(/<img|<script|onerror="/);
      expect(body).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
      expect(body).toContain('&lt;/style&gt;&lt;script&gt;x()&lt;/script&gt;');
    }
    const recognition = await t.call('certificates.preview', {
      template: 'recognition', language: 'en', volunteerId: id, issuedOn: '2027-01-01', place: null, signatoryName: 'A', signatoryTitle: null, reason: ATTACK, message: ATTACK,
    });
    expect(recognition.orientation).toBe('landscape');
    expect(recognition.html.slice(recognition.html.indexOf('<body>'))).not.toMatch(/<img|onerror="/);
  });

  it('draws the four templates, each in both languages, with their own words', async () => {
    const { t, marie } = await setup();
    const base = { language: 'fr' as const, volunteerId: marie, issuedOn: '2027-03-21', place: 'Lyon', signatoryName: 'Claire Fontaine', signatoryTitle: 'Présidente' };
    const drafts = [
      attestation(marie),
      { ...base, template: 'recognition' as const, milestone: 'hours:100', reason: 'pour avoir franchi le cap des 100 heures', message: 'Merci !' },
      { ...base, template: 'training' as const, course: 'Écoute active', courseDate: '2027-02-14', trainer: 'Zoé Nguyễn', durationMinutes: 390, content: '' },
      { ...base, template: 'mission' as const, periodFrom: '2026-01-01', periodTo: '2026-12-31', missionPlace: 'Lyon 1er', context: 'Un lieu d’accueil', purpose: 'Accueillir', activities: 'Permanences', results: '', responsibilities: 'Coordination', skills: 'Écoute' },
    ];
    const titles = { fr: ['Attestation de bénévolat', 'Certificat de reconnaissance', 'Attestation de formation', 'Fiche mission bénévole'], en: ['Volunteering statement', 'Certificate of recognition', 'Certificate of training', 'Volunteer mission sheet'] };
    for (const lang of ['fr', 'en'] as const) {
      for (const [i, d] of drafts.entries()) {
        const { html, orientation } = await t.call('certificates.preview', { ...d, language: lang } as never);
        expect(textOf(html)).toContain(titles[lang][i]);
        expect(orientation).toBe(i === 1 || i === 2 ? 'landscape' : 'portrait');
      }
    }
    const training = await t.call('certificates.preview', drafts[2] as never);
    expect(textOf(training.html)).toContain('le 14\u00a0février\u00a02027, d’une durée de 6\u00a0h\u00a030, animée par Zoé Nguyễn.');
    expect(textOf(training.html)).toContain('«\u00a0Écoute active\u00a0»');
    const recognition = await t.call('certificates.preview', drafts[1] as never);
    expect(textOf(recognition.html)).toContain('Merci\u00a0!');
  });
});

describe('certificates: drafts', () => {
  it('prefills missions from hour categories and roles held, and skills from the record', async () => {
    const { t, marie } = await setup();
    const event = seedEvent(t.file, { title: 'Permanence', startLocal: '2026-04-07T18:00', endLocal: '2026-04-07T20:00' });
    seedRole(t.file, event, 'Accueil', [marie]);
    seedAttendance(t.file, event, marie, 'present');
    const absent = seedEvent(t.file, { title: 'Collecte', startLocal: '2026-04-08T18:00', endLocal: '2026-04-08T20:00' });
    seedRole(t.file, absent, 'Caisse', [marie]);
    seedAttendance(t.file, absent, marie, 'absent');
    const view = await t.call('certificates.draft', { template: 'attestation', language: 'fr', volunteerId: marie, periodFrom: '2026-01-01', periodTo: '2026-12-31' });
    expect(view.minutes).toBe(305);
    expect(view.volunteerName).toBe('Marie-Hélène Dupré-Łukasiewicz');
    const draft = view.draft as { missions: string; signatoryName: string; place: string };
    expect(draft.missions).toContain('– Soutien et écoute\u00a0: 3\u00a0h\u00a030');
    expect(draft.missions).toContain('– Animation\u00a0: 1\u00a0h\u00a035');
    expect(draft.missions).toContain('Rôles tenus\u00a0: Accueil.');
    expect(draft.missions).not.toContain('Caisse');
    expect(draft.signatoryName).toBe('Claire Fontaine');
    expect(draft.place).toBe('Lyon');

    const en = await t.call('certificates.draft', { template: 'recognition', language: 'en', volunteerId: marie, milestone: 'years:1' });
    expect((en.draft as { reason: string }).reason).toBe('for a first year of volunteering with us');
    const fr = await t.call('certificates.draft', { template: 'recognition', language: 'fr', volunteerId: marie, milestone: 'hours:250' });
    expect((fr.draft as { reason: string }).reason).toBe('pour avoir franchi le cap des 250 heures de bénévolat au sein de notre association');
  });

  it('prefills a training certificate from the person’s latest completed training session', async () => {
    const { t, marie } = await setup();
    withFile(t.file, (db) => {
      const now = '2026-01-01T00:00:00.000Z';
      const training = Number(db.prepare('INSERT INTO trainings (name, created_at, updated_at) VALUES (?, ?, ?)').run('Écoute active', now, now).lastInsertRowid);
      for (const [title, day, result] of [['Écoute active — session 1', '2026-03-14', 'completed'], ['Écoute active — session 2', '2026-09-19', 'completed'], ['Écoute active — session 3', '2026-10-10', 'not_completed']] as const) {
        const event = Number(
          db
            .prepare(
              `INSERT INTO events (status, title, kind, format, time_zone, start_local, end_local, start_utc, end_utc, created_at, updated_at)
               VALUES ('planned', ?, 'training', 'in_person', 'Europe/Paris', ?, ?, ?, ?, ?, ?)`,
            )
            .run(title, `${day}T09:00`, `${day}T16:30`, `${day}T07:00:00.000Z`, `${day}T14:30:00.000Z`, now, now).lastInsertRowid,
        );
        db.prepare('INSERT INTO training_sessions (event_id, training_id, trainer_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(event, training, 'Zoé Nguyễn', now, now);
        db.prepare('INSERT INTO training_participants (event_id, volunteer_id, result, enrolled_at) VALUES (?, ?, ?, ?)').run(event, marie, result, now);
      }
    });
    const view = await t.call('certificates.draft', { template: 'training', language: 'fr', volunteerId: marie });
    expect(view.draft).toMatchObject({ course: 'Écoute active — session 2', courseDate: '2026-09-19', trainer: 'Zoé Nguyễn', durationMinutes: 450 });
  });
});

describe('certificates: issuing and the registry', () => {
  it('numbers per year, records the document as issued, and reprints it unchanged after the data changed', async () => {
    const { t, marie } = await setup();
    const first = await t.call('certificates.issue', attestation(marie));
    if (first.status !== 'saved') throw new Error('not saved');
    expect(first.certificates[0]).toMatchObject({ number: '2027-0001', volunteerId: marie, template: 'attestation', language: 'fr', minutes: 305, periodFrom: '2026-01-01', periodTo: '2026-12-31' });
    expect(readFileSync(first.path, 'utf8')).toBe(new TextDecoder().decode(fakePdf(t.printed[0]!.html)));
    expect(first.path).toMatch(/2027-0001 Attestation de bénévolat - Dupré-Łukasiewicz Marie-Hélène\.pdf$/);
    const issuedHtml = t.printed[0]!.html;

    const second = await t.call('certificates.issue', attestation(marie, { issuedOn: '2027-06-30' }));
    const other = await t.call('certificates.issue', attestation(marie, { issuedOn: '2028-01-02' }));
    expect(second.status === 'saved' && second.certificates[0]!.number).toBe('2027-0002');
    expect(other.status === 'saved' && other.certificates[0]!.number).toBe('2028-0001');

    // Everything the document showed changes...
    await t.call('settings.saveAssociation', { name: 'Autre nom', signatoryName: 'Quelqu’un', city: 'Paris' });
    const v = await t.call('volunteers.get', { id: marie });
    await t.call('volunteers.update', { id: marie, data: { firstName: 'Marion', lastName: 'Autre', joinedOn: v.joinedOn } });
    withFile(t.file, (db) => db.prepare("UPDATE hour_entries SET minutes = 1000 WHERE volunteer_id = ? AND worked_on = '2026-02-03'").run(marie));
    // ...the reprint is the document as issued.
    const before = dumpTables(t.file);
    const again = await t.call('certificates.reprint', { id: first.certificates[0]!.id });
    expect(again.status).toBe('saved');
    expect(t.printed.at(-1)!.html).toBe(issuedHtml);
    expect((await t.call('certificates.view', { id: first.certificates[0]!.id })).html).toBe(issuedHtml);
    expect(dumpTables(t.file)).toEqual(before);

    const list = await t.call('certificates.list', { query: 'dupre' });
    expect(list.rows.map((r) => r.number)).toEqual(['2028-0001', '2027-0002', '2027-0001']);
    expect(list.years).toEqual([2028, 2027]);
    expect((await t.call('certificates.list', { query: '2027-000' })).total).toBe(2);
    expect((await t.call('certificates.list', { year: 2028 })).rows.map((r) => r.number)).toEqual(['2028-0001']);
    expect((await t.call('certificates.list', { query: 'marion' })).total).toBe(0);
  });

  it('records nothing when the person cancels, the printer fails or the file cannot be written', async () => {
    const { t, marie } = await setup();
    const before = dumpTables(t.file);
    t.saves.push(null);
    expect(await t.call('certificates.issue', attestation(marie))).toEqual({ status: 'cancelled' });

    t.printer = async () => {
      throw new Error('printer on fire');
    };
    expect((await t.failure('certificates.issue', attestation(marie))).code).toBe('INTERNAL');
    t.printer = async (html) => fakePdf(html);

    t.saves.push(join(t.out, 'no-such-folder', 'x.pdf'));
    const unwritable = await t.failure('certificates.issue', attestation(marie));
    expect(unwritable).toMatchObject({ code: 'CONFLICT', details: { reason: 'cannotWrite' } });
    expect(dumpTables(t.file)).toEqual(before);
    expect(readdirSync(t.out)).toEqual([]);

    // The first number is still free.
    const ok = await t.call('certificates.issue', attestation(marie));
    expect(ok.status === 'saved' && ok.certificates[0]!.number).toBe('2027-0001');
  });

  it('refuses bad input with a clear reason and writes nothing', async () => {
    const bare = await openCertificatesCore();
    const lonely = await volunteerWithHours(bare, { firstName: 'Léa', lastName: 'Sans-Asso' }, [{ workedOn: '2026-03-03', minutes: 60 }]);
    expect(await bare.failure('certificates.preview', attestation(lonely))).toMatchObject({ code: 'SETUP_REQUIRED' });
    expect(await bare.failure('certificates.draft', { template: 'attestation', language: 'fr', volunteerId: lonely })).toMatchObject({ code: 'SETUP_REQUIRED' });

    const { t, marie } = await setup();
    const before = dumpTables(t.file);
    expectIssue(await t.failure('certificates.issue', attestation(marie, { periodFrom: '2026-12-31', periodTo: '2026-01-01' })), ['periodTo'], 'endBeforeStart');
    expectIssue(await t.failure('certificates.issue', attestation(marie, { periodFrom: '2020-01-01', periodTo: '2020-12-31' })), ['periodFrom'], 'noHours');
    expectIssue(await t.failure('certificates.issue', attestation(marie, { signatoryName: '  ' })), ['signatoryName'], 'required');
    expectIssue(await t.failure('certificates.issue', attestation(marie, { withSignature: true })), ['withSignature'], 'noSignature');
    expect(await t.failure('certificates.issue', attestation(9999))).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'volunteerNotFound' } });
    // A logo that got past the settings some other way (the settings refuse over 2 MB).
    withFile(t.file, (db) => db.prepare('UPDATE association SET logo = ?').run(`data:image/png;base64,${'A'.repeat(3_000_000)}`));
    expect(await t.failure('certificates.issue', attestation(marie))).toMatchObject({ code: 'VALIDATION', details: { reason: 'logoTooBig' } });
    withFile(t.file, (db) => db.prepare('UPDATE association SET logo = NULL').run());
    expect(dumpTables(t.file)).toEqual(before);
    expect(t.printed).toEqual([]);

    // A recognition certificate may thank someone with no hours counted.
    const none = await volunteerWithHours(t, { firstName: 'Yann', lastName: 'Nouveau' }, []);
    const thanks = await t.call('certificates.issue', { template: 'recognition', language: 'fr', volunteerId: none, issuedOn: '2027-01-01', place: null, signatoryName: 'C', signatoryTitle: null, reason: 'pour son premier jour' });
    expect(thanks.status).toBe('saved');
  });

  it('keeps a scanned signature (PNG or JPEG, 1 MB at most) and prints it once', async () => {
    const { t, marie } = await setup();
    expect((await t.call('certificates.settings')).milestones).toEqual({ hours: [50, 100, 250, 500], years: [1, 5, 10] });
    const before = dumpTables(t.file);
    expectIssue(await t.failure('certificates.saveSettings', { milestones: { hours: [50], years: [1] }, signature: 'data:image/png;base64,AAAA' }), ['signature'], 'signatureFormat');
    expectIssue(await t.failure('certificates.saveSettings', { milestones: { hours: [50], years: [1] }, signature: 'data:image/gif;base64,AAAA' }), ['signature'], 'signatureFormat');
    expectIssue(
      await t.failure('certificates.saveSettings', { milestones: { hours: [50], years: [1] }, signature: `data:image/png;base64,${'A'.repeat(1_500_000)}` }),
      ['signature'],
      'signatureTooBig',
    );
    expectIssue(await t.failure('certificates.saveSettings', { milestones: { hours: [0], years: [1] } }), ['milestones', 'hours', 0], 'milestoneRange');
    expect(dumpTables(t.file)).toEqual(before);

    const saved = await t.call('certificates.saveSettings', { milestones: { hours: [100, 20, 100], years: [2] }, signature: PNG_DATA_URL, place: 'Villeurbanne' });
    expect(saved).toEqual({ milestones: { hours: [20, 100], years: [2] }, signature: PNG_DATA_URL, place: 'Villeurbanne' });
    const { html } = await t.call('certificates.preview', attestation(marie, { withSignature: true }));
    expect(html.split(PNG_DATA_URL)).toHaveLength(2);
    expect(html).toContain('class="sign-image img-');
    expect((await t.call('certificates.draft', { template: 'attestation', language: 'fr', volunteerId: marie })).draft).toMatchObject({ place: 'Villeurbanne' });
  });

  it('exports the registry as CSV and XLSX with the list’s filters', async () => {
    const { t, marie } = await setup();
    await t.call('certificates.issue', attestation(marie));
    await t.call('certificates.issue', attestation(marie, { issuedOn: '2028-02-02' }));
    const csv = await t.call('certificates.export', { format: 'csv', year: 2027 });
    if (csv.status !== 'saved') throw new Error('not saved');
    const text = readFileSync(csv.path, 'utf8');
    expect(text.startsWith('\ufeffNuméro;Date;Bénévole;Document;Langue;Palier;Du;Au;Heures;Signataire\r\n')).toBe(true);
    expect(text).toContain('2027-0001;2027-01-01;Marie-Hélène Dupré-Łukasiewicz;Attestation de bénévolat;FR;;2026-01-01;2026-12-31;5,08;Claire Fontaine'.replace('5,08', '5.08'));
    expect(text).not.toContain('2028-0001');
    const xlsx = await t.call('certificates.export', { format: 'xlsx' });
    expect(xlsx.status === 'saved' && readFileSync(xlsx.path).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('certificates: milestones and batches', () => {
  async function registry() {
    const t = await openCertificatesCore();
    await withAssociation(t);
    const day = (i: number) => `2026-0${1 + (i % 9)}-1${i % 10}`;
    const hours = (n: number) => Array.from({ length: n }, (_, i) => ({ workedOn: day(i), minutes: 600 }));
    const ana = await volunteerWithHours(t, { firstName: 'Ana', lastName: 'Ávila', joinedOn: '2026-01-01' }, hours(6)); // 60 h → 50
    const ben = await volunteerWithHours(t, { firstName: 'Ben', lastName: 'Béranger', joinedOn: '2026-01-01' }, hours(27)); // 270 h → 250
    const cleo = await volunteerWithHours(t, { firstName: 'Cléo', lastName: 'Cœur', joinedOn: '2015-06-01' }, hours(1)); // 10 h, years
    const gone = await volunteerWithHours(t, { firstName: 'Dan', lastName: 'Départ', joinedOn: '2010-01-01' }, hours(12));
    await t.call('volunteers.archive', { id: gone });
    return { t, ana, ben, cleo, gone };
  }

  it('lists who crossed a threshold without its certificate, once per kind at the highest threshold', async () => {
    const { t, ana, ben, cleo } = await registry();
    const due = (await t.call('certificates.due')).items;
    expect(due.map((d) => [d.volunteerId, d.milestone])).toEqual([
      [ana, 'hours:50'],
      [ben, 'hours:250'],
      [cleo, 'years:10'],
    ]);
    expect(due.find((d) => d.volunteerId === ben)!.minutes).toBe(withFile(t.file, (db) => volunteerMinutes(db, ben)));

    // A certificate for 250 h covers the lower thresholds; Ben is due again at 500 h.
    await t.call('certificates.issue', { template: 'recognition', language: 'fr', volunteerId: ben, issuedOn: '2027-01-01', place: null, signatoryName: 'C', signatoryTitle: null, milestone: 'hours:250', reason: 'Merci' });
    expect((await t.call('certificates.due')).items.map((d) => d.volunteerId)).toEqual([ana, cleo]);
    await t.call('certificates.saveSettings', { milestones: { hours: [10, 500], years: [] } });
    expect((await t.call('certificates.due')).items.map((d) => [d.volunteerId, d.milestone])).toEqual([
      [ana, 'hours:10'],
      [cleo, 'hours:10'],
    ]);
  });

  it('issues the due list in one combined PDF, numbers in a row, and they leave the list', async () => {
    const { t } = await registry();
    const due = (await t.call('certificates.due')).items;
    const result = await t.call('certificates.batch', {
      template: 'recognition',
      language: 'fr',
      items: due.map((d) => ({ volunteerId: d.volunteerId, milestone: d.milestone })),
      output: 'combined',
      issuedOn: '2027-05-01',
      place: 'Lyon',
      signatoryName: 'Claire Fontaine',
      signatoryTitle: 'Présidente',
    });
    if (result.status !== 'saved') throw new Error('not saved');
    expect(result.files).toBe(1);
    expect(result.certificates.map((c) => c.number)).toEqual(['2027-0001', '2027-0002', '2027-0003']);
    expect(t.printed).toHaveLength(1);
    expect(t.printed[0]!.landscape).toBe(true);
    const text = textOf(t.printed[0]!.html);
    expect(text).toContain('pour avoir franchi le cap des 50 heures de bénévolat');
    expect(text).toContain('pour avoir franchi le cap des 250 heures de bénévolat');
    expect(text).toContain('pour 10 années d’engagement bénévole à nos côtés');
    expect(t.printed[0]!.html.match(/<section class="sheet framed">/g)).toHaveLength(3);
    expect((await t.call('certificates.due')).items).toEqual([]);
  });

  it('writes one PDF per volunteer in the chosen folder; a failure or cancel midway leaves no file and no number', async () => {
    const { t, ana, ben, cleo } = await registry();
    const batch = {
      template: 'attestation' as const,
      language: 'en' as const,
      items: [ana, ben, cleo].map((volunteerId) => ({ volunteerId })),
      output: 'perVolunteer' as const,
      issuedOn: '2027-05-01',
      place: null,
      signatoryName: 'Claire Fontaine',
      signatoryTitle: null,
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
    };
    const before = dumpTables(t.file);
    let calls = 0;
    t.printer = async (html) => {
      if (++calls === 3) throw new Error('printer jammed');
      return fakePdf(html);
    };
    expect((await t.failure('certificates.batch', batch)).code).toBe('INTERNAL');
    expect(readdirSync(t.out)).toEqual([]);
    expect(dumpTables(t.file)).toEqual(before);

    // Cancel while the second document prints.
    calls = 0;
    let release!: () => void;
    t.printer = async (html) => {
      if (++calls === 2) {
        await new Promise<void>((r) => (release = r));
      }
      return fakePdf(html);
    };
    const running = t.core.dispatch('certificates.batch', batch);
    await expect.poll(() => calls).toBe(2);
    const progress = await t.call('certificates.progress');
    expect(progress).toMatchObject({ phase: 'print', done: 1, total: 3, cancellable: true });
    expect((await t.failure('certificates.batch', batch)).details).toMatchObject({ reason: 'busy' });
    expect(await t.call('certificates.cancel')).toEqual({ cancelled: true });
    release();
    const cancelled = await running;
    expect(cancelled.ok === false && cancelled.error.code).toBe('CANCELLED');
    expect(readdirSync(t.out)).toEqual([]);
    expect(dumpTables(t.file)).toEqual(before);
    expect(await t.call('certificates.progress')).toBeNull();

    // A folder that cannot be written is refused before anything prints (root writes anywhere:
    // there only the missing folder can be tried).
    t.printer = async (html) => fakePdf(html);
    const printedBefore = t.printed.length;
    if (process.getuid?.() !== 0) {
      const locked = join(t.out, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      t.folders.push(locked);
      expect(await t.failure('certificates.batch', batch)).toMatchObject({ code: 'CONFLICT', details: { reason: 'cannotWrite' } });
      chmodSync(locked, 0o700);
    }
    t.folders.push(join(t.out, 'missing'));
    expect(await t.failure('certificates.batch', batch)).toMatchObject({ code: 'CONFLICT', details: { reason: 'cannotWrite' } });
    expect(t.printed.length).toBe(printedBefore);
    expect(dumpTables(t.file)).toEqual(before);

    const done = await t.call('certificates.batch', batch);
    if (done.status !== 'saved') throw new Error('not saved');
    expect(done.certificates.map((c) => c.number)).toEqual(['2027-0001', '2027-0002', '2027-0003']);
    const files = readdirSync(t.out).filter((f) => f.endsWith('.pdf')).sort();
    expect(readdirSync(t.out).filter((f) => f !== 'locked').length).toBe(3);
    expect(files).toEqual([
      '2027-0001 Volunteering statement - Ávila Ana.pdf',
      '2027-0002 Volunteering statement - Béranger Ben.pdf',
      '2027-0003 Volunteering statement - Cœur Cléo.pdf',
    ]);
    expect(readdirSync(t.out).some((f) => f.endsWith('.part'))).toBe(false);
  });

  it('refuses a batch of attestations naming who has no hours in the period, before asking anything', async () => {
    const { t, ana } = await registry();
    const idle = await volunteerWithHours(t, { firstName: 'Inès', lastName: 'Inactive' }, []);
    const error = await t.failure('certificates.batch', {
      template: 'attestation', language: 'fr', items: [{ volunteerId: ana }, { volunteerId: idle }], output: 'combined',
      issuedOn: '2027-01-01', place: null, signatoryName: 'C', signatoryTitle: null, periodFrom: '2026-01-01', periodTo: '2026-12-31',
    });
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'noHoursFor', count: 1, volunteers: [{ id: idle, name: 'Inès Inactive' }] } });
    expectIssue(
      await t.failure('certificates.batch', { template: 'attestation', language: 'fr', items: [{ volunteerId: ana }], output: 'combined', issuedOn: '2027-01-01', signatoryName: 'C' }),
      ['periodFrom'],
      'required',
    );
    expect(t.printed).toEqual([]);
    expect(existsSync(join(t.out, 'Attestation de bénévolat 2027-01-01.pdf'))).toBe(false);
  });
});

describe('certificates: personal data', () => {
  it('exports a person’s documents, and erasure clears the name and texts but keeps the numbers', async () => {
    const { t, marie } = await setup();
    const issued = await t.call('certificates.issue', attestation(marie, { missions: 'Accueil secret' }));
    if (issued.status !== 'saved') throw new Error('not saved');
    await t.call('privacy.erase', { id: marie });
    const row = withReadonly(t.file, (db) => db.prepare('SELECT number, volunteer_name, snapshot, minutes FROM certificates').get());
    expect(row).toMatchObject({ number: '2027-0001', snapshot: '{}', minutes: 305 });
    expect(JSON.stringify(row)).not.toContain('Marie');
    expect(await t.failure('certificates.reprint', { id: issued.certificates[0]!.id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'erased' } });
    const list = await t.call('certificates.list', {});
    expect(list.rows[0]).toMatchObject({ number: '2027-0001', erased: true });
    expect(rowsOf(t)).toHaveLength(1);
  });
});

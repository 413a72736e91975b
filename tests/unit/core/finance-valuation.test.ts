import { describe, expect, it } from 'vitest';
import { openBackupCore, type BackupCore } from './fixtures/backup-core';
import { seedHourEntry } from './finance.support';
import { dumpTables, expectIssue } from './helpers';

/**
 * The value of volunteer time and the CEC on a small known dataset. Every figure is worked out by
 * hand in the comments: rate (cents per hour) × minutes / 60, rounded half up on each line, total =
 * sum of the lines.
 *
 * Counted in 2025 (approved entries only):
 *   Aline (board)                    gov 90 · support 120 (Écoute) · admin 40              = 250 min
 *   Basile (supervisor, facilitator) facilitation 180 (Écoute) · training 20 (Formation)  = 200 min
 *   Capucine (facilitator)           support 90 (Écoute)                                   =  90 min
 *   Dorian (volunteer)               logistics 45 (Formation)                              =  45 min
 * Not counted: Aline's pending 60 min, Dorian's rejected 60 min, Capucine's 60 min of 2024.
 * Total: 585 min in 7 entries.
 */
async function seed(t: BackupCore) {
  const id = async (firstName: string, roles: ('volunteer' | 'facilitator' | 'supervisor' | 'board')[]) =>
    (await t.call('volunteers.create', { firstName, lastName: 'Valeur', joinedOn: '2020-01-01', roles })).id;
  const aline = await id('Aline', ['board']);
  const basile = await id('Basile', ['supervisor', 'facilitator']);
  const capucine = await id('Capucine', ['facilitator']);
  const dorian = await id('Dorian', ['volunteer']);
  const ecoute = (await t.call('events.createProgramme', { name: 'Écoute' })).id;
  const formation = (await t.call('events.createProgramme', { name: 'Formation' })).id;
  const h = (volunteerId: number, workedOn: string, minutes: number, category: string, programmeId: number | null = null, approval = 'approved') =>
    seedHourEntry(t.file, { volunteerId, workedOn, minutes, category, programmeId, approval });
  h(aline, '2025-01-10', 90, 'governance');
  h(aline, '2025-02-05', 120, 'support', ecoute);
  h(aline, '2025-03-01', 40, 'admin');
  h(aline, '2025-04-01', 60, 'support', ecoute, 'pending');
  h(basile, '2025-01-15', 180, 'facilitation', ecoute);
  h(basile, '2025-06-20', 20, 'training', formation);
  h(capucine, '2025-05-05', 90, 'support', ecoute);
  h(capucine, '2024-12-31', 60, 'support', ecoute);
  h(dorian, '2025-07-07', 45, 'logistics', formation);
  h(dorian, '2025-08-08', 60, 'other', null, 'rejected');
  return { aline, basile, capucine, dorian, ecoute, formation };
}

describe('value of volunteer time', () => {
  it('one rate for everything, governance left out: 82.59 € for 8 h 15 valued (hand-checked line by line)', async () => {
    const t = await openBackupCore();
    const s = await seed(t);
    expect(await t.call('finance.valuation', { year: 2025, programmeId: null })).toMatchObject({ method: null, countedMinutes: 585, totalCents: 0 });
    const saved = await t.call('finance.saveValuationMethod', { effectiveYear: 2025, basis: 'single', rates: { all: 1_001 }, excluded: ['governance'] });
    expect(saved).toMatchObject({ saved: true, warnings: [] });
    const v = await t.call('finance.valuation', { year: 2025, programmeId: null });
    // 10.01 €/h:
    //   support 120 → 1001 × 2       = 2002
    //   admin 40    → 666.67 → 667
    //   facil. 180  → 1001 × 3       = 3003
    //   training 20 → 333.67 → 334
    //   support 90  → 1501.5 → 1502
    //   logist. 45  → 750.75 → 751
    //   governance 90: left out.
    // Sum of the lines: 8,259 c. (495 min × 10.01 €/h taken as a whole would be 8,258.25 c.)
    expect(v).toMatchObject({ countedMinutes: 585, valuedMinutes: 495, excludedMinutes: 90, entries: 7, totalCents: 8_259 });
    const cat = Object.fromEntries(v.byCategory.map((c) => [c.category, [c.minutes, c.cents, c.excluded, c.rateCents]]));
    expect(cat).toMatchObject({
      support: [210, 3_504, false, 1_001],
      admin: [40, 667, false, 1_001],
      facilitation: [180, 3_003, false, 1_001],
      training: [20, 334, false, 1_001],
      logistics: [45, 751, false, 1_001],
      governance: [90, 0, true, null],
      other: [0, 0, false, 1_001],
    });
    // By programme: Écoute 2002 + 3003 + 1502 = 6,507; Formation 334 + 751 = 1,085; none: 667.
    expect(v.byProgramme.map((p) => [p.programmeName, p.minutes, p.cents])).toEqual([
      ['Écoute', 390, 6_507],
      ['Formation', 65, 1_085],
      [null, 40, 667],
    ]);
    expect(v.byProgramme.reduce((n, p) => n + p.cents, 0)).toBe(v.totalCents);
    expect(await t.call('finance.valuation', { year: 2025, programmeId: s.ecoute })).toMatchObject({ valuedMinutes: 390, totalCents: 6_507 });
    expect(await t.call('finance.valuation', { year: 2025, programmeId: 0 })).toMatchObject({ countedMinutes: 130, valuedMinutes: 40, totalCents: 667 });
    // The method of 2025 keeps valuing the years after it, never the years before.
    expect((await t.call('finance.valuation', { year: 2026, programmeId: null })).method?.effectiveYear).toBe(2025);
    expect(await t.call('finance.valuation', { year: 2024, programmeId: null })).toMatchObject({ method: null, countedMinutes: 60, totalCents: 0 });
  });

  it('a rate per activity: 106.83 € (hand-checked)', async () => {
    const t = await openBackupCore();
    await seed(t);
    const rates = { support: 1_200, facilitation: 1_500, training: 1_500, admin: 1_100, logistics: 1_000, other: 1_000, skills_donation: 3_000 };
    await t.call('finance.saveValuationMethod', { effectiveYear: 2025, basis: 'category', rates, excluded: ['governance'] });
    const v = await t.call('finance.valuation', { year: 2025, programmeId: null });
    // support 120 × 12.00 = 2400; admin 40 × 11.00 = 733.33 → 733; facilitation 180 × 15.00 = 4500;
    // training 20 × 15.00 = 500; support 90 × 12.00 = 1800; logistics 45 × 10.00 = 750.
    // 2400 + 733 + 4500 + 500 + 1800 + 750 = 10,683.
    expect(v.totalCents).toBe(10_683);
    expect(v.byCategory.find((c) => c.category === 'support')).toMatchObject({ minutes: 210, cents: 4_200, rateCents: 1_200 });
  });

  it('a rate per role: the lowest rate of the roles someone holds (prudence): 153.66 € (hand-checked)', async () => {
    const t = await openBackupCore();
    await seed(t);
    await t.call('finance.saveValuationMethod', { effectiveYear: 2025, basis: 'role', rates: { volunteer: 1_000, facilitator: 1_300, supervisor: 1_600, board: 2_000 } });
    const v = await t.call('finance.valuation', { year: 2025, programmeId: null });
    // Aline, board, 20.00 €/h: 90 → 3000; 120 → 4000; 40 → 1333.33 → 1333. She gives 8,333.
    // Basile, supervisor and facilitator → 13.00 €/h: 180 → 3900; 20 → 433.33 → 433. 4,333.
    // Capucine, facilitator 13.00: 90 → 1950. Dorian, volunteer 10.00: 45 → 750.
    // 8333 + 4333 + 1950 + 750 = 15,366.
    expect(v).toMatchObject({ valuedMinutes: 585, excludedMinutes: 0, totalCents: 15_366 });
    expect(v.byRole).toEqual([
      { role: 'volunteer', rateCents: 1_000, minutes: 45, entries: 1, cents: 750 },
      { role: 'facilitator', rateCents: 1_300, minutes: 290, entries: 3, cents: 6_283 },
      { role: 'board', rateCents: 2_000, minutes: 250, entries: 3, cents: 8_333 },
    ]);
  });

  it('refuses a rate of 0 or of 10,000 €/h and a method with a rate missing, warns before a very high rate or a change, and writes nothing until confirmed', async () => {
    const t = await openBackupCore();
    await seed(t);
    const before = dumpTables(t.file);
    expectIssue(await t.failure('finance.saveValuationMethod', { effectiveYear: 2025, basis: 'single', rates: { all: 0 } }), ['rates', 'all'], 'finance.rateZero');
    expectIssue(await t.failure('finance.saveValuationMethod', { effectiveYear: 2025, basis: 'single', rates: { all: 1_000_000 } }), ['rates', 'all'], 'finance.rateTooHigh');
    expectIssue(await t.failure('finance.saveValuationMethod', { effectiveYear: 2025, basis: 'single', rates: { all: 12.5 } }), ['rates', 'all'], 'finance.amountCents');
    expectIssue(await t.failure('finance.saveValuationMethod', { effectiveYear: 2025, basis: 'category', rates: { support: 1_200 } }), ['rates', 'admin'], 'finance.rateMissing');
    expectIssue(await t.failure('finance.saveValuationMethod', { effectiveYear: 2025, basis: 'role', rates: { volunteer: 1_000, facilitator: 1_000, supervisor: 1_000, board: 1_000, admin: 5 } }), ['rates', 'admin'], 'finance.rateUnknownKey');
    expectIssue(await t.failure('finance.saveValuationMethod', { effectiveYear: 2025, basis: 'single', rates: { all: 1_000 }, excluded: ['nap'] }), ['excluded', 0], 'invalidChoice');
    expectIssue(await t.failure('finance.saveValuationMethod', { effectiveYear: 1800, basis: 'single', rates: { all: 1_000 } }), ['effectiveYear'], 'finance.year');
    // 200 €/h: possible (a professional's skills donation) but warned; not saved unconfirmed.
    const high = await t.call('finance.saveValuationMethod', { effectiveYear: 2025, basis: 'single', rates: { all: 20_000 } });
    expect(high).toEqual({ saved: false, warnings: [{ key: 'highRate', params: { rateCents: 20_000 } }], methods: [] });
    expect(dumpTables(t.file)).toEqual(before);
    const confirmed = await t.call('finance.saveValuationMethod', { effectiveYear: 2025, basis: 'single', rates: { all: 20_000 }, confirmed: true });
    expect(confirmed.saved).toBe(true);
    expect((await t.call('finance.valuation', { year: 2025, programmeId: null })).totalCents).toBe(195_000); // 585 min at 200 €/h, every line whole
  });

  it('warns when the method changes from one year to the next, or for a year already begun', async () => {
    const t = await openBackupCore();
    const now = new Date().getUTCFullYear();
    await t.call('finance.saveValuationMethod', { effectiveYear: now - 2, basis: 'single', rates: { all: 1_200 } });
    // Same method again: nothing to say.
    expect(await t.call('finance.saveValuationMethod', { effectiveYear: now - 2, basis: 'single', rates: { all: 1_200 } })).toMatchObject({ saved: true, warnings: [] });
    // A new rate from this year on: it differs from the one in force and this year has begun.
    const mid = await t.call('finance.saveValuationMethod', { effectiveYear: now, basis: 'single', rates: { all: 1_300 } });
    expect(mid.saved).toBe(false);
    expect(mid.warnings).toEqual([
      { key: 'methodChanged', params: { year: now - 2 } },
      { key: 'changedMidYear', params: { year: now } },
    ]);
    // From next year on: only the change from year to year is worth a word.
    const next = await t.call('finance.saveValuationMethod', { effectiveYear: now + 1, basis: 'category', rates: { support: 1_000, facilitation: 1_000, training: 1_000, governance: 1_000, skills_donation: 1_000, logistics: 1_000, admin: 1_000, other: 1_000 } });
    expect(next.warnings).toEqual([{ key: 'methodChanged', params: { year: now - 2 } }]);
    // Back in a past year: every year from it changes.
    const past = await t.call('finance.saveValuationMethod', { effectiveYear: now - 1, basis: 'single', rates: { all: 1_500 } });
    expect(past.warnings.map((w) => w.key)).toEqual(['methodChanged', 'changesPastYears']);
    expect((await t.call('finance.valuationMethods')).map((m) => m.effectiveYear)).toEqual([now - 2]);
    expect((await t.call('finance.deleteValuationMethod', { effectiveYear: now - 2 }))).toEqual([]);
  });
});

describe('compte d’engagement citoyen', () => {
  it('lists board members and supervisors with their hours here and the thresholds they cross', async () => {
    const t = await openBackupCore();
    await seed(t);
    const person = async (firstName: string, roles: ('volunteer' | 'facilitator' | 'supervisor' | 'board')[]) =>
      (await t.call('volunteers.create', { firstName, lastName: 'Engagée', joinedOn: '2020-01-01', roles })).id;
    const emma = await person('Emma', ['board']);
    const farid = await person('Farid', ['supervisor']);
    const gaelle = await person('Gaëlle', ['board', 'facilitator']);
    const hugo = await person('Hugo', ['facilitator']);
    const ines = await person('Inès', ['board']);
    const h = (v: number, day: string, minutes: number) => seedHourEntry(t.file, { volunteerId: v, workedOn: day, minutes, category: 'governance' });
    // Emma: 10 × 20 h = 200 h exactly; her 2026 hours are another year's.
    for (let i = 1; i <= 10; i++) h(emma, `2025-0${Math.min(i, 9)}-1${i % 10}`, 1_200);
    h(emma, '2026-01-05', 600);
    // Farid: 5 × 20 h = 100 h exactly. Gaëlle: 4 × 20 h + 19 h 59 = 99 h 59.
    for (let i = 1; i <= 5; i++) h(farid, `2025-0${i}-02`, 1_200);
    for (let i = 1; i <= 4; i++) h(gaelle, `2025-0${i}-03`, 1_200);
    h(gaelle, '2025-06-03', 1_199);
    // Hugo has 300 h but no CEC role; Inès was erased.
    for (let i = 1; i <= 9; i++) h(hugo, `2025-0${i}-04`, 1_200);
    for (let i = 1; i <= 6; i++) h(hugo, `2025-1${i % 3}-0${i}`, 1_200);
    h(ines, '2025-01-01', 1_200);
    await t.call('privacy.erase', { id: ines });

    const { rows, total, counts } = await t.call('finance.cec', { year: 2025 });
    expect([total, counts]).toEqual([5, { both: 1, oneAssociation: 1, below: 3 }]);
    expect(rows.map((r) => [r.firstName, r.roles, r.minutes, r.status])).toEqual([
      ['Emma', ['board'], 12_000, 'both'],
      ['Farid', ['supervisor'], 6_000, 'oneAssociation'],
      ['Gaëlle', ['facilitator', 'board'], 5_999, 'below'],
      ['Aline', ['board'], 250, 'below'],
      ['Basile', ['facilitator', 'supervisor'], 200, 'below'],
    ]);
    // Hugo (300 h, no CEC role) and Inès (erased) are not listed; a page at a time, in the same order.
    expect(rows.some((r) => r.volunteerId === hugo || r.volunteerId === ines)).toBe(false);
    const page2 = await t.call('finance.cec', { year: 2025, offset: 2, limit: 2 });
    expect([page2.total, page2.rows.map((r) => r.firstName)]).toEqual([5, ['Gaëlle', 'Aline']]);
  });
});


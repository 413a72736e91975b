import { describe, expect, it } from 'vitest';
import { i18n } from '../../../renderer/src/app/i18n';
import { adjustmentSentence } from '../../../renderer/src/features/events/adjustments';
import { clock, eventWhen, longDay, monthGrid, startOfWeek, timePlus } from '../../../renderer/src/features/events/dates';
import { emptyValues, newRoleRow, toEventInput, toSeriesInput, typedDuration, valuesFromSeries } from '../../../renderer/src/features/events/formModel';
import type { SeriesOut } from '../../../renderer/src/features/events/queries';
import { parseTypedTime } from '../../../renderer/src/features/events/TimeField';

describe('event dates in words', () => {
  it('writes a French day and time the French way, whatever the computer’s zone', () => {
    expect(eventWhen('2026-03-03T18:30', '2026-03-03T20:00', 'fr')).toBe('mardi 3 mars 2026, 18\u00a0h\u00a030 – 20\u00a0h');
    expect(longDay('2026-06-01', 'fr')).toBe('lundi 1er juin 2026');
    expect(clock('09:05', 'fr')).toBe('9\u00a0h\u00a005');
    expect(eventWhen('2026-03-03T18:30', '2026-03-03T20:00', 'en')).toMatch(/^Tuesday,? 3 March 2026, 18:30 – 20:00$/);
    // An evening that ends after midnight names both days.
    expect(eventWhen('2026-03-03T22:00', '2026-03-04T01:00', 'fr')).toBe('mardi 3 mars 2026, 22\u00a0h – mercredi 4 mars 2026, 1\u00a0h');
  });

  it('lays a month out as six weeks from the Monday before the 1st', () => {
    const grid = monthGrid('2026-03-17');
    expect(grid).toHaveLength(42);
    expect(grid[0]).toBe('2026-02-23');
    expect(grid.at(-1)).toBe('2026-04-05');
    expect(startOfWeek('2026-03-01')).toBe('2026-02-23');
    expect(timePlus('23:30', 90)).toBe('01:00');
  });
});

describe('typed times', () => {
  it('reads the ways people write a time, on the 24-hour clock', () => {
    const cases: [string, string | null][] = [
      ['18:30', '18:30'],
      ['18h30', '18:30'],
      ['18 h 30', '18:30'],
      ['18.30', '18:30'],
      ['1830', '18:30'],
      ['9h', '09:00'],
      ['9', '09:00'],
      ['7:05', '07:05'],
      ['24:00', null],
      ['18:75', null],
      ['six', null],
      ['', null],
    ];
    for (const [typed, expected] of cases) expect(parseTypedTime(typed), typed).toBe(expected);
  });
});

describe('the event form’s values as the contract takes them', () => {
  it('sends a one-off event with its wall-clock start and end, roles counted from its start', () => {
    const v = { ...emptyValues('2030-05-14'), title: 'Collecte', startTime: '09:00', endTime: '12:00', roles: [{ ...newRoleRow(), name: 'Accueil', needed: 2, from: '09:30', to: '' }] };
    const input = toEventInput(v, true);
    expect(input).toMatchObject({ start: '2030-05-14T09:00', end: '2030-05-14T12:00', roles: [{ name: 'Accueil', needed: 2, startOffset: 30, endOffset: 180 }] });
    expect(toEventInput(v, false).roles).toEqual([]);
    expect(typedDuration({ ...v, endsOtherDay: true, endDate: '2030-05-15' })).toBe(27 * 60);
  });

  it('sends a series with one end only, the weekday of its first date by default, and the confidentiality flag only for support groups', () => {
    const v = { ...emptyValues('2030-03-05'), mode: 'series' as const, title: 'Groupe', kind: 'workshop' as const, confidentialityRequired: true, count: 6 };
    expect(toSeriesInput(v)).toMatchObject({ frequency: 'weekly', startsOn: '2030-03-05', weekday: 2, count: 6, untilOn: null, monthOrdinal: null, confidentialityRequired: false });
    expect(toSeriesInput({ ...v, kind: 'support_group', endKind: 'until', untilOn: '2030-06-30', frequency: 'monthly', monthOrdinal: '-1' })).toMatchObject({
      count: null,
      untilOn: '2030-06-30',
      monthOrdinal: -1,
      confidentialityRequired: true,
    });
  });

  it('keeps the training each series role requires, from the series read back to the template sent', () => {
    const series = {
      ...emptyValues('2030-03-05'),
      id: 4,
      title: 'Groupe',
      kind: 'support_group',
      programmeId: null,
      place: null,
      videoLink: null,
      description: null,
      capacity: 8,
      confidentialityRequired: true,
      timeZone: 'Europe/Paris',
      frequency: 'biweekly',
      startsOn: '2030-03-05',
      weekday: 2,
      monthOrdinal: null,
      startTime: '18:30',
      endTime: '20:00',
      untilOn: null,
      count: 6,
      facilitators: [],
      roles: [
        { id: 11, name: 'Animation', needed: 1, startOffset: 0, endOffset: 90, skills: [], requiredTrainingId: 3 },
        { id: 12, name: 'Accueil', needed: 1, startOffset: 0, endOffset: 30, skills: [], requiredTrainingId: null },
      ],
    } as unknown as SeriesOut;
    const values = valuesFromSeries(series, null);
    expect(values.roles.map((r) => r.requiredTrainingId)).toEqual([3, null]);
    expect(toSeriesInput(values).roles).toMatchObject([
      { id: 11, name: 'Animation', requiredTrainingId: 3 },
      { id: 12, name: 'Accueil', endOffset: 30, requiredTrainingId: null },
    ]);
    expect(newRoleRow().requiredTrainingId).toBeNull();
  });
});

describe('what the form says after core adjusted something', () => {
  it('names a role shortened to the event’s new end, and a time moved on the spring-forward night, in both languages', () => {
    const role = { position: null, eventId: 1, roleId: 2, roleName: 'Rangement', requested: '2030-05-14T12:00', actual: '2030-05-14T11:00', reason: 'roleShortened' } as const;
    const moved = { position: 1, field: 'start', requested: '2030-03-31T02:30', actual: '2030-03-31T03:30', reason: 'nonexistentTime' } as const;
    const fr = i18n.getFixedT('fr', 'events');
    const en = i18n.getFixedT('en', 'events');
    expect(adjustmentSentence(fr, role, 'fr')).toBe(
      'mardi 14 mai 2030\u00a0: le rôle «\u00a0Rangement\u00a0» finissait à 12\u00a0h, après la nouvelle fin de l’événement\u00a0; il s’arrête maintenant à 11\u00a0h.',
    );
    expect(adjustmentSentence(en, role, 'en')).toMatch(/^Tuesday,? 14 May 2030: the role “Rangement” ended at 12:00, after the event’s new end; it now ends at 11:00\.$/);
    expect(adjustmentSentence(fr, moved, 'fr')).toContain('2\u00a0h\u00a030 n’existe pas cette nuit-là');
    expect(adjustmentSentence(en, moved, 'en')).toContain('so the session starts at 03:30');
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/locales/en/volunteers.json';
import fr from '../../../shared/i18n/locales/fr/volunteers.json';
import { DEFAULT_LIST_STATE, activeFilterCount, listStateToParams, parseListState, toListQuery } from '../../../renderer/src/features/volunteers/listState';

describe('list state in the URL', () => {
  it('round-trips every filter and leaves defaults out', () => {
    const state = {
      ...DEFAULT_LIST_STATE,
      q: 'hélène',
      statuses: ['active' as const, 'paused' as const],
      roles: ['board' as const],
      skillId: 7,
      minLevel: 2 as const,
      slot: 'wed.evening' as const,
      format: 'remote' as const,
      archived: 'include' as const,
      sort: 'joinedOn' as const,
      dir: 'desc' as const,
    };
    const params = listStateToParams(state);
    expect(parseListState(params)).toEqual(state);
    expect(activeFilterCount(state)).toBe(6);
    expect(listStateToParams(DEFAULT_LIST_STATE).toString()).toBe('');
    expect(toListQuery(state)).toEqual({
      query: 'hélène',
      filters: { statuses: ['active', 'paused'], roles: ['board'], skillId: 7, minLevel: 2, slot: 'wed.evening', format: 'remote', archived: 'include' },
      sort: { field: 'joinedOn', direction: 'desc' },
    });
  });

  it('ignores anything unknown in a hand-typed address', () => {
    const s = parseListState(new URLSearchParams('status=active,gone&role=king&skill=-3&level=9&slot=mon.night&format=x&archived=all&sort=age&dir=up'));
    expect(s).toEqual({ ...DEFAULT_LIST_STATE, statuses: ['active'] });
  });
});

const SEEDED_SKILLS = [
  'active_listening', 'mental_health_first_aid', 'group_facilitation', 'it_support', 'accounting', 'communication', 'legal_advice', 'translation',
  'driving', 'fundraising', 'cooking', 'tutoring', 'event_logistics', 'first_aid', 'graphic_design', 'social_media',
];

describe('volunteers strings', () => {
  it('name every seeded skill in both languages', () => {
    for (const key of SEEDED_SKILLS) {
      expect(en.skills[key as keyof typeof en.skills], key).toBeTruthy();
      expect(fr.skills[key as keyof typeof fr.skills], key).toBeTruthy();
    }
  });

  it('have plural forms for the count', () => {
    expect(Object.keys(en.list).filter((k) => k.startsWith('count_')).sort()).toEqual(['count_one', 'count_other', 'count_zero']);
    expect(fr.list.count_other).toBe('{{n}}\u00a0bénévoles');
  });
});

import type { EventFormat, EventInput, EventKind, Frequency, SeriesInput } from '../../../../shared/api';
import type { EventOut, SeriesOut } from './queries';
import { minutesBetweenTimes, timePlus, weekday } from './dates';

/** A role line of the form: its window as clock times (empty: the whole event), its skills. */
export interface RoleRow {
  key: string;
  /** The series role it edits (so sessions keep it and its assignments); null for a new one. */
  id: number | null;
  name: string;
  needed: number | string;
  from: string;
  to: string;
  skills: { skillId: string | null; minLevel: '1' | '2' | '3' }[];
  /** The training the person on it must hold (null: none). */
  requiredTrainingId: number | null;
}

export interface EventFormValues {
  mode: 'once' | 'series';
  title: string;
  kind: EventKind;
  programmeId: string | null;
  place: string;
  videoLink: string;
  format: EventFormat;
  capacity: number | string;
  description: string;
  confidentialityRequired: boolean;
  facilitatorIds: string[];
  /** Kept from the record being edited; null: the association's zone. */
  timeZone: string | null;
  // One-off
  date: string;
  startTime: string;
  endTime: string;
  endsOtherDay: boolean;
  endDate: string;
  // Series
  frequency: Frequency;
  startsOn: string;
  weekday: string | null;
  monthOrdinal: string;
  endKind: 'count' | 'until';
  count: number | string;
  untilOn: string;
  roles: RoleRow[];
}

let serial = 0;
export const newRoleRow = (): RoleRow => ({ key: `r${++serial}`, id: null, name: '', needed: 1, from: '', to: '', skills: [], requiredTrainingId: null });

export function emptyValues(date: string): EventFormValues {
  return {
    mode: 'once',
    title: '',
    kind: 'community',
    programmeId: null,
    place: '',
    videoLink: '',
    format: 'in_person',
    capacity: '',
    description: '',
    confidentialityRequired: false,
    facilitatorIds: [],
    timeZone: null,
    date,
    startTime: '18:30',
    endTime: '20:00',
    endsOtherDay: false,
    endDate: date,
    frequency: 'weekly',
    startsOn: date,
    weekday: null,
    monthOrdinal: '1',
    endKind: 'count',
    count: 10,
    untilOn: '',
    roles: [],
  };
}

const template = (e: EventOut | SeriesOut) => ({
  title: e.title,
  kind: e.kind,
  programmeId: e.programmeId === null ? null : String(e.programmeId),
  place: e.place ?? '',
  videoLink: e.videoLink ?? '',
  format: e.format,
  capacity: e.capacity ?? '',
  description: e.description ?? '',
  confidentialityRequired: e.confidentialityRequired,
  facilitatorIds: e.facilitators.map((f) => String(f.id)),
  timeZone: e.timeZone,
});

export function valuesFromEvent(e: EventOut): EventFormValues {
  const base = emptyValues(e.start.slice(0, 10));
  return {
    ...base,
    ...template(e),
    startTime: e.start.slice(11, 16),
    endTime: e.end.slice(11, 16),
    endsOtherDay: e.end.slice(0, 10) !== e.start.slice(0, 10),
    endDate: e.end.slice(0, 10),
  };
}

/** A series as the form shows it; for "this and following", from the chosen session on. */
export function valuesFromSeries(s: SeriesOut, from: { date: string; position: number } | null): EventFormValues {
  const base = emptyValues(s.startsOn);
  const remaining = s.count !== null && from ? Math.max(1, s.count - from.position) : s.count;
  return {
    ...base,
    ...template(s),
    mode: 'series',
    frequency: s.frequency,
    startsOn: from ? from.date : s.startsOn,
    weekday: String(s.weekday),
    monthOrdinal: String(s.monthOrdinal ?? 1),
    startTime: s.startTime,
    endTime: s.endTime,
    endKind: s.count !== null ? 'count' : 'until',
    count: remaining ?? 10,
    untilOn: s.untilOn ?? '',
    roles: s.roles.map((r) => ({
      key: `s${r.id}`,
      id: r.id,
      name: r.name,
      needed: r.needed,
      from: timePlus(s.startTime, r.startOffset),
      to: timePlus(s.startTime, r.endOffset),
      skills: r.skills.map((k) => ({ skillId: String(k.skillId), minLevel: String(k.minLevel) as '1' | '2' | '3' })),
      requiredTrainingId: r.requiredTrainingId,
    })),
  };
}

const numberOrNull = (v: number | string) => (v === '' || v === null ? null : Number(v));

/** The event's length in minutes as typed (null while the times are incomplete). */
export function typedDuration(v: EventFormValues): number | null {
  if (!/^\d{2}:\d{2}$/.test(v.startTime) || !/^\d{2}:\d{2}$/.test(v.endTime)) return null;
  const minutes = minutesBetweenTimes(v.startTime, v.endTime);
  if (v.mode === 'once' && v.endsOtherDay && v.endDate && v.date) {
    const days = (Date.parse(v.endDate) - Date.parse(v.date)) / 86_400_000;
    return Number.isFinite(days) ? minutes + days * 1440 : null;
  }
  return minutes;
}

/** Role lines as the contract's template: clock times become minutes from the event's start. */
function rolesInput(v: EventFormValues) {
  const duration = typedDuration(v) ?? 0;
  return v.roles.map((r) => ({
    id: r.id,
    name: r.name,
    needed: r.needed === '' ? 0 : Number(r.needed),
    startOffset: r.from ? wrap(minutesBetweenTimes(v.startTime, r.from)) : 0,
    endOffset: r.to ? wrap(minutesBetweenTimes(v.startTime, r.to)) : duration,
    skills: r.skills.filter((s) => s.skillId !== null).map((s) => ({ skillId: Number(s.skillId), minLevel: Number(s.minLevel) as 1 | 2 | 3 })),
    requiredTrainingId: r.requiredTrainingId,
  }));
}
// A role after midnight of an evening event still counts from the event's start.
const wrap = (minutes: number) => (minutes < 0 ? minutes + 1440 : minutes);

const common = (v: EventFormValues) => ({
  title: v.title,
  kind: v.kind,
  programmeId: v.programmeId === null ? null : Number(v.programmeId),
  place: v.place,
  videoLink: v.videoLink,
  format: v.format,
  capacity: numberOrNull(v.capacity),
  description: v.description,
  // Only support groups ask for the confidentiality agreement.
  confidentialityRequired: v.kind === 'support_group' && v.confidentialityRequired,
  facilitatorIds: v.facilitatorIds.map(Number),
  timeZone: v.timeZone,
});

export function toEventInput(v: EventFormValues, withRoles: boolean): EventInput {
  const endDate = v.endsOtherDay && v.endDate ? v.endDate : v.date;
  return {
    ...common(v),
    start: `${v.date}T${v.startTime}`,
    end: `${endDate}T${v.endTime}`,
    roles: withRoles ? rolesInput(v) : [],
  };
}

export function toSeriesInput(v: EventFormValues): SeriesInput {
  return {
    ...common(v),
    ...ruleInput(v),
    roles: rolesInput(v),
  };
}

/** The rule part alone (the preview asks for it while the person types). */
export function ruleInput(v: EventFormValues) {
  return {
    frequency: v.frequency,
    startsOn: v.startsOn,
    weekday: v.weekday === null ? (v.startsOn ? (weekday(v.startsOn) as 1) : null) : (Number(v.weekday) as 1),
    monthOrdinal: v.frequency === 'monthly' ? (Number(v.monthOrdinal) as 1) : null,
    startTime: v.startTime,
    endTime: v.endTime,
    untilOn: v.endKind === 'until' ? v.untilOn || null : null,
    count: v.endKind === 'count' ? numberOrNull(v.count) : null,
    timeZone: v.timeZone,
  };
}

export const hasChanges = (a: EventFormValues, b: EventFormValues) => JSON.stringify(a) !== JSON.stringify(b);

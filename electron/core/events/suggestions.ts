import { Temporal } from 'temporal-polyfill';
import type { Suggestion, SuggestionReason } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import { todayIso } from '../clock';
import type { Sqlite } from '../db/connection';
import { minutesByVolunteer } from '../hours/totals';
import { weeklyHourCap } from '../settings/settings.service';
import { qualificationStandings } from '../trainings/warnings';
import { slotsToBits } from '../volunteers/bits';
import { clashesFor, loadRole, roleSlots, roleWindow, weekMinutesWith, type RoleFacts } from './shifts';

/**
 * Ranked suggestions for a role. Each criterion gives points and says so (a reason), the score is
 * their sum, so the list can always explain itself:
 *
 * - skills (up to 100): each required skill held at the minimum level gives an equal share of 100,
 *   held below it half a share. A role that asks for skills only suggests people holding at least
 *   one of them (found through `volunteer_skills_by_skill`); anyone can still be assigned by hand.
 * - availability (20 / 10 / 0, or 5 when the person gave none): the week slots the shift touches,
 *   all / some / none in their grid.
 * - format (10): their preferred format suits the event's (hybrid suits everyone, "either" suits all).
 * - recent load (up to 20): one point less per hour counted over the last 30 days (the one hour total).
 * - penalties: another shift at the same time −100, the weekly hour cap exceeded −20, a
 *   confidentiality agreement missing where required −15, on a break (paused) −30.
 * - required training (only when the role requires one): no valid qualification on the event's
 *   day −50 (enrolled in a session to come counts as none), one that has expired by then −30 (a
 *   refresher away), a valid one 0. Less than a clash: the warning on assignment says it again,
 *   and an association short of qualified people can still see who else would fit.
 *
 * Archived (erased included) people and those who left are never suggested, nor people already on
 * the role. Equal scores go to the better skill, availability, format and qualification match,
 * then by name.
 */
export const POINTS = {
  skills: 100,
  availabilityFull: 20,
  availabilityPartial: 10,
  availabilityUnknown: 5,
  format: 10,
  loadMax: 20,
  paused: -30,
  overlap: -100,
  weeklyCap: -20,
  confidentiality: -15,
  qualificationExpired: -30,
  qualificationMissing: -50,
} as const;

export const LOAD_DAYS = 30;

type EventFormat = RoleFacts['event']['format'];
type PreferredFormat = 'in_person' | 'remote' | 'both';

export const formatSuits = (preferred: PreferredFormat, event: EventFormat) =>
  preferred === 'both' || event === 'hybrid' || (event === 'in_person' && preferred === 'in_person') || (event === 'virtual' && preferred === 'remote');

/** The same rules as `formatSuits` and the availability points, in SQL, for the ordering. */
const AVAILABILITY_SQL = `CASE WHEN v.availability = 0 THEN ${POINTS.availabilityUnknown}
  WHEN (v.availability & @mask) = @mask THEN ${POINTS.availabilityFull}
  WHEN (v.availability & @mask) <> 0 THEN ${POINTS.availabilityPartial} ELSE 0 END`;
const FORMAT_SQL = `CASE WHEN v.preferred_format = 'both' OR @format = 'hybrid'
  OR (@format = 'in_person' AND v.preferred_format = 'in_person') OR (@format = 'virtual' AND v.preferred_format = 'remote')
  THEN ${POINTS.format} ELSE 0 END`;
const STATUS_SQL = `CASE WHEN v.status = 'paused' THEN ${POINTS.paused} ELSE 0 END`;
// People already on the role are left out afterwards (a handful): a NOT EXISTS per row costs more.
const ELIGIBLE_SQL = `v.archived_at IS NULL AND v.status <> 'left'`;

/** One skill's share: a whole one at the minimum level, half below it (integer points, as in SQL). */
const skillShare = (ok: boolean, required: number) => Math.floor((ok ? POINTS.skills : POINTS.skills / 2) / required);

// Required skills held, with their points. One skill (the common case): one row per holder, no grouping.
const ONE_SKILL_SQL = `SELECT v.id, (CASE WHEN vs.level >= rs.min_level THEN ${POINTS.skills} ELSE ${POINTS.skills / 2} END) + POINTS_SQL AS base
  FROM event_role_skills rs
  JOIN volunteer_skills vs ON vs.skill_id = rs.skill_id
  JOIN volunteers v ON v.id = vs.volunteer_id
  WHERE rs.role_id = @roleId AND ${ELIGIBLE_SQL}`;
const SKILLS_SQL = `WITH held AS (
    SELECT vs.volunteer_id AS id,
      sum((CASE WHEN vs.level >= rs.min_level THEN ${POINTS.skills} ELSE ${POINTS.skills / 2} END) / @n) AS skillPoints
    FROM event_role_skills rs JOIN volunteer_skills vs ON vs.skill_id = rs.skill_id
    WHERE rs.role_id = @roleId
    GROUP BY vs.volunteer_id)
  SELECT v.id, h.skillPoints + POINTS_SQL AS base
  FROM held h JOIN volunteers v ON v.id = h.id
  WHERE ${ELIGIBLE_SQL}`;
const POINTS_SQL = `${AVAILABILITY_SQL} + ${FORMAT_SQL} + ${STATUS_SQL}`;

// A qualification for the role's training, obtained by the event's day (`qualifications_by_volunteer`).
const HELD_SQL = `SELECT 1 FROM qualifications q WHERE q.volunteer_id = v.id AND q.training_id = @trainingId AND q.obtained_on <= @day`;
/** The same rule as `qualificationStandings` (trainings/warnings.ts), in SQL, for the ordering. */
const QUALIFICATION_SQL = `CASE WHEN EXISTS (${HELD_SQL} AND (q.expires_on IS NULL OR q.expires_on > @day)) THEN 0
  WHEN EXISTS (${HELD_SQL}) THEN ${POINTS.qualificationExpired} ELSE ${POINTS.qualificationMissing} END`;

interface PoolRow {
  id: number;
  /** Skills + availability + format + status (+ qualification): everything known without looking further. */
  base: number;
  /** Present on rows that may be merged with another pool's (see `mergedPool`). */
  sortName?: string;
}

/**
 * The candidates in (base, then name) order, a page at a time, and the highest base anyone not
 * yet given can have. The work stays proportional to what is read, not to the registry's size.
 */
interface Pool {
  considered: number;
  next(size: number): PoolRow[];
  /** Upper bound of the bases still to come (-Infinity: none left). */
  bound(): number;
}

/**
 * Holders of the required skills (found through `volunteer_skills_by_skill`), sorted once in SQL:
 * ids and bases only (a tenth of the registry at most in practice), the count comes with them.
 */
function skillPool(sqlite: Sqlite, params: Record<string, unknown>, required: number, assigned: ReadonlySet<number>, points: string): Pool {
  const from = (required === 1 ? ONE_SKILL_SQL : SKILLS_SQL).replace('POINTS_SQL', points);
  const all = sqlite.prepare(`${from} ORDER BY base DESC, v.sort_name, v.id`).raw().all(params) as [number, number][];
  let offset = 0;
  return {
    considered: all.length - all.filter(([id]) => assigned.has(id)).length,
    next(size) {
      const rows = all.slice(offset, offset + size).map(([id, base]) => ({ id, base }));
      offset += rows.length;
      return rows;
    },
    bound: () => (offset < all.length ? all[offset]![1] : -Infinity),
  };
}

/**
 * A role without required skills: everyone still active is a candidate (up to the whole registry).
 * The base takes few values, so the pool is read bucket by bucket, best first, each in name order
 * along `volunteers_by_name` (covering, no sort): usually a few hundred index entries in all.
 * `unqualified`: only people holding no qualification for the role's training, whose base all
 * carry the missing-qualification points (the holders come from `holdersPool`).
 */
function everyonePool(sqlite: Sqlite, params: Record<string, unknown>, unqualified = false): Pool {
  // Counted along `volunteers_by_status` (its status expression), minus those already on the role.
  const everyone = sqlite
    .prepare(`SELECT count(*) FROM volunteers v WHERE v.archived_at IS NULL AND (CASE status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END) < 2`)
    .pluck()
    .get() as number;
  const onRole = sqlite
    .prepare(`SELECT count(*) FROM assignments a JOIN volunteers v ON v.id = a.volunteer_id WHERE a.role_id = @roleId AND ${ELIGIBLE_SQL}`)
    .pluck()
    .get(params) as number;
  const considered = everyone - onRole;
  const page = sqlite.prepare(
    `SELECT v.id, v.sort_name AS sortName, ${POINTS_SQL} AS base
     FROM volunteers v INDEXED BY volunteers_by_name
     WHERE v.archived_at IS NULL AND (v.sort_name, v.id) > (@afterName, @afterId) AND ${POINTS_SQL} = @bucket AND ${ELIGIBLE_SQL}
       ${unqualified ? `AND NOT EXISTS (${HELD_SQL})` : ''}
     ORDER BY v.sort_name, v.id LIMIT @limit`,
  );
  const shift = unqualified ? POINTS.qualificationMissing : 0;
  const availability = [POINTS.availabilityFull, POINTS.availabilityPartial, POINTS.availabilityUnknown, 0];
  const buckets = [
    ...new Set(availability.flatMap((a) => [POINTS.format, 0].flatMap((f) => [0, POINTS.paused].map((s) => a + f + s)))),
  ].sort((x, y) => y - x);
  let index = 0;
  let after = { afterName: '', afterId: 0 };
  return {
    considered,
    next(size) {
      while (index < buckets.length) {
        const rows = (page.all({ ...params, ...after, bucket: buckets[index], limit: size }) as (PoolRow & { sortName: string })[]).map((r) => ({
          ...r,
          base: r.base + shift,
        }));
        if (rows.length < size) {
          index += 1;
          after = { afterName: '', afterId: 0 };
        } else {
          const last = rows[rows.length - 1]!;
          after = { afterName: last.sortName, afterId: last.id };
        }
        if (rows.length) return rows;
      }
      return [];
    },
    bound: () => (index < buckets.length ? buckets[index]! + shift : -Infinity),
  };
}

/**
 * A role without required skills that requires a training: the people holding a qualification for
 * it (valid or expired by the event's day; a few per training), sorted once in SQL.
 */
function holdersPool(sqlite: Sqlite, params: Record<string, unknown>): Pool {
  const all = sqlite
    .prepare(
      `SELECT v.id, v.sort_name AS sortName, ${POINTS_SQL} + ${QUALIFICATION_SQL} AS base FROM volunteers v
       WHERE v.id IN (SELECT q.volunteer_id FROM qualifications q WHERE q.training_id = @trainingId AND q.obtained_on <= @day) AND ${ELIGIBLE_SQL}
       ORDER BY base DESC, v.sort_name, v.id`,
    )
    .all(params) as Required<PoolRow>[];
  let offset = 0;
  return {
    considered: 0,
    next(size) {
      const rows = all.slice(offset, offset + size);
      offset += rows.length;
      return rows;
    },
    bound: () => (offset < all.length ? all[offset]!.base : -Infinity),
  };
}

/**
 * Two pools read as one, in the same (base, then name) order each keeps: the head of each is
 * buffered and the better one given first, so the paging and the early stop work as for one pool.
 */
function mergedPool(pools: Pool[], considered: number): Pool {
  const buffers = pools.map(() => ({ rows: [] as PoolRow[], at: 0 }));
  const head = (i: number) => {
    const b = buffers[i]!;
    return b.at < b.rows.length ? b.rows[b.at]! : undefined;
  };
  const first = (x: PoolRow, y: PoolRow) => (x.base !== y.base ? x.base > y.base : x.sortName! !== y.sortName! ? x.sortName! < y.sortName! : x.id < y.id);
  return {
    considered,
    next(size) {
      const out: PoolRow[] = [];
      while (out.length < size) {
        let best = -1;
        pools.forEach((pool, i) => {
          if (!head(i)) buffers[i] = { rows: pool.next(size), at: 0 };
          const h = head(i);
          if (h && (best < 0 || first(h, head(best)!))) best = i;
        });
        if (best < 0) break;
        out.push(head(best)!);
        buffers[best]!.at += 1;
      }
      return out;
    },
    bound: () => Math.max(...pools.map((pool, i) => head(i)?.base ?? pool.bound())),
  };
}

interface Scored extends Suggestion {
  base: number;
  /** Position in the SQL order (base, then name): the last tie-breaker. */
  seq: number;
}

const better = (a: Scored, b: Scored) => b.score - a.score || b.base - a.base || a.seq - b.seq;

/**
 * The best `limit` people for a role, best first. `firstPage` (how many candidates are scored in
 * the first round) only changes how much work is done, never the answer; tests make it tiny.
 */
export function suggest(
  sqlite: Sqlite,
  roleId: number,
  limit: number,
  firstPage = Math.max(limit * 4, 100),
): { roleId: number; considered: number; suggestions: Suggestion[] } {
  const role = loadRole(sqlite, roleId);
  if (!role) throw new RelaisFailure('NOT_FOUND', { reason: 'roleNotFound', roleId });
  const required = sqlite
    .prepare('SELECT skill_id AS skillId, min_level AS minLevel FROM event_role_skills WHERE role_id = ? ORDER BY min_level DESC, skill_id')
    .all(roleId) as { skillId: number; minLevel: number }[];
  const slots = roleSlots(role);
  const training = role.requiredTraining;
  const day = role.event.startLocal.slice(0, 10);
  const params = { roleId, mask: slotsToBits(slots), format: role.event.format, n: required.length, trainingId: training?.id ?? null, day };
  const assigned = new Set(sqlite.prepare('SELECT volunteer_id FROM assignments WHERE role_id = ?').pluck().all(roleId) as number[]);
  const pool = ((): Pool => {
    if (required.length) return skillPool(sqlite, params, required.length, assigned, training ? `${POINTS_SQL} + ${QUALIFICATION_SQL}` : POINTS_SQL);
    if (!training) return everyonePool(sqlite, params);
    const others = everyonePool(sqlite, params, true);
    return mergedPool([holdersPool(sqlite, params), others], others.considered);
  })();

  const today = Temporal.PlainDate.from(todayIso());
  const loadRange = { from: today.subtract({ days: LOAD_DAYS - 1 }).toString(), to: today.toString() };
  const window = roleWindow(role);
  const cap = weeklyHourCap(sqlite);
  const skillIds = JSON.stringify(required.map((r) => r.skillId));

  /** Everything beyond the SQL order for one page of candidates: names, levels, load, clashes, week. */
  const score = (candidates: { row: PoolRow; seq: number }[]): Scored[] => {
    if (candidates.length === 0) return [];
    const ids = candidates.map((c) => c.row.id);
    const idsJson = JSON.stringify(ids);
    const people = new Map(
      (
        sqlite
          .prepare(
            `SELECT id, first_name AS firstName, last_name AS lastName, status, availability, preferred_format AS preferredFormat,
               confidentiality_signed_on AS signedOn
             FROM volunteers WHERE id IN (SELECT value FROM json_each(?))`,
          )
          .all(idsJson) as {
          id: number;
          firstName: string;
          lastName: string;
          status: 'active' | 'paused';
          availability: number;
          preferredFormat: PreferredFormat;
          signedOn: string | null;
        }[]
      ).map((p) => [p.id, p]),
    );
    const levels = new Map<string, number>();
    if (required.length) {
      const rowsOfLevels = sqlite
        .prepare(
          `SELECT volunteer_id AS v, skill_id AS s, level FROM volunteer_skills
           WHERE volunteer_id IN (SELECT value FROM json_each(?)) AND skill_id IN (SELECT value FROM json_each(?))`,
        )
        .all(idsJson, skillIds) as { v: number; s: number; level: number }[];
      for (const l of rowsOfLevels) levels.set(`${l.v}:${l.s}`, l.level);
    }
    const load = minutesByVolunteer(sqlite, ids, loadRange);
    const clashes = clashesFor(sqlite, ids, window, roleId);
    const week = cap === null ? null : weekMinutesWith(sqlite, ids, role);
    const standings = training ? qualificationStandings(sqlite, training.id, ids, day) : null;

    return candidates.map(({ row, seq: position }) => {
      const person = people.get(row.id)!;
      const reasons: SuggestionReason[] = required.map((r) => {
        const level = levels.get(`${row.id}:${r.skillId}`) ?? null;
        const ok = level !== null && level >= r.minLevel;
        return { kind: 'skill', skillId: r.skillId, minLevel: r.minLevel, level, ok, points: level === null ? 0 : skillShare(ok, required.length) };
      });
      if (training && standings) {
        const { state, expiredOn } = standings.get(row.id)!;
        const points = state === 'qualified' ? 0 : state === 'expired' ? POINTS.qualificationExpired : POINTS.qualificationMissing;
        reasons.push({ kind: 'qualification', state, trainingId: training.id, trainingKey: training.key, trainingName: training.name, expiredOn, points });
      }
      const covered = person.availability & params.mask;
      const match = person.availability === 0 ? 'unknown' : covered === params.mask ? 'full' : covered !== 0 ? 'partial' : 'none';
      const availabilityPoints = { unknown: POINTS.availabilityUnknown, full: POINTS.availabilityFull, partial: POINTS.availabilityPartial, none: 0 }[match];
      reasons.push({ kind: 'availability', match, slots, points: availabilityPoints });
      const formatOk = formatSuits(person.preferredFormat, role.event.format);
      reasons.push({ kind: 'format', ok: formatOk, preferred: person.preferredFormat, eventFormat: role.event.format, points: formatOk ? POINTS.format : 0 });
      const minutes = load.get(row.id) ?? 0;
      reasons.push({ kind: 'load', minutes, points: Math.max(0, POINTS.loadMax - Math.floor(minutes / 60)) });
      const theirClashes = clashes.get(row.id) ?? [];
      reasons.push({ kind: 'overlap', ok: theirClashes.length === 0, clashes: theirClashes, points: theirClashes.length ? POINTS.overlap : 0 });
      if (cap !== null && week) {
        const weekMinutes = week.get(row.id) ?? 0;
        const ok = weekMinutes <= cap * 60;
        reasons.push({ kind: 'weeklyCap', ok, minutes: weekMinutes, capMinutes: cap * 60, points: ok ? 0 : POINTS.weeklyCap });
      }
      if (role.event.confidentialityRequired) {
        const ok = person.signedOn !== null;
        reasons.push({ kind: 'confidentiality', ok, points: ok ? 0 : POINTS.confidentiality });
      }
      if (person.status === 'paused') reasons.push({ kind: 'status', status: 'paused', points: POINTS.paused });
      return {
        volunteerId: row.id,
        firstName: person.firstName,
        lastName: person.lastName,
        status: person.status,
        score: reasons.reduce((sum, r) => sum + r.points, 0),
        reasons,
        base: row.base,
        seq: position,
      };
    });
  };

  // Pages in (base, name) order until no one further down could still make the list: the base of
  // what is left only falls, and what is added to it later is at most the load's 20 points.
  let best: Scored[] = [];
  let seq = 0;
  let pageSize = firstPage;
  for (;;) {
    const kth = best[limit - 1];
    if (kth && pool.bound() + POINTS.loadMax <= kth.score) break;
    const rows = pool.next(pageSize);
    if (rows.length === 0) break;
    const fresh = rows.map((row, i) => ({ row, seq: seq + i })).filter(({ row }) => !assigned.has(row.id));
    best = [...best, ...score(fresh)].sort(better).slice(0, limit);
    seq += rows.length;
    pageSize = Math.min(pageSize * 4, 5000);
  }
  return { roleId, considered: pool.considered, suggestions: best.map(({ base: _b, seq: _s, ...s }) => s) };
}

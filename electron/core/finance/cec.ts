import { CEC_MINUTES, CEC_ROLES, type CecStatus, type ExportResult, type FileFormat, type Role } from '../../../shared/api';
import type { Context } from '../context';
import { yearMinutesOf } from '../hours/year-totals';
import { bitsToRoles, roleBit } from '../volunteers/bits';
import { saveExport } from './export-files';
import { fileLanguage, financeWords } from './language';
import { yearRange } from './years';

/**
 * Compte d'engagement citoyen (Code du travail L5151-7 and D5151-14): a volunteer who sits on the
 * governing body or supervises other volunteers earns training rights for a calendar year of at
 * least 200 hours of volunteering, of which at least 100 hours in one association. Each person
 * declares their year on « Le Compte bénévole » by 30 June; the association's « valideur CEC »
 * confirms it.
 *
 * Relais knows one association: the hours here. So it says, for each person:
 * - `both`: 200 h or more here — both conditions are met in this association alone;
 * - `oneAssociation`: 100 h to 199 h here — the « 100 h in one association » condition is met
 *   here; the 200 h may be reached with hours the person gives to other associations, which only
 *   they can declare;
 * - `below`: under 100 h here — this association cannot carry the 100-hour condition (another
 *   one might, with this association's hours counting towards the 200).
 * Roles are the volunteer's roles as recorded today.
 */
export function statusOf(minutes: number): CecStatus {
  if (minutes >= CEC_MINUTES.year) return 'both';
  if (minutes >= CEC_MINUTES.oneAssociation) return 'oneAssociation';
  return 'below';
}

const CEC_BITS = CEC_ROLES.reduce((bits, r) => bits | roleBit(r), 0);
// Written into the SQL as a literal, the very expression of the partial index `volunteers_cec_roles`
// (migration 009): with a bound parameter SQLite could not use it.
const HAS_CEC_ROLE = `(roles & ${CEC_BITS}) <> 0`;

/**
 * The people the CEC concerns (board or supervisor role, not erased), with their hours of the
 * year, most hours first, a page at a time, and how many cross each threshold. With `everyone`,
 * also the people with 100 h or more here who hold neither role (their role may simply not be
 * recorded). Sorted and paged in SQL: a large association has thousands of board members and
 * supervisors across its history.
 */
export function cecList(ctx: Context, input: { year: number; everyone: boolean; offset: number; limit: number }) {
  const { sqlite } = ctx;
  const notErased = 'NOT EXISTS (SELECT 1 FROM erasures x WHERE x.volunteer_id = v.id)';
  const columns = `v.id, v.first_name AS firstName, v.last_name AS lastName, v.sort_name AS sortName, v.roles, ${yearMinutesOf('v.id', '@year')} AS minutes`;
  // Board members and supervisors come from the partial index alone; with `everyone`, the people
  // with 100 h here who are neither are added from the yearly totals.
  const others = input.everyone
    ? `UNION ALL SELECT ${columns} FROM hour_volunteer_year hy JOIN volunteers v ON v.id = hy.volunteer_id
        WHERE hy.year = @year AND hy.minutes >= ${CEC_MINUTES.oneAssociation} AND NOT ${HAS_CEC_ROLE} AND ${notErased}`
    : '';
  const people = `WITH people AS (SELECT ${columns} FROM volunteers v WHERE ${HAS_CEC_ROLE} AND ${notErased} ${others})`;
  const counts = sqlite
    .prepare(
      `${people} SELECT count(*) AS total, coalesce(sum(minutes >= @both), 0) AS both, coalesce(sum(minutes >= @one AND minutes < @both), 0) AS one FROM people`,
    )
    .get({ year: input.year, both: CEC_MINUTES.year, one: CEC_MINUTES.oneAssociation }) as { total: number; both: number; one: number };
  const rows = sqlite
    .prepare(`${people} SELECT id, firstName, lastName, roles, minutes FROM people ORDER BY minutes DESC, sortName, id LIMIT @limit OFFSET @offset`)
    .all({ year: input.year, limit: input.limit, offset: input.offset }) as { id: number; firstName: string; lastName: string; roles: number; minutes: number }[];
  return {
    year: input.year,
    total: counts.total,
    counts: { both: counts.both, oneAssociation: counts.one, below: counts.total - counts.both - counts.one },
    rows: rows.map((r) => ({ volunteerId: r.id, firstName: r.firstName, lastName: r.lastName, roles: bitsToRoles(r.roles), minutes: r.minutes, status: statusOf(r.minutes) })),
  };
}

/** The same list for the association's validator: name, CEC roles, hours here, what they meet. */
export async function exportCec(ctx: Context, year: number, format: FileFormat): Promise<ExportResult> {
  const lang = await fileLanguage(ctx);
  const w = financeWords(lang);
  const h = w.export.cec;
  return saveExport(ctx, {
    format,
    lang,
    defaultName: `${w.export.cecFile}-${year}`,
    build: () => [
      {
        name: `${h.sheet} ${year}`,
        headers: [h.lastName, h.firstName, h.roles, h.hours, h.minutes, h.status],
        rows: cecList(ctx, { year, everyone: false, offset: 0, limit: -1 }).rows.map((r) => [
          { text: r.lastName },
          { text: r.firstName },
          { text: r.roles.filter((x): x is Role => (CEC_ROLES as readonly string[]).includes(x)).map((x) => w.roles[x]).join(', ') },
          { text: `${Math.floor(r.minutes / 60)}:${String(r.minutes % 60).padStart(2, '0')}` },
          { count: r.minutes },
          { text: w.cec.status[r.status] },
        ]),
      },
    ],
  });
}

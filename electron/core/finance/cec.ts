import { CEC_MINUTES, CEC_ROLES, type CecStatus, type ExportResult, type FileFormat, type Role } from '../../../shared/api';
import type { Context } from '../context';
import { minutesOf } from '../hours/year-totals';
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

interface Person {
  id: number;
  firstName: string;
  lastName: string;
  roles: number;
  minutes: number;
}

/**
 * Everyone the CEC concerns (board or supervisor role, not erased) with their hours of the year,
 * most hours first, then in the registry's name order. One pass: board members and supervisors
 * come from their partial index, each person's minutes from their own entries (hours/year-totals.ts).
 */
function cecPeople(ctx: Context, year: number): Person[] {
  return ctx.sqlite
    .prepare(
      `SELECT v.id, v.first_name AS firstName, v.last_name AS lastName, v.roles, ${minutesOf('v.id', '@from', '@to')} AS minutes
         FROM volunteers v
        WHERE ${HAS_CEC_ROLE} AND NOT EXISTS (SELECT 1 FROM erasures x WHERE x.volunteer_id = v.id)
        ORDER BY minutes DESC, v.sort_name, v.id`,
    )
    .all(yearRange(year)) as Person[];
}

const toRow = (p: Person) => ({ volunteerId: p.id, firstName: p.firstName, lastName: p.lastName, roles: bitsToRoles(p.roles), minutes: p.minutes, status: statusOf(p.minutes) });

/** A page of the CEC list, with how many people cross each threshold. */
export function cecList(ctx: Context, input: { year: number; offset: number; limit: number }) {
  const people = cecPeople(ctx, input.year);
  const both = people.filter((p) => p.minutes >= CEC_MINUTES.year).length;
  const oneAssociation = people.filter((p) => p.minutes >= CEC_MINUTES.oneAssociation && p.minutes < CEC_MINUTES.year).length;
  return {
    year: input.year,
    total: people.length,
    counts: { both, oneAssociation, below: people.length - both - oneAssociation },
    rows: people.slice(input.offset, input.offset + input.limit).map(toRow),
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
        rows: cecPeople(ctx, year).map(toRow).map((r) => [
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

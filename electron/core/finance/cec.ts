import { CEC_MINUTES, CEC_ROLES, type CecStatus, type ExportResult, type FileFormat, type Role } from '../../../shared/api';
import type { Context } from '../context';
import { yearMinutesByVolunteer } from '../hours/totals';
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

interface Person {
  id: number;
  firstName: string;
  lastName: string;
  roles: number;
}

const CEC_BITS = CEC_ROLES.reduce((bits, r) => bits | roleBit(r), 0);

/**
 * The people the CEC concerns (board or supervisor role, not erased), with their hours of the
 * year, most hours first. With `everyone`, also the people with 100 h or more here who hold
 * neither role (their role may simply not be recorded).
 */
export function cecList(ctx: Context, year: number, everyone: boolean) {
  const { sqlite } = ctx;
  const notErased = 'NOT EXISTS (SELECT 1 FROM erasures x WHERE x.volunteer_id = v.id)';
  const select = `SELECT id, first_name AS firstName, last_name AS lastName, roles FROM volunteers v`;
  let people = sqlite.prepare(`${select} WHERE (roles & ?) <> 0 AND ${notErased}`).all(CEC_BITS) as Person[];
  const minutes = yearMinutesByVolunteer(sqlite, year, { ids: people.map((p) => p.id) });
  if (everyone) {
    const busy = yearMinutesByVolunteer(sqlite, year, { atLeast: CEC_MINUTES.oneAssociation });
    const known = new Set(people.map((p) => p.id));
    const others = [...busy.keys()].filter((id) => !known.has(id));
    people = people.concat(sqlite.prepare(`${select} WHERE id IN (SELECT value FROM json_each(?)) AND ${notErased}`).all(JSON.stringify(others)) as Person[]);
    for (const [id, m] of busy) minutes.set(id, m);
  }
  const rows = people.map((p) => {
    const m = minutes.get(p.id) ?? 0;
    return { volunteerId: p.id, firstName: p.firstName, lastName: p.lastName, roles: bitsToRoles(p.roles), minutes: m, status: statusOf(m) };
  });
  rows.sort((a, b) => b.minutes - a.minutes || a.lastName.localeCompare(b.lastName, 'fr') || a.volunteerId - b.volunteerId);
  return { year, rows };
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
        rows: cecList(ctx, year, false).rows.map((r) => [
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

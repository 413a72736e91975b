import { RETENTION_YEARS, type RetentionView } from '../../../shared/api';
import { todayIso } from '../clock';
import type { Context } from '../context';

/**
 * Retention review: people who left more than N years ago, for the association to erase.
 *
 * Why a short default (RETENTION_YEARS.default = 1): the CNIL's text for associations' member and
 * donor files (délibération n° 2010-229 du 10 juin 2010, « dispense n° 8 ») said member data is
 * not kept beyond the member's resignation or removal unless they expressly agree; the RGPD
 * replaced the declaration regime but guides for associations still give that rule, e.g.
 * https://silexo.fr/article/122/rgpd-les-durees-de-conservation-association ,
 * https://kalisport.com/kalisport/ressources/aide/114-929/je-gere-mon-association-avec-kalisport-que-dois-je-faire-vis-a-vis-de-la-cnil ,
 * http://reseau-sara.org/index.php/toutes-les-fiches-pratiques/internet-et-association/338-les-formalites-aupres-de-la-cnil .
 * The often-quoted "3 years" is the CNIL's reference for inactive customers and prospects
 * (référentiel « gestion des activités commerciales », ex-norme simplifiée n° 48), not for
 * members: https://ewatchers.org/question/rgpd/combien-de-temps-peut-on-conserver-des-donnees-sur-ses-clients-et-prospects-45 .
 * One year keeps one yearly cycle of the association's life; the setting goes from 0 to 10.
 */
export const RETENTION_SETTING = 'privacy.retentionYears';

export function retentionYears(ctx: Context): number {
  const raw = ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(RETENTION_SETTING) as string | undefined;
  const years = raw === undefined ? NaN : Number(JSON.parse(raw));
  return Number.isInteger(years) && years >= RETENTION_YEARS.min && years <= RETENTION_YEARS.max ? years : RETENTION_YEARS.default;
}

export function setRetentionYears(ctx: Context, years: number): { years: number } {
  ctx.sqlite
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(RETENTION_SETTING, JSON.stringify(years));
  return { years };
}

/** The same day N years earlier (29 February falls back to the 28th). */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y - years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

const LISTED = `FROM volunteers v
  WHERE v.status = 'left' AND (v.status_since IS NULL OR v.status_since <= @cutoff)
    AND v.id NOT IN (SELECT volunteer_id FROM erasures)`;

export function retentionList(ctx: Context, page: { offset: number; limit: number }, today = todayIso()): RetentionView {
  const years = retentionYears(ctx);
  const cutoff = yearsBefore(today, years);
  const total = ctx.sqlite.prepare(`SELECT count(*) ${LISTED}`).pluck().get({ cutoff }) as number;
  const rows = (
    ctx.sqlite
      .prepare(
        // A departure without a date comes first: it is the one that most needs a look.
        `SELECT v.id, v.first_name, v.last_name, v.joined_on, v.status_since, v.archived_at ${LISTED}
         ORDER BY v.status_since IS NOT NULL, v.status_since, v.sort_name, v.id LIMIT @limit OFFSET @offset`,
      )
      .all({ cutoff, limit: page.limit, offset: page.offset }) as {
      id: number; first_name: string; last_name: string; joined_on: string; status_since: string | null; archived_at: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    joinedOn: r.joined_on,
    leftOn: r.status_since,
    archived: r.archived_at !== null,
  }));
  return { years, cutoff, total, rows };
}

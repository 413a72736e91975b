import type { ConsentGap, ConsentOverview, Role, Status } from '../../../shared/api';
import type { Context } from '../context';
import { bitsToRoles, rolesToBits } from '../volunteers/bits';

/** Facilitators and supervisors hear what people confide: the confidentiality agreement is theirs to sign. */
const CONFIDANT_ROLES = rolesToBits(['facilitator', 'supervisor']);

const SCOPE = {
  current: "v.status IN ('active', 'paused') AND v.archived_at IS NULL",
  all: '1',
} as const;

const GAP: Record<ConsentGap, string> = {
  consent: '(v.consent_on IS NULL OR v.consent_basis IS NULL)',
  photo: 'v.photo_consent = 0',
  confidentiality: `((v.roles & ${CONFIDANT_ROLES}) != 0 AND v.confidentiality_signed_on IS NULL)`,
};

/** Consent, photo consent and confidentiality agreements: counts for the whole scope, and one page of people. */
export function consentOverview(
  ctx: Context,
  input: { scope: keyof typeof SCOPE; missing: ConsentGap | null; offset: number; limit: number },
): ConsentOverview {
  const base = `FROM volunteers v WHERE ${SCOPE[input.scope]} AND v.id NOT IN (SELECT volunteer_id FROM erasures)`;
  const c = ctx.sqlite
    .prepare(
      `SELECT count(*) AS people,
              coalesce(sum(${GAP.consent}), 0) AS noConsent,
              coalesce(sum(v.photo_consent = 1), 0) AS photoYes,
              coalesce(sum(v.photo_consent = 0), 0) AS photoNo,
              coalesce(sum(v.confidentiality_signed_on IS NOT NULL), 0) AS confidentialitySigned,
              coalesce(sum((v.roles & ${CONFIDANT_ROLES}) != 0), 0) AS confidentialityRequired,
              coalesce(sum(${GAP.confidentiality}), 0) AS confidentialityMissing
       ${base}`,
    )
    .get() as ConsentOverview['counts'];
  const where = input.missing ? `${base} AND ${GAP[input.missing]}` : base;
  const total = ctx.sqlite.prepare(`SELECT count(*) ${where}`).pluck().get() as number;
  const rows = (
    ctx.sqlite
      .prepare(
        `SELECT v.id, v.first_name, v.last_name, v.status, v.roles, v.consent_on, v.consent_basis, v.photo_consent, v.confidentiality_signed_on
         ${where} ORDER BY v.sort_name, v.id LIMIT ? OFFSET ?`,
      )
      .all(input.limit, input.offset) as {
      id: number; first_name: string; last_name: string; status: Status; roles: number;
      consent_on: string | null; consent_basis: string | null; photo_consent: number; confidentiality_signed_on: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    status: r.status,
    roles: bitsToRoles(r.roles) as Role[],
    consentOn: r.consent_on,
    consentBasis: r.consent_basis as ConsentOverview['rows'][number]['consentBasis'],
    photoConsent: r.photo_consent === 1,
    confidentialitySignedOn: r.confidentiality_signed_on,
  }));
  return { counts: c, total, rows };
}

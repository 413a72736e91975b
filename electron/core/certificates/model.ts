import type { Association, CertificateDraft, Template } from '../../../shared/api';

/**
 * Everything one printed document shows: the draft as edited, plus what was read when it was
 * made (the association's identity, the volunteer's name, the hours counted, the signature
 * image). Stored as the registry's snapshot: a reprint renders this again, whatever changed in
 * the data since. `layout` names the version of the templates that drew it.
 */
export interface CertificateModel {
  layout: 1;
  number: string;
  draft: CertificateDraft;
  association: Association;
  volunteer: { firstName: string; lastName: string };
  /** Hours on the document: the one total over the period (attestation, mission, hours milestone). */
  minutes: number | null;
  signature: string | null;
}

export const fullName = (v: { firstName: string; lastName: string }) => `${v.firstName} ${v.lastName}`.trim();

export const periodOf = (draft: CertificateDraft): { from: string | null; to: string | null } =>
  draft.template === 'attestation' || draft.template === 'mission' ? { from: draft.periodFrom, to: draft.periodTo } : { from: null, to: null };

export const milestoneOf = (draft: CertificateDraft): string | null => (draft.template === 'recognition' ? draft.milestone : null);

export const templateOf = (model: CertificateModel): Template => model.draft.template;

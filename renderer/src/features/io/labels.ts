import type { TFunction } from 'i18next';
import { IMPORT_FIELDS, type CustomField, type ImportField, type ImportIssue } from '../../../../shared/api';
import { translateIssue, type AnyT } from '../../components/errors';

type LooseT = (key: string, options?: Record<string, unknown>) => string;
const loose = (t: AnyT) => t as unknown as LooseT;

/** The fields a column can fill, in the groups the mapping select shows. */
export const FIELD_GROUPS: { group: 'person' | 'contact' | 'registry' | 'care' | 'consent'; fields: ImportField[] }[] = [
  { group: 'person', fields: ['fullName', 'firstName', 'lastName', 'birthYear', 'birthDate'] },
  { group: 'contact', fields: ['email', 'phone', 'addressLine', 'postalCode', 'city', 'country'] },
  {
    group: 'registry',
    fields: ['joinedOn', 'status', 'statusSince', 'statusReason', 'roles', 'skills', 'interests', 'languages', 'availability', 'preferredFormat', 'archivedOn'],
  },
  { group: 'care', fields: ['emergencyName', 'emergencyPhone', 'emergencyRelation', 'notes'] },
  { group: 'consent', fields: ['consentOn', 'consentBasis', 'photoConsent', 'confidentialitySignedOn'] },
];

const isField = (s: string): s is ImportField => (IMPORT_FIELDS as readonly string[]).includes(s);

/** A target's name on screen: a volunteer field, or one of the association's own fields. */
export function targetLabel(t: TFunction<'io'> | AnyT, target: string, customFields: readonly CustomField[]): string {
  if (isField(target)) return loose(t)(`io:columns.${target}`);
  if (target.startsWith('custom:')) return customFields.find((f) => `custom:${f.id}` === target)?.label ?? target;
  if (target === 'record') return loose(t)('io:preview.name');
  return target;
}

/**
 * One cell's problem as a sentence. Import-specific keys (`io.<key>`) and the messages that can
 * quote the cell (« 18/13/2024 » is not a date) come from `io:rowErrors`; the contract's own rules
 * from `validation`.
 */
export function issueMessage(t: AnyT, exists: (key: string) => boolean, issue: Pick<ImportIssue, 'key' | 'params'>): string {
  const key = issue.key.startsWith('io.') ? issue.key.slice(3) : issue.key;
  if (exists(`io:rowErrors.${key}`) && (issue.key.startsWith('io.') || issue.params?.value !== undefined)) {
    return loose(t)(`io:rowErrors.${key}`, issue.params);
  }
  return translateIssue(t, issue);
}

/** A problem with the file itself (empty, unreadable, old .xls…), from a VALIDATION error's issues. */
export function fileProblem(t: AnyT, exists: (key: string) => boolean, issues: readonly { key: string; params?: Record<string, string | number> }[]): string | null {
  for (const i of issues) {
    const key = i.key.startsWith('io.') ? i.key.slice(3) : i.key;
    if (exists(`io:fileErrors.${key}`)) return loose(t)(`io:fileErrors.${key}`, i.params);
  }
  return null;
}

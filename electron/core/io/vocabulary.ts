import {
  CONSENT_BASES,
  DAY_PARTS,
  DAYS,
  FORMATS,
  IMPORT_FIELDS,
  ROLES,
  STATUSES,
  type ImportField,
  type Language,
  type Slot,
} from '../../../shared/api';
import { resources } from '../../../shared/i18n';
import { headerKey } from './cells';

/**
 * The words of the registry in both languages, as exported (the person's language) and as read
 * back (either language, or the stored key): column headers, statuses, roles, formats, legal bases,
 * availability slots, skill levels.
 */

type Labels = Record<string, string>;
const volunteersText = (lang: Language) => resources[lang].volunteers as unknown as Record<string, Labels>;

export const columnHeader = (field: ImportField, lang: Language): string => (resources[lang].io.columns as Record<ImportField, string>)[field];

export const statusLabel = (s: string, lang: Language) => volunteersText(lang).status![s] ?? s;
export const roleLabel = (r: string, lang: Language) => volunteersText(lang).roles![r] ?? r;
export const formatLabel = (f: string, lang: Language) => volunteersText(lang).formats![f] ?? f;
export const consentBasisLabel = (c: string, lang: Language) => volunteersText(lang).consentBases![c] ?? c;
export const slotLabel = (slot: Slot, lang: Language) => {
  const [day, part] = slot.split('.') as [string, string];
  return `${volunteersText(lang).days![day]} ${volunteersText(lang).parts![part]}`;
};
export const seededSkillName = (key: string, lang: Language) => volunteersText(lang).skills![key] ?? key.replaceAll('_', ' ');
export const booleanLabel = (b: boolean, lang: Language) => (lang === 'fr' ? (b ? 'Oui' : 'Non') : b ? 'Yes' : 'No');

/** A lookup from any spelling (key, French or English label; case and accents ignored) to the key. */
function lookup<K extends string>(keys: readonly K[], label: (k: K, lang: Language) => string, extra: Record<string, K> = {}) {
  const map = new Map<string, K>();
  for (const k of keys) {
    map.set(headerKey(k), k);
    for (const lang of ['fr', 'en'] as const) map.set(headerKey(label(k, lang)), k);
  }
  for (const [word, k] of Object.entries(extra)) map.set(headerKey(word), k);
  return (text: string): K | null => map.get(headerKey(text)) ?? null;
}

export const readStatus = lookup(STATUSES, statusLabel, {
  actif: 'active', active: 'active', inactive: 'left', inactif: 'left', ancien: 'left', ancienne: 'left', former: 'left', pause: 'paused', paused: 'paused',
});
export const readRole = lookup(ROLES, roleLabel, { benevole: 'volunteer', bureau: 'board', animatrice: 'facilitator', referente: 'supervisor' });
export const readFormat = lookup(FORMATS, formatLabel, { presentiel: 'in_person', distance: 'remote', both: 'both' });
export const readConsentBasis = lookup(CONSENT_BASES, consentBasisLabel);
const SLOT_KEYS = DAYS.flatMap((d) => DAY_PARTS.map((p) => `${d}.${p}` as Slot));
export const readSlot = lookup(SLOT_KEYS, slotLabel);

/** Our own export's headers, in both languages, to recognise a Relais file. */
export const RELAIS_HEADERS = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((f) => (['fr', 'en'] as const).map((lang) => [headerKey(columnHeader(f, lang)), f] as const)),
);

/**
 * Headers other files use for each field (compared as `headerKey`: no case, accents, spaces or
 * punctuation). French first: that is what associations' files mostly hold.
 */
const SYNONYMS: Partial<Record<ImportField, string[]>> = {
  fullName: ['nom et prénom', 'nom & prénom', 'nom prénom', 'prénom nom', 'nom complet', 'identité', 'full name', 'name'],
  firstName: ['prénom', 'prenom', 'first name', 'firstname', 'given name', 'forename'],
  lastName: ['nom', 'nom de famille', 'last name', 'lastname', 'surname', 'family name'],
  email: ['e-mail', 'email', 'mail', 'courriel', 'adresse e-mail', 'adresse email', 'adresse mail', 'adresse électronique', 'email address'],
  phone: ['téléphone', 'tel', 'tél', 'portable', 'mobile', 'gsm', 'numéro de téléphone', 'téléphone portable', 'téléphone fixe', 'phone', 'phone number', 'telephone'],
  addressLine: ['adresse', 'adresse postale', 'rue', 'address', 'street address', 'street', 'adresse ligne 1', 'adresse ligne 2', 'complément d’adresse'],
  postalCode: ['code postal', 'cp', 'postal code', 'postcode', 'zip', 'zip code'],
  city: ['ville', 'commune', 'localité', 'city', 'town'],
  country: ['pays', 'country'],
  birthYear: ['année de naissance', 'year of birth', 'birth year'],
  birthDate: ['date de naissance', 'date de naissance complète', 'naissance', 'date of birth', 'birth date', 'birthdate', 'dob'],
  joinedOn: ['date d’inscription', 'date inscription', 'date d’adhésion', 'date adhésion', 'date d’arrivée', 'membre depuis', 'joined on', 'joined', 'member since', 'start date'],
  status: ['statut', 'status'],
  statusReason: ['motif', 'reason'],
  roles: ['rôles', 'rôle', 'roles', 'role'],
  skills: ['compétences', 'skills'],
  interests: ['centres d’intérêt', 'intérêts', 'interests'],
  languages: ['langues', 'langues parlées', 'languages', 'languages spoken'],
  availability: ['disponibilités', 'availability'],
  notes: ['notes', 'remarques', 'commentaire', 'commentaires', 'observations', 'comments'],
  photoConsent: ['droit à l’image', 'accord photos', 'photo consent'],
};

export const GENERIC_HEADERS = new Map<string, ImportField>(
  Object.entries(SYNONYMS).flatMap(([field, words]) => words.map((w) => [headerKey(w), field as ImportField] as const)),
);

import type { CustomField, ImportField, ImportPreset, ImportTarget } from '../../../shared/api';
import { headerKey } from './cells';
import { GENERIC_HEADERS, RELAIS_HEADERS } from './vocabulary';

/**
 * Ready mappings for the member exports associations bring with them. Headers are compared as
 * `headerKey` (no case, accents, spaces or punctuation), so « Date d'inscription » and
 * « Date d’inscription » are the same column.
 *
 * - Paheko (ex-Garradin): field labels of its default member form (`users_fields_presets.ini`):
 *   a single « Nom & prénom » field, « Adresse E-Mail », « Numéro de téléphone », « Adresse postale »,
 *   « Code postal », « Ville », « Pays », « Date d'inscription », « Année de naissance »; older
 *   versions and the field names themselves (`nom`, `email`, `code_postal`, …) too.
 * - Galette: the `galette_adherents` columns its table export writes as headers (`nom_adh`,
 *   `prenom_adh`, …; `;`, every cell quoted). `ddn_adh` keeps only the year of birth.
 * - HelloAsso: the membership campaign export (`;`, UTF-8 with BOM): « Nom adhérent »,
 *   « Prénom adhérent », « Email payeur », « Date de la commande », the address columns.
 */
type Table = Record<string, ImportField | null>;

const table = (entries: Record<string, ImportField | null>): Map<string, ImportField | null> =>
  new Map(Object.entries(entries).map(([h, f]) => [headerKey(h), f]));

const PAHEKO = table({
  'Nom & prénom': 'fullName',
  nom: 'fullName',
  'Numéro de membre': null,
  numero: null,
  'Adresse E-Mail': 'email',
  email: 'email',
  'Numéro de téléphone': 'phone',
  'Téléphone': 'phone',
  telephone: 'phone',
  'Adresse postale': 'addressLine',
  Adresse: 'addressLine',
  'Code postal': 'postalCode',
  code_postal: 'postalCode',
  Ville: 'city',
  Pays: 'country',
  "Date d'inscription": 'joinedOn',
  date_inscription: 'joinedOn',
  'Année de naissance': 'birthYear',
  annee_naissance: 'birthYear',
  'Date de naissance': 'birthDate',
  'Date de naissance complète': 'birthDate',
  date_naissance: 'birthDate',
  'Mot de passe': null,
  password: null,
  passe: null,
} satisfies Table);

const GALETTE = table({
  id_adh: null,
  nom_adh: 'lastName',
  prenom_adh: 'firstName',
  email_adh: 'email',
  tel_adh: 'phone',
  gsm_adh: 'phone',
  adresse_adh: 'addressLine',
  adresse2_adh: 'addressLine',
  cp_adh: 'postalCode',
  ville_adh: 'city',
  pays_adh: 'country',
  date_crea_adh: 'joinedOn',
  ddn_adh: 'birthDate',
  mdp_adh: null,
  login_adh: null,
} satisfies Table);

const HELLOASSO = table({
  'Nom adhérent': 'lastName',
  'Prénom adhérent': 'firstName',
  'Email payeur': 'email',
  Email: 'email',
  'Date de la commande': 'joinedOn',
  Date: 'joinedOn',
  Adresse: 'addressLine',
  'Code Postal': 'postalCode',
  Ville: 'city',
  Pays: 'country',
  'Numéro de téléphone': 'phone',
  'Téléphone': 'phone',
  'Date de naissance': 'birthDate',
  // The payer may be a parent paying for a child: their name is not the member's.
  'Nom payeur': null,
  'Prénom payeur': null,
} satisfies Table);

const TABLES: Record<Exclude<ImportPreset, 'generic' | 'relais'>, Map<string, ImportField | null>> = {
  paheko: PAHEKO,
  galette: GALETTE,
  helloasso: HELLOASSO,
};

/** Headers that identify each tool's file (a generic « Ville » says nothing). */
const SIGNATURES: Record<Exclude<ImportPreset, 'generic' | 'relais'>, { keys: string[]; min: number }> = {
  paheko: { keys: ['Nom & prénom', 'Numéro de membre', 'Adresse E-Mail', "Date d'inscription", 'Adresse postale'].map(headerKey), min: 2 },
  galette: { keys: ['id_adh', 'nom_adh', 'prenom_adh', 'email_adh', 'cp_adh', 'ville_adh', 'date_crea_adh'].map(headerKey), min: 2 },
  helloasso: { keys: ['Nom adhérent', 'Prénom adhérent', 'Email payeur', 'Date de la commande', 'Référence commande', 'Montant tarif'].map(headerKey), min: 2 },
};

export function detectPreset(headers: readonly string[]): ImportPreset {
  const keys = new Set(headers.map(headerKey));
  if ([...keys].filter((k) => RELAIS_HEADERS.has(k)).length >= 6 && (keys.has(headerKey('Joined on')) || keys.has(headerKey('Date d’arrivée')))) {
    return 'relais';
  }
  let best: ImportPreset = 'generic';
  let bestScore = 0;
  for (const [preset, sig] of Object.entries(SIGNATURES) as [keyof typeof SIGNATURES, (typeof SIGNATURES)[keyof typeof SIGNATURES]][]) {
    const score = sig.keys.filter((k) => keys.has(k)).length;
    if (score >= sig.min && score > bestScore) {
      best = preset;
      bestScore = score;
    }
  }
  return best;
}

/** Fields a file may fill from several columns (the first non-empty one wins, or they are joined). */
const MULTI: ReadonlySet<ImportField> = new Set(['phone', 'email', 'addressLine', 'notes', 'joinedOn']);

/**
 * The suggested column → field mapping for a preset: the preset's own headers first, then the
 * usual names in French and English, then the association's own fields by label. Each field is
 * suggested once (except the few that several columns may fill).
 */
export function suggestMapping(headers: readonly string[], preset: ImportPreset, customFields: readonly CustomField[]): (ImportTarget | null)[] {
  const used = new Set<string>();
  const usable = customFields.filter((f) => !f.archived);
  const own = preset === 'relais' ? RELAIS_HEADERS : preset === 'generic' ? null : TABLES[preset];
  return headers.map((header) => {
    const key = headerKey(header);
    const candidates: (ImportTarget | null | undefined)[] = [];
    if (key && own?.has(key)) candidates.push(own.get(key));
    // A tool's table says which of its columns to leave out (passwords, member numbers).
    if (!(key && own?.has(key) && own.get(key) === null)) {
      if (key && preset !== 'relais') candidates.push(GENERIC_HEADERS.get(key));
      // The association's own fields: the label as written first, then folded.
      for (const f of usable) if (f.label.trim() === header.trim()) candidates.push(`custom:${f.id}`);
      for (const f of usable) if (key && headerKey(f.label) === key) candidates.push(`custom:${f.id}`);
      if (key && preset === 'relais') candidates.push(GENERIC_HEADERS.get(key));
    }
    for (const c of candidates) {
      if (!c) continue;
      // Our own export has each field once: a second « Email » there is one of the association's fields.
      if (used.has(c) && (preset === 'relais' || !MULTI.has(c as ImportField))) continue;
      used.add(c);
      return c;
    }
    return null;
  });
}

import { z } from 'zod';
import { method } from './define';
import { LIMITS, id, optionalText, requiredText } from './fields';

export const LANGUAGES = ['fr', 'en'] as const;
export const language = z.enum(LANGUAGES);
export type Language = z.infer<typeof language>;

/** A logo is stored as a data URL; only raster formats (an SVG can carry scripts). */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const logoDataUrl = z
  .string()
  .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 64, { error: 'v:logoTooBig' })
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, { error: 'v:logoFormat' });

export const associationInput = z.strictObject({
  name: requiredText(LIMITS.short),
  addressLine: optionalText(LIMITS.short),
  postalCode: optionalText(20),
  city: optionalText(LIMITS.name),
  // RNA: "W" + 9 digits (associations created since 2010) or the older "<dept>/<number>" forms.
  rna: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z.string().trim().toUpperCase().regex(/^W\d{9}$/, { error: 'v:rna' }).nullable(),
  ).default(null),
  siret: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/\s+/g, '') || null : v),
    z.string().regex(/^\d{14}$/, { error: 'v:siret' }).nullable(),
  ).default(null),
  logo: logoDataUrl.nullable().default(null),
  signatoryName: optionalText(LIMITS.name),
  signatoryTitle: optionalText(LIMITS.name),
});
export type AssociationInput = z.input<typeof associationInput>;

export const association = z.object({
  name: z.string(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  rna: z.string().nullable(),
  siret: z.string().nullable(),
  logo: z.string().nullable(),
  signatoryName: z.string().nullable(),
  signatoryTitle: z.string().nullable(),
});
export type Association = z.infer<typeof association>;

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'boolean', 'choice'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const customField = z.object({
  id,
  label: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  options: z.array(z.string()),
  position: z.number().int(),
  archived: z.boolean(),
});
export type CustomField = z.infer<typeof customField>;

export const customFieldInput = z
  .strictObject({
    id: id.optional(),
    label: requiredText(LIMITS.name),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z
      .array(z.string().trim().min(1, { error: 'v:required' }).max(LIMITS.name, { error: 'v:tooLong' }))
      .max(50, { error: 'v:tooMany' })
      .transform((xs) => [...new Set(xs)])
      .default([]),
  })
  .refine((f) => f.type !== 'choice' || f.options.length > 0, { error: 'v:choiceNeedsOptions', path: ['options'] });

export const appMode = z.enum(['real', 'demo']);

/**
 * The weekly hour cap (a guard against burnout): staffing warns when a shift takes someone past it.
 * Default 10 hours: well above the two to four hours a week most associations ask of a regular
 * volunteer (a listening line's usual commitment), so it stays quiet for normal rotas, yet it
 * catches the same few people drifting into a part-time job's load. null: no cap.
 */
export const DEFAULT_WEEKLY_HOUR_CAP = 10;
export const MAX_WEEKLY_HOUR_CAP = 80;
export const weeklyHourCap = z
  .number({ error: 'v:weeklyHourCap' })
  .int({ error: 'v:weeklyHourCap' })
  .min(1, { error: 'v:weeklyHourCap' })
  .max(MAX_WEEKLY_HOUR_CAP, { error: 'v:weeklyHourCap' })
  .nullable();

/**
 * The association's time zone (an IANA name such as Europe/Paris): new events are planned in it.
 * Core checks the name is a zone it knows (Temporal's data) and keeps its canonical spelling.
 */
export const timeZoneSetting = requiredText(64);

export const settingsView = z.object({
  /** null until the first run has picked one. */
  language: language.nullable(),
  association: association.nullable(),
  customFields: z.array(customField),
  mode: appMode,
  dataDir: z.string(),
  /** Hours per week before staffing warns (null: no cap). */
  weeklyHourCap,
  /** The zone new events are planned in: the one chosen in Settings, else this computer's. */
  timeZone: z.string(),
});
export type SettingsView = z.infer<typeof settingsView>;

export const settingsMethods = {
  'settings.get': method(z.undefined().optional(), settingsView),
  'settings.setLanguage': method(z.strictObject({ language }), settingsView),
  'settings.saveAssociation': method(associationInput, settingsView),
  'settings.saveCustomField': method(customFieldInput, customField),
  'settings.archiveCustomField': method(z.strictObject({ id, archived: z.boolean() }), customField),
  'settings.setWeeklyHourCap': method(z.strictObject({ hours: weeklyHourCap }), settingsView),
  /** Events already planned keep the zone they were planned in. */
  'settings.setTimeZone': method(z.strictObject({ timeZone: timeZoneSetting }), settingsView),
  /** Opens the separate sample database (regenerated each time); the real one is not touched. */
  'settings.openDemo': method(z.undefined().optional(), settingsView),
  'settings.closeDemo': method(z.undefined().optional(), settingsView),
};

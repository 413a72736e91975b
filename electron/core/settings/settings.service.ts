import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import { DEFAULT_WEEKLY_HOUR_CAP } from '../../../shared/api';
import type { Association, AssociationInput, CustomField, Language, SettingsView, associationInput, customFieldInput } from '../../../shared/api';
import { RelaisFailure } from '../../../shared/errors';
import { nowIso } from '../clock';
import type { Context, Store } from '../context';
import type { Sqlite } from '../db/connection';
import { defaultTimeZone, isTimeZone } from '../events/time';
import { loadCustomFields } from '../volunteers/volunteers.repository';

export type { AssociationInput };

async function readSetting(store: Store, key: string): Promise<unknown> {
  const row = await store.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export async function writeSetting(store: Store, key: string, value: unknown): Promise<void> {
  await store.db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
    .execute();
}

export async function getSettings(ctx: Context): Promise<SettingsView> {
  // The language is the person's choice for the app, so it lives in the real database even in demo mode.
  const language = (await readSetting(ctx.session.real, 'language')) as Language | undefined;
  const association = await ctx.db.selectFrom('association').selectAll().where('id', '=', 1).executeTakeFirst();
  let view: Association | null = null;
  if (association) {
    const { id: _id, updatedAt: _u, ...rest } = association;
    view = rest;
  }
  return {
    language: language ?? null,
    association: view,
    customFields: await loadCustomFields(ctx.db),
    mode: ctx.session.mode,
    dataDir: ctx.session.dataDir,
    weeklyHourCap: weeklyHourCap(ctx.sqlite),
    timeZone: defaultTimeZone(ctx.sqlite),
  };
}

/** The weekly hour cap of this database (the association's rule, so the demo has its own). Sync: staffing reads it inside its checks. */
export function weeklyHourCap(sqlite: Sqlite): number | null {
  const row = sqlite.prepare("SELECT value FROM settings WHERE key = 'weeklyHourCap'").get() as { value: string } | undefined;
  if (!row) return DEFAULT_WEEKLY_HOUR_CAP;
  const value = JSON.parse(row.value) as unknown;
  return typeof value === 'number' ? value : null;
}

export async function setWeeklyHourCap(ctx: Context, hours: number | null): Promise<SettingsView> {
  await writeSetting(ctx, 'weeklyHourCap', hours);
  return getSettings(ctx);
}

/**
 * The zone new events are planned in (the association's rule, so the demo has its own). Only a
 * named zone is kept, in its canonical spelling (« europe/paris » → Europe/Paris): a bare offset
 * such as +01:00 would not follow daylight saving.
 */
export async function setTimeZone(ctx: Context, requested: string): Promise<SettingsView> {
  const zone = isTimeZone(requested) ? Temporal.Now.zonedDateTimeISO(requested).timeZoneId : null;
  if (!zone || /^[+-]/.test(zone)) throw new RelaisFailure('VALIDATION', { issues: [{ path: ['timeZone'], key: 'planning.timeZone' }] });
  await writeSetting(ctx, 'timeZone', zone);
  return getSettings(ctx);
}

export async function setLanguage(ctx: Context, language: Language): Promise<SettingsView> {
  await writeSetting(ctx.session.real, 'language', language);
  return getSettings(ctx);
}

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  png: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  webp: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

/** The data URL must hold the image it claims to be (it ends up in printed documents). */
function checkLogo(logo: string | null): void {
  if (!logo) return;
  const match = /^data:image\/(png|jpeg|webp);base64,(.*)$/.exec(logo);
  const bytes = match ? Buffer.from(match[2]!, 'base64') : Buffer.alloc(0);
  if (!match || !MAGIC[match[1]!]!(bytes)) throw new RelaisFailure('VALIDATION', { issues: [{ path: ['logo'], key: 'logoFormat' }] });
}

export async function saveAssociation(ctx: Context, input: z.output<typeof associationInput>): Promise<SettingsView> {
  checkLogo(input.logo);
  const row = { ...input, updatedAt: nowIso() };
  await ctx.db
    .insertInto('association')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
  return getSettings(ctx);
}

export async function saveCustomField(ctx: Context, input: z.output<typeof customFieldInput>): Promise<CustomField> {
  const options = JSON.stringify(input.type === 'choice' ? input.options : []);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (input.id === undefined) {
      const { max } = await trx.selectFrom('customFields').select((eb) => eb.fn.max<number | null>('position').as('max')).executeTakeFirstOrThrow();
      const row = await trx
        .insertInto('customFields')
        .values({ label: input.label, type: input.type, options, position: (max ?? 0) + 1, archived: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }
    const existing = await trx.selectFrom('customFields').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!existing) throw new RelaisFailure('NOT_FOUND', { id: input.id });
    if (existing.type !== input.type) {
      // Stored values were checked against the old type; changing it would leave them meaningless.
      const used = await trx.selectFrom('volunteerCustomValues').select('fieldId').where('fieldId', '=', input.id).limit(1).executeTakeFirst();
      if (used) throw new RelaisFailure('VALIDATION', { issues: [{ path: ['type'], key: 'typeLocked' }] });
    }
    await trx.updateTable('customFields').set({ label: input.label, type: input.type, options }).where('id', '=', input.id).execute();
    return input.id;
  });
  return (await loadCustomFields(ctx.db)).find((f) => f.id === id)!;
}

export async function setCustomFieldArchived(ctx: Context, id: number, archived: boolean): Promise<CustomField> {
  const result = await ctx.db.updateTable('customFields').set({ archived: archived ? 1 : 0 }).where('id', '=', id).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new RelaisFailure('NOT_FOUND', { id });
  return (await loadCustomFields(ctx.db)).find((f) => f.id === id)!;
}

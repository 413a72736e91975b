import type { DomainHandlers } from '../handlers';
import * as service from './settings.service';

export const settingsHandlers: DomainHandlers<'settings'> = {
  'settings.get': (_input, ctx) => service.getSettings(ctx),
  'settings.setLanguage': ({ language }, ctx) => service.setLanguage(ctx, language),
  'settings.saveAssociation': (input, ctx) => service.saveAssociation(ctx, input),
  'settings.saveCustomField': (input, ctx) => service.saveCustomField(ctx, input),
  'settings.archiveCustomField': ({ id, archived }, ctx) => service.setCustomFieldArchived(ctx, id, archived),
  'settings.setWeeklyHourCap': ({ hours }, ctx) => service.setWeeklyHourCap(ctx, hours),
  'settings.setTimeZone': ({ timeZone }, ctx) => service.setTimeZone(ctx, timeZone),
  'settings.openDemo': async (_input, ctx) => {
    await ctx.session.openDemo();
    return service.getSettings({ ...ctx, ...ctx.session.active });
  },
  'settings.closeDemo': async (_input, ctx) => {
    await ctx.session.closeDemo();
    return service.getSettings({ ...ctx, ...ctx.session.active });
  },
};

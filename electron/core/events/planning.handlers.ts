import type { planningMethods } from '../../../shared/api/events/planning';
import type { HandlersFor } from '../handlers';
import * as calendar from './calendar';
import * as planning from './planning.service';
import * as programmes from './programmes';
import * as series from './series.service';

export const planningHandlers: HandlersFor<typeof planningMethods> = {
  'events.create': (input, ctx) => planning.createEvent(ctx, input),
  'events.get': ({ id }, ctx) => planning.getEvent(ctx, id),
  'events.update': ({ id, data }, ctx) => planning.updateEvent(ctx, id, data),
  'events.cancel': ({ id }, ctx) => planning.cancelEvent(ctx, id),
  'events.restore': ({ id }, ctx) => planning.restoreEvent(ctx, id),
  'events.createSeries': (input, ctx) => series.createSeries(ctx, input),
  'events.previewSeries': (input, ctx) => series.previewSeries(ctx, input),
  'events.getSeries': ({ id }, ctx) => series.getSeries(ctx, id),
  'events.updateSeries': (input, ctx) => series.updateSeries(ctx, input),
  'events.calendar': (input, ctx) => calendar.calendar(ctx, input),
  'events.upcoming': (input, ctx) => calendar.upcoming(ctx, input),
  'events.volunteerSchedule': (input, ctx) => calendar.volunteerSchedule(ctx, input),
  'events.listProgrammes': ({ includeArchived }, ctx) => programmes.listProgrammes(ctx, includeArchived),
  'events.createProgramme': ({ name }, ctx) => programmes.createProgramme(ctx, name),
  'events.renameProgramme': ({ id, name }, ctx) => programmes.renameProgramme(ctx, id, name),
  'events.archiveProgramme': ({ id, archived }, ctx) => programmes.archiveProgramme(ctx, id, archived),
};

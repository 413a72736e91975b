import type { staffingMethods } from '../../../shared/api/events/staffing';
import type { HandlersFor } from '../handlers';
import * as service from './staffing.service';
import { suggest } from './suggestions';

export const staffingHandlers: HandlersFor<typeof staffingMethods> = {
  'events.staffing': ({ eventId }, ctx) => service.staffing(ctx, eventId),
  'events.addRole': ({ eventId, role }, ctx) => service.addRole(ctx, eventId, role),
  'events.updateRole': ({ roleId, role }, ctx) => service.updateRole(ctx, roleId, role),
  'events.removeRole': ({ roleId, unassign }, ctx) => service.removeRole(ctx, roleId, unassign),
  'events.assign': ({ roleId, volunteerId }, ctx) => service.assign(ctx, roleId, volunteerId),
  'events.unassign': ({ assignmentId }, ctx) => service.unassign(ctx, assignmentId),
  'events.suggest': ({ roleId, limit }, ctx) => suggest(ctx.sqlite, roleId, limit),
  'events.unfilledRoles': (input, ctx) => service.unfilledRoles(ctx, input),
};

import type { DomainHandlers } from '../handlers';
import * as service from './volunteers.service';

export const volunteersHandlers: DomainHandlers<'volunteers'> = {
  'volunteers.list': (input, ctx) => service.listVolunteers(ctx, input),
  'volunteers.get': ({ id }, ctx) => service.getVolunteer(ctx, id),
  'volunteers.create': (input, ctx) => service.createVolunteer(ctx, input),
  'volunteers.update': ({ id, data }, ctx) => service.updateVolunteer(ctx, id, data),
  'volunteers.archive': ({ id }, ctx) => service.setArchived(ctx, id, true),
  'volunteers.unarchive': ({ id }, ctx) => service.setArchived(ctx, id, false),
  'volunteers.findDuplicates': (input, ctx) => service.findDuplicates(ctx, input),
  'volunteers.listSkills': ({ includeArchived }, ctx) => service.listSkills(ctx, includeArchived),
  'volunteers.saveSkill': (input, ctx) => service.saveSkill(ctx, input),
  'volunteers.archiveSkill': ({ id, archived }, ctx) => service.setSkillArchived(ctx, id, archived),
};

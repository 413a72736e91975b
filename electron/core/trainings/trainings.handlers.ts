import type { DomainHandlers } from '../handlers';
import { listTrainings, saveTraining, setTrainingArchived } from './catalogue.service';
import { addQualification, deleteQualification, expiredQualifications, expiringQualifications, updateQualification, volunteerTrainings } from './qualifications.service';
import { completeSession, createSession, deleteSession, getSession, listSessions, reopenSession, updateSession } from './sessions.service';

export const trainingsHandlers: DomainHandlers<'trainings'> = {
  'trainings.list': ({ includeArchived }, ctx) => listTrainings(ctx, includeArchived),
  'trainings.save': (input, ctx) => saveTraining(ctx, input),
  'trainings.archive': ({ id, archived }, ctx) => setTrainingArchived(ctx, id, archived),
  'trainings.listSessions': (input, ctx) => listSessions(ctx, input),
  'trainings.getSession': ({ eventId }, ctx) => getSession(ctx.sqlite, eventId),
  'trainings.createSession': (input, ctx) => createSession(ctx, input),
  'trainings.updateSession': ({ eventId, data }, ctx) => updateSession(ctx, eventId, data),
  'trainings.deleteSession': ({ eventId }, ctx) => deleteSession(ctx, eventId),
  'trainings.completeSession': (input, ctx) => completeSession(ctx, input),
  'trainings.reopenSession': ({ eventId }, ctx) => reopenSession(ctx, eventId),
  'trainings.forVolunteer': ({ volunteerId, onDate }, ctx) => volunteerTrainings(ctx.sqlite, volunteerId, onDate),
  'trainings.expiring': (input, ctx) => expiringQualifications(ctx.sqlite, input),
  'trainings.expired': (input, ctx) => expiredQualifications(ctx.sqlite, input),
  'trainings.addQualification': (input, ctx) => addQualification(ctx, input),
  'trainings.updateQualification': ({ id, data }, ctx) => updateQualification(ctx, id, data),
  'trainings.deleteQualification': ({ id }, ctx) => deleteQualification(ctx, id),
};

import type { attendanceMethods } from '../../../shared/api/events/attendance';
import type { HandlersFor } from '../handlers';
import { addWalkIn, attendanceView, markAttendance, setParticipants } from './attendance.service';
import { getDebrief, saveDebrief, seriesDebrief } from './debrief.service';

export const attendanceHandlers: HandlersFor<typeof attendanceMethods> = {
  'events.attendance': ({ eventId }, ctx) => attendanceView(ctx.sqlite, eventId),
  'events.markAttendance': ({ eventId, marks }, ctx) => markAttendance(ctx, eventId, marks),
  'events.addWalkIn': ({ eventId, volunteerId }, ctx) => addWalkIn(ctx, eventId, volunteerId),
  'events.setParticipants': ({ eventId, participantCount }, ctx) => setParticipants(ctx, eventId, participantCount),
  'events.debrief': ({ eventId }, ctx) => getDebrief(ctx, eventId),
  'events.saveDebrief': (input, ctx) => saveDebrief(ctx, input),
  'events.seriesDebrief': ({ seriesId }, ctx) => seriesDebrief(ctx.sqlite, seriesId),
};

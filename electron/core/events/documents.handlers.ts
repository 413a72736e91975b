import type { documentsMethods } from '../../../shared/api/events/documents';
import type { HandlersFor } from '../handlers';
import { printAttendanceSheet } from './attendance-sheet';
import { exportSeriesIcs, exportVolunteerIcs } from './ical';

export const documentsHandlers: HandlersFor<typeof documentsMethods> = {
  'events.printAttendanceSheet': (input, ctx) => printAttendanceSheet(ctx, input.eventId, input.language),
  'events.exportSeriesIcs': (input, ctx) => exportSeriesIcs(ctx, input.seriesId),
  'events.exportVolunteerIcs': (input, ctx) => exportVolunteerIcs(ctx, input.volunteerId, input.from),
};

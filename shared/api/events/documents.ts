import { z } from 'zod';
import { method, type MethodSpec } from '../define';
import { id, isoDate } from '../fields';
import { language } from '../settings';

/** What the save dialog did: `saved: false` means the person closed it and nothing was written. */
export const savedDocument = z.object({
  saved: z.boolean(),
  file: z.string().nullable(),
});
export type SavedDocument = z.infer<typeof savedDocument>;

export const savedCalendar = savedDocument.extend({
  /** How many events the file holds (cancelled ones included, marked as such). */
  events: z.number().int().min(0),
});
export type SavedCalendar = z.infer<typeof savedCalendar>;

export const printAttendanceSheetInput = z.strictObject({
  eventId: id,
  /** The document's language, chosen for the sheet: not necessarily the app's. */
  language,
});

export const exportSeriesIcsInput = z.strictObject({ seriesId: id });

export const exportVolunteerIcsInput = z.strictObject({
  volunteerId: id,
  /** First day of the schedule (default: today). */
  from: isoDate.optional(),
});

/** What leaves the app about events: the attendance sheet (PDF) and calendar files (iCal). */
export const documentsMethods = {
  'events.printAttendanceSheet': method(printAttendanceSheetInput, savedDocument),
  'events.exportSeriesIcs': method(exportSeriesIcsInput, savedCalendar),
  'events.exportVolunteerIcs': method(exportVolunteerIcsInput, savedCalendar),
} satisfies Record<string, MethodSpec>;

/** Mounted by the event page; filled in by its own feature work. */
export function AttendancePanel(_props: { eventId: number }) {
  return null;
}

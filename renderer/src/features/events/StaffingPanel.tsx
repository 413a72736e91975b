/** Mounted by the event page; filled in by its own feature work. */
export function StaffingPanel(_props: { eventId: number }) {
  return null;
}

/** A volunteer's schedule and hours on their record; filled in by the events and hours work. */
export function VolunteerActivity(_props: { volunteerId: number }) {
  return null;
}

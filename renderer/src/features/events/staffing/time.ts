/**
 * A role's window is stored in minutes from the event's start; people read and type it as the
 * event's own wall-clock times ("18:30"). Offsets are plain minutes: an event lasts at most a day.
 */

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock time `offset` minutes after the event's local start (`YYYY-MM-DDTHH:MM`). */
export function timeAt(startLocal: string, offset: number): string {
  const total = (minutesOf(startLocal.slice(11, 16)) + offset) % (24 * 60);
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/**
 * Minutes from the event's start to a typed time. A time before the start is the next day's only
 * for an event that runs past midnight; otherwise it stays before the start (and core says so).
 * Null when not a time.
 */
export function offsetOf(startLocal: string, endLocal: string, hhmm: string): number | null {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm)) return null;
  const diff = minutesOf(hhmm) - minutesOf(startLocal.slice(11, 16));
  const overnight = endLocal.slice(0, 10) > startLocal.slice(0, 10);
  return diff < 0 && overnight ? diff + 24 * 60 : diff;
}

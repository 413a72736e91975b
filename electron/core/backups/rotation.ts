/**
 * Which automatic backups to keep: the newest of each of the last 7 days that have one, of the last
 * 4 ISO weeks and of the last 12 months (like restic's `forget --keep-daily 7 --keep-weekly 4
 * --keep-monthly 12`). Periods are counted in UTC so the answer does not depend on the machine.
 * The newest backup is always kept.
 */
export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

export interface Dated {
  name: string;
  at: Date;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const month = (d: Date) => d.toISOString().slice(0, 7);

/** ISO-8601 week, e.g. `2026-W47` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function backupsToKeep(items: readonly Dated[], policy: RotationPolicy = DEFAULT_ROTATION): Set<string> {
  const newestFirst = [...items].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  if (newestFirst[0]) keep.add(newestFirst[0].name);
  const bucket = (count: number, period: (d: Date) => string) => {
    const seen = new Set<string>();
    for (const item of newestFirst) {
      if (seen.size >= count) break;
      const p = period(item.at);
      if (seen.has(p)) continue;
      seen.add(p);
      keep.add(item.name);
    }
  };
  bucket(policy.daily, day);
  bucket(policy.weekly, isoWeek);
  bucket(policy.monthly, month);
  return keep;
}

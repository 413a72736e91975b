import { Anchor, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../volunteers/labels';
import { longDay, monthGrid, today, weekdayNames } from './dates';
import { EventChip } from './EventChip';
import type { CalendarRow } from './queries';
import classes from './calendar.module.css';

/** Events shown in a day cell before "+ n more" (the week view lists them all). */
export const PER_DAY = 3;

export function groupByDay(events: readonly CalendarRow[]): Map<string, CalendarRow[]> {
  const out = new Map<string, CalendarRow[]>();
  for (const e of events) {
    const day = e.start.slice(0, 10);
    const list = out.get(day);
    if (list) list.push(e);
    else out.set(day, [e]);
  }
  return out;
}

/** Six weeks around a month, Monday first; each day lists its events by start time. */
export function MonthView({
  date,
  events,
  dayTotals,
  onShowWeek,
}: {
  date: string;
  /** The first PER_DAY events of each day. */
  events: readonly CalendarRow[];
  /** How many events each day has in all. */
  dayTotals: Record<string, number>;
  onShowWeek: (day: string) => void;
}) {
  const { t } = useTranslation('events');
  const lang = useLang();
  const days = monthGrid(date);
  const byDay = groupByDay(events);
  const month = date.slice(0, 7);
  const now = today();
  const names = weekdayNames(lang);
  const shortNames = weekdayNames(lang, 'short');
  return (
    <table className={classes.table} data-testid="month-view">
      <caption>
        <VisuallyHidden>{t('calendar.monthCaption')}</VisuallyHidden>
      </caption>
      <thead>
        <tr>
          {names.map((n, i) => (
            <th key={n} scope="col" abbr={n}>
              {shortNames[i]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: 6 }, (_, week) => (
          <tr key={week}>
            {days.slice(week * 7, week * 7 + 7).map((day) => {
              const list = byDay.get(day) ?? [];
              const more = (dayTotals[day] ?? list.length) - Math.min(list.length, PER_DAY);
              const outside = day.slice(0, 7) !== month;
              return (
                <td key={day} className={classes.cell} data-outside={outside || undefined} data-today={day === now || undefined} data-day={day}>
                  <Text component="span" className={classes.dayNumber} aria-label={longDay(day, lang)}>
                    {Number(day.slice(8, 10))}
                  </Text>
                  {list.slice(0, PER_DAY).map((e) => (
                    <EventChip key={e.id} event={e} compact />
                  ))}
                  {more > 0 ? (
                    <Anchor component="button" type="button" size="sm" mt={2} onClick={() => onShowWeek(day)}>
                      {t('calendar.more', { count: more })}
                    </Anchor>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import classes from './DateField.module.css';
import { IconCalendar } from './icons';

/** How dates are written and typed, in both languages: day, month, year (French and British order). */
export const DATE_FORMAT = 'DD/MM/YYYY';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as typed, into the contract's `YYYY-MM-DD`, or null while it is not a whole real date yet.
 * Accepts 21/11/2026, 21.11.2026, 21-11-2026, 21 11 2026, 1/2/2026, 21112026, and 2026-11-21 (pasted).
 * Any four-digit year passes: whether it is plausible is for the server to say, under the field.
 */
export function parseTypedDate(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (mo < 1 || mo > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${String(y).padStart(4, '0')}-${pad(mo)}-${pad(d)}`;
}

interface Props {
  label: string;
  /** `YYYY-MM-DD`, or '' for no date. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  withAsterisk?: boolean;
  description?: string;
  'data-path'?: string;
}

/**
 * A date field in the app's language: typed as day/month/year, or picked in a calendar whose month
 * and day names follow the language (see DatesLocale). Values stay `YYYY-MM-DD` strings.
 */
export function DateField({ label, value, onChange, error, withAsterisk, description, 'data-path': dataPath }: Props) {
  const { t } = useTranslation('common');
  return (
    <DateInput
      label={label}
      description={description}
      withAsterisk={withAsterisk}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      valueFormat={DATE_FORMAT}
      dateParser={parseTypedDate}
      placeholder={t('date.placeholder')}
      clearable
      clearButtonProps={{ 'aria-label': t('date.clear', { label }) }}
      leftSection={<IconCalendar size={18} />}
      error={error}
      data-path={dataPath}
      ariaLabels={{
        previousMonth: t('date.previousMonth'),
        nextMonth: t('date.nextMonth'),
        previousYear: t('date.previousYear'),
        nextYear: t('date.nextYear'),
        previousDecade: t('date.previousDecade'),
        nextDecade: t('date.nextDecade'),
        monthLevelControl: t('date.chooseMonth'),
        yearLevelControl: t('date.chooseYear'),
      }}
      // Only this month's days, today marked, weekends in a red dark enough to read.
      hideOutsideDates
      highlightToday
      classNames={{ day: classes.day }}
      popoverProps={{ withinPortal: true }}
      autoComplete="off"
    />
  );
}

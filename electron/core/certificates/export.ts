import type { Language } from '../../../shared/api';
import { resources } from '../../../shared/i18n';
import { todayIso } from '../clock';
import type { Context } from '../context';
import { writeCsv } from '../io/csv';
import { writeXlsx } from '../io/xlsx';
import { isoToUtcDate } from '../io/cells';
import { storedLanguage } from '../privacy/erasure';
import { PendingFiles } from './output';
import { listIssued, type RegistryFilter } from './registry';

const DATE_COLUMNS = new Set([1, 6, 7]);

const FILTERS = {
  csv: [{ nameKey: 'io.csvFiles', extensions: ['csv'] }],
  xlsx: [{ nameKey: 'io.xlsxFiles', extensions: ['xlsx'] }],
};

/** The registry as the list shows it (same search and filters), in the app's language. */
export async function exportRegistry(ctx: Context, filter: RegistryFilter, format: 'csv' | 'xlsx') {
  const lang: Language = storedLanguage(ctx.session.real.sqlite);
  const words = resources[lang].certificates;
  const c = words.export.columns;
  const { rows } = listIssued(ctx.sqlite, filter, null);
  const path = await ctx.platform.chooseSaveFile({
    titleKey: 'files.certificateRegistryTitle',
    defaultName: `${words.export.fileName}-${todayIso()}.${format}`,
    filters: FILTERS[format],
  });
  if (!path) return { status: 'cancelled' as const };
  const headers = [c.number, c.issuedOn, c.volunteer, c.template, c.language, c.milestone, c.periodFrom, c.periodTo, c.hours, c.signatory];
  const milestone = (m: string | null) => {
    if (!m) return null;
    const [kind, n] = m.split(':') as ['hours' | 'years', string];
    const labels = words.milestones as Record<string, string>;
    return (labels[`${kind}_${n === '1' ? 'one' : 'other'}`] ?? m).replace('{{count}}', n);
  };
  const cells = rows.map((r) => [
    r.number,
    r.issuedOn,
    r.volunteerName,
    words.templates[r.template],
    r.language.toUpperCase(),
    milestone(r.milestone),
    r.periodFrom,
    r.periodTo,
    r.minutes === null ? null : Math.round((r.minutes / 60) * 100) / 100,
    r.signatoryName,
  ]);
  const bytes =
    format === 'csv'
      ? await writeCsv([headers, ...cells])
      : (
          await writeXlsx([
            {
              name: words.export.sheet,
              headers,
              rows: cells.map((row) => row.map((v, i) => (DATE_COLUMNS.has(i) && typeof v === 'string' ? isoToUtcDate(v) : v))),
              dateColumns: DATE_COLUMNS,
            },
          ])
        ).buffer;
  const files = new PendingFiles();
  try {
    files.write(path, bytes);
    files.publish();
  } catch (error) {
    files.discard();
    throw error;
  }
  return { status: 'saved' as const, path };
}

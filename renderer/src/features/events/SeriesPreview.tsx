import { Alert, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api';
import { translateIssue } from '../../components/errors';
import { ApiError, call } from '../../lib/api';
import { useLang } from '../volunteers/labels';
import { clock, longDay } from './dates';
import { eventKeys } from './queries';

/**
 * What the rule being typed will make, before anything is saved: how many sessions, the first and
 * the last, and the sessions moved by a daylight-saving night. Problems show on the fields at save.
 */
export function SeriesPreview({ rule }: { rule: Input<'events.previewSeries'> }) {
  const { t } = useTranslation('events');
  const lang = useLang();
  const [debounced] = useDebouncedValue(rule, 300);
  const preview = useQuery({
    queryKey: eventKeys.preview(debounced),
    queryFn: () => call('events.previewSeries', debounced),
    retry: false,
    // The last answer stays while the next one comes: no flicker as the person types.
    placeholderData: keepPreviousData,
  });
  if (preview.isError) {
    const issue = preview.error instanceof ApiError ? preview.error.error.details?.issues?.[0] : undefined;
    return (
      <Alert color="gray" variant="light" data-testid="series-preview">
        {issue ? translateIssue(t, issue) : t('form.previewUnavailable')}
      </Alert>
    );
  }
  const data = preview.data;
  if (!data) return null;
  const first = data.occurrences[0];
  const last = data.occurrences.at(-1);
  return (
    <Alert color="teal" variant="light" data-testid="series-preview" aria-live="polite">
      <Text fw={600}>{t('form.previewCount', { count: data.occurrences.length })}</Text>
      {first && last ? (
        <Text size="sm">
          {t('form.previewRange', { first: `${longDay(first.start, lang)}, ${clock(first.start.slice(11, 16), lang)}`, last: longDay(last.start, lang) })}
        </Text>
      ) : null}
      {data.adjustments.length ? (
        <List size="sm" mt={4}>
          {data.adjustments.map((a) => (
            <List.Item key={`${a.position}-${a.field}`}>
              {t('adjustments.moved', { date: longDay(a.requested, lang), requested: clock(a.requested.slice(11, 16), lang), actual: clock(a.actual.slice(11, 16), lang) })}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}

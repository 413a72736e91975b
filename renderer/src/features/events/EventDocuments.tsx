import { Button, Group, Menu, Modal, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/api';
import { useNotify } from '../../components/notify';
import { call } from '../../lib/api';

/** The menu's "opens a list" mark (the text says what it is). */
const Chevron = () => (
  <svg width={14} height={14} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
    <path d="m6 9 6 6 6-6" />
  </svg>
);

/** The name of a saved file without its folder, for the notification. */
export const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * « Documents » on the event page: the attendance sheet to print (in the language chosen for the
 * paper, not necessarily the app's) and, for a session of a series, the series as a calendar file.
 */
export function EventDocuments({ eventId }: { eventId: number }) {
  const { t, i18n } = useTranslation('events');
  const { t: tc } = useTranslation('common');
  const notify = useNotify();
  // The event page's own query (same key): its status and series decide what the menu offers.
  const event = useQuery({ queryKey: ['events', 'detail', eventId], queryFn: () => call('events.get', { id: eventId }) });
  const [asking, setAsking] = useState(false);
  const [language, setLanguage] = useState<Language>(i18n.language === 'en' ? 'en' : 'fr');
  const sheet = useMutation({ mutationFn: (lang: Language) => call('events.printAttendanceSheet', { eventId, language: lang }) });
  const series = useMutation({ mutationFn: (seriesId: number) => call('events.exportSeriesIcs', { seriesId }) });

  const cancelled = event.data?.status === 'cancelled';
  const seriesId = event.data?.series?.id ?? null;

  const openSheet = () => {
    setLanguage(i18n.language === 'en' ? 'en' : 'fr');
    sheet.reset();
    setAsking(true);
  };
  const print = () =>
    sheet.mutate(language, {
      onSuccess: (r) => {
        setAsking(false);
        if (r.saved && r.file) notify.success(t('documents.sheetSaved', { name: fileName(r.file) }));
      },
      onError: notify.error,
    });
  const exportSeries = () => {
    if (seriesId === null) return;
    series.mutate(seriesId, {
      onSuccess: (r) => r.saved && r.file && notify.success(t('documents.calendarSaved', { name: fileName(r.file), count: r.events })),
      onError: notify.error,
    });
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal width={340}>
        <Menu.Target>
          <Button variant="default" loading={series.isPending} disabled={!event.data} rightSection={<Chevron />}>
            {t('documents.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown aria-label={t('documents.menuLabel')}>
          <Menu.Item onClick={openSheet} disabled={cancelled}>
            <Text size="sm" fw={500}>
              {t('documents.printSheet')}
            </Text>
            <Text size="xs" c={cancelled ? 'red.8' : 'gray.7'}>
              {cancelled ? t('documents.cancelledNoSheet') : t('documents.printSheetHint')}
            </Text>
          </Menu.Item>
          {seriesId !== null && (
            <Menu.Item onClick={exportSeries}>
              <Text size="sm" fw={500}>
                {t('documents.exportSeries')}
              </Text>
              <Text size="xs" c="gray.7">
                {t('documents.exportSeriesHint')}
              </Text>
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>

      <Modal opened={asking} onClose={() => !sheet.isPending && setAsking(false)} title={t('documents.printSheet')} centered>
        <Stack gap="md">
          <Text size="sm" c="gray.7">
            {t('documents.printSheetHint')}
          </Text>
          <Radio.Group label={t('documents.sheetLanguage')} value={language} onChange={(v) => setLanguage(v as Language)}>
            <Group mt="xs" gap="xl">
              {LANGUAGES.map((l) => (
                <Radio key={l} value={l} label={tc(`languages.${l}`)} />
              ))}
            </Group>
          </Radio.Group>
          {sheet.isPending && (
            <Text size="sm" c="gray.7" role="status">
              {t('documents.printing')}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setAsking(false)} disabled={sheet.isPending}>
              {tc('actions.cancel')}
            </Button>
            <Button onClick={print} loading={sheet.isPending} data-autofocus>
              {t('documents.print')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

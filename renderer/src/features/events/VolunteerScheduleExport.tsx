import { Button, Tooltip } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IconCalendar } from '../../components/icons';
import { useNotify } from '../../components/notify';
import { call } from '../../lib/api';
import { fileName } from './EventDocuments';

/**
 * « Export the schedule (.ics) » on a volunteer's record: their coming events and shifts (from
 * today), each timed to their own part, for the calendar app on their phone or computer.
 */
export function VolunteerScheduleExport({ volunteerId }: { volunteerId: number }) {
  const { t } = useTranslation('events');
  const notify = useNotify();
  const exporter = useMutation({ mutationFn: () => call('events.exportVolunteerIcs', { volunteerId }) });
  const go = () =>
    exporter.mutate(undefined, {
      onSuccess: (r) => {
        if (!r.saved || !r.file) return;
        const name = fileName(r.file);
        notify.success(r.events ? t('documents.calendarSaved', { name, count: r.events }) : t('documents.calendarEmpty', { name }));
      },
      onError: notify.error,
    });
  return (
    <Tooltip label={t('documents.exportScheduleHint')} multiline w={280} withArrow openDelay={300}>
      <Button variant="default" size="xs" leftSection={<IconCalendar size={16} />} onClick={go} loading={exporter.isPending}>
        {t('documents.exportSchedule')}
      </Button>
    </Tooltip>
  );
}

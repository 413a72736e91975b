import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Approval } from '../../../../shared/api';
import { useFormat } from '../../lib/format';
import type { HourEntryOut } from './queries';

const APPROVAL_COLOR: Record<Approval, string> = { pending: 'yellow', approved: 'teal', rejected: 'red' };

export function ApprovalBadge({ approval }: { approval: Approval }) {
  const { t } = useTranslation('hours');
  return (
    <Badge color={APPROVAL_COLOR[approval]} variant="light" tt="none" size="md" radius="sm" styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}>
      {t(`approval.${approval}`)}
    </Badge>
  );
}

/** Where the hours were given: the event (linked) or the programme, or « outside events ». */
export function EntryContext({ e }: { e: HourEntryOut }) {
  const { t } = useTranslation('hours');
  return (
    <div>
      {e.eventId ? (
        <Anchor component={Link} to={`/events/${e.eventId}`} size="sm">
          {e.eventTitle}
        </Anchor>
      ) : (
        <Text size="sm">{t('list.outsideEvents')}</Text>
      )}
      {e.programmeName ? (
        <Text size="xs" c="gray.7">
          {e.programmeName}
        </Text>
      ) : null}
    </div>
  );
}

/** The cells every entry table shows: day, person, duration, category, where. */
export function EntryCells({ e, withVolunteer = true }: { e: HourEntryOut; withVolunteer?: boolean }) {
  const { t } = useTranslation('hours');
  const fmt = useFormat();
  return (
    <>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(e.workedOn, 'short')}</Table.Td>
      {withVolunteer ? (
        <Table.Td>
          <Anchor component={Link} to={`/volunteers/${e.volunteerId}`} fw={500}>
            {e.volunteerName}
          </Anchor>
        </Table.Td>
      ) : null}
      <Table.Td style={{ whiteSpace: 'nowrap' }} fw={600}>
        {fmt.minutes(e.minutes)}
      </Table.Td>
      <Table.Td>{t(`categories.${e.category}`)}</Table.Td>
      <Table.Td>
        <EntryContext e={e} />
        {e.note ? (
          <Text size="xs" c="gray.7" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {e.note}
          </Text>
        ) : null}
      </Table.Td>
    </>
  );
}

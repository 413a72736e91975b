import { Alert, Anchor, Badge, Button, Card, Group, Loader, NumberInput, Popover, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ATTENDANCE_STATUSES, type AttendanceMark, type AttendanceStatus, type AttendanceView } from '../../../../shared/api';
import { ErrorAlert, useFieldErrors } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { call } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { DurationInput } from '../hours/DurationInput';
import { attendanceKey, useHourMutations } from '../hours/queries';
import { VolunteerPicker, type PickedVolunteer } from '../hours/VolunteerPicker';

type Row = AttendanceView['rows'][number];

const STATUS_COLOR: Record<AttendanceStatus, string> = { present: 'teal', absent: 'red', excused: 'gray' };

/** Attendance answers change hours, the event (attended, participants) and schedules: refresh them all. */
function useAttendanceMutations(eventId: number) {
  const qc = useQueryClient();
  const notify = useNotify();
  const done = (view: AttendanceView) => {
    qc.setQueryData(attendanceKey(eventId), view);
    void qc.invalidateQueries({ queryKey: ['hours'] });
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'events' && q.queryKey[1] !== 'attendance' });
  };
  return {
    mark: useMutation({ mutationFn: (marks: AttendanceMark[]) => call('events.markAttendance', { eventId, marks }), onSuccess: done, onError: notify.error }),
    walkIn: useMutation({ mutationFn: (volunteerId: number) => call('events.addWalkIn', { eventId, volunteerId }), onSuccess: done }),
    participants: useMutation({
      mutationFn: (participantCount: number | null) => call('events.setParticipants', { eventId, participantCount }),
      onSuccess: done,
    }),
  };
}

/** Three large toggles: present, absent, excused; the chosen one is filled and announced as pressed. */
function StatusToggles({ row, disabled, onMark }: { row: Row; disabled: boolean; onMark: (s: AttendanceStatus) => void }) {
  const { t } = useTranslation('events');
  const name = `${row.firstName} ${row.lastName}`;
  return (
    <Button.Group aria-label={t('attendance.statusOf', { name })}>
      {ATTENDANCE_STATUSES.map((s) => {
        const on = row.status === s;
        return (
          <Button
            key={s}
            size="sm"
            variant={on ? 'filled' : 'default'}
            color={STATUS_COLOR[s]}
            aria-pressed={on}
            disabled={disabled}
            onClick={() => !on && onMark(s)}
            data-status={s}
          >
            {t(`attendance.status.${s}`)}
          </Button>
        );
      })}
    </Button.Group>
  );
}

/** The hours a present person gets, and a small popover to change them (« stayed an hour longer »). */
function HoursCell({ row, disabled }: { row: Row; disabled: boolean }) {
  const { t } = useTranslation('events');
  const fmt = useFormat();
  const { update } = useHourMutations();
  const errors = useFieldErrors(update.error);
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState<number | null>(row.minutes);
  useEffect(() => setMinutes(row.minutes), [row.minutes, open]);
  if (row.hourEntryId === null || row.minutes === null) return <Text c="gray.7">—</Text>;
  const name = `${row.firstName} ${row.lastName}`;
  const save = () =>
    update.mutate({ id: row.hourEntryId!, minutes: minutes as number }, { onSuccess: () => setOpen(false) });
  return (
    <Group gap={6} wrap="nowrap">
      <Text fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="attendance-minutes">
        {fmt.minutes(row.minutes)}
      </Text>
      {row.minutes !== row.expectedMinutes ? (
        <Text size="xs" c="gray.7">
          {t('attendance.edited')}
        </Text>
      ) : null}
      <Popover opened={open} onChange={setOpen} trapFocus withArrow position="bottom-end" withinPortal>
        <Popover.Target>
          <Button size="compact-sm" variant="subtle" disabled={disabled} onClick={() => setOpen((o) => !o)} aria-label={t('attendance.editDurationOf', { name })}>
            {t('attendance.editDuration')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="sm">
            <DurationInput label={t('attendance.durationOf', { name })} value={minutes} onChange={setMinutes} error={errors('minutes')} size="sm" />
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="default" onClick={() => setOpen(false)}>
                {t('attendance.cancel')}
              </Button>
              <Button size="xs" onClick={save} loading={update.isPending}>
                {t('attendance.saveDuration')}
              </Button>
            </Group>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}

function Participants({ view }: { view: AttendanceView }) {
  const { t } = useTranslation('events');
  const notify = useNotify();
  const { participants } = useAttendanceMutations(view.eventId);
  const errors = useFieldErrors(participants.error);
  const [value, setValue] = useState<string | number>(view.participantCount ?? '');
  useEffect(() => setValue(view.participantCount ?? ''), [view.participantCount]);
  const save = () =>
    participants.mutate(value === '' ? null : (value as number), { onSuccess: () => notify.success(t('attendance.participantsSaved')) });
  return (
    <Group align="flex-end" gap="sm">
      <NumberInput
        label={t('attendance.participants')}
        description={t('attendance.participantsHint')}
        w={420}
        allowDecimal={false}
        clampBehavior="none"
        value={value}
        onChange={setValue}
        error={errors('participantCount')}
        disabled={view.blocked !== null}
      />
      <Button variant="default" onClick={save} loading={participants.isPending} disabled={view.blocked !== null}>
        {t('attendance.saveParticipants')}
      </Button>
    </Group>
  );
}

function WalkIn({ view }: { view: AttendanceView }) {
  const { t } = useTranslation('events');
  const notify = useNotify();
  const { walkIn } = useAttendanceMutations(view.eventId);
  const errors = useFieldErrors(walkIn.error);
  const [who, setWho] = useState<PickedVolunteer | null>(null);
  const add = () =>
    who &&
    walkIn.mutate(who.id, {
      onSuccess: () => {
        notify.success(t('attendance.walkInAdded', { name: who.name }));
        setWho(null);
      },
    });
  return (
    <Group align="flex-end" gap="sm">
      <VolunteerPicker
        label={t('attendance.addWalkIn')}
        description={t('attendance.addWalkInHint')}
        value={who}
        onChange={setWho}
        exclude={view.rows.map((r) => r.volunteerId)}
        error={errors('volunteerId')}
        w={420}
      />
      <Button variant="default" onClick={add} disabled={!who || view.blocked !== null} loading={walkIn.isPending}>
        {t('attendance.add')}
      </Button>
    </Group>
  );
}

/**
 * Who came to one occurrence: present / absent / excused for each person expected, walk-ins,
 * the number of participants (a count, no names), and the hours each present person gets.
 */
export function AttendancePanel({ eventId }: { eventId: number }) {
  const { t } = useTranslation('events');
  const fmt = useFormat();
  const q = useQuery({ queryKey: attendanceKey(eventId), queryFn: () => call('events.attendance', { eventId }) });
  const { mark } = useAttendanceMutations(eventId);

  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loader aria-label={t('attendance.title')} />;
  const view = q.data;
  const blocked = view.blocked !== null;
  const unmarked = view.rows.filter((r) => !r.walkIn && r.status === null);
  const c = view.counts;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="attendance-title" data-testid="attendance-panel">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} size="h4" id="attendance-title">
            {t('attendance.title')}
          </Title>
          <Text size="sm" c="gray.7" data-testid="attendance-summary">
            {t('attendance.summary', { expected: c.expected, present: c.present, absent: c.absent, excused: c.excused, unmarked: c.unmarked })}
            {c.walkIns ? ` · ${t('attendance.walkIns', { count: c.walkIns })}` : ''}
          </Text>
        </div>
        <Stack gap={0} align="flex-end">
          <Text size="sm" c="gray.7">
            {t('attendance.hoursCounted')}
          </Text>
          <Text fw={700} fz="xl" data-testid="attendance-total">
            {fmt.minutes(view.totalMinutes)}
          </Text>
        </Stack>
      </Group>

      {blocked ? (
        <Alert color={view.blocked === 'sessionCancelled' ? 'gray' : 'blue'} variant="light" mb="md" data-testid="attendance-blocked">
          {t(`attendance.blocked.${view.blocked!}`, { date: fmt.date(view.opensOn) })}
        </Alert>
      ) : null}

      {view.rows.length === 0 ? (
        <Text c="gray.7" mb="md">
          {t('attendance.nobodyExpected')}
        </Text>
      ) : (
        <>
          <Group justify="flex-end" mb="xs">
            <Button
              variant="light"
              disabled={blocked || unmarked.length === 0}
              loading={mark.isPending}
              onClick={() => mark.mutate(unmarked.map((r) => ({ volunteerId: r.volunteerId, status: 'present' })))}
            >
              {t('attendance.allPresent', { count: unmarked.length })}
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" aria-label={t('attendance.tableLabel')} data-testid="attendance-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('attendance.columns.person')}</Table.Th>
                  <Table.Th>{t('attendance.columns.status')}</Table.Th>
                  <Table.Th>{t('attendance.columns.hours')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('attendance.columns.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.rows.map((r) => (
                  <Table.Tr key={r.volunteerId} data-testid={`attendance-row-${r.volunteerId}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/volunteers/${r.volunteerId}`} fw={500}>
                        {r.firstName} {r.lastName}
                      </Anchor>
                      <Group gap={4} mt={2}>
                        {r.facilitator ? (
                          <Badge size="sm" variant="light" color="grape" tt="none" styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}>
                            {t('attendance.facilitator')}
                          </Badge>
                        ) : null}
                        {r.roles.map((role) => (
                          <Badge key={role.roleId} size="sm" variant="default" tt="none">
                            {role.name}
                          </Badge>
                        ))}
                        {r.walkIn ? (
                          <Badge size="sm" variant="light" color="yellow" tt="none" styles={{ label: { color: 'var(--mantine-color-gray-9)' } }}>
                            {t('attendance.walkIn')}
                          </Badge>
                        ) : null}
                        {r.archived ? (
                          <Badge size="sm" variant="outline" color="gray" tt="none" styles={{ label: { color: 'var(--mantine-color-gray-8)' } }}>
                            {t('attendance.archived')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <StatusToggles row={r} disabled={blocked || mark.isPending} onMark={(s) => mark.mutate([{ volunteerId: r.volunteerId, status: s }])} />
                    </Table.Td>
                    <Table.Td>
                      <HoursCell row={r} disabled={blocked} />
                    </Table.Td>
                    <Table.Td ta="right">
                      {r.walkIn ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          disabled={blocked}
                          onClick={() => mark.mutate([{ volunteerId: r.volunteerId, status: null }])}
                          aria-label={t('attendance.removeWalkInOf', { name: `${r.firstName} ${r.lastName}` })}
                        >
                          {t('attendance.removeWalkIn')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}

      <Stack gap="md" mt="md">
        <WalkIn view={view} />
        <Participants view={view} />
      </Stack>
    </Card>
  );
}

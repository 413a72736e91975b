import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/errors';
import { IconPlus } from '../../components/icons';
import { useNotify } from '../../components/notify';
import { useFormat } from '../../lib/format';
import { DotBadge } from './DotBadge';
import { STATE_COLOR, errorText, trainingName } from './labels';
import { useQualificationMutations, useVolunteerTrainings } from './queries';
import { QualificationFormModal } from './QualificationFormModal';

/**
 * A volunteer's trainings on their record: for each training where they stand today (qualified,
 * in training, expired) with the dates, then every qualification held, the ones typed by hand
 * removable. `name` titles the add dialog; `editable` is false for an erased or archived record.
 */
export function VolunteerQualifications({ volunteerId, name, editable = true }: { volunteerId: number; name: string; editable?: boolean }) {
  const { t } = useTranslation(['trainings', 'common']);
  const fmt = useFormat();
  const notify = useNotify();
  const q = useVolunteerTrainings(volunteerId);
  const { remove } = useQualificationMutations();
  const [adding, setAdding] = useState(false);

  const items = (q.data?.trainings ?? [])
    .map((x) => ({ ...x, label: trainingName(t, { key: x.trainingKey, name: x.trainingName }) }))
    .sort((a, b) => a.label.localeCompare(b.label, fmt.locale));
  const manual = (q.data?.qualifications ?? []).filter((x) => x.source === 'manual');

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="sec-trainings" data-testid="volunteer-qualifications">
      <Group justify="space-between" mb="sm" align="flex-start">
        <Title order={2} size="h4" id="sec-trainings">
          {t('trainings:volunteer.title')}
        </Title>
        {editable ? (
          <Button variant="light" size="sm" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('trainings:volunteer.add')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={q.error} />
      {q.data && items.length === 0 ? (
        <Text c="gray.7" fs="italic">
          {t('trainings:volunteer.empty')}
        </Text>
      ) : null}
      <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((x) => {
          const c = x.current;
          const until = !c
            ? null
            : c.expiresOn === null
              ? t('trainings:volunteer.noExpiry')
              : t(x.state === 'expired' || c.expiresOn <= q.data!.onDate ? 'trainings:volunteer.expiredOn' : 'trainings:volunteer.expiresOn', { date: fmt.date(c.expiresOn) });
          return (
            <Group component="li" key={x.trainingId} justify="space-between" wrap="nowrap" gap="sm" align="flex-start" data-testid="volunteer-training">
              <div>
                <Text fw={600}>{x.label}</Text>
                {c ? (
                  <Text size="sm" c="gray.7">
                    {t('trainings:volunteer.obtained', { date: fmt.date(c.obtainedOn) })} · {until}
                  </Text>
                ) : null}
                {x.enrolledIn && x.state !== 'qualified' ? (
                  <Text size="sm" c="gray.7">
                    <Anchor component={Link} to={`/trainings/sessions/${x.enrolledIn.eventId}`} size="sm">
                      {t('trainings:volunteer.enrolledIn', { date: fmt.date(x.enrolledIn.startLocal.slice(0, 10)) })}
                    </Anchor>
                  </Text>
                ) : null}
                {x.trainingArchived ? (
                  <Text size="sm" c="gray.7">
                    {t('trainings:volunteer.archived')}
                  </Text>
                ) : null}
              </div>
              <DotBadge color={STATE_COLOR[x.state]}>
                {t(`trainings:states.${x.state}`)}
              </DotBadge>
            </Group>
          );
        })}
      </Stack>
      {manual.length > 0 && editable ? (
        <Stack gap={6} mt="md">
          <Text size="sm" fw={600} c="gray.8">
            {t('trainings:volunteer.manual')}
          </Text>
          {manual.map((m) => {
            const label = trainingName(t, { key: m.trainingKey, name: m.trainingName });
            const date = fmt.date(m.obtainedOn);
            return (
              <Group key={m.id} justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm">
                  {label} — {date}
                  {m.certificateNote ? ` · ${m.certificateNote}` : ''}
                </Text>
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  loading={remove.isPending && remove.variables === m.id}
                  aria-label={t('trainings:volunteer.removeLabel', { name: label, date })}
                  onClick={() =>
                    remove.mutate(m.id, { onSuccess: () => notify.success(t('trainings:volunteer.removed')), onError: (err) => notify.error(err) })
                  }
                >
                  {t('trainings:volunteer.remove')}
                </Button>
              </Group>
            );
          })}
          {remove.error ? (
            <Text c="red.9" size="sm" role="alert">
              {errorText(t, remove.error)}
            </Text>
          ) : null}
        </Stack>
      ) : null}
      <QualificationFormModal opened={adding} person={{ id: volunteerId, name }} onClose={() => setAdding(false)} />
    </Card>
  );
}

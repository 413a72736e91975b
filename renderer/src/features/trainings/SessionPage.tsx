import { Alert, Anchor, Button, Card, Checkbox, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { SessionDetail } from '../../../../shared/api';
import { divideRoundHalfUp } from '../../../../shared/money';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/errors';
import { useNotify } from '../../components/notify';
import { useFormat } from '../../lib/format';
import { DotBadge } from './DotBadge';
import { STATUS_COLOR, errorText, localToday, personName, sessionStatus, trainingName, useIssues } from './labels';
import { useSession, useSessionMutations } from './queries';
import { SessionFormModal } from './SessionFormModal';
import { trainersLine } from './SessionsTab';

/** `/trainings/sessions/:eventId`: one session, its participants, and closing it. */
export function SessionPage() {
  const { t } = useTranslation(['trainings', 'errors']);
  const params = useParams();
  const eventId = Number(params.eventId);
  const valid = Number.isInteger(eventId) && eventId > 0;
  const session = useSession(valid ? eventId : null);

  const back = (
    <Anchor component={Link} to="/trainings" size="sm">
      ← {t('trainings:session.back')}
    </Anchor>
  );
  if (!valid || session.isError)
    return (
      <Stack gap="md" align="flex-start">
        {back}
        {valid ? <ErrorAlert error={session.error} /> : <Alert color="red" variant="light" role="alert">{t('errors:NOT_FOUND')}</Alert>}
      </Stack>
    );
  if (session.isPending)
    return (
      <Group justify="center" py="xl">
        <Loader aria-label={t('trainings:session.loading')} />
      </Group>
    );
  return <Session s={session.data} back={back} />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="gray.7" fw={500}>
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function Session({ s, back }: { s: SessionDetail; back: ReactNode }) {
  const { t } = useTranslation(['trainings', 'common']);
  const fmt = useFormat();
  const notify = useNotify();
  const navigate = useNavigate();
  const { remove, reopen } = useSessionMutations();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<'delete' | 'reopen' | null>(null);
  const status = sessionStatus(s, localToday());
  const training = trainingName(t, { key: s.trainingKey, name: s.trainingName });
  const day = s.startLocal.slice(0, 10);
  const pending = confirm === 'delete' ? remove : reopen;

  const doConfirm = () => {
    if (confirm === 'delete')
      remove.mutate(s.eventId, {
        onSuccess: () => {
          notify.success(t('trainings:session.deleted'));
          navigate('/trainings');
        },
      });
    else
      reopen.mutate(s.eventId, {
        onSuccess: () => {
          setConfirm(null);
          notify.success(t('trainings:session.reopened'));
        },
      });
  };

  return (
    <Stack gap="md" maw={1100}>
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {s.title}
          </Title>
          <Group gap="xs">
            <DotBadge color={STATUS_COLOR[status]} data-testid="session-status">
              {t(`trainings:status.${status}`)}
            </DotBadge>
            {s.completedOn ? <Text c="gray.7">{t('trainings:session.completedOn', { date: fmt.date(s.completedOn) })}</Text> : null}
          </Group>
        </Stack>
        <Group gap="sm">
          <Button onClick={() => setEditing(true)}>{t('trainings:session.edit')}</Button>
          {s.completedOn ? (
            <Button variant="default" onClick={() => setConfirm('reopen')}>
              {t('trainings:session.reopen')}
            </Button>
          ) : (
            <Button variant="default" color="red" onClick={() => setConfirm('delete')}>
              {t('trainings:session.delete')}
            </Button>
          )}
        </Group>
      </Group>

      <Card withBorder radius="md" padding="lg">
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
          <Fact label={t('trainings:session.training')}>{training}</Fact>
          <Fact label={t('trainings:session.when')}>
            {fmt.date(day)}, {s.startLocal.slice(11, 16)}–{s.endLocal.slice(11, 16)}
          </Fact>
          <Fact label={t('trainings:session.place')}>
            {[s.place, t(`trainings:sessionForm.formats.${s.format}`)].filter(Boolean).join(' · ')}
          </Fact>
          <Fact label={t('trainings:session.trainers')}>{trainersLine(s) || t('trainings:session.noTrainer')}</Fact>
          <Fact label={t('trainings:session.cost')}>
            <span data-testid="session-cost">{fmt.money(s.costCents)}</span>
            {s.participantCount > 0 && s.costCents > 0 ? (
              <Text span c="gray.7" size="sm" display="block">
                {t('trainings:session.costPerParticipant', { amount: fmt.money(divideRoundHalfUp(s.costCents, s.participantCount)) })}
              </Text>
            ) : null}
          </Fact>
        </SimpleGrid>
      </Card>

      {s.cancelled ? (
        <Alert color="gray" variant="light">
          {t('trainings:session.cancelled')}
        </Alert>
      ) : null}

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="session-participants">
        <Title order={2} size="h4" mb="sm" id="session-participants">
          {t('trainings:session.participants')}
        </Title>
        {s.participants.length === 0 ? (
          <Text c="gray.7">{t('trainings:session.noParticipants')}</Text>
        ) : (
          <Table verticalSpacing="sm" fz="md" data-testid="participants-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trainings:session.name')}</Table.Th>
                <Table.Th>{t('trainings:session.result')}</Table.Th>
                <Table.Th>{t('trainings:session.qualification')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.participants.map((p) => (
                <Table.Tr key={p.volunteerId} data-testid="participant-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/volunteers/${p.volunteerId}`} fw={600}>
                      {personName(p)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`trainings:results.${p.result}`)}</Table.Td>
                  <Table.Td>
                    {p.qualification
                      ? p.qualification.expiresOn
                        ? t('trainings:session.expiresOn', { date: fmt.date(p.qualification.expiresOn) })
                        : t('trainings:session.noExpiry')
                      : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      {!s.completedOn && !s.cancelled && s.participants.length > 0 ? <CompleteCard s={s} ready={status === 'toComplete'} /> : null}

      <SessionFormModal session={editing ? s : undefined} onClose={() => setEditing(false)} />
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={t(confirm === 'delete' ? 'trainings:session.deleteTitle' : 'trainings:session.reopenTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        <Stack gap="md">
          <Text>{t(confirm === 'delete' ? 'trainings:session.deleteText' : 'trainings:session.reopenText')}</Text>
          {pending.error ? (
            <Text c="red.9" role="alert">
              {errorText(t, pending.error)}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('common:actions.cancel')}
            </Button>
            <Button color={confirm === 'delete' ? 'red' : 'orange'} onClick={doConfirm} loading={pending.isPending} data-autofocus>
              {t(confirm === 'delete' ? 'trainings:session.deleteConfirm' : 'trainings:session.reopenConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** Closing the session: the day it was closed and who completed it (everyone ticked to start with). */
function CompleteCard({ s, ready }: { s: SessionDetail; ready: boolean }) {
  const { t } = useTranslation(['trainings', 'common']);
  const fmt = useFormat();
  const notify = useNotify();
  const { complete } = useSessionMutations();
  const issues = useIssues(complete.error);
  const [completedOn, setCompletedOn] = useState(localToday());
  const [done, setDone] = useState<Set<number>>(() => new Set(s.participants.map((p) => p.volunteerId)));
  const lastDay = s.endLocal.slice(0, 10);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    complete.mutate(
      { eventId: s.eventId, completedOn, completedIds: s.participants.filter((p) => done.has(p.volunteerId)).map((p) => p.volunteerId) },
      { onSuccess: (r) => notify.success(t('trainings:session.completedDone', { count: r.completedCount })) },
    );
  };
  const toggle = (id: number, on: boolean) =>
    setDone((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const others = issues.others(['completedOn']);
  return (
    <Card withBorder radius="md" padding="lg" component="form" onSubmit={submit} noValidate aria-labelledby="session-complete">
      <Title order={2} size="h4" mb="xs" id="session-complete">
        {t('trainings:session.completeTitle')}
      </Title>
      {!ready ? (
        <Text c="gray.7">{t('trainings:session.notYet', { date: fmt.date(lastDay) })}</Text>
      ) : (
        <Stack gap="md">
          <Text c="gray.7" maw={760}>
            {t('trainings:session.completeIntro')}
          </Text>
          <Stack gap="xs">
            {s.participants.map((p) => (
              <Checkbox
                key={p.volunteerId}
                size="md"
                label={t('trainings:session.completedBox', { name: personName(p) })}
                checked={done.has(p.volunteerId)}
                onChange={(e) => toggle(p.volunteerId, e.currentTarget.checked)}
              />
            ))}
          </Stack>
          <Group align="flex-end" gap="md">
            <div style={{ width: 260 }}>
              <DateField label={t('trainings:session.completedOnLabel')} withAsterisk value={completedOn} onChange={setCompletedOn} error={issues('completedOn')} />
            </div>
            <Button type="submit" size="md" loading={complete.isPending} mb={issues('completedOn') ? 24 : 0}>
              {t('trainings:session.complete')}
            </Button>
          </Group>
          {complete.error && (others.length > 0 || !issues('completedOn')) ? (
            <Alert color="red" variant="light" role="alert">
              <Text>{errorText(t, complete.error)}</Text>
              {others.map((m) => (
                <Text key={m}>{m}</Text>
              ))}
            </Alert>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}

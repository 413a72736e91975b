import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotify } from '../../../components/notify';
import { skillLabel } from '../../volunteers/labels';
import { clock } from '../dates';
import { useStaffingMutations, type StaffingOut, type StaffingRoleOut } from './queries';
import { trainingLabel, warningSentence, type SentenceContext } from './sentences';
import { SuggestionList } from './SuggestionList';
import { timeAt } from './time';
import { VolunteerPicker } from './VolunteerPicker';

/**
 * One role: when, how many, which skills; who is assigned with what to check about each of them;
 * the suggestions with their reasons and one-click assignment; anyone else by name.
 */
export function RoleCard({
  event,
  role,
  sentences,
  onEdit,
  onRemove,
}: {
  event: StaffingOut['event'];
  role: StaffingRoleOut;
  sentences: SentenceContext;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('events');
  const notify = useNotify();
  const { assign, unassign } = useStaffingMutations();
  const [suggesting, setSuggesting] = useState(false);
  const [assigning, setAssigning] = useState<number | null>(null);
  const cancelled = event.status === 'cancelled';
  const full = role.filled >= role.needed;
  const whole = role.startOffset === 0 && role.endOffset === event.minutes;
  const window = t('staffing.window', {
    from: clock(timeAt(event.startLocal, role.startOffset), sentences.lang),
    to: clock(timeAt(event.startLocal, role.endOffset), sentences.lang),
  });

  const doAssign = (volunteerId: number, name: string) => {
    setAssigning(volunteerId);
    assign.mutate(
      { roleId: role.id, volunteerId },
      {
        onSuccess: (answer) => {
          const toCheck = answer.assignment.warnings.length > 0;
          notify.success(t(toCheck ? 'staffing.assignedWithWarnings' : 'staffing.assigned', { name, role: role.name }));
        },
        onError: notify.error,
        onSettled: () => setAssigning(null),
      },
    );
  };

  return (
    <Card withBorder radius="md" padding="lg" data-testid="role-card" data-role={role.name}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Title order={3} size="h4">
              {role.name}
            </Title>
            <Text size="sm" c="dark.6">
              {whole ? `${t('staffing.wholeEvent')} · ${window}` : window}
            </Text>
            <Group gap={6}>
              {role.requiredTraining ? (
                <Badge variant="light" color="grape" size="lg" tt="none" fw={500} data-testid="required-training">
                  {t('staffing.requiresTraining', { training: trainingLabel(sentences, role.requiredTraining) })}
                </Badge>
              ) : null}
              {role.skills.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t('staffing.noSkills')}
                </Text>
              ) : (
                role.skills.map((s) => (
                  <Badge key={s.skillId} variant="outline" color="indigo" size="lg" tt="none" fw={500}>
                    {t('staffing.skillNeed', { skill: skillLabel(sentences.tv, s), level: sentences.tv(`levels.${s.minLevel as 1 | 2 | 3}`) })}
                  </Badge>
                ))
              )}
            </Group>
          </Stack>
          <Group gap="xs">
            <Badge size="lg" tt="none" color={full ? 'teal' : 'orange'} variant={full ? 'light' : 'filled'} data-testid="filled">
              {t('staffing.filled', { filled: role.filled, needed: role.needed })}
            </Badge>
            <Button variant="default" size="sm" onClick={onEdit} disabled={cancelled} aria-label={t('staffing.editRoleLabel', { role: role.name })}>
              {t('staffing.editRole')}
            </Button>
            <Button variant="subtle" color="red" size="sm" onClick={onRemove} aria-label={t('staffing.removeRoleLabel', { role: role.name })}>
              {t('staffing.removeRole')}
            </Button>
          </Group>
        </Group>

        {role.warnings.map((w, i) => (
          <Alert key={i} color="orange" variant="light" p="xs" data-testid="role-warning">
            {warningSentence(w, sentences)}
          </Alert>
        ))}

        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('staffing.assignedTitle')}
          </Text>
          {role.assignments.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('staffing.nobodyAssigned')}
            </Text>
          ) : (
            role.assignments.map((a) => {
              const name = `${a.firstName} ${a.lastName}`;
              return (
                <Stack key={a.id} gap={6} data-testid="assignment">
                  <Group justify="space-between" wrap="nowrap">
                    <Anchor component={Link} to={`/volunteers/${a.volunteerId}`} fw={500}>
                      {name}
                    </Anchor>
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-sm"
                      loading={unassign.isPending && unassign.variables?.assignmentId === a.id}
                      onClick={() =>
                        unassign.mutate(
                          { assignmentId: a.id },
                          { onSuccess: () => notify.success(t('staffing.unassigned', { name, role: role.name })), onError: notify.error },
                        )
                      }
                      aria-label={t('staffing.unassignLabel', { name, role: role.name })}
                    >
                      {t('staffing.unassign')}
                    </Button>
                  </Group>
                  {a.warnings.length ? (
                    <Alert color="yellow" variant="light" p="xs" data-testid="assignment-warnings">
                      <List size="sm" spacing={2}>
                        {a.warnings.map((w, i) => (
                          <List.Item key={i} data-warning={w.kind}>
                            {warningSentence(w, sentences)}
                          </List.Item>
                        ))}
                      </List>
                    </Alert>
                  ) : null}
                </Stack>
              );
            })
          )}
        </Stack>

        {cancelled ? null : (
          <Stack gap="sm">
            <Group>
              <Button variant={suggesting ? 'default' : 'light'} onClick={() => setSuggesting((s) => !s)} aria-expanded={suggesting}>
                {suggesting ? t('staffing.hideSuggestions') : t('staffing.suggest')}
              </Button>
            </Group>
            {suggesting ? <SuggestionList role={role} sentences={sentences} onAssign={doAssign} assigning={assigning} disabled={assign.isPending} /> : null}
            <VolunteerPicker roleName={role.name} onAssign={doAssign} loading={assign.isPending && assigning !== null && !suggesting} disabled={assign.isPending} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

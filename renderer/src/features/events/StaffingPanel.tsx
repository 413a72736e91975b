import { Alert, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/errors';
import { IconPlus } from '../../components/icons';
import { useNotify } from '../../components/notify';
import { useSkills } from '../volunteers/queries';
import { useLang } from '../volunteers/labels';
import { useStaffing, useStaffingMutations, type StaffingRoleOut } from './staffing/queries';
import { RoleCard } from './staffing/RoleCard';
import { RoleFormModal } from './staffing/RoleFormModal';
import type { SentenceContext } from './staffing/sentences';

/** The event page's staffing tab: its roles, who is on them, suggestions and warnings. */
export function StaffingPanel({ eventId }: { eventId: number }) {
  const { t } = useTranslation('events');
  const { t: tv } = useTranslation('volunteers');
  const lang = useLang();
  const notify = useNotify();
  const staffing = useStaffing(eventId);
  const catalogue = useSkills();
  const { removeRole } = useStaffingMutations();
  const [editing, setEditing] = useState<{ role: StaffingRoleOut | null } | null>(null);
  const [removing, setRemoving] = useState<StaffingRoleOut | null>(null);

  const skills = useMemo(() => new Map((catalogue.data ?? []).map((s) => [s.id, s])), [catalogue.data]);
  if (staffing.isPending) return <Loader aria-label={t('staffing.loading')} />;
  if (staffing.isError) return <ErrorAlert error={staffing.error} />;
  const { event, roles } = staffing.data;
  const sentences: SentenceContext = { t, tv, lang, skills, timeZone: event.timeZone };
  const cancelled = event.status === 'cancelled';

  const addButton = (
    <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing({ role: null })} disabled={cancelled}>
      {t('staffing.addRole')}
    </Button>
  );

  return (
    <Stack gap="md" data-testid="staffing-panel">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={2} size="h3">
            {t('staffing.title')}
          </Title>
          <Text size="sm" c="gray.7" maw={720}>
            {t('staffing.intro')}
          </Text>
        </div>
        {roles.length ? addButton : null}
      </Group>
      {cancelled ? (
        <Alert color="gray" variant="light">
          {t('staffing.cancelled')}
        </Alert>
      ) : null}
      {roles.length === 0 ? (
        <EmptyState title={t('staffing.empty.title')} description={t('staffing.empty.text')} action={addButton} titleOrder={3} />
      ) : (
        roles.map((role) => (
          <RoleCard key={role.id} event={event} role={role} sentences={sentences} onEdit={() => setEditing({ role })} onRemove={() => setRemoving(role)} />
        ))
      )}
      <RoleFormModal event={event} role={editing?.role ?? null} catalogue={catalogue.data ?? []} opened={editing !== null} onClose={() => setEditing(null)} />
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={removing ? t('staffing.remove.title', { name: removing.name }) : ''}>
        {removing ? (
          <Stack gap="md">
            <Text>{t('staffing.remove.text')}</Text>
            {removing.filled > 0 ? (
              <Alert color="yellow" variant="light">
                {t('staffing.remove.withPeople', { count: removing.filled })}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                {t('staffing.remove.cancel')}
              </Button>
              <Button
                color="red"
                loading={removeRole.isPending}
                onClick={() =>
                  removeRole.mutate(
                    { roleId: removing.id, unassign: true },
                    {
                      onSuccess: () => {
                        notify.success(t('staffing.remove.removed', { name: removing.name }));
                        setRemoving(null);
                      },
                      onError: notify.error,
                    },
                  )
                }
              >
                {t('staffing.remove.confirm')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}

import { Anchor, Group, Loader, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/errors';
import { emptyValues, valuesFromVolunteer } from './formModel';
import { todayIso } from './labels';
import { useSettings, useSkills, useVolunteer } from './queries';
import { VolunteerForm } from './VolunteerForm';

/** `/volunteers/new` and `/volunteers/:id/edit`. */
export function VolunteerFormPage({ mode }: { mode: 'create' | 'edit' }) {
  const { t } = useTranslation('volunteers');
  const navigate = useNavigate();
  const params = useParams();
  const id = mode === 'edit' ? Number(params.id) : null;
  const volunteer = useVolunteer(id !== null && Number.isInteger(id) && id > 0 ? id : null);
  const skills = useSkills();
  const settings = useSettings();

  const customFields = useMemo(
    () => (settings.data?.customFields ?? []).filter((f) => !f.archived).sort((a, b) => a.position - b.position),
    [settings.data],
  );

  const loading = skills.isPending || settings.isPending || (mode === 'edit' && volunteer.isPending);
  const error = skills.error ?? settings.error ?? (mode === 'edit' ? volunteer.error : null);
  const name = volunteer.data ? `${volunteer.data.firstName} ${volunteer.data.lastName}` : '';
  const back = mode === 'edit' && id ? `/volunteers/${id}` : '/volunteers';

  return (
    <Stack gap="md">
      <Anchor component={Link} to={back} size="sm">
        ← {mode === 'edit' ? t('form.backToRecord') : t('detail.backToList')}
      </Anchor>
      <Title order={1} size="h2">
        {mode === 'create' ? t('form.newTitle') : name ? t('form.editTitleWithName', { name }) : t('form.editTitle')}
      </Title>
      {error ? (
        <ErrorAlert error={error} />
      ) : loading ? (
        <Group justify="center" py="xl">
          <Loader aria-label={t('detail.loading')} />
        </Group>
      ) : (
        <VolunteerForm
          // A fresh form for each record (and for each visit to "new").
          key={mode === 'edit' ? `edit-${id}` : 'new'}
          volunteerId={mode === 'edit' ? id : null}
          initial={mode === 'edit' && volunteer.data ? valuesFromVolunteer(volunteer.data) : emptyValues(todayIso())}
          catalogue={skills.data ?? []}
          customFields={customFields}
          onCancel={() => navigate(back)}
        />
      )}
    </Stack>
  );
}

import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../components/notify';
import { AssociationForm } from './AssociationForm';
import { SectionHeader } from './SectionHeader';
import { useSaveAssociation, useSettingsView } from './api';

export function AssociationSection() {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const { association, mode } = useSettingsView();
  const save = useSaveAssociation();
  const notify = useNotify();
  return (
    <Stack gap="lg">
      <SectionHeader title={t('settings:association.title')} intro={t('settings:association.intro')} />
      {/* Opening or leaving the sample data shows another association: start the form afresh. */}
      <AssociationForm
        key={mode}
        initial={association}
        onSubmit={(input) => save.mutate(input, { onSuccess: () => notify.success(t('settings:association.saved')) })}
        error={save.error}
        pending={save.isPending}
        submitLabel={t('common:actions.save')}
        guardLeaving
        lastSaved={save.data}
      />
    </Stack>
  );
}

import { Select } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../lib/api';
import { errorText, issueText, trainingName } from './labels';
import { useCatalogue } from './queries';

/**
 * The training a role requires, chosen from the catalogue, for the staffing screens to place next
 * to a role. Staffing then warns when someone assigned holds no valid qualification for it on the
 * event's day. Saved as soon as it is chosen.
 */
export function RoleTrainingRequirement({ roleId }: { roleId: number }) {
  const { t } = useTranslation(['trainings', 'common']);
  const qc = useQueryClient();
  const catalogue = useCatalogue();
  const key = ['trainings', 'role', roleId] as const;
  const current = useQuery({ queryKey: key, queryFn: () => call('trainings.roleRequirement', { roleId }) });
  const save = useMutation({
    mutationFn: (trainingId: number | null) => call('trainings.setRoleRequirement', { roleId, trainingId }),
    onSuccess: (r) => {
      qc.setQueryData(key, r);
      // Staffing warnings depend on it.
      void qc.invalidateQueries({ queryKey: ['events'] });
    },
  });
  const value = current.data?.requiredTrainingId ?? null;
  const options = (catalogue.data ?? [])
    .filter((x) => !x.archived || x.id === value)
    .map((x) => ({ value: String(x.id), label: trainingName(t, x) }));
  const issue = save.error instanceof ApiError ? save.error.error.details?.issues?.[0] : undefined;
  return (
    <Select
      size="md"
      label={t('trainings:role.required')}
      description={t('trainings:role.requiredHint')}
      placeholder={t('trainings:role.none')}
      clearable
      data={options}
      value={value === null ? null : String(value)}
      onChange={(v) => save.mutate(v ? Number(v) : null)}
      disabled={current.isPending || save.isPending}
      error={issue ? issueText(t, issue) : save.error ? errorText(t, save.error) : undefined}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('trainings:role.clear') }}
    />
  );
}

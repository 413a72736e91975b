import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../lib/api';
import { volunteerKeys } from './queries';

interface Props {
  excludeId: number | null;
  firstName: string;
  lastName: string;
  email: string;
  postalCode: string;
}

/** While a record is typed, points at one that looks like the same person (same email, or same name and postal code). */
export function DuplicateWarning(props: Props) {
  const { t } = useTranslation('volunteers');
  // Debounced as a string: a fresh object each render would restart the timer forever.
  const [key] = useDebouncedValue(
    JSON.stringify({
      excludeId: props.excludeId,
      firstName: props.firstName.trim(),
      lastName: props.lastName.trim(),
      email: props.email.trim(),
      postalCode: props.postalCode.trim(),
    }),
    300,
  );
  const input = JSON.parse(key) as Required<Props>;
  const worthAsking = input.email !== '' || (input.firstName !== '' && input.lastName !== '' && input.postalCode !== '');
  const dupes = useQuery({
    queryKey: volunteerKeys.duplicates(input),
    queryFn: () => call('volunteers.findDuplicates', input),
    enabled: worthAsking,
    staleTime: 0,
  });
  const found = worthAsking ? (dupes.data ?? []) : [];
  if (found.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t('duplicates.title')} styles={{ title: { color: 'var(--mantine-color-gray-9)' } }} data-testid="duplicate-warning" role="status">
      <Stack gap={4}>
        {found.map((d) => (
          <Text key={d.id} size="sm">
            {d.reason === 'email' ? t('duplicates.email') : t('duplicates.nameAndPostalCode')}{' '}
            <Anchor component={Link} to={`/volunteers/${d.id}`} fw={700} c="gray.9" underline="always">
              {`${d.firstName} ${d.lastName}`}
            </Anchor>
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

import { EmptyState as MantineEmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * What a screen shows when there is nothing yet: what this place is for and the first thing to do
 * (DESIGN §11). Text is passed in already translated; the title is a real heading so screen-reader
 * users find it.
 */
export function EmptyState({
  title,
  description,
  icon,
  action,
  titleOrder = 2,
}: {
  title: string;
  description?: string;
  icon?: ReactNode;
  action?: ReactNode;
  titleOrder?: 1 | 2 | 3 | 4;
}) {
  return (
    <MantineEmptyState icon={icon} color="teal" variant="light" py="xl">
      <MantineEmptyState.Title order={titleOrder}>{title}</MantineEmptyState.Title>
      {description ? <MantineEmptyState.Description>{description}</MantineEmptyState.Description> : null}
      {action ? <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions> : null}
    </MantineEmptyState>
  );
}

import { EmptyState as MantineEmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * What a screen shows when there is nothing yet: what this place is for and the first thing to do
 * (DESIGN §11). Text is passed in already translated.
 */
export function EmptyState({
  title,
  description,
  icon,
  action,
}: {
  title: string;
  description?: string;
  icon?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <MantineEmptyState
      title={title}
      description={description}
      icon={icon}
      color="teal"
      variant="light"
      py="xl"
    >
      {action ? <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions> : null}
    </MantineEmptyState>
  );
}

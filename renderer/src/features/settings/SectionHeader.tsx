import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The title and plain-words explanation at the top of a Settings section. */
export function SectionHeader({ title, intro, action }: { title: string; intro: string; action?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" gap="md" wrap="nowrap">
      <Stack gap={4} maw={640}>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text c="dark.6">{intro}</Text>
      </Stack>
      {action}
    </Group>
  );
}

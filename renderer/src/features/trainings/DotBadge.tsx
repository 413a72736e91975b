import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

/** A state shown as a coloured dot beside dark text: the colour helps, the words carry it (WCAG AA). */
export function DotBadge({ color, children, 'data-testid': testId }: { color: string; children: ReactNode; 'data-testid'?: string }) {
  return (
    <Badge
      variant="dot"
      color={color}
      size="lg"
      radius="sm"
      tt="none"
      fw={600}
      style={{ flexShrink: 0 }}
      styles={{ label: { color: 'var(--mantine-color-gray-9)', overflow: 'visible' } }}
      data-testid={testId}
    >
      {children}
    </Badge>
  );
}

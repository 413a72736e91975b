import { Group, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page's title and one-sentence introduction, with its main action on the right when it has one. */
export function PageHeader({ title, intro, action, className }: { title: string; intro: string; action?: ReactNode; className?: string }) {
  const text = (
    <div className={className}>
      <Title order={1}>{title}</Title>
      <Text c="gray.7" mt={4} maw={action ? 720 : undefined}>
        {intro}
      </Text>
    </div>
  );
  if (!action) return text;
  return (
    <Group justify="space-between" align="flex-start">
      {text}
      {action}
    </Group>
  );
}

export interface PageTab<K extends string> {
  key: K;
  label: string;
  panel: ReactNode;
}

/**
 * The tabs of a page, all drawn the same way (large targets, outline style). The open tab lives in
 * the URL (`useUrlTab`), so the caller passes its value and setter. Panels unmount when hidden
 * unless `keepMounted` (a form in progress on another tab must survive a look elsewhere).
 */
export function PageTabs<K extends string>(props: {
  label: string;
  tabs: readonly PageTab<K>[];
  value: K;
  onChange: (key: string | null) => void;
  keepMounted?: boolean;
  /** Narrower tabs for pages with many of them. */
  compact?: boolean;
  listClassName?: string;
  /** `data-testid` of each tab, from its key. */
  testId?: (key: K) => string;
}) {
  const { label, tabs, value, onChange, keepMounted = false, compact = false, listClassName, testId } = props;
  return (
    <Tabs value={value} onChange={onChange} keepMounted={keepMounted} variant="outline">
      <Tabs.List aria-label={label} className={listClassName}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.key} value={tab.key} fz="md" px={compact ? 'md' : 'lg'} py="sm" data-testid={testId?.(tab.key)}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.key} value={tab.key} pt="lg">
          {tab.panel}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

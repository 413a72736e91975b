import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Guidance } from '../../../../shared/api';
import { useFormat } from '../../lib/format';

/** Advice from practice (a large group, a long meeting, an unavailable facilitator): never a block. */
export function GuidanceNotes({ guidance }: { guidance: readonly Guidance[] }) {
  const { t } = useTranslation('events');
  const f = useFormat();
  if (guidance.length === 0) return null;
  const text = (g: Guidance) => {
    const p = g.params;
    switch (g.key) {
      case 'largeGroup':
        return t('guidance.largeGroup', { capacity: Number(p['capacity']), max: Number(p['max']) });
      case 'longMeeting':
        return t('guidance.longMeeting', { duration: f.minutes(Number(p['minutes'])), max: f.minutes(Number(p['max'])) });
      case 'facilitatorInactive':
        return p['name'] ? t('guidance.facilitatorInactive', { name: String(p['name']) }) : t('guidance.facilitatorErased');
    }
  };
  return (
    <Alert color="yellow" variant="light" title={t('guidance.title')} data-testid="guidance" styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}>
      <List size="sm" spacing={4}>
        {guidance.map((g, i) => (
          <List.Item key={i}>{text(g)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

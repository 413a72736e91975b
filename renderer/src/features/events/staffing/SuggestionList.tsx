import { Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/errors';
import { useFormat } from '../../../lib/format';
import { useSuggestions, type StaffingRoleOut } from './queries';
import { reasonIsGood, reasonSentence, type SentenceContext } from './sentences';

const LIMIT = 10;

/** The best people for a role, each with every reason for their place and one button to assign them. */
export function SuggestionList({
  role,
  sentences,
  onAssign,
  assigning,
  disabled,
}: {
  role: StaffingRoleOut;
  sentences: SentenceContext;
  onAssign: (volunteerId: number, name: string) => void;
  /** The person being assigned, while the call runs. */
  assigning: number | null;
  disabled: boolean;
}) {
  const { t } = useTranslation('events');
  const format = useFormat();
  const query = useSuggestions(role.id, LIMIT, true);
  if (query.isPending) return <Loader size="sm" aria-label={t('staffing.searching')} />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const { suggestions, considered } = query.data;
  return (
    <Stack gap="xs" data-testid="suggestions">
      <Text fw={600}>{t('staffing.suggestionsTitle', { role: role.name })}</Text>
      {suggestions.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('staffing.noSuggestions')}
        </Alert>
      ) : (
        <Text size="sm" c="gray.7">
          {t('staffing.suggestionsCount', { considered: format.number(considered) })}
        </Text>
      )}
      {suggestions.map((s, i) => {
        const name = `${s.firstName} ${s.lastName}`;
        return (
          <Paper key={s.volunteerId} withBorder radius="md" p="sm" data-testid="suggestion">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
              <Stack gap={6} style={{ flex: 1 }}>
                <Group gap="xs">
                  <Text fw={600}>
                    {i + 1}. {name}
                  </Text>
                  <Badge variant="light" tt="none" color={s.score >= 100 ? 'teal' : 'gray'} data-testid="score">
                    {t('staffing.score', { score: s.score })}
                  </Badge>
                </Group>
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing={4} verticalSpacing={2} component="ul" aria-label={t('staffing.reasonsLabel', { name })} m={0} p={0} style={{ listStyle: 'none' }}>
                  {s.reasons.map((r, k) => {
                    const good = reasonIsGood(r);
                    return (
                      <Text component="li" key={k} size="sm" c="dark.7" data-reason={r.kind} data-good={good} style={{ display: 'flex', gap: 6, alignItems: 'flex-start' }}>
                        <ReasonMark good={good} />
                        <span>
                          {reasonSentence(r, sentences)}
                          {r.points !== 0 ? (
                            <Text span size="xs" c="gray.7">
                              {' '}
                              ({r.points > 0 ? '+' : ''}
                              {t('staffing.reasons.points', { points: r.points })})
                            </Text>
                          ) : null}
                        </span>
                      </Text>
                    );
                  })}
                </SimpleGrid>
              </Stack>
              <Button
                onClick={() => onAssign(s.volunteerId, name)}
                loading={assigning === s.volunteerId}
                disabled={disabled}
                aria-label={t('staffing.assignLabel', { name, role: role.name })}
              >
                {t('staffing.assign')}
              </Button>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** A tick for what speaks for the person, an exclamation mark for what speaks against (the sentence says which). */
function ReasonMark({ good }: { good: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden focusable="false" style={{ flex: 'none', marginTop: 3 }}>
      <circle cx="8" cy="8" r="8" fill={good ? 'var(--mantine-color-teal-7)' : 'var(--mantine-color-orange-7)'} />
      {good ? (
        <path d="M4.5 8.3 L7 10.6 L11.5 5.6" stroke="white" strokeWidth="1.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <path d="M8 4 V9 M8 11.6 V11.7" stroke="white" strokeWidth="1.9" strokeLinecap="round" />
      )}
    </svg>
  );
}

import { Alert, Anchor, Badge, Button, Card, Group, Loader, Modal, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { STATUSES, type CustomField, type Language, type Status } from '../../../../shared/api';
import { formatNumber } from '../../../../shared/format';
import { ErrorAlert, translateError } from '../../components/errors';
import { PersonDataActions } from '../privacy/PersonDataActions';
import { VolunteerQualifications } from '../trainings/VolunteerQualifications';
import { usePersonStatus } from '../privacy/queries';
import { AvailabilityGrid } from './AvailabilityGrid';
import { formatInstant, longDate, skillLabel, useLang } from './labels';
import { useSettings, useVolunteer, useVolunteerMutations, type VolunteerOut } from './queries';
import { StatusBadge } from './VolunteerGrid';
import { VolunteerActivity } from './VolunteerActivity';

export function VolunteerDetailPage() {
  const { t } = useTranslation('volunteers');
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const volunteer = useVolunteer(valid ? id : null);

  if (!valid) return <NotFound />;
  if (volunteer.isPending)
    return (
      <Group justify="center" py="xl">
        <Loader aria-label={t('detail.loading')} />
      </Group>
    );
  if (volunteer.isError)
    return (
      <Stack gap="md" align="flex-start">
        <ErrorAlert error={volunteer.error} />
        <Button component={Link} to="/volunteers" variant="default">
          {t('detail.backToList')}
        </Button>
      </Stack>
    );
  return <Detail v={volunteer.data} />;
}

function NotFound() {
  const { t } = useTranslation('volunteers');
  const { t: te } = useTranslation('errors');
  return (
    <Stack gap="md" align="flex-start">
      <Alert color="red" variant="light" role="alert">
        {te('NOT_FOUND')}
      </Alert>
      <Button component={Link} to="/volunteers" variant="default">
        {t('detail.backToList')}
      </Button>
    </Stack>
  );
}

/** A label and its value; an empty value says so plainly rather than leaving a hole. */
function Field({ label, children, testId }: { label: string; children?: React.ReactNode; testId?: string }) {
  const { t } = useTranslation('volunteers');
  const empty = children === null || children === undefined || children === '' || (Array.isArray(children) && children.length === 0);
  return (
    <div data-testid={testId}>
      <Text component="dt" size="sm" c="gray.7" fw={500}>
        {label}
      </Text>
      <Text component="dd" m={0} c={empty ? 'gray.6' : undefined} fs={empty ? 'italic' : undefined} style={{ overflowWrap: 'anywhere' }}>
        {empty ? t('detail.notProvided') : children}
      </Text>
    </div>
  );
}

function Section({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Fields({ children, mt }: { children: React.ReactNode; mt?: string }) {
  return (
    <Stack component="dl" gap="sm" m={0} mt={mt}>
      {children}
    </Stack>
  );
}

export function formatCustomValue(field: CustomField, value: unknown, lang: Language, t: (k: 'detail.yes' | 'detail.no') => string): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (field.type) {
    case 'boolean':
      return value === true ? t('detail.yes') : t('detail.no');
    case 'number':
      return typeof value === 'number' ? formatNumber(value, lang) : String(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? longDate(value, lang) : String(value);
    default:
      return String(value);
  }
}

function Detail({ v }: { v: VolunteerOut }) {
  const { t } = useTranslation('volunteers');
  const lang = useLang();
  const settings = useSettings();
  const { archive, unarchive } = useVolunteerMutations();
  const [confirming, setConfirming] = useState(false);
  const archived = v.archivedAt !== null;
  const erased = Boolean(usePersonStatus(v.id).data?.erasedAt);
  const name = `${v.firstName} ${v.lastName}`;
  const mutation = archived ? unarchive : archive;

  const doArchive = () =>
    mutation.mutate(v.id, {
      onSuccess: () => {
        setConfirming(false);
        notifications.show({ color: 'teal', message: archived ? t('detail.unarchived', { name }) : t('detail.archived', { name }) });
      },
    });

  const customFields = (settings.data?.customFields ?? []).filter((f) => !f.archived || (v.customValues[String(f.id)] ?? null) !== null);
  const date = (d: string | null) => (d ? longDate(d, lang) : null);
  const address = [v.addressLine, [v.postalCode, v.city].filter(Boolean).join(' '), v.country].filter(Boolean);

  return (
    <Stack gap="md" maw={1200}>
      <Anchor component={Link} to="/volunteers" size="sm">
        ← {t('detail.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {name}
          </Title>
          <Group gap="xs">
            <StatusBadge status={v.status} size="lg" />
            {v.roles.map((r) => (
              <Badge key={r} color="gray" variant="outline" size="lg" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-gray-8)' } }}>
                {t(`roles.${r}`)}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Group gap="sm">
          {/* An erased record keeps only anonymous facts: nothing to edit or bring back. */}
          {!erased && (
            <>
              <Button component={Link} to={`/volunteers/${v.id}/edit`}>
                {t('detail.edit')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(true)}>
                {archived ? t('detail.unarchive') : t('detail.archive')}
              </Button>
            </>
          )}
          <PersonDataActions person={v} />
        </Group>
      </Group>

      {archived ? (
        <Alert color="yellow" variant="light" title={t('detail.archivedBannerTitle')} styles={{ title: { color: 'var(--mantine-color-gray-9)' } }} data-testid="archived-banner">
          {t('detail.archivedBanner', { date: longDate(v.archivedAt!, lang) })}
        </Alert>
      ) : null}

      <VolunteerActivity volunteerId={v.id} name={name} canAdd={!erased} />
      <VolunteerQualifications volunteerId={v.id} name={name} editable={!erased && !archived} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('sections.contact')} id="sec-contact">
          <Fields>
            <Field label={t('fields.email')} testId="detail-email">{v.email}</Field>
            <Field label={t('fields.phone')} testId="detail-phone">{v.phone}</Field>
            <Field label={t('fields.birthYear')}>{v.birthYear === null ? null : String(v.birthYear)}</Field>
            <Field label={t('sections.address')}>
              {address.length ? address.map((l, i) => <span key={i} style={{ display: 'block' }}>{l}</span>) : null}
            </Field>
          </Fields>
        </Section>

        <Section title={t('sections.engagement')} id="sec-engagement">
          <Fields>
            <Field label={t('fields.joinedOn')}>{date(v.joinedOn)}</Field>
            <Field label={t('fields.status')}>
              {t(`status.${v.status}`)}
              {v.statusSince ? t('detail.statusSince', { date: longDate(v.statusSince, lang) }) : ''}
              {v.statusReason ? (
                <Text span display="block" size="sm" c="gray.7">
                  {t('detail.statusReason', { reason: v.statusReason })}
                </Text>
              ) : null}
            </Field>
            <Field label={t('fields.roles')}>{v.roles.map((r) => t(`roles.${r}`)).join(', ')}</Field>
            <Field label={t('fields.preferredFormat')}>{t(`formats.${v.preferredFormat}`)}</Field>
          </Fields>
        </Section>

        <Section title={t('sections.skills')} id="sec-skills">
          {v.skills.length === 0 ? (
            <Text c="gray.7" fs="italic">
              {t('detail.noSkills')}
            </Text>
          ) : (
            <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
              {v.skills.map((s) => (
                <Group component="li" key={s.skillId} justify="space-between" wrap="nowrap" gap="xs">
                  <div>
                    <Text fw={500}>{skillLabel(t, s)}</Text>
                    <Text size="sm" c="gray.7">
                      {t(`categories.${s.category}`)}
                    </Text>
                  </div>
                  <Badge variant="default" radius="sm" size="lg" tt="none" fw={600}>
                    {s.level === 1 || s.level === 2 || s.level === 3 ? t(`levels.${s.level}`) : String(s.level)}
                  </Badge>
                </Group>
              ))}
            </Stack>
          )}
          <Fields mt="md">
            <Field label={t('fields.interests')}>{v.interests.length ? <Tags items={v.interests} /> : null}</Field>
            <Field label={t('fields.languages')}>{v.languages.length ? <Tags items={v.languages} /> : null}</Field>
          </Fields>
        </Section>

        <Section title={t('sections.availability')} id="sec-availability">
          <AvailabilityGrid value={v.availability} caption={t('sections.availability')} />
          {v.availability.length === 0 ? (
            <Text c="gray.7" fs="italic" size="sm" mt="xs">
              {t('detail.noAvailability')}
            </Text>
          ) : null}
        </Section>

        <Section title={t('sections.emergency')} id="sec-emergency">
          <Fields>
            <Field label={t('fields.emergencyName')}>{v.emergencyName}</Field>
            <Field label={t('fields.emergencyPhone')}>{v.emergencyPhone}</Field>
            <Field label={t('fields.emergencyRelation')}>{v.emergencyRelation}</Field>
          </Fields>
        </Section>

        <Section title={t('sections.privacy')} id="sec-privacy">
          <Fields>
            <Field label={t('fields.consentOn')}>{date(v.consentOn)}</Field>
            <Field label={t('fields.consentBasis')}>{v.consentBasis ? t(`consentBases.${v.consentBasis}`) : null}</Field>
            <Field label={t('fields.photoConsent')}>{v.photoConsent ? t('detail.yes') : t('detail.no')}</Field>
            <Field label={t('fields.confidentialitySignedOn')}>{date(v.confidentialitySignedOn)}</Field>
          </Fields>
        </Section>

        {customFields.length > 0 ? (
          <Section title={t('sections.custom')} id="sec-custom">
            <Fields>
              {customFields.map((f) => (
                <Field key={f.id} label={f.label}>
                  {formatCustomValue(f, v.customValues[String(f.id)], lang, t)}
                </Field>
              ))}
            </Fields>
          </Section>
        ) : null}

        <Section title={t('sections.notes')} id="sec-notes">
          {v.notes ? (
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{v.notes}</Text>
          ) : (
            <Text c="gray.7" fs="italic">
              {t('detail.noNotes')}
            </Text>
          )}
        </Section>

        <Section title={t('sections.history')} id="sec-history">
          <History v={v} />
        </Section>
      </SimpleGrid>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={archived ? t('archive.unarchiveTitle', { name }) : t('archive.title', { name })} centered closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}>
        <Stack gap="md">
          <Text>{archived ? t('archive.unarchiveText') : t('archive.text')}</Text>
          {mutation.isError ? <Text c="red.8" role="alert">{translateError(t, mutation.error)}</Text> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('archive.cancel')}
            </Button>
            <Button color={archived ? 'teal' : 'orange'} onClick={doArchive} loading={mutation.isPending} data-autofocus>
              {archived ? t('archive.confirmUnarchive') : t('archive.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Tags({ items }: { items: string[] }) {
  return (
    <Group gap={6} component="span">
      {items.map((x) => (
        <Badge key={x} variant="default" radius="sm" size="lg" tt="none" fw={500}>
          {x}
        </Badge>
      ))}
    </Group>
  );
}

const FIELD_LABEL_KEYS = {
  firstName: 'fields.firstName',
  lastName: 'fields.lastName',
  email: 'fields.email',
  phone: 'fields.phone',
  birthYear: 'fields.birthYear',
  addressLine: 'fields.addressLine',
  postalCode: 'fields.postalCode',
  city: 'fields.city',
  country: 'fields.country',
  joinedOn: 'fields.joinedOn',
  roles: 'fields.roles',
  skills: 'sections.skillsShort',
  interests: 'fields.interests',
  languages: 'fields.languages',
  availability: 'sections.availability',
  preferredFormat: 'fields.preferredFormat',
  emergencyName: 'fields.emergencyContactName',
  emergencyPhone: 'fields.emergencyContactPhone',
  emergencyRelation: 'fields.emergencyContactRelation',
  notes: 'fields.notes',
  consentOn: 'fields.consentOn',
  consentBasis: 'fields.consentBasis',
  photoConsent: 'fields.photoConsent',
  confidentialitySignedOn: 'fields.confidentialitySignedOn',
} as const;

function History({ v }: { v: VolunteerOut }) {
  const { t } = useTranslation('volunteers');
  const lang = useLang();
  const entries = [...v.history].sort((a, b) => (a.at < b.at ? 1 : -1));
  if (entries.length === 0)
    return (
      <Text size="sm" c="gray.7">
        {t('history.createdAt', { date: formatInstant(v.createdAt, lang) })}
      </Text>
    );
  return (
    <Timeline bulletSize={14} lineWidth={2} color="teal">
      {entries.map((e, i) => {
        const to = e.kind === 'status' ? e.detail['to'] : null;
        const status = typeof to === 'string' && (STATUSES as readonly string[]).includes(to) ? (to as Status) : null;
        const fields = e.kind === 'updated' && Array.isArray(e.detail['fields']) ? (e.detail['fields'] as unknown[]).filter((f): f is string => typeof f === 'string') : [];
        const fieldNames = fields.map((f) => (f in FIELD_LABEL_KEYS ? t(FIELD_LABEL_KEYS[f as keyof typeof FIELD_LABEL_KEYS]) : f === 'customValues' ? t('sections.custom') : null)).filter(Boolean);
        return (
          <Timeline.Item key={`${e.at}-${i}`} title={status ? t('history.statusTo', { status: t(`status.${status}`) }) : t(`history.${e.kind}`)}>
            {fieldNames.length ? (
              <Text size="sm">{t('history.fields', { fields: fieldNames.join(', ') })}</Text>
            ) : null}
            <Text size="sm" c="gray.7">
              {formatInstant(e.at, lang)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

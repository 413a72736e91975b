import { Alert, Button, Checkbox, Group, Loader, Paper, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DUPLICATE_POLICIES, type DuplicatePolicy, type ImportPreset, type ImportResult, type ImportTarget } from '../../../../shared/api';
import { ErrorAlert } from '../../components/errors';
import { ApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useSettingsView } from '../settings/api';
import { FileSummary } from './FileSummary';
import { fileProblem, issueMessage, targetLabel } from './labels';
import { MappingTable } from './MappingTable';
import { PreviewTable } from './PreviewTable';
import { useChooseFile, useDiscard, usePreview, useRunImport, type ImportChoices } from './queries';

/**
 * Import in three steps on one screen: choose a file; check what was found, the column choices,
 * the duplicates policy and the preview (nothing written yet); import, all or nothing.
 */
export function ImportPanel() {
  const { t, i18n } = useTranslation(['io', 'validation', 'errors']);
  const fmt = useFormat();
  const { customFields } = useSettingsView();
  const choose = useChooseFile();
  const discard = useDiscard();
  const run = useRunImport();
  const [choices, setChoices] = useState<ImportChoices | null>(null);
  const [detected, setDetected] = useState<ImportPreset | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const preview = usePreview(result ? null : choices);
  // While the next preview loads the previous one stays, unless it was another file's.
  const data = preview.data && choices && preview.data.token === choices.token && !preview.isError ? preview.data : null;
  const exists = (k: string) => i18n.exists(k);

  // The preset the file was first read as, for the "recognised" mark.
  useEffect(() => {
    if (data && choices && !choices.preset && !choices.mapping) setDetected(data.preset);
  }, [data, choices]);

  // A chosen file stays in core's memory until it is discarded: on leaving the page too.
  const token = useRef<string | null>(null);
  token.current = choices?.token ?? null;
  useEffect(() => () => void (token.current && discard.mutate(token.current)), []); // eslint-disable-line react-hooks/exhaustive-deps

  const reset = () => {
    if (choices) discard.mutate(choices.token);
    setChoices(null);
    setDetected(null);
    setSkipInvalid(false);
    setResult(null);
    run.reset();
  };

  const pick = () =>
    choose.mutate(undefined, {
      onSuccess: (file) => {
        if (!file) return;
        if (choices) discard.mutate(choices.token);
        setResult(null);
        setSkipInvalid(false);
        setDetected(null);
        run.reset();
        setChoices({ token: file.token, mapping: null, preset: null, duplicates: 'skip' });
      },
    });

  const busy = run.isPending;
  const setMapping = (index: number, target: ImportTarget | null) => {
    if (!choices || !data) return;
    const mapping = [...data.mapping];
    mapping[index] = target;
    setChoices({ ...choices, mapping });
  };

  const start = () => {
    if (!choices || !data) return;
    run.mutate(
      { token: choices.token, mapping: data.mapping, preset: data.preset, duplicates: choices.duplicates, invalidRows: skipInvalid ? 'skip' : 'refuse' },
      { onSuccess: setResult },
    );
  };

  if (result) {
    return (
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm" align="flex-start" data-testid="io-done">
          <Title order={2} size="h3">
            {t('run.doneTitle')}
          </Title>
          <Text>
            {t('run.done', {
              created: fmt.number(result.created),
              merged: fmt.number(result.merged),
              skipped: fmt.number(result.skippedDuplicates),
              invalid: fmt.number(result.skippedInvalid),
            })}
          </Text>
          <Group>
            <Button component={Link} to="/volunteers">
              {t('run.seeVolunteers')}
            </Button>
            <Button variant="default" onClick={reset}>
              {t('run.another')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }

  const fileError =
    preview.isError && preview.error instanceof ApiError && preview.error.error.code === 'VALIDATION'
      ? fileProblem(t, exists, preview.error.error.details?.issues ?? [])
      : null;
  const toImport = data ? data.counts.create + data.counts.merge : 0;
  const blocked = !data || data.missing.length > 0 || toImport === 0 || (data.counts.invalid > 0 && !skipInvalid);
  // The import was refused because the registry changed since the preview (someone else added a person).
  const refusedRows = run.error instanceof ApiError && run.error.error.code === 'VALIDATION';

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm" align="flex-start">
          <Title order={2} size="h3">
            {t('import.chooseTitle')}
          </Title>
          <Text c="gray.8" maw={760}>
            {t('import.chooseIntro')}
          </Text>
          <Group>
            <Button size="md" onClick={pick} loading={choose.isPending} disabled={busy}>
              {choices ? t('import.chooseAnother') : t('import.choose')}
            </Button>
            {choices ? (
              <Button size="md" variant="default" onClick={reset} disabled={busy}>
                {t('import.cancel')}
              </Button>
            ) : null}
          </Group>
          <ErrorAlert error={choose.error} />
        </Stack>
      </Paper>

      {choices && preview.isPending ? (
        <Group gap="sm">
          <Loader size="sm" />
          <Text>{t('import.reading')}</Text>
        </Group>
      ) : null}

      {choices && preview.isError ? (
        fileError ? (
          <Alert color="red" variant="light" role="alert" data-testid="io-file-error">
            {fileError}
          </Alert>
        ) : (
          <ErrorAlert error={preview.error} />
        )
      ) : null}

      {data ? (
        <>
          <Paper withBorder radius="md" p="lg">
            <FileSummary preview={data} detected={detected} disabled={busy} onPreset={(p) => setChoices({ ...choices!, preset: p, mapping: null })} />
          </Paper>

          <Paper withBorder radius="md" p="lg">
            <MappingTable
              preview={data}
              customFields={customFields}
              onChange={setMapping}
              onReset={choices!.mapping ? () => setChoices({ ...choices!, mapping: null }) : null}
              disabled={busy}
            />
            {data.missing.length ? (
              <Alert color="orange" variant="light" mt="md" data-testid="io-missing">
                {t('mapping.missing')}
              </Alert>
            ) : null}
          </Paper>

          <Paper withBorder radius="md" p="lg">
            <Radio.Group
              label={<Title order={3} size="h4">{t('duplicates.title')}</Title>}
              description={t('duplicates.intro')}
              value={choices!.duplicates}
              onChange={(v) => setChoices({ ...choices!, duplicates: v as DuplicatePolicy })}
            >
              <Stack gap="xs" mt="sm">
                {DUPLICATE_POLICIES.map((p) => (
                  <Radio key={p} value={p} label={t(`duplicates.${p}`)} disabled={busy} />
                ))}
              </Stack>
            </Radio.Group>
          </Paper>

          <Paper withBorder radius="md" p="lg" aria-busy={preview.isFetching}>
            <PreviewTable preview={data} customFields={customFields} />
          </Paper>

          <Paper withBorder radius="md" p="lg">
            <Stack gap="sm" align="flex-start">
              {data.counts.invalid > 0 ? (
                <Alert color="red" variant="light" w="100%" title={t('run.errorsTitle', { count: data.counts.invalid })} data-testid="io-errors">
                  <Stack gap="xs">
                    <Text size="sm">{t('run.errorsIntro')}</Text>
                    {data.issuesTruncated ? <Text size="sm">{t('run.moreErrors')}</Text> : null}
                    <Checkbox
                      label={t('run.skipInvalid', { count: data.counts.invalid })}
                      checked={skipInvalid}
                      onChange={(e) => setSkipInvalid(e.currentTarget.checked)}
                      disabled={busy}
                    />
                  </Stack>
                </Alert>
              ) : null}
              <Text size="sm" c="gray.7">
                {t('run.allOrNothing')}
              </Text>
              {toImport === 0 ? <Text size="sm">{t('run.nothing')}</Text> : null}
              {busy ? (
                <Stack gap={6} w="100%" maw={560} role="status">
                  <Text fw={600}>{t('run.running')}</Text>
                  <Progress value={100} striped animated aria-label={t('run.running')} />
                </Stack>
              ) : (
                <Button size="md" onClick={start} disabled={blocked || preview.isFetching} data-testid="io-run">
                  {t('run.button', { count: toImport })}
                </Button>
              )}
              {refusedRows ? (
                <Alert color="orange" variant="light" role="alert">
                  <Stack gap={4}>
                    <Text size="sm">{t('run.changed')}</Text>
                    {(run.error as ApiError).error.details?.issues?.slice(0, 5).map((i, k) => (
                      <Text size="sm" key={k}>
                        {t('run.refusedRow', { row: String(i.path[1]), field: targetLabel(t, String(i.path[2]), customFields), message: issueMessage(t, exists, i) })}
                      </Text>
                    ))}
                  </Stack>
                </Alert>
              ) : (
                <ErrorAlert error={run.error} />
              )}
            </Stack>
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}

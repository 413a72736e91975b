import { Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_PRESETS, type ImportPreset, type ImportPreview } from '../../../../shared/api';
import { useFormat } from '../../lib/format';

const DELIMITERS = { ';': 'semicolon', ',': 'comma', '\t': 'tab' } as const;

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** What was found in the file (format, characters, separator, rows) and how it is read. */
export function FileSummary({
  preview,
  detected,
  onPreset,
  disabled,
}: {
  preview: ImportPreview;
  detected: ImportPreset | null;
  onPreset: (p: ImportPreset) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation('io');
  const fmt = useFormat();
  return (
    <Group gap="xl" align="flex-start" wrap="wrap">
      <Fact label={t('import.fileLabel')} value={preview.fileName} testId="io-file-name" />
      <Fact label={t('import.formatLabel')} value={t(`import.formats.${preview.format}`)} />
      {preview.encoding ? <Fact label={t('import.encodingLabel')} value={t(`import.encodings.${preview.encoding}`)} testId="io-encoding" /> : null}
      {preview.delimiter ? <Fact label={t('import.delimiterLabel')} value={t(`import.delimiters.${DELIMITERS[preview.delimiter]}`)} testId="io-delimiter" /> : null}
      {preview.sheet ? <Fact label={t('import.sheetLabel')} value={preview.sheet} /> : null}
      <Fact label={t('import.rowsLabel')} value={fmt.number(preview.counts.rows)} />
      <Select
        label={t('import.presetLabel')}
        w={300}
        size="md"
        allowDeselect={false}
        disabled={disabled}
        value={preview.preset}
        onChange={(v) => v && onPreset(v as ImportPreset)}
        data={IMPORT_PRESETS.map((p) => ({ value: p, label: t(`import.presets.${p}`) }))}
        description={detected === preview.preset ? t('import.detected') : undefined}
        inputWrapperOrder={['label', 'input', 'description']}
        data-testid="io-preset"
        // Labelled like the facts beside it.
        styles={{ label: { fontWeight: 400, color: 'var(--mantine-color-gray-7)', fontSize: 'var(--mantine-font-size-sm)' } }}
      />
    </Group>
  );
}

import { Checkbox, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DAYS, DAY_PARTS, type Slot } from '../../../../shared/api';

interface Props {
  value: readonly Slot[];
  /** Without onChange the grid is read-only (the record's detail page). */
  onChange?: (next: Slot[]) => void;
  /** Accessible name of the table (also its visible caption when `showCaption`). */
  caption: string;
  showCaption?: boolean;
  id?: string;
  error?: string;
}

/**
 * The week as 7 days × 3 parts of the day. In edit mode each cell is a checkbox named
 * « Lundi matin » / "Monday morning" so it can be reached and read on its own.
 */
export function AvailabilityGrid({ value, onChange, caption, showCaption = false, id, error }: Props) {
  const { t } = useTranslation('volunteers');
  const set = new Set(value);
  const toggle = (slot: Slot, on: boolean) => {
    if (!onChange) return;
    const next = new Set(set);
    if (on) next.add(slot);
    else next.delete(slot);
    // Keep the week's order so the saved list reads naturally.
    onChange(DAYS.flatMap((d) => DAY_PARTS.map((p) => `${d}.${p}` as Slot)).filter((s) => next.has(s)));
  };

  return (
    <div id={id}>
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing={4}
        horizontalSpacing={4}
        layout="fixed"
        aria-invalid={error ? true : undefined}
        style={{ maxWidth: 640 }}
      >
        {showCaption ? <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption> : (
          <caption>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </caption>
        )}
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ width: '22%' }}>
              <VisuallyHidden>{t('availability.partOfDay')}</VisuallyHidden>
            </Table.Th>
            {DAYS.map((d) => (
              <Table.Th key={d} scope="col" ta="center">
                <abbr title={t(`days.${d}`)} style={{ textDecoration: 'none' }}>
                  {t(`daysShort.${d}`)}
                </abbr>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {DAY_PARTS.map((p) => (
            <Table.Tr key={p}>
              <Table.Th scope="row" fw={500}>
                {t(`parts.${p}`)}
              </Table.Th>
              {DAYS.map((d) => {
                const slot = `${d}.${p}` as Slot;
                const on = set.has(slot);
                const name = t('availability.slot', { day: t(`days.${d}`), part: t(`parts.${p}`) });
                return (
                  <Table.Td key={slot} ta="center" bg={!onChange && on ? 'teal.1' : undefined}>
                    {onChange ? (
                      <Checkbox
                        aria-label={name}
                        checked={on}
                        onChange={(e) => toggle(slot, e.currentTarget.checked)}
                        size="md"
                        styles={{ body: { justifyContent: 'center' } }}
                        data-slot={slot}
                      />
                    ) : (
                      <>
                        <Text span aria-hidden c={on ? 'teal.9' : 'gray.5'} fw={700}>
                          {on ? '✓' : '·'}
                        </Text>
                        <VisuallyHidden>
                          {`${name}${t('availability.separator')}${on ? t('availability.available') : t('availability.unavailable')}`}
                        </VisuallyHidden>
                      </>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error ? (
        <Text c="red.8" size="sm" mt={4} id={id ? `${id}-error` : undefined}>
          {error}
        </Text>
      ) : null}
    </div>
  );
}

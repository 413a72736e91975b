// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Slot } from '../../../shared/api';
import { applyLanguage, i18n } from '../../../renderer/src/app/i18n';
import { AvailabilityGrid } from '../../../renderer/src/features/volunteers/AvailabilityGrid';

function Harness({ onChange }: { onChange: (s: Slot[]) => void }) {
  const [value, setValue] = useState<Slot[]>(['tue.morning']);
  return (
    <AvailabilityGrid
      value={value}
      caption="Availability"
      onChange={(v) => {
        setValue(v);
        onChange(v);
      }}
    />
  );
}

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

const wrap = (ui: React.ReactNode) => (
  <I18nextProvider i18n={i18n}>
    <MantineProvider>{ui}</MantineProvider>
  </I18nextProvider>
);

describe('AvailabilityGrid', () => {
  it('has 21 named checkboxes and toggles slots, keeping the week order', () => {
    applyLanguage('en');
    const onChange = vi.fn();
    render(wrap(<Harness onChange={onChange} />));
    expect(screen.getAllByRole('checkbox')).toHaveLength(21);
    expect(box('Tuesday morning').checked).toBe(true);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Sunday evening' }));
    expect(onChange).toHaveBeenLastCalledWith(['tue.morning', 'sun.evening']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Monday afternoon' }));
    expect(onChange).toHaveBeenLastCalledWith(['mon.afternoon', 'tue.morning', 'sun.evening']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tuesday morning' }));
    expect(onChange).toHaveBeenLastCalledWith(['mon.afternoon', 'sun.evening']);
    expect(box('Tuesday morning').checked).toBe(false);
  });

  it('reads out each slot in French when read-only', () => {
    applyLanguage('fr');
    render(wrap(<AvailabilityGrid value={['wed.evening']} caption="Disponibilités" />));
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.getByText('mercredi soir\u00a0: disponible', { normalizer: (x) => x })).toBeTruthy();
    expect(screen.getByText('lundi matin\u00a0: non disponible', { normalizer: (x) => x })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Disponibilités' })).toBeTruthy();
  });
});

// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { applyLanguage, i18n } from '../../../renderer/src/app/i18n';
import { useFormat } from '../../../renderer/src/lib/format';

const wrapper = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;

describe('useFormat', () => {
  it('formats with the current language and follows a live switch', async () => {
    applyLanguage('fr');
    const { result } = renderHook(() => useFormat(), { wrapper });
    expect(result.current.lang).toBe('fr');
    expect(result.current.date('2026-11-21')).toBe('21 novembre 2026');
    expect(result.current.money(123450)).toBe('1\u202f234,50\u00a0€');
    expect(result.current.minutes(750)).toBe('12\u00a0h\u00a030');

    await act(async () => applyLanguage('en'));
    expect(result.current.lang).toBe('en');
    expect(result.current.date('2026-11-21')).toBe('21 November 2026');
    expect(result.current.number(1234.5)).toBe('1,234.5');
  });
});

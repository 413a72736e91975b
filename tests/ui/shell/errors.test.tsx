// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { applyLanguage, i18n } from '../../../renderer/src/app/i18n';
import { ErrorAlert, errorCode, translateError, translateIssue, useFieldErrors } from '../../../renderer/src/components/errors';
import { ApiError } from '../../../renderer/src/lib/api';

const validation = new ApiError({
  code: 'VALIDATION',
  details: {
    issues: [
      { path: ['siret'], key: 'siret' },
      { path: ['name'], key: 'tooLong', params: { max: 200 } },
      { path: ['options', 1], key: 'required' },
      { path: ['rna'], key: 'someKeyNobodyWrote' },
    ],
  },
});

const withI18n = ({ children }: { children: ReactNode }) => <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;

describe('translateError', () => {
  it('turns an error code into a sentence in the current language', () => {
    const t = i18n.getFixedT('en');
    expect(translateError(t, new ApiError({ code: 'NOT_FOUND' }))).toBe('This record no longer exists.');
    expect(translateError(i18n.getFixedT('fr'), new ApiError({ code: 'NOT_FOUND' }))).toBe('Cette fiche n’existe plus.');
  });

  it('uses the sentence of the reason core gave when it has one, else the code’s', () => {
    const erased = new ApiError({ code: 'CONFLICT', details: { reason: 'erased', id: 3 } });
    expect(translateError(i18n.getFixedT('en'), erased)).toBe('This person’s data was erased: the record can no longer be changed.');
    expect(translateError(i18n.getFixedT('fr'), erased)).toBe('Les données de cette personne ont été effacées\u00a0: la fiche ne peut plus être modifiée.');
    const unknownReason = new ApiError({ code: 'CONFLICT', details: { reason: 'no-sentence-for-this' } });
    expect(translateError(i18n.getFixedT('en'), unknownReason)).toBe('This change conflicts with existing data.');
  });

  it('treats anything that is not an ApiError (or an unknown code) as INTERNAL, never showing raw text', () => {
    const t = i18n.getFixedT('en');
    expect(errorCode(new Error('SQLITE_BUSY: database is locked'))).toBe('INTERNAL');
    expect(errorCode(new ApiError({ code: 'NO_SUCH_CODE' as never }))).toBe('INTERNAL');
    expect(translateError(t, 'boom')).toBe('Something went wrong. Nothing was changed.');
  });

  it('translates validation issues with their parameters, French typography included', () => {
    expect(translateIssue(i18n.getFixedT('en'), { key: 'tooLong', params: { max: 200 } })).toBe('Too long: 200 characters at most.');
    expect(translateIssue(i18n.getFixedT('fr'), { key: 'tooLong', params: { max: 200 } })).toBe('Trop long\u00a0: 200 caractères au maximum.');
    expect(translateIssue(i18n.getFixedT('en'), { key: 'someKeyNobodyWrote' })).toBe('This value is not valid.');
  });
});

describe('useFieldErrors', () => {
  it('gives each field its translated message by dotted path', () => {
    applyLanguage('en');
    const { result } = renderHook(() => useFieldErrors(validation), { wrapper: withI18n });
    const errors = result.current;
    expect(errors('siret')).toBe('A SIRET number has 14 digits.');
    expect(errors('name')).toBe('Too long: 200 characters at most.');
    expect(errors('options.1')).toBe('This field is required.');
    expect(errors('rna')).toBe('This value is not valid.');
    expect(errors('city')).toBeUndefined();
    expect(errors.has('options')).toBe(true);
    expect(errors.has('option')).toBe(false);
  });

  it('follows a live language switch', () => {
    applyLanguage('en');
    const { result, rerender } = renderHook(() => useFieldErrors(validation), { wrapper: withI18n });
    expect(result.current('siret')).toBe('A SIRET number has 14 digits.');
    applyLanguage('fr');
    rerender();
    expect(result.current('siret')).toBe('Un numéro SIRET compte 14 chiffres.');
  });

  it('is empty for anything but a VALIDATION error', () => {
    const { result } = renderHook(() => useFieldErrors(new ApiError({ code: 'CONFLICT' })), { wrapper: withI18n });
    expect(result.current.paths).toEqual([]);
    expect(result.current('siret')).toBeUndefined();
  });
});

describe('ErrorAlert', () => {
  it('shows the translated sentence as an alert, and nothing without an error', () => {
    applyLanguage('fr');
    const { rerender } = render(
      <I18nextProvider i18n={i18n}>
        <MantineProvider>
          <ErrorAlert error={new ApiError({ code: 'DATABASE_TOO_NEW' })} />
        </MantineProvider>
      </I18nextProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Installez la dernière version');
    rerender(
      <I18nextProvider i18n={i18n}>
        <MantineProvider>
          <ErrorAlert error={null} />
        </MantineProvider>
      </I18nextProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, createRoutesFromElements, Outlet, Route, RouterProvider, useLocation } from 'react-router';
import { buildApi, type MethodName } from '../../../shared/api';
import type { Result } from '../../../shared/errors';
import { DatesLocale } from '../../../renderer/src/app/DatesLocale';
import { applyLanguage, i18n } from '../../../renderer/src/app/i18n';
import { volunteerRoutes } from '../../../renderer/src/features/volunteers/routes';

// happy-dom has no FontFaceSet; Mantine's autosizing Textarea listens to it.
if (typeof document !== 'undefined' && !(document as { fonts?: unknown }).fonts) {
  Object.defineProperty(document, 'fonts', { configurable: true, value: Object.assign(new EventTarget(), { ready: Promise.resolve() }) });
}

type Handler = (input: any) => Result<unknown> | Promise<Result<unknown>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A minimal `window.relais` for component tests only: each method answers from the given handlers
 * (anything else fails loudly). e2e tests use the real core instead.
 */
export function mockRelais(handlers: Partial<Record<MethodName, Handler>>) {
  const calls: { method: MethodName; input: unknown }[] = [];
  window.relais = buildApi(async (method, input) => {
    calls.push({ method, input });
    const h = handlers[method];
    if (!h) throw new Error(`unexpected call ${method}`);
    return h(input);
  });
  return calls;
}

export const ok = <T,>(data: T): Result<T> => ({ ok: true, data });

function LocationProbe() {
  const loc = useLocation();
  return <div data-testid="location">{loc.pathname + loc.search}</div>;
}

/** The volunteer screens at a path, with the app's providers and both languages. */
export function renderAt(path: string, { lang = 'en', extra }: { lang?: 'fr' | 'en'; extra?: ReactNode } = {}) {
  applyLanguage(lang);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  // A data router, as in the app (forms ask before they are left).
  const router = createMemoryRouter(
    createRoutesFromElements(
      <Route
        element={
          <>
            <Outlet />
            <LocationProbe />
            {extra}
          </>
        }
      >
        {volunteerRoutes}
        <Route path="*" element={<div>elsewhere</div>} />
      </Route>,
    ),
    { initialEntries: [path] },
  );
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MantineProvider>
          <DatesLocale>
            <Notifications />
            <RouterProvider router={router} />
          </DatesLocale>
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

export const settingsView = {
  language: 'en' as const,
  association: null,
  customFields: [
    { id: 3, label: 'T-shirt size', type: 'choice' as const, options: ['S', 'M', 'L'], position: 1, archived: false },
    { id: 4, label: 'Old field', type: 'text' as const, options: [], position: 2, archived: true },
  ],
  mode: 'real' as const,
  dataDir: '/tmp/relais',
};

export const skillsCatalogue = [
  { id: 1, key: 'active_listening', name: null, category: 'listening' as const, archived: false, volunteerCount: 0 },
  { id: 2, key: 'first_aid', name: null, category: 'health' as const, archived: false, volunteerCount: 0 },
  { id: 3, key: null, name: 'Beekeeping', category: 'other' as const, archived: false, volunteerCount: 0 },
];

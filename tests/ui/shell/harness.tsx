import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, Outlet, RouterProvider, useLocation, type RouteObject } from 'react-router';
import { buildApi, type MethodName, type SettingsView } from '../../../shared/api';
import type { Result } from '../../../shared/errors';
import { DatesLocale } from '../../../renderer/src/app/DatesLocale';
import { applyLanguage, i18n } from '../../../renderer/src/app/i18n';
import { appRoutes } from '../../../renderer/src/app/routes';
import { theme } from '../../../renderer/src/app/theme';

// happy-dom has no FontFaceSet; Mantine's autosizing Textarea listens to it.
if (typeof document !== 'undefined' && !(document as { fonts?: unknown }).fonts) {
  Object.defineProperty(document, 'fonts', { configurable: true, value: Object.assign(new EventTarget(), { ready: Promise.resolve() }) });
}

type Handler = (input: any) => Result<unknown> | Promise<Result<unknown>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A scripted `window.relais` for component tests (e2e use the real core). Unexpected calls fail. */
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

export const refused = (issues: { path: (string | number)[]; key: string; params?: Record<string, string | number> }[]): Result<never> => ({
  ok: false,
  error: { code: 'VALIDATION', details: { issues } },
});

export const association = {
  name: 'Les Amis du Quartier',
  addressLine: null,
  postalCode: null,
  city: 'Lyon',
  rna: null,
  siret: null,
  logo: null,
  signatoryName: null,
  signatoryTitle: null,
};

export function view(overrides: Partial<SettingsView> = {}): SettingsView {
  return { language: 'en', association, customFields: [], mode: 'real', dataDir: '/home/asso/Relais', weeklyHourCap: 10, timeZone: 'Europe/Paris', ...overrides };
}

function LocationProbe() {
  const loc = useLocation();
  return <div data-testid="location">{loc.pathname + loc.search}</div>;
}

/** The app's providers around a data router at `path` (a location probe under every route). */
export function wrap(routes: RouteObject[], path = '/') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  const router = createMemoryRouter(
    [
      {
        id: 'test-probe',
        element: (
          <>
            <Outlet />
            <LocationProbe />
          </>
        ),
        children: routes,
      },
    ],
    { initialEntries: [path] },
  );
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MantineProvider theme={theme}>
          <DatesLocale>
            <Notifications />
            <RouterProvider router={router} />
          </DatesLocale>
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

/** The whole app (start-up gate, setup, shell, settings) at a path. */
export function renderApp(path: string, lang: 'fr' | 'en' = 'en') {
  // Mantine keeps notifications in a module-level store: start each test with none.
  notifications.clean();
  notifications.cleanQueue();
  applyLanguage(lang);
  return render(wrap(appRoutes, path));
}

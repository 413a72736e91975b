import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { createHashRouter, RouterProvider } from 'react-router';
import { DatesLocale } from './DatesLocale';
import { i18n } from './i18n';
import { appRoutes } from './routes';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    // Local data: nothing goes stale on its own, mutations invalidate what they change.
    queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

// A data router (so a form can ask before it is left); hash routing, as the built renderer is
// loaded from a file:// URL.
const router = createHashRouter(appRoutes);

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme}>
          <DatesLocale>
            <Notifications position="top-right" />
            <RouterProvider router={router} />
          </DatesLocale>
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

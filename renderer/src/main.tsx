import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { Autocomplete, MantineProvider, MultiSelect, Select, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './router';
import { foldedOptionsFilter } from './components/folded-options-filter';
import { SessionGate } from './security/session-gate';
import { SignInGate } from './security/sign-in-gate';

// Selects filtering their own options ignore case and accents like every search (issue 14).
const filter = { defaultProps: { filter: foldedOptionsFilter } };
const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, sans-serif',
  components: {
    Select: Select.extend(filter),
    MultiSelect: MultiSelect.extend(filter),
    Autocomplete: Autocomplete.extend(filter),
  },
});
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        <SessionGate>
          <SignInGate>
            <RouterProvider router={router} />
          </SignInGate>
        </SessionGate>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

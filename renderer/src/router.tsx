/** Routes. A hash router, so the same build works from app:// in Electron and from the host. */
import { createHashRouter } from 'react-router';
import { AppShellLayout } from './app-shell';
import { AREAS } from './areas';
import { ComingSoonPage } from './pages/coming-soon-page';
import { DrugsPage } from './pages/drugs-page';
import { HomePage } from './pages/home-page';
import { PayerDetailPage } from './pages/payer-detail-page';
import { PayersPage } from './pages/payers-page';
import { PracticeSettingsPage } from './pages/practice-settings-page';
import { PricesPage } from './pages/prices-page';
import { QuickEstimatePage } from './pages/quick-estimate-page';

export const router = createHashRouter([
  {
    path: '/',
    element: <AppShellLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'drugs', element: <DrugsPage /> },
      { path: 'estimate', element: <QuickEstimatePage /> },
      { path: 'payers', element: <PayersPage /> },
      { path: 'payers/:id', element: <PayerDetailPage /> },
      { path: 'prices', element: <PricesPage /> },
      { path: 'settings', element: <PracticeSettingsPage /> },
      ...AREAS.filter((a) => a.comingSoon).map((a) => ({
        path: a.path.slice(1),
        element: <ComingSoonPage area={a} />,
      })),
    ],
  },
]);

/** Routes. A hash router, so the same build works from app:// in Electron and from the host. */
import { createHashRouter } from 'react-router';
import { AppShellLayout } from './app-shell';
import { AREAS } from './areas';
import { EditAdministrationPage, NewAdministrationPage } from './administrations/administration-editor-page';
import { EditInvoicePage, NewInvoicePage } from './invoices/invoice-editor-page';
import { AdministrationDetailPage } from './pages/administration-detail-page';
import { AdministrationsPage } from './pages/administrations-page';
import { AttachmentsPage } from './pages/attachments-page';
import { ComingSoonPage } from './pages/coming-soon-page';
import { DrugsPage } from './pages/drugs-page';
import { HomePage } from './pages/home-page';
import { InvoiceDetailPage } from './pages/invoice-detail-page';
import { InvoicesPage } from './pages/invoices-page';
import { PatientsPage } from './pages/patients-page';
import { PayerDetailPage } from './pages/payer-detail-page';
import { PayersPage } from './pages/payers-page';
import { PracticeSettingsPage } from './pages/practice-settings-page';
import { PricesPage } from './pages/prices-page';
import { QuickEstimatePage } from './pages/quick-estimate-page';
import { ReferenceDataPage } from './pages/reference-data-page';
import { ReportsPage } from './pages/reports-page';
import { EraFilePage } from './pages/era-file-page';
import { RemittancesPage } from './pages/remittances-page';
import { StockPage } from './pages/stock-page';
import { SuppliersPage } from './pages/suppliers-page';
import { PatientDetailPage } from './pages/patient-detail-page';
import { ProvidersPage } from './pages/providers-page';
import { AuditLogPage } from './pages/audit-log-page';
import { TransitionsPage } from './pages/transitions-page';
import { UnmatchedPage } from './pages/unmatched-page';
import { WorklistsPage } from './pages/worklists-page';

export const router = createHashRouter([
  {
    path: '/',
    element: <AppShellLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'drugs', element: <DrugsPage /> },
      { path: 'estimate', element: <QuickEstimatePage /> },
      { path: 'invoices', element: <InvoicesPage /> },
      { path: 'invoices/new', element: <NewInvoicePage /> },
      { path: 'invoices/:id', element: <InvoiceDetailPage /> },
      { path: 'invoices/:id/edit', element: <EditInvoicePage /> },
      { path: 'stock', element: <StockPage /> },
      { path: 'administrations', element: <AdministrationsPage /> },
      { path: 'administrations/new', element: <NewAdministrationPage /> },
      { path: 'administrations/:id', element: <AdministrationDetailPage /> },
      { path: 'administrations/:id/edit', element: <EditAdministrationPage /> },
      { path: 'patients', element: <PatientsPage /> },
      { path: 'patients/:id', element: <PatientDetailPage /> },
      { path: 'suppliers', element: <SuppliersPage /> },
      { path: 'providers', element: <ProvidersPage /> },
      { path: 'audit', element: <AuditLogPage /> },
      { path: 'payers', element: <PayersPage /> },
      { path: 'payers/:id', element: <PayerDetailPage /> },
      { path: 'prices', element: <PricesPage /> },
      { path: 'attachments', element: <AttachmentsPage /> },
      { path: 'remittances', element: <RemittancesPage /> },
      { path: 'remittances/unmatched', element: <UnmatchedPage /> },
      { path: 'remittances/files/:id', element: <EraFilePage /> },
      { path: 'worklists', element: <WorklistsPage /> },
      { path: 'worklists/:list', element: <WorklistsPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'reference', element: <ReferenceDataPage /> },
      { path: 'transitions', element: <TransitionsPage /> },
      { path: 'settings', element: <PracticeSettingsPage /> },
      ...AREAS.filter((a) => a.comingSoon).map((a) => ({
        path: a.path.slice(1),
        element: <ComingSoonPage area={a} />,
      })),
    ],
  },
]);

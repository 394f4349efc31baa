/** The app's areas, in sidebar order. Areas not built yet say what they will do. */
export type Area = { path: string; label: string; purpose: string; comingSoon?: boolean };

export const AREAS: readonly Area[] = [
  { path: '/', label: 'Home', purpose: 'Where to start and what needs attention.' },
  { path: '/drugs', label: 'Drug catalog', purpose: 'Drugs by NDC with strength, package and container.' },
  {
    path: '/invoices',
    label: 'Invoices',
    purpose: 'Acquisition invoices with NDC, lot, expiry and cost, and the supplier’s scan.',
  },
  {
    path: '/suppliers',
    label: 'Suppliers',
    purpose: 'The distributors and pharmacies invoices come from.',
  },
  {
    path: '/stock',
    label: 'Stock',
    purpose: 'On-hand quantity by lot, expiring lots and adjustments.',
  },
  {
    path: '/administrations',
    label: 'Administrations',
    purpose: 'Each dose given, its claim lines, estimate and readiness to bill.',
  },
  {
    path: '/patients',
    label: 'Patients',
    purpose: 'Patients with date of birth, account/MRN, payer and member ID.',
  },
  {
    path: '/providers',
    label: 'Providers',
    purpose: 'The practice’s ordering and rendering providers with their NPIs.',
  },
  {
    path: '/payers',
    label: 'Payers',
    purpose: 'Payers, their requirements and their contract terms over time.',
  },
  { path: '/prices', label: 'Prices', purpose: 'AWP, WAC and CMS payment limits by date.' },
  {
    path: '/attachments',
    label: 'Attachments',
    purpose: 'PDF cost attachments for J3490 claims, one at a time or in batches.',
  },
  {
    path: '/remittances',
    label: 'Remittances',
    purpose: 'Imported 835 remittances, expected against paid per line.',
  },
  {
    path: '/worklists',
    label: 'Worklists',
    purpose: 'Underpaid, denied and unpaid claim lines, unmatched payments and stock never billed.',
  },
  {
    path: '/reports',
    label: 'Reports',
    purpose: 'Expected against paid, margin, volume and days to payment, with charts and exports.',
  },
  {
    path: '/transitions',
    label: 'Code transitions',
    purpose: 'Drugs billed under J3490 and other NOC codes, their specific codes and the move to them.',
  },
  {
    path: '/reference',
    label: 'Reference data',
    purpose: 'The CMS crosswalk, HCPCS updates and FDA NDC directory the code check uses.',
  },
  {
    path: '/audit',
    label: 'Audit log',
    purpose: 'Who changed what and when, with each field before and after.',
  },
  {
    path: '/settings',
    label: 'Settings',
    purpose: 'The practice’s name, address, NPI and TIN as they print on claims.',
  },
];

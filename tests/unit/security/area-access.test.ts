/**
 * Issue 16: the navigation shows a role the pages of its work (renderer/src/security/area-access.ts):
 * a biller no finance or purchasing pages, finance no patients, the owner everything, read-only
 * every page to look at, and everyone everything while the practice has no accounts.
 */
import { describe, expect, it } from 'vitest';
import { AREAS } from '../../../renderer/src/areas';
import { roleSeesLink, roleSeesPage } from '../../../renderer/src/security/area-access';
import type { Role } from '../../../shared/domain/roles';

const pagesOf = (role: Role | undefined) => AREAS.filter((a) => roleSeesPage(role, a.path)).map((a) => a.label);

describe('pages a role sees', () => {
  it('a biller: patients, administrations and attachments, no finance or purchasing pages', () => {
    expect(pagesOf('biller')).toEqual([
      'Home',
      'Administrations',
      'Patients',
      'Attachments',
      'Worklists',
      'Code transitions',
      'Reference data',
      'Audit log',
      'Settings',
    ]);
  });

  it('finance: payers, prices, remittances and reports, not patients or invoices', () => {
    const pages = pagesOf('finance');
    expect(pages).toEqual(expect.arrayContaining(['Payers', 'Prices', 'Remittances', 'Reports']));
    expect(pages).not.toContain('Patients');
    expect(pages).not.toContain('Invoices');
  });

  it('the practice administrator: drugs, invoices, suppliers, stock and providers, no remittances', () => {
    const pages = pagesOf('administrator');
    expect(pages).toEqual(expect.arrayContaining(['Drug catalog', 'Invoices', 'Suppliers', 'Stock', 'Providers']));
    expect(pages).not.toContain('Remittances');
  });

  it('the owner, read-only and a practice without accounts: every page', () => {
    const all = AREAS.map((a) => a.label);
    expect(pagesOf('owner')).toEqual(all);
    expect(pagesOf('read-only')).toEqual(all);
    expect(pagesOf(undefined)).toEqual(all);
  });

  it('a link leads to the page its address opens, with its filters: Home offers a biller no stock or reports', () => {
    expect(roleSeesLink('biller', '/worklists/denied')).toBe(true);
    expect(roleSeesLink('biller', '/administrations?status=draft&readiness=not-ready')).toBe(true);
    expect(roleSeesLink('biller', '/stock?status=expiring&days=30')).toBe(false);
    expect(roleSeesLink('biller', '/reports')).toBe(false);
    expect(roleSeesLink('finance', '/reports')).toBe(true);
    expect(roleSeesLink(undefined, '/stock?status=expiring')).toBe(true);
  });
});

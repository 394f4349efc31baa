/**
 * Which pages a role sees (issue 16): each page is named by the channel its main work needs, and
 * a role that may not call it does not see the page in the navigation (the services refuse the
 * call anyway: this only spares the person a page of buttons that would all be refused). A page
 * not listed is everyone's. Read-only sees every page: looking is its work.
 */
import type { Channel } from '../../../shared/api/contract';
import { mayCall } from '../../../shared/api/channel-roles';
import type { Role } from '../../../shared/domain/roles';

const MAIN_WORK: ReadonlyMap<string, Channel> = new Map<string, Channel>([
  ['/drugs', 'drugs:create'],
  ['/invoices', 'invoices:create'],
  ['/suppliers', 'suppliers:create'],
  ['/stock', 'stock:adjust'],
  ['/administrations', 'administrations:create'],
  ['/patients', 'patients:create'],
  ['/providers', 'providers:create'],
  ['/payers', 'payers:create'],
  ['/prices', 'prices:create'],
  ['/attachments', 'attachments:generate'],
  ['/remittances', 'remittances:import'],
  // Reports are the money side: paid against expected, rated against finance's tolerance.
  ['/reports', 'settings:setVarianceTolerance'],
  ['/transitions', 'transitions:setItem'],
]);

/** Whether `role` sees the page at `path`; with no accounts (role undefined) every page is shown. */
export function roleSeesPage(role: Role | undefined, path: string): boolean {
  if (role === undefined || role === 'read-only') return true;
  const work = MAIN_WORK.get(path);
  return work === undefined || mayCall(role, work);
}

/** Whether a link to `to` ("/worklists/denied?x=1") leads `role` to a page it sees ("/worklists"). */
export const roleSeesLink = (role: Role | undefined, to: string): boolean =>
  roleSeesPage(role, `/${to.split(/[/?#]/)[1] ?? ''}`);

/**
 * Who may call each channel when the practice has accounts (issue 16). Every channel of the
 * contract is named here (the `satisfies` makes a new channel without an entry a type error):
 * - OPEN: answered before anyone signs in (what the sign-in and lock screens need);
 * - READ: every signed-in role, read-only included (lists, records, estimates, exports);
 * - the others: the owner and the roles whose work the channel is (shared/domain/roles.ts).
 * The services refuse anyone else with FORBIDDEN; the UI hides what a role cannot do.
 */
import { ROLES, type Role } from '../domain/roles';
import type { Channel } from './contract';

export const OPEN = 'open' as const;
const READ: readonly Role[] = ROLES;
const OWNER: readonly Role[] = ['owner'];
const PURCHASING: readonly Role[] = ['owner', 'administrator'];
const BILLING: readonly Role[] = ['owner', 'biller'];
const FINANCE: readonly Role[] = ['owner', 'finance'];
/** Imports bring invoices (the administrator's) and fee schedules and prices (finance's). */
const IMPORTING: readonly Role[] = ['owner', 'administrator', 'finance'];
/** Reference data and code transitions are billing's work, and finance's when it prices them. */
const CODING: readonly Role[] = ['owner', 'biller', 'finance'];

export const CHANNEL_ROLES = {
  'app:info': OPEN,
  'session:status': OPEN,
  'session:unlock': OPEN,
  'session:lock': READ,
  'session:setPassphrase': OWNER,
  'session:setLockAfter': OWNER,
  'auth:status': OPEN,
  'auth:createFirstOwner': OPEN,
  'auth:signIn': OPEN,
  'auth:signOut': READ,
  'auth:changePassword': READ,
  'users:list': OWNER,
  'users:create': OWNER,
  'users:deactivate': OWNER,
  'users:setPassword': OWNER,
  'users:setSessionIdle': OWNER,

  // Sharing is the owner's; which server a desk works on is the desk's, chosen before anyone can
  // sign in there (the person confirms the server's fingerprint first).
  'sharing:status': READ,
  'sharing:set': OWNER,
  'desk:status': OPEN,
  'desk:peek': OPEN,
  'desk:connect': OPEN,
  'desk:disconnect': OPEN,

  'practice:get': READ,
  'practice:set': OWNER,
  'settings:get': READ,
  'settings:setVarianceTolerance': FINANCE,
  'backups:list': READ,
  'backups:create': READ,
  'backups:restore': OWNER,
  'backups:delete': OWNER,
  'audit:list': READ,
  'audit:facets': READ,
  'search:everything': READ,
  'home:summary': READ,

  'drugs:list': READ,
  'drugs:get': READ,
  'drugs:usage': READ,
  'drugs:create': PURCHASING,
  'drugs:update': PURCHASING,
  'drugs:correct': PURCHASING,
  'drugs:delete': PURCHASING,
  'suppliers:list': READ,
  'suppliers:usage': READ,
  'suppliers:mergePlan': READ,
  'suppliers:create': PURCHASING,
  'suppliers:update': PURCHASING,
  'suppliers:merge': PURCHASING,
  'invoices:list': READ,
  'invoices:get': READ,
  'invoices:scan': READ,
  'invoices:create': PURCHASING,
  'invoices:update': PURCHASING,
  'invoices:delete': PURCHASING,
  'invoices:attachScan': PURCHASING,
  'stock:list': READ,
  'stock:suggest': READ,
  'stock:adjust': PURCHASING,
  'providers:list': READ,
  'providers:create': PURCHASING,
  'providers:update': PURCHASING,
  'providers:deactivate': PURCHASING,
  'imports:preview': IMPORTING,
  'imports:commit': IMPORTING,
  'imports:mapping': IMPORTING,

  'estimate:scenario': READ,
  'resolve:terms': READ,
  'resolve:estimate': READ,
  'patients:list': READ,
  'patients:get': READ,
  'patients:record': READ,
  'patients:documents': READ,
  'patients:create': BILLING,
  'patients:update': BILLING,
  'patients:delete': BILLING,
  'administrations:list': READ,
  'administrations:get': READ,
  'administrations:preview': READ,
  'administrations:create': BILLING,
  'administrations:update': BILLING,
  'administrations:delete': BILLING,
  'administrations:setStatus': BILLING,
  'administrations:recordNocInstruction': BILLING,
  'administrations:useSpecificCode': BILLING,
  'administrations:recompute': BILLING,
  'administrations:recomputeStale': BILLING,
  'attachments:generate': BILLING,
  'attachments:batchStart': BILLING,
  'attachments:batchStatus': READ,
  'attachments:batchCancel': BILLING,
  'documents:list': READ,
  'documents:read': READ,
  'documents:save': READ,
  'reference:imports': READ,
  'reference:check': READ,
  'reference:lookupNdc': READ,
  'reference:quarterSummary': READ,
  'reference:preview': CODING,
  'reference:commit': CODING,
  'transitions:list': READ,
  'transitions:export': READ,
  'transitions:setItem': CODING,

  'payers:list': READ,
  'payers:get': READ,
  'payers:templates': READ,
  'payers:createFromTemplate': FINANCE,
  'payers:create': FINANCE,
  'payers:update': FINANCE,
  'payers:confirmProfile': FINANCE,
  'payers:delete': FINANCE,
  'contracts:create': FINANCE,
  'contracts:update': FINANCE,
  'contracts:delete': FINANCE,
  'feeSchedule:list': READ,
  'paymentLimits:list': READ,
  'prices:history': READ,
  'prices:create': FINANCE,
  'prices:update': FINANCE,
  'prices:delete': FINANCE,
  'remittances:files': READ,
  'remittances:file': READ,
  'remittances:unmatched': READ,
  'remittances:preview': FINANCE,
  'remittances:import': FINANCE,
  'remittances:match': FINANCE,
  'remittances:unmatch': FINANCE,
  'payments:ofAdministration': READ,
  'payments:post': FINANCE,
  'payments:correct': FINANCE,
  'payments:delete': FINANCE,
  'variance:list': READ,
  'reports:expectedVsPaid': READ,
  'reports:margin': READ,
  'reports:volume': READ,
  'reports:daysToPayment': READ,
  'reports:export': READ,
  'worklists:aging': READ,
  'worklists:neverBilled': READ,
  'worklists:appealLetter': FINANCE,
} as const satisfies Record<Channel, readonly Role[] | typeof OPEN>;

/** Whether `role` may call `channel` (an OPEN channel: anyone, signed in or not). */
export function mayCall(role: Role | null, channel: Channel): boolean {
  const allowed: readonly Role[] | typeof OPEN = CHANNEL_ROLES[channel];
  if (allowed === OPEN) return true;
  return role !== null && allowed.includes(role);
}

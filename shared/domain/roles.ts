/**
 * The roles of a practice's people (issue 16): who may do what matches the work each does.
 * - owner: everything, users and settings included;
 * - administrator: the practice administrator: suppliers, invoices, stock, drugs, providers;
 * - biller: patients, administrations, attachments, estimates;
 * - finance: payers, contracts, prices, remittances and payments, reports;
 * - read-only: looks, changes nothing.
 * Everyone signed in may read; shared/api/channel-roles.ts names who may call each channel.
 */
export const ROLES = ['owner', 'administrator', 'biller', 'finance', 'read-only'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

const ROLE_WORDS: Record<Role, string> = {
  owner: 'Owner',
  administrator: 'Practice administrator',
  biller: 'Biller',
  finance: 'Finance',
  'read-only': 'Read only',
};

export const roleWords = (role: Role): string => ROLE_WORDS[role];

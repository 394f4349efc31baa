/**
 * Issue 16, roles: every channel of the contract names who may call it, and the roles match the
 * work (a biller cannot post payments or change prices; finance cannot change patients; read-only
 * changes nothing; only the owner restores backups or sets the passphrase).
 */
import { describe, expect, it } from 'vitest';
import { CHANNEL_ROLES, mayCall, OPEN } from '../../../shared/api/channel-roles';
import { channels, type Channel } from '../../../shared/api/contract';
import { ROLES } from '../../../shared/domain/roles';

const may = (role: (typeof ROLES)[number], ...list: Channel[]) => list.map((c) => mayCall(role, c));

describe('who may call each channel', () => {
  it('names every channel of the contract, and nothing else', () => {
    expect(Object.keys(CHANNEL_ROLES).sort()).toEqual([...channels].sort());
  });

  it('lets read-only people read and change nothing', () => {
    const writes = channels.filter((c) => CHANNEL_ROLES[c] !== OPEN && !mayCall('read-only', c));
    expect(may('read-only', 'patients:list', 'administrations:get', 'reports:margin', 'variance:list')).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(may('read-only', 'patients:create', 'payments:post', 'prices:update', 'invoices:create')).toEqual([
      false,
      false,
      false,
      false,
    ]);
    // Every channel read-only may not call is one some other role may: nothing is unreachable but to the owner.
    for (const c of writes) expect(mayCall('owner', c), c).toBe(true);
  });

  it('gives each role its own work', () => {
    expect(may('biller', 'patients:create', 'administrations:create', 'attachments:generate')).toEqual([
      true,
      true,
      true,
    ]);
    expect(may('biller', 'payments:post', 'prices:create', 'remittances:import', 'invoices:create')).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(may('finance', 'payers:create', 'contracts:update', 'prices:create', 'remittances:import')).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(may('finance', 'patients:update', 'administrations:setStatus', 'drugs:create')).toEqual([
      false,
      false,
      false,
    ]);
    expect(may('administrator', 'suppliers:create', 'invoices:create', 'stock:adjust', 'drugs:update')).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(may('administrator', 'payments:post', 'patients:create')).toEqual([false, false]);
  });

  it('keeps the practice’s keys with the owner', () => {
    for (const role of ROLES.filter((r) => r !== 'owner')) {
      expect(may(role, 'backups:restore', 'session:setPassphrase', 'practice:set'), role).toEqual([
        false,
        false,
        false,
      ]);
    }
    expect(may('owner', 'backups:restore', 'session:setPassphrase', 'practice:set')).toEqual([true, true, true]);
  });

  it('lets only the owner set others’ passwords and the session idle time, and everyone change their own', () => {
    for (const role of ROLES.filter((r) => r !== 'owner')) {
      expect(may(role, 'users:setPassword', 'users:setSessionIdle'), role).toEqual([false, false]);
    }
    expect(may('owner', 'users:setPassword', 'users:setSessionIdle')).toEqual([true, true]);
    for (const role of ROLES) expect(mayCall(role, 'auth:changePassword'), role).toBe(true);
    expect(mayCall(null, 'auth:changePassword')).toBe(false);
  });

  it('answers what the sign-in and lock screens need before anyone signs in', () => {
    expect([mayCall(null, 'app:info'), mayCall(null, 'session:status'), mayCall(null, 'session:unlock')]).toEqual([
      true,
      true,
      true,
    ]);
    expect(mayCall(null, 'patients:list')).toBe(false);
  });
});

/**
 * The audit log page's reads (audit:list, audit:facets) on a real SQLite file: changes made by two
 * people on the same database at known times, then found by kind of record, one record, user and
 * a range of the practice's local days (Chicago here, where a UTC date would be a day off in the
 * evening), newest first and a page at a time; refusals for filters that make no sense.
 */
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../electron/services/context';
import type { Patient } from '../../shared/domain/patient';
import type { Payer } from '../../shared/domain/payer';
import type { AuditEntryView } from '../../shared/api/audit-channels';
import { dispatch } from '../../electron/services/dispatch';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';

const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Chicago';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

const h = serviceHarness({ actor: 'tester', start: '2025-03-01T15:00:00.000Z' });
type Listed = { rows: AuditEntryView[]; total: number };
const list = (args: Record<string, unknown>) => h.value<Listed>('audit:list', args);
const summary = (l: Listed) => l.rows.map((r) => `${r.actor} ${r.action} ${r.entity} ${r.entityId}`);

let dana: Services;
let payer: Payer;
let rivera: Patient;
let chen: Patient;

/** Dana works on the same database from her own login (a second connection, her own name). */
async function asDana<T>(channel: string, args: unknown): Promise<T> {
  const reply = await dispatch(dana.handlers, channel, args);
  if (!reply.ok) throw new Error(`${channel} refused: ${reply.error.message}`);
  return reply.value as T;
}

beforeEach(async () => {
  dana = openServices({ dataDir: h.dir(), mode: 'cli', now: h.clock.now, actor: 'dana' });
  // Mar 1, 9:00 AM in Chicago: tester adds a payer and two patients.
  payer = await h.value<Payer>('payers:create', { name: 'Aetna', payerType: 'commercial' });
  const patient = (lastName: string, accountNumber: string) =>
    h.value<Patient>('patients:create', {
      lastName,
      firstName: 'Ana',
      dateOfBirth: '1956-07-04',
      accountNumber,
      payerId: payer.id,
      memberId: 'W1',
    });
  rivera = await patient('Rivera', 'MRN-1');
  chen = await patient('Chen', 'MRN-2');
  // Mar 1, 9:30 PM in Chicago (already Mar 2 in UTC): Dana corrects Rivera's member ID.
  h.clock.set('2025-03-02T03:30:00.000Z');
  await asDana('patients:update', { ...rivera, memberId: 'W2' });
  // Mar 2, 10:00 AM in Chicago: Dana deletes Chen.
  h.clock.set('2025-03-02T16:00:00.000Z');
  await asDana('patients:delete', { id: chen.id });
});

afterEach(() => dana.close());

describe('audit:list', () => {
  it('lists every change newest first with who, when, and the record before and after', async () => {
    const all = await list({});
    expect(all.total).toBe(5);
    expect(summary(all)).toEqual([
      `dana delete patient ${chen.id}`,
      `dana update patient ${rivera.id}`,
      `tester create patient ${chen.id}`,
      `tester create patient ${rivera.id}`,
      `tester create payer ${payer.id}`,
    ]);
    const [deleted, updated] = all.rows;
    expect(deleted).toMatchObject({ at: '2025-03-02T16:00:00.000Z', after: null });
    expect(deleted?.before).toMatchObject({ lastName: 'Chen' });
    expect(updated?.before).toMatchObject({ memberId: 'W1' });
    expect(updated?.after).toMatchObject({ memberId: 'W2' });
  });

  it('filters by kind of record, and by one record of that kind', async () => {
    expect(summary(await list({ entity: 'payer' }))).toEqual([`tester create payer ${payer.id}`]);
    const patients = await list({ entity: 'patient' });
    expect(patients.total).toBe(4);
    const one = await list({ entity: 'patient', entityId: rivera.id });
    expect(summary(one)).toEqual([`dana update patient ${rivera.id}`, `tester create patient ${rivera.id}`]);
    // The record's number as text (a link's query string) finds the same entries.
    expect((await list({ entity: 'patient', entityId: String(rivera.id) })).total).toBe(2);
    expect((await list({ entity: 'payer', entityId: rivera.id + 100 })).total).toBe(0);
  });

  it('filters by user', async () => {
    expect(summary(await list({ actor: 'dana' }))).toEqual([
      `dana delete patient ${chen.id}`,
      `dana update patient ${rivera.id}`,
    ]);
    expect((await list({ actor: 'tester', entity: 'patient' })).total).toBe(2);
    expect((await list({ actor: 'nobody' })).total).toBe(0);
  });

  it('filters by the practice’s local days, both ends included', async () => {
    // Dana's 9:30 PM change is on Mar 1 in Chicago though its UTC date is Mar 2.
    const firstOfMarch = await list({ from: '2025-03-01', to: '2025-03-01' });
    expect(firstOfMarch.total).toBe(4);
    expect(summary(firstOfMarch)[0]).toBe(`dana update patient ${rivera.id}`);
    expect(summary(await list({ from: '2025-03-02' }))).toEqual([`dana delete patient ${chen.id}`]);
    expect((await list({ to: '2025-02-28' })).total).toBe(0);
    expect((await list({ from: '2025-03-01', actor: 'dana', entity: 'patient' })).total).toBe(2);
  });

  it('pages through the entries with the total of all that match', async () => {
    const second = await list({ limit: 2, offset: 2 });
    expect(second.total).toBe(5);
    expect(summary(second)).toEqual([`tester create patient ${chen.id}`, `tester create patient ${rivera.id}`]);
    expect((await list({ limit: 2, offset: 10 })).rows).toEqual([]);
  });

  it('refuses an end date before the start date, and a record number without its kind', async () => {
    const reversed = await h.refusal('audit:list', { from: '2025-03-02', to: '2025-03-01' });
    expect(fieldCodes(reversed)).toEqual([{ field: 'to', code: 'DATE_RANGE_REVERSED' }]);
    expect(reversed.message).toBe('The end date is before the start date.');
    const noKind = await h.refusal('audit:list', { entityId: '1' });
    expect(fieldCodes(noKind)).toEqual([{ field: 'entity', code: 'AUDIT_ENTITY_REQUIRED' }]);
    const badDate = await h.refusal('audit:list', { from: '03/01/2025' });
    expect(fieldCodes(badDate)).toEqual([{ field: 'from', code: 'INVALID_INPUT' }]);
  });
});

describe('audit:facets', () => {
  it('names each kind of record and each user in the log once, alphabetically', async () => {
    expect(await h.value('audit:facets', {})).toEqual({ entities: ['patient', 'payer'], actors: ['dana', 'tester'] });
  });
});

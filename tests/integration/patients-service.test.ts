/**
 * Patients through openServices + dispatch on a real SQLite file with a fixed clock: the minimum
 * a claim needs, a unique account/MRN, a payer that exists, search, and an audit row per change.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Patient, PatientInput } from '../../shared/domain/patient';
import type { Payer } from '../../shared/domain/payer';
import { auditLog } from '../../electron/services/repositories/audit-log';
import { serviceHarness } from './service-harness';
import { fieldCodes } from './service-calls';

let aetna: Payer;
const { services, clock, value, refusal, version: storedVersion } = serviceHarness();

const patientCount = (): number =>
  (services().ctx.db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;

const audit = (id: number) =>
  auditLog(services().ctx.db)
    .forEntity('patient', id)
    .map(({ at, actor, action, before, after }) => ({ at, actor, action, before, after }));

const patient = (changes: Partial<PatientInput> = {}): PatientInput => ({
  lastName: 'Rivera',
  firstName: 'Ana',
  dateOfBirth: '1956-07-04',
  accountNumber: 'MRN-00412',
  payerId: aetna.id,
  memberId: 'W123456789',
  ...changes,
});

type Listed = { rows: Patient[]; total: number };
const names = (l: Listed): string[] => l.rows.map((p) => `${p.lastName}, ${p.firstName}`);

beforeEach(async () => {
  aetna = await value<Payer>('payers:create', { name: 'Aetna', payerType: 'commercial' });
});

describe('patients:create and patients:get', () => {
  it('stores a trimmed patient with the payer name, stamped with the clock, and audits it', async () => {
    const created = await value<Patient>(
      'patients:create',
      patient({ lastName: '  Rivera ', accountNumber: ' MRN-00412 ', memberId: ' W123456789 ' }),
    );
    expect(created).toEqual({
      id: 1,
      version: 1,
      lastName: 'Rivera',
      firstName: 'Ana',
      dateOfBirth: '1956-07-04',
      accountNumber: 'MRN-00412',
      payerId: aetna.id,
      payerName: 'Aetna',
      memberId: 'W123456789',
      createdAt: '2025-03-01T12:00:00.000Z',
      updatedAt: '2025-03-01T12:00:00.000Z',
    });
    expect(await value('patients:get', { id: 1 })).toEqual(created);
    expect(audit(1)).toEqual([
      { at: '2025-03-01T12:00:00.000Z', actor: 'tester', action: 'create', before: null, after: created },
    ]);
  });

  it('takes a self-pay patient without payer or member ID', async () => {
    const created = await value<Patient>('patients:create', {
      lastName: 'Okafor',
      firstName: 'Chidi',
      dateOfBirth: '2024-02-29',
      accountNumber: '7781',
    });
    expect(created).toMatchObject({ payerId: null, payerName: null, memberId: '', dateOfBirth: '2024-02-29' });
  });

  it('refuses an account/MRN that is already taken, and writes nothing', async () => {
    await value('patients:create', patient());
    const error = await refusal('patients:create', patient({ lastName: 'Other', accountNumber: 'MRN-00412' }));
    expect(error).toEqual({
      code: 'PATIENT_ACCOUNT_TAKEN',
      message: 'Account / MRN MRN-00412 already belongs to Rivera, Ana.',
      fields: [
        {
          field: 'accountNumber',
          code: 'PATIENT_ACCOUNT_TAKEN',
          message: 'Account / MRN MRN-00412 already belongs to Rivera, Ana.',
        },
      ],
    });
    expect(patientCount()).toBe(1);
  });

  it('refuses a payer that does not exist, on the payer field', async () => {
    const error = await refusal('patients:create', patient({ payerId: 999 }));
    expect(error.code).toBe('PAYER_NOT_FOUND');
    expect(fieldCodes(error)).toEqual([{ field: 'payerId', code: 'PAYER_NOT_FOUND' }]);
    expect(patientCount()).toBe(0);
  });

  it('refuses a date of birth that is no real day, before 1900 or missing, and empty names', async () => {
    const feb30 = await refusal('patients:create', patient({ dateOfBirth: '2025-02-30' }));
    expect(feb30.code).toBe('DATE_INVALID');
    expect(fieldCodes(feb30)).toEqual([{ field: 'dateOfBirth', code: 'DATE_INVALID' }]);
    expect(feb30.message).toBe('Date of birth 2025-02-30 is not a real calendar date.');
    expect(fieldCodes(await refusal('patients:create', patient({ dateOfBirth: '2023-02-29' })))).toEqual([
      { field: 'dateOfBirth', code: 'DATE_INVALID' },
    ]);
    expect(fieldCodes(await refusal('patients:create', patient({ dateOfBirth: '03/01/1956' })))).toEqual([
      { field: 'dateOfBirth', code: 'DATE_INVALID' },
    ]);
    const blank = await refusal('patients:create', patient({ lastName: ' ', accountNumber: '' }));
    expect(blank.fields?.map((f) => [f.field, f.message])).toEqual([
      ['lastName', 'Last name is required.'],
      ['accountNumber', 'Account / MRN is required.'],
    ]);
    expect(patientCount()).toBe(0);
  });

  it('answers PATIENT_NOT_FOUND for an unknown id', async () => {
    for (const [channel, args] of [
      ['patients:get', { id: 5 }],
      ['patients:update', { ...patient(), id: 5, version: storedVersion('patients', 5) }],
      ['patients:delete', { id: 5 }],
    ] as const) {
      expect((await refusal(channel, args)).code).toBe('PATIENT_NOT_FOUND');
    }
  });
});

describe('patients:update and patients:delete', () => {
  let ana: Patient;
  beforeEach(async () => {
    ana = await value<Patient>('patients:create', patient());
  });

  it('changes every field, keeps createdAt, stamps updatedAt and audits before and after', async () => {
    const cigna = await value<Payer>('payers:create', { name: 'Cigna', payerType: 'commercial' });
    const at = clock.advance(3600);
    const updated = await value<Patient>('patients:update', {
      id: ana.id,
      version: storedVersion('patients', ana.id),
      lastName: 'Rivera-Lopez',
      firstName: 'Ana María',
      dateOfBirth: '1956-07-05',
      accountNumber: 'MRN-00413',
      payerId: cigna.id,
      memberId: 'U0099',
    });
    expect(updated).toEqual({
      ...ana,
      version: ana.version + 1,
      lastName: 'Rivera-Lopez',
      firstName: 'Ana María',
      dateOfBirth: '1956-07-05',
      accountNumber: 'MRN-00413',
      payerId: cigna.id,
      payerName: 'Cigna',
      memberId: 'U0099',
      updatedAt: at,
    });
    expect(audit(ana.id).map((r) => [r.action, r.before, r.after])).toEqual([
      ['create', null, ana],
      ['update', ana, updated],
    ]);
  });

  it('keeps its own account number, but not another patient’s', async () => {
    const ben = await value<Patient>('patients:create', patient({ firstName: 'Ben', accountNumber: 'MRN-00500' }));
    const same = await value<Patient>('patients:update', {
      ...patient({ memberId: 'NEW' }),
      id: ana.id,
      version: storedVersion('patients', ana.id),
    });
    expect(same.memberId).toBe('NEW');
    const error = await refusal('patients:update', {
      ...patient({ firstName: 'Ben' }),
      id: ben.id,
      version: storedVersion('patients', ben.id),
    });
    expect(fieldCodes(error)).toEqual([{ field: 'accountNumber', code: 'PATIENT_ACCOUNT_TAKEN' }]);
    const unknownPayer = await refusal('patients:update', {
      ...patient({ payerId: 77 }),
      id: ana.id,
      version: storedVersion('patients', ana.id),
    });
    expect(fieldCodes(unknownPayer)).toEqual([{ field: 'payerId', code: 'PAYER_NOT_FOUND' }]);
    expect(await value('patients:get', { id: ben.id })).toEqual(ben);
    expect(audit(ben.id).map((r) => r.action)).toEqual(['create']);
  });

  it('deletes a patient, returns it and audits it', async () => {
    const at = clock.advance(60);
    expect(await value('patients:delete', { id: ana.id })).toEqual(ana);
    expect(patientCount()).toBe(0);
    expect((await refusal('patients:get', { id: ana.id })).code).toBe('PATIENT_NOT_FOUND');
    expect(audit(ana.id).at(-1)).toEqual({ at, actor: 'tester', action: 'delete', before: ana, after: null });
  });

  it('shows the payer’s current name, and no payer once the payer is deleted', async () => {
    await value('payers:update', {
      id: aetna.id,
      version: storedVersion('payers', aetna.id),
      name: 'Aetna Better Health',
      payerType: 'commercial',
    });
    expect(await value<Patient>('patients:get', { id: ana.id })).toMatchObject({ payerName: 'Aetna Better Health' });
    await value('payers:delete', { id: aetna.id });
    expect(await value<Patient>('patients:get', { id: ana.id })).toMatchObject({ payerId: null, payerName: null });
  });
});

describe('patients:list', () => {
  beforeEach(async () => {
    for (const p of [
      { lastName: 'Smith', firstName: 'John', accountNumber: 'A-100', memberId: 'XJ55501' },
      { lastName: 'de la Cruz', firstName: 'Maria', accountNumber: 'A-101', memberId: '' },
      { lastName: 'Smith', firstName: 'Abigail', accountNumber: 'B-200', memberId: 'ZQ9' },
      { lastName: 'Adams', firstName: 'Joan', accountNumber: 'C-300', memberId: 'XJ55577' },
      { lastName: 'smithers', firstName: 'Wayland', accountNumber: '100_5', memberId: '' },
    ]) {
      await value('patients:create', patient(p));
    }
  });

  it('orders by last name then first name, ignoring case, with the payer name', async () => {
    const all = await value<Listed>('patients:list', {});
    expect(names(all)).toEqual([
      'Adams, Joan',
      'de la Cruz, Maria',
      'Smith, Abigail',
      'Smith, John',
      'smithers, Wayland',
    ]);
    expect(all.total).toBe(5);
    expect(all.rows.every((p) => p.payerName === 'Aetna')).toBe(true);
  });

  it('searches last and first names, account/MRN and member ID, word by word', async () => {
    const search = async (text: string) => names(await value<Listed>('patients:list', { search: text }));
    expect(await search('smith')).toEqual(['Smith, Abigail', 'Smith, John', 'smithers, Wayland']);
    expect(await search('JOAN')).toEqual(['Adams, Joan']);
    expect(await search('a-10')).toEqual(['de la Cruz, Maria', 'Smith, John']);
    expect(await search('xj555')).toEqual(['Adams, Joan', 'Smith, John']);
    expect(await search('smith, jo')).toEqual(['Smith, John']);
    expect(await search('cruz maria')).toEqual(['de la Cruz, Maria']);
    expect(await search('100_')).toEqual(['smithers, Wayland']);
    expect(await search('nobody')).toEqual([]);
  });

  it('pages with the total of all matches', async () => {
    const page = await value<Listed>('patients:list', { search: 'smith', limit: 2, offset: 1 });
    expect(names(page)).toEqual(['Smith, John', 'smithers, Wayland']);
    expect(page.total).toBe(3);
  });
});

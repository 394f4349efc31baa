import { describe, expect, it } from 'vitest';
import { errorFields, isPhiKey, oneLine, redactFields, REDACTED } from '../../../electron/services/log/log-redaction';
import { assertNoPhi, hostilePatient } from './hostile-records';

describe('log redaction', () => {
  it('replaces every PHI-carrying key of a patient record, keeping ids and the key names', () => {
    const out = redactFields({ patient: hostilePatient, record: hostilePatient, count: 3 });
    const text = JSON.stringify(out);
    expect(assertNoPhi(text)).toEqual([]);
    expect(out.patient).toBe(REDACTED);
    const record = out.record as Record<string, unknown>;
    expect(record.id).toBe(42);
    for (const key of ['firstName', 'lastName', 'dob', 'dateOfBirth', 'memberId', 'subscriber_id', 'accountNumber'])
      expect(record[key], key).toBe(REDACTED);
    expect(record.mrn).toBe(REDACTED);
    expect(record.address).toBe(REDACTED);
    expect(record.notes).toBe(REDACTED);
    expect(record.scanFileName).toBe(REDACTED);
    expect(out.count).toBe(3);
  });

  it('redacts PHI keys inside arrays and deep nesting, and bounds depth and length', () => {
    const out = redactFields({
      rows: [{ claim: { lines: [{ memberID: 'XEH998877665', Insured_Name: 'Margaret' }] } }],
      deep: { a: { b: { c: { d: { e: 'too deep' } } } } },
      long: 'x'.repeat(5000),
    });
    const text = JSON.stringify(out);
    expect(assertNoPhi(text)).toEqual([]);
    expect(text).toContain('[nested]');
    expect((out.long as string).length).toBeLessThan(300);
  });

  it('knows the PHI keys by fragment and leaves coded keys alone', () => {
    for (const key of [
      'patient_last_name',
      'DOB',
      'birthDate',
      'memberNumber',
      'MRN',
      'street',
      'freeText',
      'filePath',
      'args',
    ])
      expect(isPhiKey(key), key).toBe(true);
    for (const key of ['channel', 'code', 'durationMs', 'count', 'schemaVersion', 'dataDir', 'version', 'mode'])
      expect(isPhiKey(key), key).toBe(false);
  });

  it('keeps an error as name, code and stack frames, never its message', () => {
    const err = Object.assign(new Error(`UNIQUE failed for member XEH998877665 (Margaret O'Brien)`), {
      code: 'SQLITE_CONSTRAINT',
    });
    const fields = errorFields(err);
    const text = JSON.stringify(fields);
    expect(assertNoPhi(text)).toEqual([]);
    expect(fields).toMatchObject({ errorName: 'Error', code: 'SQLITE_CONSTRAINT' });
    expect((fields.stack as string[]).length).toBeGreaterThan(0);
    expect((fields.stack as string[])[0]).toMatch(/^at /);
  });

  it('flattens a message to one line so it cannot forge a second entry', () => {
    expect(oneLine('Import done\n2026-01-01T00:00:00Z ERROR fake entry')).not.toContain('\n');
  });
});

describe('row ids', () => {
  it('keeps the app’s own integer row ids and counts, and redacts numbers issued outside the app', () => {
    const out = redactFields({
      patientId: 42,
      patients: 7,
      memberId: 998877665,
      accountID: 31,
      zip: 45402,
      dob: 19480229,
    });
    expect(out).toEqual({
      patientId: 42,
      patients: 7,
      memberId: REDACTED,
      accountID: REDACTED,
      zip: REDACTED,
      dob: REDACTED,
    });
  });
});

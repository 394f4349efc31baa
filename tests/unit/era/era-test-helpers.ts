/** Shared by the 835 tests: fixtures by name, and a reading that must not be refused. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEra } from '../../../shared/domain/era/era-reader';
import { type EraReading, type EraWarning } from '../../../shared/domain/era/era-types';

const DIR = join(__dirname, '../../fixtures/era');

export const fixture = (name: string): string => readFileSync(join(DIR, name), 'utf8');

/** The reading of `text`; fails the test with the refusal when the file is refused. */
export function read(text: string): EraReading {
  const result = readEra(text);
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result.reading;
}

export const readFixture = (name: string): EraReading => read(fixture(name));

export const codes = (warnings: readonly EraWarning[]): string[] => warnings.map((w) => w.code);

/** The first claim of the first transaction (failing the test when there is none). */
export function firstClaim(reading: EraReading) {
  const claim = reading.transactions[0]?.claims[0];
  if (!claim) throw new Error('no claim');
  return claim;
}

export function firstLine(reading: EraReading) {
  const line = firstClaim(reading).lines[0];
  if (!line) throw new Error('no line');
  return line;
}

/**
 * A bare transaction (no envelope) around `segments` (written without terminators), with a
 * correct SE count: `ST*835*0001~…~SE*n*0001~`, one segment per line.
 */
export function st835(segments: string[], controlNumber = '0001'): string {
  const body = [`ST*835*${controlNumber}*005010X221A1`, ...segments];
  body.push(`SE*${body.length + 1}*${controlNumber}`);
  return body.map((s) => `${s}~\n`).join('');
}

/** BPR with `amount`, a trace, and the payer and payee, for st835 bodies. */
export const header = (amount: string, trace = 'EFT1'): string[] => [
  `BPR*I*${amount}*C*ACH*CCP*01*011000015*DA*123456789*1512345678**01*021000021*DA*987654321*20250328`,
  `TRN*1*${trace}*1512345678`,
  'N1*PR*ACME HEALTH PLAN',
  'REF*2U*ACME01',
  'N1*PE*SUNRISE ONCOLOGY*XX*1234567893',
];

/**
 * Seeding for the end-to-end tests: calls the real handlers (through the dispatcher, so arguments
 * are validated as the UI's would be) and fails the test with the refusal when one is refused;
 * and the catalog drugs several tests start from.
 */
import { dispatch } from '../../electron/services/dispatch';
import { expect } from './fixtures';

export type Handlers = Parameters<typeof dispatch>[0];
type Channel = Parameters<typeof dispatch>[1];

export async function seed<T>(h: Handlers, channel: Channel, args: unknown): Promise<T> {
  const reply = await dispatch(h, channel, args);
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return (reply as { ok: true; value: T }).value;
}

/** Bevacizumab (Avastin) 25 mg/mL, a 4 mL single-dose vial. */
export const AVASTIN_VIAL = {
  ndc: '50242-040-62',
  genericName: 'bevacizumab',
  brandName: 'Avastin',
  strengthAmount: '25',
  strengthUnit: 'mg',
  packageSize: '4',
  ndcUnit: 'ML',
  container: 'single-dose',
  route: 'IV',
};

/** Olanzapine 20 mg/mL, a 10 mL multi-dose vial, no brand name. */
export const OLANZAPINE_VIAL = {
  ndc: '0002-7597-01',
  genericName: 'olanzapine',
  strengthAmount: '20',
  strengthUnit: 'mg',
  packageSize: '10',
  ndcUnit: 'ML',
  container: 'multi-dose',
  route: 'IM',
};

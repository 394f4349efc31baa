/**
 * Scenario builders for the domain tests. `exampleB` is domain.md §9 B exactly as the brief writes
 * it; the other cases change only what they test, so each test reads as "B, but …".
 */
import { expect } from 'vitest';
import { estimate, estimateFromJson, type EstimateOutcome } from '../../../shared/domain/estimate';
import { scenarioSchema, type EstimateResult, type ScenarioInput } from '../../../shared/domain/scenario';

export const exampleB = (): ScenarioInput => ({
  dateOfService: '2024-03-15',
  hcpcs: 'J3490',
  drug: {
    ndc: '0002-7597-01',
    name: 'Examplemab',
    brandName: 'Exampla',
    ndcUnit: 'ML',
    packageSize: '10',
    strength: { amount: '20', unit: 'mg' },
    container: 'multi-dose',
  },
  dose: { amount: '45', unit: 'mg' },
  wasted: { amount: '0', unit: 'mg' },
  route: 'IV',
  prices: {
    awpPerPackage: '1200.00',
    wacPerPackage: '1000.00',
    acquisitionPerPackage: '950.00',
    paymentLimit: { amount: '10.60', per: { amount: '1', unit: 'mg' } },
  },
  billedCharge: '300.00',
  wastedBilledCharge: '0.00',
  contract: {
    basis: 'AWP',
    percent: '95',
    addOn: '0.00',
    feeSchedule: { rate: '45.10', per: { amount: '10', unit: 'mg' } },
    lesserOfBilled: true,
    coinsurancePercent: '20',
    deductibleRemaining: '0.00',
    sequestration: 'medicare',
  },
  payerProfile: { ndcUnits: ['UN', 'ML', 'GR', 'F2', 'ME'] },
});

type Contract = ScenarioInput['contract'];
type Drug = ScenarioInput['drug'];

/** B with some top-level fields, contract terms or drug fields replaced. */
export function scenario(
  changes: Partial<Omit<ScenarioInput, 'contract' | 'drug'>> & {
    contract?: Partial<Contract>;
    drug?: Partial<Drug>;
  } = {},
): ScenarioInput {
  const base = exampleB();
  const { contract, drug, ...rest } = changes;
  return { ...base, ...rest, contract: { ...base.contract, ...contract }, drug: { ...base.drug, ...drug } };
}

/** Parse with the schema (as the app does), estimate, and insist on success. */
export function estimateOk(input: ScenarioInput): EstimateResult {
  const outcome = estimateFromJson(input);
  if (!outcome.ok) throw new Error(`expected an estimate, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome;
}

/** Estimate and insist on a refusal with this code. */
export function estimateError(input: ScenarioInput, code: string): { code: string; message: string } {
  const outcome: EstimateOutcome = estimateFromJson(input);
  expect(outcome.ok, `expected ${code}`).toBe(false);
  if (outcome.ok) throw new Error('unreachable');
  expect(outcome.error.code).toBe(code);
  expect(outcome.error.message.length).toBeGreaterThan(20);
  return outcome.error;
}

export const warningCodes = (r: EstimateResult): string[] => r.warnings.map((w) => w.code);

export { estimate, scenarioSchema };

/**
 * Scenario builders for the domain tests. `exampleB` is domain.md §9 B exactly as the brief writes
 * it; the other cases change only what they test, so each test reads as "B, but …". Both live in
 * tests/fixtures/scenarios/example-b.ts (shared with the estimate bench).
 */
import { expect } from 'vitest';
import { estimate, estimateFromJson, type EstimateOutcome } from '../../../shared/domain/estimate';
import { scenarioSchema, type EstimateResult, type ScenarioInput } from '../../../shared/domain/scenario';
import { exampleB, scenario } from '../../fixtures/scenarios/example-b';

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

export { estimate, exampleB, scenario, scenarioSchema };

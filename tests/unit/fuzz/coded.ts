/**
 * What every fuzzed call may end in: a result, a failure object with a code, or a thrown
 * AppError / ReadError (both carry a code and a sentence). Anything else thrown is a crash.
 */
import { expect } from 'vitest';
import { AppError } from '../../../electron/services/app-error';
import { ReadError } from '../../../electron/services/imports/table';

/** Fixed seeds keep every fuzz run reproducible; a failure prints its own seed and path. */
export const SEED = 1504;

export function expectCodedError(err: unknown): void {
  if (!(err instanceof AppError || err instanceof ReadError)) throw err;
  expect(err.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  expect(err.message.length).toBeGreaterThan(10);
}

export function expectOutcome(outcome: { ok: boolean; error?: { code: string; message: string } }): void {
  if (outcome.ok) return;
  expect(outcome.error?.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  expect(outcome.error?.message.length).toBeGreaterThan(10);
}

/** Runs `body`, insists it took under `budgetMs` (a hang shows up as a blown budget or a timeout). */
export async function withinBudget(budgetMs: number, body: () => void | Promise<void>): Promise<void> {
  const started = performance.now();
  await body();
  expect(performance.now() - started).toBeLessThan(budgetMs);
}

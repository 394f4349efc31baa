/**
 * The contract's channels for expected versus paid (issue 12): paper postings, the variance of
 * each claim line, and the settings it reads. Spread into contract.ts.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';
import { idSchema } from '../domain/field-rules';
import { lineVarianceSchema, paperPostingInputSchema, remittanceViewSchema } from '../domain/remittance';
import { VARIANCE_STATUSES } from '../domain/variance';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Write the date as YYYY-MM-DD.' })
  .optional();

export const varianceQuerySchema = z.object({
  status: z.enum(VARIANCE_STATUSES).optional(),
  payerId: idSchema.optional(),
  from: isoDate,
  to: isoDate,
  sortDir: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});
export type VarianceQueryInput = z.input<typeof varianceQuerySchema>;

export const remittanceChannels = {
  'payments:post': {
    summary: 'Post a paper EOB on one claim line of an administration (date, allowed, paid, adjustments, remarks).',
    args: paperPostingInputSchema,
    result: remittanceViewSchema,
  },
  'payments:correct': {
    summary: 'Correct a paper posting’s amounts; the change is audited and the variance follows.',
    args: z.object({ remittanceId: idSchema, posting: paperPostingInputSchema }),
    result: remittanceViewSchema,
  },
  'payments:delete': {
    summary: 'Delete a paper posting (audited); an 835’s payments cannot be deleted.',
    args: z.object({ remittanceId: idSchema }),
    result: remittanceViewSchema,
  },
  'payments:ofAdministration': {
    summary: 'What was expected and what was paid for each claim line of an administration, and the payments.',
    args: z.object({ administrationId: idSchema }),
    result: z.object({ lines: z.array(lineVarianceSchema), remittances: z.array(remittanceViewSchema) }),
  },
  'variance:list': {
    summary: 'Claim lines with what was expected and what was paid, filtered by status, payer and date of service.',
    args: varianceQuerySchema,
    result: z.object({ rows: z.array(lineVarianceSchema), total: z.number().int() }),
  },
  'settings:get': {
    summary: 'The app’s settings (the variance tolerance).',
    args: z.object({}),
    result: z.object({ varianceTolerance: z.string() }),
  },
  'settings:setVarianceTolerance': {
    summary: 'Within how much a paid line counts as paid as expected (default 1.00); every line is re-rated.',
    args: z.object({ value: z.string().trim().max(20) }),
    result: z.object({ varianceTolerance: z.string() }),
  },
} as const satisfies Record<string, ChannelSpec>;

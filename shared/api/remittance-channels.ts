/**
 * The contract's channels for expected versus paid (issue 12): paper postings, the variance of
 * each claim line, and the settings it reads. Spread into contract.ts.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';
import { idSchema, optionalIsoDate, pageFields } from '../domain/field-rules';
import {
  eraFileSummarySchema,
  LINE_KINDS,
  lineVarianceSchema,
  paperPostingInputSchema,
  remittanceLineViewSchema,
  remittanceViewSchema,
  unmatchedLineSchema,
} from '../domain/remittance';
import { VARIANCE_STATUSES } from '../domain/variance';

export const varianceQuerySchema = z.object({
  status: z.enum(VARIANCE_STATUSES).optional(),
  payerId: idSchema.optional(),
  from: optionalIsoDate,
  to: optionalIsoDate,
  sortDir: z.enum(['asc', 'desc']).default('desc'),
  ...pageFields,
});
export type VarianceQueryInput = z.input<typeof varianceQuerySchema>;

const money = z.string();
const previewAdjustment = z.object({ group: z.string(), reason: z.string(), amount: money });

/** What reading an 835 gives, as the preview (and the import, with its id) prints it. */
export const eraReadingResultSchema = z.object({
  importId: idSchema.optional(),
  fileName: z.string(),
  sha256: z.string(),
  alreadyImported: z.boolean(),
  transactions: z.array(
    z.object({
      payer: z.object({ name: z.string().nullable(), id: z.string().nullable() }),
      payee: z.object({ name: z.string().nullable(), npi: z.string().nullable() }),
      payment: z.object({
        amount: money.nullable(),
        method: z.string().nullable(),
        trace: z.string().nullable(),
        date: z.string().nullable(),
      }),
      balanced: z.boolean(),
      claims: z.array(
        z.object({
          patientControlNumber: z.string().nullable(),
          status: z.string(),
          charge: money,
          paid: money,
          patientResponsibility: money.nullable(),
          payerClaimNumber: z.string().nullable(),
          patient: z
            .object({ last: z.string().nullable(), first: z.string().nullable(), memberId: z.string().nullable() })
            .nullable(),
          balanced: z.boolean(),
          adjustments: z.array(previewAdjustment),
          lines: z.array(
            z.object({
              code: z.string().nullable(),
              modifiers: z.array(z.string()),
              submittedCode: z.string().nullable(),
              charge: money,
              paid: money,
              allowed: money.nullable(),
              units: z.string(),
              dateOfService: z.string().nullable(),
              lineControlNumber: z.string().nullable(),
              balanced: z.boolean(),
              remarks: z.array(z.string()),
              adjustments: z.array(previewAdjustment),
              match: z.object({ administrationId: idSchema, how: z.string() }).nullable(),
            }),
          ),
        }),
      ),
      providerAdjustments: z.array(z.object({ reason: z.string(), reference: z.string().nullable(), amount: money })),
    }),
  ),
  warnings: z.array(z.object({ code: z.string(), segment: z.number().int(), message: z.string() })),
  summary: z.object({
    claims: z.number().int(),
    lines: z.number().int(),
    matched: z.number().int(),
    unmatched: z.number().int(),
    outOfBalance: z.number().int(),
    totalPaid: money,
  }),
});
export type EraReadingResult = z.output<typeof eraReadingResultSchema>;

/** An 835 file sent from the UI (base64) or the CLI (read from disk). */
const eraFileArgs = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1, { error: 'Choose the 835 file.' }),
});
// 32 MB of file as base64, and some slack.
const ERA_BODY_BYTES = 45 * 1024 * 1024;

export const remittanceChannels = {
  'remittances:preview': {
    summary: 'Read an 835 file without writing anything: its payments, claims, lines, matches, balance and warnings.',
    args: eraFileArgs,
    result: eraReadingResultSchema,
    maxBodyBytes: ERA_BODY_BYTES,
  },
  'remittances:import': {
    summary: 'Import an 835 file (once: the same file twice is refused), match its lines and post its payments.',
    args: eraFileArgs,
    result: eraReadingResultSchema,
    maxBodyBytes: ERA_BODY_BYTES,
  },
  'remittances:files': {
    summary: 'The 835 files imported, newest first, with their counts, balance and warnings.',
    args: z.object({
      ...pageFields,
    }),
    result: z.object({ rows: z.array(eraFileSummarySchema), total: z.number().int() }),
  },
  'remittances:file': {
    summary: 'One imported 835 file: its remittances, claims, lines, adjustments and matches.',
    args: z.object({ id: idSchema }),
    result: z.object({ file: eraFileSummarySchema, remittances: z.array(remittanceViewSchema) }),
  },
  'remittances:unmatched': {
    summary: 'Remittance lines no administration is matched to yet, with why, newest first.',
    args: z.object({
      payerId: idSchema.optional(),
      from: optionalIsoDate,
      to: optionalIsoDate,
      search: z.string().trim().max(100).default(''),
      ...pageFields,
    }),
    result: z.object({ rows: z.array(unmatchedLineSchema), total: z.number().int() }),
  },
  'remittances:match': {
    summary: 'Match a remittance line by hand to a claim line (given or JW) of an administration.',
    args: z.object({ lineId: idSchema, administrationId: idSchema, lineKind: z.enum(LINE_KINDS) }),
    result: remittanceLineViewSchema,
  },
  'remittances:unmatch': {
    summary: 'Take a remittance line’s match away (it goes back to the unmatched list).',
    args: z.object({ lineId: idSchema }),
    result: remittanceLineViewSchema,
  },
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

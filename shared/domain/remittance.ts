/**
 * Remittances as the app keeps them: what a payer's 835 (or a paper EOB typed in by hand) said,
 * claim by claim and line by line, in integer cents, and which administration's claim line each
 * remittance line pays. The 835 reader (era/) reads files; this is the posting model the import
 * and the manual posting both write, and the views the contract sends to the UI.
 */
import { z } from 'zod';
import { addCodedIssue, idSchema, optionalText } from './field-rules';
import { parseIsoDate } from './iso-date';
import { parseAmount } from './money';
import { VARIANCE_STATUSES } from './variance';

export const ADJUSTMENT_GROUP_CODES = ['CO', 'PR', 'OA', 'PI', 'CR'] as const;

export const LINE_KINDS = ['given', 'wasted'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export type PostingAdjustment = { group: string; reason: string; amountCents: number; quantity: string | null };

export type PostingLine = {
  code: string;
  modifiers: string[];
  submittedCode: string | null;
  chargeCents: number;
  paidCents: number;
  allowedCents: number | null;
  units: string;
  dateOfService: string | null;
  lineControlNumber: string;
  balanced: boolean;
  adjustments: PostingAdjustment[];
  remarks: string[];
};

export type PostingClaim = {
  patientControlNumber: string;
  status: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  payerClaimNumber: string;
  patient: { last: string; first: string; memberId: string };
  balanced: boolean;
  adjustments: PostingAdjustment[];
  lines: PostingLine[];
  segment: number | null;
};

export type PostingRemittance = {
  source: 'era' | 'paper';
  payerName: string;
  payerIdentifier: string;
  payeeName: string;
  payeeNpi: string;
  paymentCents: number;
  method: string;
  trace: string;
  paymentDate: string | null;
  balanced: boolean;
  providerAdjustments: { reason: string; reference: string; amountCents: number }[];
  claims: PostingClaim[];
};

// ---------------------------------------------------------------------------------------------
// Views sent to the UI

const money = z.string();
export const adjustmentViewSchema = z.object({
  group: z.string(),
  reason: z.string(),
  amount: money,
  meaning: z.string(),
});
export type AdjustmentView = z.output<typeof adjustmentViewSchema>;

export const remittanceLineViewSchema = z.object({
  id: idSchema,
  code: z.string(),
  modifiers: z.array(z.string()),
  submittedCode: z.string().nullable(),
  charge: money,
  paid: money,
  allowed: money.nullable(),
  units: z.string(),
  dateOfService: z.string().nullable(),
  lineControlNumber: z.string(),
  balanced: z.boolean(),
  adjustments: z.array(adjustmentViewSchema),
  remarks: z.array(z.object({ code: z.string(), meaning: z.string() })),
  match: z
    .object({
      administrationId: idSchema,
      lineKind: z.enum(LINE_KINDS),
      how: z.string(),
      patientName: z.string(),
      dateOfService: z.string(),
    })
    .nullable(),
});
export type RemittanceLineView = z.output<typeof remittanceLineViewSchema>;

export const remittanceClaimViewSchema = z.object({
  id: idSchema,
  patientControlNumber: z.string(),
  status: z.string(),
  statusWords: z.string(),
  charge: money,
  paid: money,
  patientResponsibility: money,
  payerClaimNumber: z.string(),
  patient: z.object({ last: z.string(), first: z.string(), memberId: z.string() }),
  balanced: z.boolean(),
  adjustments: z.array(adjustmentViewSchema),
  reversed: z.boolean(),
  reversal: z.boolean(),
  lines: z.array(remittanceLineViewSchema),
});
export type RemittanceClaimView = z.output<typeof remittanceClaimViewSchema>;

export const remittanceViewSchema = z.object({
  id: idSchema,
  source: z.enum(['era', 'paper']),
  payerId: idSchema.nullable(),
  payerName: z.string(),
  payeeName: z.string(),
  payment: z.object({
    amount: money,
    method: z.string(),
    trace: z.string(),
    date: z.string().nullable(),
  }),
  balanced: z.boolean(),
  providerAdjustments: z.array(z.object({ reason: z.string(), reference: z.string(), amount: money })),
  claims: z.array(remittanceClaimViewSchema),
});
export type RemittanceView = z.output<typeof remittanceViewSchema>;

export const eraFileSummarySchema = z.object({
  id: idSchema,
  fileName: z.string(),
  sha256: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
  transactions: z.number().int(),
  claims: z.number().int(),
  lines: z.number().int(),
  outOfBalance: z.number().int(),
  unmatched: z.number().int(),
  totalPaid: money,
  warnings: z.array(z.object({ code: z.string(), segment: z.number().int().nullable(), message: z.string() })),
});
export type EraFileSummary = z.output<typeof eraFileSummarySchema>;

export const unmatchedLineSchema = z.object({
  lineId: idSchema,
  remittanceId: idSchema,
  fileName: z.string().nullable(),
  payerName: z.string(),
  paymentDate: z.string().nullable(),
  patientControlNumber: z.string(),
  patient: z.string(),
  code: z.string(),
  modifiers: z.array(z.string()),
  dateOfService: z.string().nullable(),
  charge: money,
  paid: money,
  reason: z.string(),
});
export type UnmatchedLine = z.output<typeof unmatchedLineSchema>;

export const lineVarianceSchema = z.object({
  administrationId: idSchema,
  lineKind: z.enum(LINE_KINDS),
  payerId: idSchema,
  payerName: z.string(),
  patientName: z.string(),
  drugName: z.string(),
  claimNumber: z.string(),
  dateOfService: z.string(),
  billedAt: z.string().nullable(),
  hcpcs: z.string(),
  modifiers: z.array(z.string()),
  expected: z.object({ allowed: money, paid: money, patient: money, sequestration: money }),
  actual: z.object({ allowed: money, paid: money, patient: money, sequestration: money }),
  postedLines: z.number().int(),
  lastPaymentDate: z.string().nullable(),
  status: z.enum(VARIANCE_STATUSES),
  variance: money,
  reasons: z.array(z.string()),
});
export type LineVarianceView = z.output<typeof lineVarianceSchema>;

// ---------------------------------------------------------------------------------------------
// A paper EOB posted by hand on one claim line of an administration

const amountField = (label: string, allowNegative = false) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .superRefine((s, ctx) => {
      const r = parseAmount(s, { label, maxDecimals: 2, allowNegative });
      if (!r.ok) addCodedIssue(ctx, r.error.code, r.error.message);
    });

const optionalAmount = (label: string) =>
  z
    .string()
    .trim()
    .default('')
    .superRefine((s, ctx) => {
      if (s === '') return;
      const r = parseAmount(s, { label, maxDecimals: 2 });
      if (!r.ok) addCodedIssue(ctx, r.error.code, r.error.message);
    });

export const paperPostingInputSchema = z.object({
  administrationId: idSchema,
  lineKind: z.enum(LINE_KINDS, { error: 'Choose the claim line: the dose given or the discarded amount (JW).' }),
  paymentDate: z
    .string({ error: 'Payment date is required.' })
    .trim()
    .superRefine((s, ctx) => {
      const r = parseIsoDate(s, 'Payment date');
      if (!r.ok) addCodedIssue(ctx, r.error.code, r.error.message);
    }),
  /** The payer's allowed amount as the EOB prints it; empty when it does not say. */
  allowed: optionalAmount('Allowed'),
  paid: amountField('Paid', true),
  patientResponsibility: optionalAmount('Patient responsibility'),
  adjustments: z
    .array(
      z.object({
        group: z.enum(ADJUSTMENT_GROUP_CODES, { error: 'Choose the group: CO, PR, OA, PI or CR.' }),
        reason: z
          .string()
          .trim()
          .regex(/^[A-Z0-9]{1,5}$/, { error: 'A reason code is 1 to 5 letters or digits, such as 45 or 253.' }),
        amount: amountField('Adjustment amount', true),
      }),
    )
    .max(20)
    .default([]),
  remarks: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Z]{1,2}\d{1,4}$/, { error: 'A remark code looks like N350 or M119.' }),
    )
    .max(20)
    .default([]),
  checkNumber: optionalText('Check or EFT number', 50),
});
export type PaperPostingInput = z.input<typeof paperPostingInputSchema>;
export type PaperPostingFields = z.output<typeof paperPostingInputSchema>;

/**
 * An administration as a biller records it: date of service, patient, payer, the lot the dose came
 * from, dose given and amount wasted, route and site, ordering and rendering NPIs, ICD-10
 * diagnoses, medical necessity, physician notes, billed charge, the NOC code and the claim number.
 * Modifiers and claim lines come from the engine; an override needs a reason.
 */
import { z } from 'zod';
import {
  checkTechnique,
  clockField,
  minutesField,
  techniqueField,
  techniqueFieldsParsed,
  TECHNIQUES,
} from './administration-technique';
import { addCodedIssue, idSchema, optionalText, rowVersionSchema } from './field-rules';
import { ROUTES } from './drug-catalog';
import { checkIcd10 } from './icd10';
import { parseIsoDate } from './iso-date';
import { parseAmount } from './money';
import { checkNpi } from './npi';
import { estimateResultSchema } from './scenario';
import { DOSE_UNITS } from './units';

export const ADMINISTRATION_STATUSES = ['draft', 'ready', 'billed', 'paid', 'denied', 'appealed'] as const;
export type AdministrationStatus = (typeof ADMINISTRATION_STATUSES)[number];
/** Once a claim went out its estimate is what was expected then: it is never recomputed. */
export const FROZEN_STATUSES: readonly AdministrationStatus[] = ['billed', 'paid', 'denied', 'appealed'];
/** Which status may follow which (a person moves the claim along; the app checks the step). */
export const STATUS_STEPS: Record<AdministrationStatus, readonly AdministrationStatus[]> = {
  draft: ['ready'],
  ready: ['draft', 'billed'],
  billed: ['paid', 'denied'],
  denied: ['appealed', 'paid'],
  appealed: ['paid', 'denied'],
  paid: [],
};

const amountText = (label: string, allowZero: boolean, maxDecimals = 6) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .superRefine((s, ctx) => {
      const r = parseAmount(s, { maxDecimals, allowZero, label });
      if (!r.ok) addCodedIssue(ctx, r.error.code, r.error.message);
    });

const optionalNpi = (label: string) =>
  z
    .string()
    .trim()
    .default('')
    .superRefine((s, ctx) => {
      if (s === '') return;
      const r = checkNpi(s);
      if (!r.ok) addCodedIssue(ctx, r.code, `${label}: ${r.message}`);
    });

export const diagnosesField = z
  .array(z.string())
  .max(12, { error: 'A claim line takes at most 12 diagnoses.' })
  .default([])
  .transform((codes, ctx) => {
    const out: string[] = [];
    codes.forEach((c, i) => {
      if (c.trim() === '') return;
      const r = checkIcd10(c);
      if (!r.ok) ctx.addIssue({ code: 'custom', path: [i], message: r.message, params: { code: r.code } });
      else if (!out.includes(r.code)) out.push(r.code);
    });
    return out;
  });

export const administrationInputSchema = z
  .object({
    dateOfService: z
      .string({ error: 'Date of service is required.' })
      .trim()
      .superRefine((s, ctx) => {
        const r = parseIsoDate(s, 'Date of service');
        if (!r.ok) addCodedIssue(ctx, r.error.code, r.error.message);
      }),
    patientId: idSchema,
    payerId: idSchema,
    invoiceLineId: idSchema,
    // A NOC code, or the specific code the drug moved to (issue 13: "Bill with the specific
    // code"); the code check says whether the code set has it and whether it fits the date.
    hcpcs: z
      .string({ error: 'Choose the HCPCS code.' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]\d{4}$/, { error: 'A HCPCS code is a letter and 4 digits, such as J3490 or J0223.' })
      .default('J3490'),
    dose: z.object({
      amount: amountText('Dose given', false),
      unit: z.enum(DOSE_UNITS, { error: 'Choose the dose unit.' }),
    }),
    /** In the dose's unit. */
    wastedAmount: amountText('Amount wasted', true).default('0'),
    route: z.enum(ROUTES, { error: 'Choose the route.' }),
    /** '' while a draft does not say yet; an IV infusion carries its times or its duration. */
    technique: techniqueField,
    infusionStart: clockField('Infusion start'),
    infusionStop: clockField('Infusion stop'),
    infusionMinutes: minutesField,
    site: optionalText('Site', 80),
    orderingNpi: optionalNpi('Ordering provider NPI'),
    orderingProviderName: optionalText('Ordering provider name', 80),
    renderingNpi: optionalNpi('Rendering provider NPI'),
    renderingProviderName: optionalText('Rendering provider name', 80),
    diagnoses: diagnosesField,
    medicalNecessity: optionalText('Medical necessity', 4000),
    physicianNotes: optionalText('Physician notes', 8000),
    billedCharge: amountText('Billed charge', true, 2),
    wastedBilledCharge: z
      .string()
      .trim()
      .default('')
      .superRefine((s, ctx) => {
        if (s === '') return;
        const r = parseAmount(s, { maxDecimals: 2, label: 'Billed charge for the waste' });
        if (!r.ok) addCodedIssue(ctx, r.error.code, r.error.message);
      }),
    claimNumber: optionalText('Claim / patient control number', 38),
    modifierOverride: z
      .object({
        given: z.array(z.string()).max(4),
        wasted: z.array(z.string()).max(4),
        reason: z.string().trim().min(1, { error: 'Say why the modifiers are overridden.' }).max(500),
      })
      .nullable()
      .default(null),
  })
  // Runs even when other fields are wrong, so the infusion's message shows with theirs.
  .superRefine(checkTechnique, { when: techniqueFieldsParsed });
export type AdministrationInput = z.input<typeof administrationInputSchema>;
export type AdministrationFields = z.output<typeof administrationInputSchema>;

export const readinessItemSchema = z.object({
  key: z.string(),
  label: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});
export type ReadinessItem = z.output<typeof readinessItemSchema>;

export const administrationSchema = z.object({
  id: idSchema,
  /** Raised by every change; a save names the one its form was loaded with (RECORD_CHANGED). */
  version: rowVersionSchema,
  dateOfService: z.string(),
  patientId: idSchema,
  patientName: z.string(),
  payerId: idSchema,
  payerName: z.string(),
  invoiceLineId: idSchema,
  invoiceId: idSchema,
  ndc11: z.string(),
  drugName: z.string(),
  lotNumber: z.string(),
  expiryDate: z.string(),
  hcpcs: z.string(),
  dose: z.object({ amount: z.string(), unit: z.enum(DOSE_UNITS) }),
  wastedAmount: z.string(),
  givenQuantity: z.string(),
  wastedQuantity: z.string(),
  ndcUnit: z.string(),
  route: z.string(),
  technique: z.enum(TECHNIQUES).or(z.literal('')),
  infusionStart: z.string(),
  infusionStop: z.string(),
  infusionMinutes: z.string(),
  site: z.string(),
  orderingNpi: z.string(),
  orderingProviderName: z.string(),
  renderingNpi: z.string(),
  renderingProviderName: z.string(),
  diagnoses: z.array(z.string()),
  medicalNecessity: z.string(),
  physicianNotes: z.string(),
  billedCharge: z.string(),
  wastedBilledCharge: z.string(),
  claimNumber: z.string(),
  status: z.enum(ADMINISTRATION_STATUSES),
  modifierOverride: z
    .object({ given: z.array(z.string()), wasted: z.array(z.string()), reason: z.string() })
    .nullable(),
  estimate: estimateResultSchema.nullable(),
  /** Why there is no estimate (e.g. no contract on the date), when there is none. */
  estimateRefusal: z.object({ code: z.string(), message: z.string() }).nullable(),
  estimateWarnings: z.array(z.object({ code: z.string(), message: z.string() })),
  estimateAt: z.string().nullable(),
  /**
   * Prices, contracts or payer terms changed after the estimate was computed; it stays as it was
   * until recomputed (never true once billed: a billed claim keeps what was expected then).
   */
  estimateStale: z.boolean(),
  contractId: z.number().int().nullable(),
  frozen: z.boolean(),
  /** The payer told the biller to bill the NOC code although a specific code exists (and who recorded it). */
  nocInstruction: z.object({ note: z.string(), at: z.string(), by: z.string() }).nullable(),
  readiness: z.object({ ready: z.boolean(), items: z.array(readinessItemSchema) }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Administration = z.output<typeof administrationSchema>;

/** The stored administration as the contract's input, e.g. to change only its claim number. */
export function administrationInputOf(a: Administration): AdministrationInput {
  return {
    dateOfService: a.dateOfService,
    patientId: a.patientId,
    payerId: a.payerId,
    invoiceLineId: a.invoiceLineId,
    hcpcs: a.hcpcs as AdministrationInput['hcpcs'],
    dose: { amount: a.dose.amount, unit: a.dose.unit },
    wastedAmount: a.wastedAmount,
    route: a.route as AdministrationInput['route'],
    technique: a.technique,
    infusionStart: a.infusionStart,
    infusionStop: a.infusionStop,
    infusionMinutes: a.infusionMinutes,
    site: a.site,
    orderingNpi: a.orderingNpi,
    orderingProviderName: a.orderingProviderName,
    renderingNpi: a.renderingNpi,
    renderingProviderName: a.renderingProviderName,
    diagnoses: a.diagnoses,
    medicalNecessity: a.medicalNecessity,
    physicianNotes: a.physicianNotes,
    billedCharge: a.billedCharge,
    wastedBilledCharge: a.wastedBilledCharge,
    claimNumber: a.claimNumber,
    modifierOverride: a.modifierOverride,
  };
}

export const administrationSummarySchema = z.object({
  id: idSchema,
  dateOfService: z.string(),
  patientName: z.string(),
  payerName: z.string(),
  drugName: z.string(),
  ndc11: z.string(),
  lotNumber: z.string(),
  hcpcs: z.string(),
  claimNumber: z.string(),
  billedCharge: z.string(),
  /** The expected total reimbursement (payer + patient); null when there is no estimate. */
  expected: z.string().nullable(),
  /** Its two parts: what the payer is expected to pay and what the patient owes. */
  expectedPayer: z.string().nullable(),
  expectedPatient: z.string().nullable(),
  status: z.enum(ADMINISTRATION_STATUSES),
  /** Prices, contracts or payer terms changed since the estimate (open administrations only). */
  estimateStale: z.boolean(),
  ready: z.boolean(),
  missing: z.array(z.string()),
});
export type AdministrationSummary = z.output<typeof administrationSummarySchema>;

export const ADMINISTRATION_SORT_KEYS = ['dateOfService', 'patient', 'billed', 'status'] as const;
export const administrationListQuerySchema = z.object({
  payerId: idSchema.optional(),
  status: z.enum(ADMINISTRATION_STATUSES).optional(),
  readiness: z.enum(['all', 'ready', 'not-ready']).default('all'),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  search: z.string().trim().max(100).default(''),
  /** Only open administrations whose estimate is out of date. */
  outOfDate: z.boolean().optional(),
  /** Only administrations no cost attachment has been made for yet. */
  noAttachment: z.boolean().optional(),
  sortBy: z.enum(ADMINISTRATION_SORT_KEYS).default('dateOfService'),
  sortDir: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});
export type AdministrationListQuery = z.input<typeof administrationListQuerySchema>;

/**
 * A payer and its requirements profile: what the biller confirms before sending a J3490 claim
 * (the billing guide's "confirm payer requirements"): invoice attachment, how NOC units are
 * counted, which NDC unit qualifiers it accepts, its JW/JZ policy, where the NOC narrative goes,
 * and its timely-filing limit.
 */
import { z } from 'zod';
import { idSchema, optionalText, positiveDecimal, requiredText, rowVersionSchema } from './field-rules';
import { DOSE_UNITS, NDC_UNITS } from './units';

export const PAYER_TYPES = ['medicare-part-b', 'medicare-advantage', 'medicaid', 'commercial', 'other'] as const;
export type PayerType = (typeof PAYER_TYPES)[number];
export const PAYER_TYPE_LABELS: Record<PayerType, string> = {
  'medicare-part-b': 'Medicare Part B',
  'medicare-advantage': 'Medicare Advantage',
  medicaid: 'Medicaid',
  commercial: 'Commercial',
  other: 'Other',
};

export const NOC_UNITS_MODES = ['one-per-line', 'per-quantity'] as const;
export const JW_JZ_POLICIES = ['cms', 'jw-only', 'none'] as const;
export const JW_JZ_POLICY_LABELS: Record<(typeof JW_JZ_POLICIES)[number], string> = {
  cms: 'CMS rules: JW for discarded amounts, JZ when none (from 2023-07-01)',
  'jw-only': 'JW for discarded amounts; JZ not used',
  none: 'Neither JW nor JZ',
};
export const NARRATIVE_LOCATIONS = ['sv101-7', 'nte', 'box19'] as const;
export const NARRATIVE_LOCATION_LABELS: Record<(typeof NARRATIVE_LOCATIONS)[number], string> = {
  'sv101-7': '837P 2400 SV101-7 (description)',
  nte: '837P NTE02 (notes)',
  box19: 'CMS-1500 item 19',
};

export const payerInputSchema = z
  .object({
    name: requiredText('Payer name', 120),
    payerType: z.enum(PAYER_TYPES, { error: 'Choose the payer type.' }),
    payerCode: optionalText('Payer ID', 40),
    requiresInvoice: z.boolean().default(false),
    nocUnitsMode: z.enum(NOC_UNITS_MODES).default('one-per-line'),
    nocUnitsPerAmount: z.string().trim().default(''),
    nocUnitsPerUnit: z.enum(DOSE_UNITS).default('mg'),
    ndcUnits: z
      .array(z.enum(NDC_UNITS))
      .min(1, { error: 'Accept at least one NDC unit qualifier.' })
      .default([...NDC_UNITS]),
    jwJzPolicy: z.enum(JW_JZ_POLICIES).default('cms'),
    narrativeLocation: z.enum(NARRATIVE_LOCATIONS).default('sv101-7'),
    timelyFilingDays: z
      .union([z.number().int().min(1, { error: 'Timely filing is at least 1 day.' }).max(3650), z.null()])
      .default(null),
    notes: optionalText('Notes', 4000),
    contacts: optionalText('Contacts', 2000),
  })
  .superRefine((p, ctx) => {
    if (p.nocUnitsMode === 'per-quantity') {
      const r = positiveDecimal('Units per quantity').safeParse(p.nocUnitsPerAmount);
      if (!r.success) {
        ctx.addIssue({
          code: 'custom',
          path: ['nocUnitsPerAmount'],
          message: 'Say how much drug one unit is (e.g. 1 mg).',
          params: { code: 'NUMBER_INVALID' },
        });
      }
    }
  });
export type PayerInput = z.input<typeof payerInputSchema>;
export type PayerFields = z.output<typeof payerInputSchema>;

export const payerSchema = z.object({
  id: idSchema,
  /** Raised by every change; a save names the one its form was loaded with (RECORD_CHANGED). */
  version: rowVersionSchema,
  name: z.string(),
  payerType: z.enum(PAYER_TYPES),
  payerCode: z.string(),
  requiresInvoice: z.boolean(),
  nocUnitsMode: z.enum(NOC_UNITS_MODES),
  nocUnitsPerAmount: z.string(),
  nocUnitsPerUnit: z.enum(DOSE_UNITS),
  ndcUnits: z.array(z.enum(NDC_UNITS)),
  jwJzPolicy: z.enum(JW_JZ_POLICIES),
  narrativeLocation: z.enum(NARRATIVE_LOCATIONS),
  timelyFilingDays: z.number().int().nullable(),
  notes: z.string(),
  contacts: z.string(),
  profileConfirmedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Payer = z.output<typeof payerSchema>;

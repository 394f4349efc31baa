/**
 * Resolution: for a payer, a drug and a date of service, which contract version, prices and
 * profile are in force, and the engine's estimate from them. What is missing is named in a
 * warning ("no contract for Aetna on 2025-03-02") instead of failing.
 */
import { z } from 'zod';
import { contractSchema } from '../domain/contract-terms';
import { ndcField } from '../domain/drug-catalog';
import { drugPriceSchema, paymentLimitSchema } from '../domain/drug-price';
import { idSchema } from '../domain/field-rules';
import { payerSchema } from '../domain/payer';
import { estimateResultSchema, scenarioSchema } from '../domain/scenario';
import { DOSE_UNITS } from '../domain/units';

// The administration's own fields are checked by the very validators the scenario uses, so the
// resolver can hand the built scenario to the engine without parsing it a second time.
const s = scenarioSchema.shape;
const contractShape = scenarioSchema.shape.contract.shape;
const pricesShape = scenarioSchema.shape.prices.unwrap().shape;

export const resolveArgsSchema = z.object({
  payerId: idSchema,
  ndc: ndcField,
  dateOfService: s.dateOfService,
  hcpcs: s.hcpcs.default('J3490'),
  dose: s.dose,
  wasted: s.wasted,
  // An empty route means "the drug's usual route".
  route: z.preprocess((v) => (v === '' ? undefined : v), s.route.optional()),
  billedCharge: s.billedCharge,
  wastedBilledCharge: s.wastedBilledCharge,
  /** The lot's invoice cost per package, when known (issue #5 fills it from the invoice line). */
  acquisitionPerPackage: pricesShape.acquisitionPerPackage,
  deductibleRemaining: contractShape.deductibleRemaining,
});
export type ResolveArgs = z.input<typeof resolveArgsSchema>;

export const resolutionSchema = z.object({
  payer: payerSchema,
  contract: contractSchema.nullable(),
  prices: z.object({
    awp: drugPriceSchema.nullable(),
    wac: drugPriceSchema.nullable(),
    paymentLimit: paymentLimitSchema.nullable(),
    feeSchedule: z
      .object({ rate: z.string(), perAmount: z.string(), perUnit: z.enum(DOSE_UNITS), effectiveFrom: z.string() })
      .nullable(),
  }),
  /** The scenario built from the above (what `j3490 estimate` would take). */
  scenario: z.record(z.string(), z.unknown()).nullable(),
  estimate: estimateResultSchema.nullable(),
  /** Why there is no estimate, when there is none. */
  refusal: z.object({ code: z.string(), message: z.string() }).nullable(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type Resolution = z.output<typeof resolutionSchema>;

export const termsArgsSchema = z.object({
  payerId: idSchema,
  ndc: ndcField,
  dateOfService: s.dateOfService,
  hcpcs: s.hcpcs.default('J3490'),
});

/**
 * The terms alone, before any dose is known: what the Quick estimate fills in for a payer and date,
 * with the practice's own acquisition cost: the newest invoice line of the NDC received by then.
 */
export const termsSchema = resolutionSchema.omit({ scenario: true, estimate: true }).extend({
  acquisition: z
    .object({
      netCostPerPackage: z.string(),
      supplierName: z.string(),
      invoiceNumber: z.string(),
      invoiceDate: z.string(),
      lotNumber: z.string(),
    })
    .nullable(),
});
export type Terms = z.output<typeof termsSchema>;

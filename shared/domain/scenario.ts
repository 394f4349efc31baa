/**
 * The estimate's input (a scenario) and output (a result) as zod schemas: the one definition the
 * IPC contract, the CLI and the tests share. Every amount is an exact decimal string checked by
 * `parseAmount` (no exponents, no floats, bounded decimals); dates must be real calendar days.
 * Objects are strict: a misspelt optional field ("wastedBilledCharges") is refused instead of
 * being silently ignored and defaulted.
 *
 * Decimal limits: money the practice types (charges, add-on, deductible) 2 decimals; prices and
 * rates 6 (CMS payment limits have 3); quantities 6; percents 4.
 */
import { z } from 'zod';
import { parseAmount, rateFromPercent, type AmountOptions } from './money';
import { parseIsoDate } from './iso-date';
import { DOSE_UNITS, NDC_UNITS } from './units';
import { CONTAINERS } from './waste';
import { BASES } from './methodology';
import { SEQUESTRATION_POLICIES } from './sequestration';

type Ctx = { addIssue: (issue: { code: 'custom'; message: string; params: { code: string } }) => void };

const decimalString = (label: string, options: AmountOptions) =>
  z.string({ error: `${label} is required, written as text such as "256.50".` }).superRefine((s, ctx: Ctx) => {
    const parsed = parseAmount(s, { ...options, label });
    if (!parsed.ok)
      ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { code: parsed.error.code } });
  });

const money = (label: string) => decimalString(label, { maxDecimals: 2 });
const price = (label: string) => decimalString(label, { maxDecimals: 6 });
const positiveQuantity = (label: string) => decimalString(label, { maxDecimals: 6, allowZero: false });
const quantity = (label: string) => decimalString(label, { maxDecimals: 6 });
const percent = (label: string, max: string) =>
  z.string({ error: `${label} is required, written as text such as "95".` }).superRefine((s, ctx: Ctx) => {
    const parsed = rateFromPercent(s, { max, label });
    if (!parsed.ok)
      ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { code: parsed.error.code } });
  });

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} is at most ${max} characters.` });

const doseUnit = z.enum(DOSE_UNITS, { error: 'Unit must be mg, mcg, g, mL or units.' });
const ndcUnit = z.enum(NDC_UNITS, { error: 'NDC unit must be UN, ML, GR, F2 or ME.' });

const drugQuantity = (label: string) => z.strictObject({ amount: positiveQuantity(label), unit: doseUnit });
const pricePer = (label: string) =>
  z.strictObject({ amount: price(label), per: drugQuantity(`${label} per quantity`) });

// Trimmed to the bare YYYY-MM-DD so the engine's text comparisons of dates are exact.
const isoDate = z.string({ error: 'Date of service is required (YYYY-MM-DD).' }).transform((s, ctx) => {
  const parsed = parseIsoDate(s);
  if (parsed.ok) return parsed.date;
  ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { code: parsed.error.code } });
  return z.NEVER;
});

export const scenarioSchema = z.strictObject({
  dateOfService: isoDate,
  hcpcs: z
    .string({ error: 'HCPCS code is required.' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]\d{4}$/, { error: 'HCPCS code is a letter and 4 digits, such as J3490.' }),
  drug: z.strictObject({
    ndc: text('NDC', 40),
    name: text('Drug name', 200),
    brandName: z.string().trim().max(200).optional(),
    ndcUnit,
    packageSize: positiveQuantity('Package size'),
    strength: drugQuantity('Strength'),
    container: z.enum(CONTAINERS, { error: 'Container must be single-dose or multi-dose.' }),
  }),
  dose: drugQuantity('Dose given'),
  wasted: z.strictObject({ amount: quantity('Amount wasted'), unit: doseUnit }).optional(),
  route: text('Route', 20),
  /** Amount of drug per HCPCS billing unit (J9263: 0.5 mg). Absent: 1 unit per line. */
  billingUnit: drugQuantity('Billing unit').optional(),
  prices: z
    .strictObject({
      awpPerPackage: price('AWP per package').optional(),
      wacPerPackage: price('WAC per package').optional(),
      acquisitionPerPackage: price('Acquisition cost per package').optional(),
      paymentLimit: pricePer('Payment limit').optional(),
    })
    .optional(),
  billedCharge: money('Billed charge'),
  wastedBilledCharge: money('Billed charge for the discarded amount').optional(),
  contract: z.strictObject({
    basis: z.enum(BASES, { error: 'Basis must be AWP, WAC, ASP, ASP_DERIVED, INVOICE, FEE_SCHEDULE or BILLED.' }),
    percent: percent('Percent of the basis', '1000'),
    addOn: money('Add-on').optional(),
    feeSchedule: z
      .strictObject({ rate: price('Fee schedule rate'), per: drugQuantity('Fee schedule rate per quantity') })
      .optional(),
    lesserOfBilled: z.boolean({ error: 'Say whether the contract pays the lesser of billed (true or false).' }),
    coinsurancePercent: percent('Coinsurance percent', '100'),
    deductibleRemaining: money('Deductible remaining').optional(),
    sequestration: z.enum(SEQUESTRATION_POLICIES, { error: 'Sequestration must be medicare or none.' }),
  }),
  payerProfile: z
    .strictObject({
      name: z.string().trim().max(120).optional(),
      ndcUnits: z.array(ndcUnit).min(1, { error: 'A payer profile accepts at least one NDC unit.' }),
    })
    .optional(),
  modifierOverride: z
    .strictObject({
      given: z.array(z.string()).max(4).optional(),
      wasted: z.array(z.string()).max(4).optional(),
      reason: z.string(),
    })
    .optional(),
  /** A biller-typed NOC description for the given line (checked like C6). */
  narrative: z.string().optional(),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

// ---------------------------------------------------------------------------------------------
// Result

const moneyOut = z.string().regex(/^-?\d+\.\d{2}$/);

export const estimateLineSchema = z.strictObject({
  kind: z.enum(['given', 'wasted']),
  hcpcs: z.string(),
  modifiers: z.array(z.string()),
  units: z.string().regex(/^\d+$/),
  ndcQuantity: z.string(),
  ndcUnit,
  n4: z.string(),
  narrative: z.string().optional(),
  billedCharge: moneyOut,
  basis: moneyOut,
  allowed: moneyOut,
  acquisitionCost: moneyOut.optional(),
  /**
   * The line's cost sharing (cost-share.ts), as the 835 reports it per line. Every estimate has
   * them; optional only because snapshots stored before per-line cost sharing lack them.
   */
  deductible: moneyOut.optional(),
  coinsurance: moneyOut.optional(),
  sequestration: moneyOut.optional(),
  payerPays: moneyOut.optional(),
  patientPays: moneyOut.optional(),
});

export const estimateTotalsSchema = z.strictObject({
  billed: moneyOut,
  allowed: moneyOut,
  /** Billed − allowed: the CO-45 the 835 should show. */
  contractualAdjustment: moneyOut,
  deductible: moneyOut,
  coinsurance: moneyOut,
  sequestration: moneyOut,
  payerPays: moneyOut,
  patientPays: moneyOut,
  acquisitionCost: moneyOut.optional(),
  margin: moneyOut.optional(),
});

export const estimateResultSchema = z.strictObject({
  ok: z.literal(true),
  ndc11: z.string().regex(/^\d{11}$/),
  lines: z.array(estimateLineSchema).min(1).max(2),
  totals: estimateTotalsSchema,
  warnings: z.array(z.strictObject({ code: z.string(), message: z.string() })),
  trace: z.array(z.string()),
});

export type EstimateLine = z.output<typeof estimateLineSchema>;
export type EstimateTotals = z.output<typeof estimateTotalsSchema>;
export type EstimateResult = z.output<typeof estimateResultSchema>;

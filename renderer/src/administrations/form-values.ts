/**
 * The administration form keeps what the biller typed, as text, in one value. The contract's own
 * schema checks it (the same one the service runs); errors are keyed by the schema's paths
 * (`dose.amount`, `modifierOverride.reason`) so a message from the form, from the preview or from
 * the service's refusal lands next to the same input.
 *
 * The preview is asked for as soon as the fields that shape the claim lines parse (date, patient,
 * payer, lot, dose, waste, route, code, billed charge). An optional field still being typed (half
 * an NPI, a diagnosis that is not a code yet) is left out of the preview instead of hiding it.
 */
import {
  administrationInputSchema,
  type Administration,
  type AdministrationInput,
} from '../../../shared/domain/administration';
import { ApiError } from '../api';

export type AdministrationFormValues = {
  dateOfService: string;
  patientId: string;
  payerId: string;
  /** The chosen drug's NDC: not sent, it picks the lots offered. */
  ndc11: string;
  invoiceLineId: string;
  hcpcs: string;
  doseAmount: string;
  doseUnit: string;
  wastedAmount: string;
  route: string;
  /** '' while not chosen; an IV infusion's times show only for it and are sent only with it. */
  technique: string;
  infusionStart: string;
  infusionStop: string;
  infusionMinutes: string;
  site: string;
  orderingNpi: string;
  orderingProviderName: string;
  renderingNpi: string;
  renderingProviderName: string;
  diagnoses: string[];
  medicalNecessity: string;
  physicianNotes: string;
  billedCharge: string;
  wastedBilledCharge: string;
  claimNumber: string;
  override: boolean;
  overrideGiven: string[];
  overrideWasted: string[];
  overrideReason: string;
};

/** A message and its code, keyed by the schema's path ("dose.amount", "diagnoses"). */
export type FieldErrors = Record<string, { message: string; code: string }>;

export const emptyAdministration = (today: string): AdministrationFormValues => ({
  dateOfService: today,
  patientId: '',
  payerId: '',
  ndc11: '',
  invoiceLineId: '',
  hcpcs: 'J3490',
  doseAmount: '',
  doseUnit: '',
  wastedAmount: '',
  route: '',
  technique: '',
  infusionStart: '',
  infusionStop: '',
  infusionMinutes: '',
  site: '',
  orderingNpi: '',
  orderingProviderName: '',
  renderingNpi: '',
  renderingProviderName: '',
  diagnoses: [],
  medicalNecessity: '',
  physicianNotes: '',
  billedCharge: '',
  wastedBilledCharge: '',
  claimNumber: '',
  override: false,
  overrideGiven: [],
  overrideWasted: [],
  overrideReason: '',
});

/** "0" waste reads as nothing entered. */
const blankIfZero = (s: string): string => (/^0*(\.0*)?$/.test(s) ? '' : s);

export function administrationToForm(a: Administration): AdministrationFormValues {
  return {
    dateOfService: a.dateOfService,
    patientId: String(a.patientId),
    payerId: String(a.payerId),
    ndc11: a.ndc11,
    invoiceLineId: String(a.invoiceLineId),
    hcpcs: a.hcpcs,
    doseAmount: a.dose.amount,
    doseUnit: a.dose.unit,
    wastedAmount: blankIfZero(a.wastedAmount),
    route: a.route,
    technique: a.technique,
    infusionStart: a.infusionStart,
    infusionStop: a.infusionStop,
    infusionMinutes: a.infusionMinutes,
    site: a.site,
    orderingNpi: a.orderingNpi,
    orderingProviderName: a.orderingProviderName,
    renderingNpi: a.renderingNpi,
    renderingProviderName: a.renderingProviderName,
    diagnoses: [...a.diagnoses],
    medicalNecessity: a.medicalNecessity,
    physicianNotes: a.physicianNotes,
    billedCharge: a.billedCharge,
    wastedBilledCharge: a.wastedBilledCharge,
    claimNumber: a.claimNumber,
    override: a.modifierOverride !== null,
    overrideGiven: a.modifierOverride ? [...a.modifierOverride.given] : [],
    overrideWasted: a.modifierOverride ? [...a.modifierOverride.wasted] : [],
    overrideReason: a.modifierOverride?.reason ?? '',
  };
}

const idOrAbsent = (s: string): number | undefined => (/^\d+$/.test(s) ? Number(s) : undefined);
const enumOrAbsent = (s: string): string | undefined => (s === '' ? undefined : s);

/**
 * The contract's input as typed: ids not chosen yet and empty choices are left out. Infusion times
 * kept from an earlier choice of IV infusion are not sent with another technique.
 */
export function formToInput(v: AdministrationFormValues): Record<string, unknown> {
  const infusion = v.technique === 'iv-infusion';
  return {
    dateOfService: v.dateOfService,
    patientId: idOrAbsent(v.patientId),
    payerId: idOrAbsent(v.payerId),
    invoiceLineId: idOrAbsent(v.invoiceLineId),
    hcpcs: enumOrAbsent(v.hcpcs),
    dose: { amount: v.doseAmount, unit: enumOrAbsent(v.doseUnit) },
    wastedAmount: v.wastedAmount.trim() === '' ? '0' : v.wastedAmount,
    route: enumOrAbsent(v.route),
    technique: v.technique,
    infusionStart: infusion ? v.infusionStart : '',
    infusionStop: infusion ? v.infusionStop : '',
    infusionMinutes: infusion ? v.infusionMinutes : '',
    site: v.site,
    orderingNpi: v.orderingNpi,
    orderingProviderName: v.orderingProviderName,
    renderingNpi: v.renderingNpi,
    renderingProviderName: v.renderingProviderName,
    diagnoses: v.diagnoses,
    medicalNecessity: v.medicalNecessity,
    physicianNotes: v.physicianNotes,
    billedCharge: v.billedCharge,
    wastedBilledCharge: v.wastedBilledCharge,
    claimNumber: v.claimNumber,
    modifierOverride: v.override
      ? { given: v.overrideGiven, wasted: v.overrideWasted, reason: v.overrideReason }
      : null,
  };
}

/** Where each issue path is shown: a diagnosis or a modifier by its list, not its index. */
export function fieldKey(path: string): string {
  if (/^diagnoses\.\d+$/.test(path)) return 'diagnoses';
  const m = /^(modifierOverride\.(given|wasted))\.\d+$/.exec(path);
  if (m?.[1]) return m[1];
  if (path === 'dose') return 'dose.amount';
  return path;
}

/** zod's wording for a missing id is not for people. */
const CHOOSE: Record<string, string> = {
  patientId: 'Choose the patient.',
  payerId: 'Choose the payer.',
  invoiceLineId: 'Choose the drug, then the lot the dose came from.',
  'dose.unit': 'Choose the dose unit.',
  route: 'Choose the route.',
};

type Issue = { path: PropertyKey[]; message: string; params?: { code?: string } };

function issuesToErrors(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const key = fieldKey(path);
    const code = issue.params?.code ?? 'INVALID_INPUT';
    const message = CHOOSE[key] && code === 'INVALID_INPUT' ? (CHOOSE[key] ?? issue.message) : issue.message;
    const prev = errors[key];
    if (!prev) errors[key] = { message, code };
    else if (!prev.message.includes(message)) errors[key] = { message: `${prev.message} ${message}`, code: prev.code };
  }
  return errors;
}

export type Validated = { ok: true; input: AdministrationInput } | { ok: false; errors: FieldErrors };

/** Check with the contract's schema; the parsed input is what is sent. */
export function validateAdministration(v: AdministrationFormValues): Validated {
  const parsed = administrationInputSchema.safeParse(formToInput(v));
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, errors: issuesToErrors(parsed.error.issues as Issue[]) };
}

/** The fields that shape the claim lines and the money: no preview until they parse. */
const LINE_SHAPING = [
  'dateOfService',
  'patientId',
  'payerId',
  'invoiceLineId',
  'hcpcs',
  'dose',
  'wastedAmount',
  'route',
  'billedCharge',
];

const TECHNIQUE_KEYS = ['technique', 'infusionStart', 'infusionStop', 'infusionMinutes'];

export type PreviewPlan = {
  input: AdministrationInput | null;
  /** Typed but left out of the preview until it parses (field keys). */
  leftOut: string[];
};

export function previewPlan(v: AdministrationFormValues): PreviewPlan {
  const raw = formToInput(v);
  const first = administrationInputSchema.safeParse(raw);
  if (first.success) return { input: first.data, leftOut: [] };
  const issues = first.error.issues;
  if (issues.some((i) => LINE_SHAPING.includes(String(i.path[0])))) return { input: null, leftOut: [] };

  const leftOut = new Set<string>();
  const badDiagnoses = new Set<number>();
  const cleaned: Record<string, unknown> = { ...raw };
  for (const issue of issues) {
    const top = String(issue.path[0]);
    if (top === 'diagnoses' && typeof issue.path[1] === 'number') badDiagnoses.add(issue.path[1]);
    else if (top === 'modifierOverride') cleaned.modifierOverride = null;
    // The technique and its times stand or fall together (an infusion needs its times).
    else if (TECHNIQUE_KEYS.includes(top)) for (const k of TECHNIQUE_KEYS) cleaned[k] = '';
    else cleaned[top] = '';
    leftOut.add(fieldKey(issue.path.map(String).join('.')));
  }
  if (badDiagnoses.size > 0) cleaned.diagnoses = v.diagnoses.filter((_, i) => !badDiagnoses.has(i));
  const second = administrationInputSchema.safeParse(cleaned);
  return second.success ? { input: second.data, leftOut: [...leftOut] } : { input: null, leftOut: [] };
}

/**
 * Refusals the service may give without a field (or under another name) that still belong to
 * one: the lot's stock checks name `quantity`, which on this form is the dose.
 */
const FIELD_FOR_CODE: Record<string, string> = {
  LOT_INSUFFICIENT: 'dose.amount',
  LOT_EXPIRED: 'invoiceLineId',
  LOT_NOT_FOUND: 'invoiceLineId',
  WASTE_ON_MULTI_DOSE: 'wastedAmount',
  PATIENT_NOT_FOUND: 'patientId',
  PAYER_NOT_FOUND: 'payerId',
  MODIFIER_OVERRIDE_INVALID: 'modifierOverride.reason',
};
const FIELD_ALIASES: Record<string, string> = {
  quantity: 'dose.amount',
  dose: 'dose.amount',
  doseAmount: 'dose.amount',
  doseUnit: 'dose.unit',
  lot: 'invoiceLineId',
  modifierOverride: 'modifierOverride.reason',
};

/**
 * A service refusal as field errors (the `administration.` prefix of `administrations:update`
 * removed), or null when it names no field and belongs above the form.
 */
export function errorsFromApi(err: unknown): FieldErrors | null {
  if (!(err instanceof ApiError)) return null;
  const out: FieldErrors = {};
  for (const f of err.fields) {
    const bare = f.field.startsWith('administration.') ? f.field.slice('administration.'.length) : f.field;
    const key = FIELD_ALIASES[bare] ?? fieldKey(bare);
    const fallback = key === '' ? FIELD_FOR_CODE[f.code] : key;
    if (!fallback) continue;
    if (!(fallback in out)) out[fallback] = { message: f.message, code: f.code };
  }
  const byCode = FIELD_FOR_CODE[err.code];
  if (Object.keys(out).length === 0 && byCode) out[byCode] = { message: err.message, code: err.code };
  return Object.keys(out).length > 0 ? out : null;
}

/** The form's inputs, by error key: a refusal for anything else is shown above the form. */
export const SHOWN_FIELDS: readonly string[] = [
  'dateOfService',
  'patientId',
  'payerId',
  'invoiceLineId',
  'hcpcs',
  'dose.amount',
  'dose.unit',
  'wastedAmount',
  'route',
  'technique',
  'infusionStart',
  'infusionStop',
  'infusionMinutes',
  'site',
  'orderingNpi',
  'orderingProviderName',
  'renderingNpi',
  'renderingProviderName',
  'diagnoses',
  'medicalNecessity',
  'physicianNotes',
  'billedCharge',
  'wastedBilledCharge',
  'claimNumber',
  'modifierOverride.given',
  'modifierOverride.wasted',
  'modifierOverride.reason',
];

/** Is the field still empty (so "required" is not shouted at someone who has not typed yet)? */
export function isBlank(v: AdministrationFormValues, key: string): boolean {
  const value: unknown =
    {
      'dose.amount': v.doseAmount,
      'dose.unit': v.doseUnit,
      diagnoses: v.diagnoses,
      'modifierOverride.given': v.overrideGiven,
      'modifierOverride.wasted': v.overrideWasted,
      'modifierOverride.reason': v.overrideReason,
    }[key] ?? (v as unknown as Record<string, unknown>)[key];
  if (Array.isArray(value)) return value.length === 0;
  return typeof value !== 'string' || value.trim() === '';
}

/**
 * A provider of the practice: who orders or gives the drug, with the NPI a claim names them by
 * and their credentials (MD, DO, NP, PA). An administration copies the name as printed ("Jane
 * Roe, MD") and the NPI when a provider is picked, so the attachment prints what was billed even
 * after the provider's record changes.
 *
 * An NPI is read the way people copy it from a letter or the NPPES page: spaces and dashes are
 * dropped ("123 456 7893", "123-456-7893"), then the ten digits and the Luhn check digit are
 * checked, so a typo is caught here and not by the payer's rejection.
 */
import { z } from 'zod';
import { addCodedIssue, idSchema, optionalText, requiredText, rowVersionSchema } from './field-rules';
import { checkNpi } from './npi';
import { npiAsTyped } from './typed-input';

/** Room for the longest name and credentials in the administration's 80-character name field. */
export const PROVIDER_NAME_MAX = 58;
export const PROVIDER_CREDENTIALS_MAX = 20;

/** Offered in the form; any other credentials may be typed. */
export const COMMON_CREDENTIALS = ['MD', 'DO', 'NP', 'PA', 'PA-C', 'APRN', 'CNS', 'CRNA', 'RN', 'PharmD'] as const;

/** The NPI as typed, without the spaces and dashes people copy it with (the shared typed-input rule). */
export { npiAsTyped };

export const npiField = z
  .string({ error: 'NPI is required.' })
  .transform(npiAsTyped)
  .superRefine((s, ctx) => {
    if (s === '') return addCodedIssue(ctx, 'REQUIRED', 'NPI is required.');
    const r = checkNpi(s);
    if (!r.ok) addCodedIssue(ctx, r.code, r.message);
  });

export const providerInputSchema = z.object({
  name: requiredText('Name', PROVIDER_NAME_MAX),
  npi: npiField,
  credentials: optionalText('Credentials', PROVIDER_CREDENTIALS_MAX),
});
export type ProviderInput = z.input<typeof providerInputSchema>;
export type ProviderFields = z.output<typeof providerInputSchema>;

export const providerSchema = z.object({
  id: idSchema,
  /** Raised by every change; a save names the one its form was loaded with (RECORD_CHANGED). */
  version: rowVersionSchema,
  name: z.string(),
  npi: z.string(),
  credentials: z.string(),
  /** Inactive: not offered on the administration form, kept so its NPI and history stay. */
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Provider = z.output<typeof providerSchema>;

/** The name as the claim and the attachment print it: "Jane Roe, MD" (the name alone without credentials). */
export const providerPrintedName = (p: Pick<Provider, 'name' | 'credentials'>): string =>
  p.credentials === '' ? p.name : `${p.name}, ${p.credentials}`;

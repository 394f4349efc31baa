/**
 * The practice as it appears on every claim attachment: name, address, phone, billing contact,
 * NPI (type 2, check digit verified) and TIN. One record per database.
 */
import { z } from 'zod';
import { addCodedIssue, optionalText, requiredText, rowVersionSchema } from './field-rules';
import { checkNpi } from './npi';
import { checkTin } from './tin';
import { npiAsTyped } from './typed-input';
import { US_STATES } from './us-states';

export { US_STATES };

// Typed with spaces or dashes ("1234 567 893"), it is still the same 10 digits.
const npiField = z
  .string({ error: 'NPI is required.' })
  .transform(npiAsTyped)
  .transform((s, ctx) => {
    const r = checkNpi(s);
    if (!r.ok) {
      addCodedIssue(ctx, r.code, r.message);
      return z.NEVER;
    }
    return r.npi;
  });

const tinField = z
  .string({ error: 'TIN is required.' })
  .trim()
  .transform((s, ctx) => {
    const r = checkTin(s);
    if (!r.ok) {
      addCodedIssue(ctx, r.code, r.message);
      return z.NEVER;
    }
    return r.tin;
  });

const phoneField = z
  .string({ error: 'Phone is required.' })
  .trim()
  .transform((s, ctx) => {
    const digits = s.replace(/[\s().-]/g, '').replace(/^\+?1(?=\d{10}$)/, '');
    if (!/^\d{10}$/.test(digits)) {
      addCodedIssue(ctx, 'PHONE_INVALID', 'A phone number is 10 digits, e.g. (555) 123-4567.');
      return z.NEVER;
    }
    return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
  });

export const practiceInputSchema = z.object({
  name: requiredText('Practice name'),
  addressLine1: requiredText('Address'),
  addressLine2: optionalText('Address line 2'),
  city: requiredText('City', 80),
  state: z.enum(US_STATES, { error: 'Choose a US state or territory.' }),
  zip: z
    .string({ error: 'ZIP is required.' })
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, { error: 'ZIP is 5 digits or ZIP+4 (12345-6789).' }),
  phone: phoneField,
  billingContact: requiredText('Billing contact'),
  npi: npiField,
  tin: tinField,
});

export type PracticeInput = z.input<typeof practiceInputSchema>;
export type PracticeSettings = z.output<typeof practiceInputSchema> & { updatedAt: string; version: number };

export const practiceSettingsSchema = z.object({
  /** Raised by every change; a save names the one its form was loaded with (RECORD_CHANGED). */
  version: rowVersionSchema,
  name: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  phone: z.string(),
  billingContact: z.string(),
  npi: z.string(),
  tin: z.string(),
  updatedAt: z.string(),
});

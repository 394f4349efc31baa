/** A patient with the minimum a claim needs: name, date of birth, account/MRN, payer, member ID. */
import { z } from 'zod';
import { addCodedIssue, idSchema, optionalText, requiredText, rowVersionSchema } from './field-rules';
import { parseIsoDate } from './iso-date';

export const patientInputSchema = z.object({
  lastName: requiredText('Last name', 80),
  firstName: requiredText('First name', 80),
  dateOfBirth: z
    .string({ error: 'Date of birth is required (YYYY-MM-DD).' })
    .trim()
    .superRefine((s, ctx) => {
      const r = parseIsoDate(s, 'Date of birth');
      if (!r.ok) return addCodedIssue(ctx, r.error.code, r.error.message);
      if (s < '1900-01-01') addCodedIssue(ctx, 'DATE_INVALID', 'Date of birth is before 1900.');
    }),
  accountNumber: requiredText('Account / MRN', 40),
  payerId: idSchema.nullable().default(null),
  memberId: optionalText('Member ID', 40),
});
export type PatientInput = z.input<typeof patientInputSchema>;

export const patientSchema = z.object({
  id: idSchema,
  /** Raised by every change; a save names the one its form was loaded with (RECORD_CHANGED). */
  version: rowVersionSchema,
  lastName: z.string(),
  firstName: z.string(),
  dateOfBirth: z.string(),
  accountNumber: z.string(),
  payerId: idSchema.nullable(),
  payerName: z.string().nullable(),
  memberId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Patient = z.output<typeof patientSchema>;

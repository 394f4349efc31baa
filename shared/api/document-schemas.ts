/**
 * Generated documents (PDF cost attachments, reimbursement worksheets, merged batches) and the
 * attachment batch, as the contract carries them.
 */
import { z } from 'zod';
import { idSchema } from '../domain/field-rules';

export const DOCUMENT_KINDS = ['attachment', 'worksheet', 'merged'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const generatedDocumentSchema = z.object({
  id: idSchema,
  kind: z.enum(DOCUMENT_KINDS),
  /** The ID printed on every page, e.g. ATT-000042-v2. */
  documentKey: z.string(),
  /** 1 for the first document of this kind for these administrations, then 2, 3... */
  version: z.number().int(),
  /** Suggested name when saved: claim number (or administration) and date of service. */
  fileName: z.string(),
  sha256: z.string(),
  byteSize: z.number().int(),
  pageCount: z.number().int(),
  generatedAt: z.string(),
  generatedBy: z.string(),
  claimNumber: z.string(),
  payerName: z.string(),
  administrationIds: z.array(idSchema),
});
export type GeneratedDocument = z.output<typeof generatedDocumentSchema>;

export const generateAttachmentArgsSchema = z.object({
  administrationId: idSchema,
  /** Print the physician notes (the biller chooses; some payers want them, some do not). */
  includePhysicianNotes: z.boolean().default(true),
  /** Also make the internal reimbursement worksheet, a separate document. */
  withWorksheet: z.boolean().default(false),
});

export const batchArgsSchema = z.object({
  payerId: idSchema,
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'From must be a date (YYYY-MM-DD).' }),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'To must be a date (YYYY-MM-DD).' }),
  /**
   * Which administrations to take: 'ready', the claims still to bill (ready ones are made; drafts
   * are listed as skipped with what they lack), or 'billed' for a resend (billed, denied, appealed).
   */
  status: z.enum(['ready', 'billed']).default('ready'),
  includePhysicianNotes: z.boolean().default(true),
  /** Also merge every attachment made into one PDF. */
  merged: z.boolean().default(false),
});
export type BatchArgs = z.input<typeof batchArgsSchema>;

export const BATCH_STATES = ['running', 'done', 'cancelled', 'failed'] as const;

export const batchStatusSchema = z.object({
  jobId: z.string(),
  state: z.enum(BATCH_STATES),
  /** Claims to make (administrations of one claim make one attachment). */
  total: z.number().int(),
  done: z.number().int(),
  made: z.array(
    z.object({
      documentId: idSchema,
      fileName: z.string(),
      claimNumber: z.string(),
      dateOfService: z.string(),
      administrationIds: z.array(idSchema),
      /** Nothing on the claim changed since its latest attachment: that version is handed back, no new one made. */
      unchanged: z.boolean(),
    }),
  ),
  skipped: z.array(
    z.object({
      administrationId: idSchema,
      /** "Díaz, Ana — 2025-03-02 — Ketorolac". */
      label: z.string(),
      code: z.string(),
      reason: z.string(),
    }),
  ),
  mergedDocumentId: idSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type BatchStatus = z.output<typeof batchStatusSchema>;

export const documentContentSchema = z.object({
  document: generatedDocumentSchema,
  contentBase64: z.string(),
});

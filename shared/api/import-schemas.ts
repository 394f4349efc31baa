/**
 * The import wizard's contract: a file goes in (base64), a preview comes back (columns, the
 * mapping used, row-level errors with row number, column and reason), and nothing is written
 * until `imports:commit` — all rows that passed, in one transaction, or none.
 */
import { z } from 'zod';
import { idSchema } from '../domain/field-rules';

export const IMPORT_KINDS = ['fee-schedule', 'prices', 'cms-asp', 'cms-noc', 'invoices'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** 64 MB of base64 ≈ 48 MB of file: a CMS quarterly zip is a few MB. */
export const MAX_IMPORT_BASE64_CHARS = 64 * 1024 * 1024;

export const importPreviewArgsSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().trim().min(1).max(260),
  contentBase64: z.string().max(MAX_IMPORT_BASE64_CHARS, { error: 'The file is larger than 48 MB.' }),
  /** Fee schedules belong to a payer; the mapping is remembered per payer. */
  payerId: idSchema.optional(),
  /** Invoices belong to a supplier; the mapping is remembered per supplier. */
  supplierId: idSchema.optional(),
  /** field → column header; omitted fields use the remembered or guessed mapping. */
  mapping: z.record(z.string(), z.string()).optional(),
  /** CMS files: the quarter they price, e.g. "2025Q3" (guessed from the file name when absent). */
  quarter: z
    .string()
    .regex(/^\d{4}Q[1-4]$/, { error: 'A quarter is written like 2025Q3.' })
    .optional(),
});
export type ImportPreviewArgs = z.input<typeof importPreviewArgsSchema>;

export const importRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.output<typeof importRowErrorSchema>;

export const importPreviewSchema = z.object({
  stagedId: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  /** The sheet or zip entry that was read, when the file held several. */
  source: z.string(),
  columns: z.array(z.string()),
  fields: z.array(z.object({ field: z.string(), label: z.string(), required: z.boolean() })),
  mapping: z.record(z.string(), z.string().nullable()),
  mappingComplete: z.boolean(),
  quarter: z.string().nullable(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  refusedRows: z.number().int(),
  /** The first valid rows as they will be stored, for the person to eyeball. */
  sample: z.array(z.record(z.string(), z.string())),
  /** Up to 500 row errors, file order; `refusedRows` has the full count. */
  errors: z.array(importRowErrorSchema),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

export const importCommitArgsSchema = z.object({
  stagedId: z.string(),
  /** Rows with errors are left out; the person must say they accept that. */
  acceptRefused: z.boolean().default(false),
});

export const importReportSchema = z.object({
  importId: idSchema,
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  taken: z.number().int(),
  refused: z.number().int(),
});
export type ImportReport = z.output<typeof importReportSchema>;

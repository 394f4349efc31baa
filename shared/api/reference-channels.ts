/**
 * The contract's channels for reference data and code transitions (issue 13): importing the CMS
 * crosswalk, the HCPCS update and the FDA NDC directory (preview, then all or nothing), the code
 * check for an NDC and date, NDC lookups in the FDA directory, the quarterly summary and the
 * transition tracker with its checklist. Spread into contract.ts.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';
import { importRowErrorSchema } from './import-schemas';
import { isoDateField } from '../domain/contract-terms';
import { idSchema } from '../domain/field-rules';
import { DOSE_UNITS } from '../domain/units';

export const REFERENCE_KINDS = ['crosswalk', 'hcpcs', 'fda-ndc'] as const;
export const TRANSITION_ITEMS = ['charge-master', 'fee-schedules', 'staff-told', 'payer-contracts'] as const;
export type TransitionItem = (typeof TRANSITION_ITEMS)[number];

/** Base64 of a few files: the FDA directory unzipped is ≈ 90 MB of text (≈ 120 MB as base64). */
const REFERENCE_BODY_BYTES = 200 * 1024 * 1024;
const MAX_FILE_BASE64 = 160 * 1024 * 1024;

const hcpcsText = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]\d{4}$/, { error: 'A HCPCS code is a letter and 4 digits, such as J3490.' });

export const referencePreviewArgsSchema = z.object({
  kind: z.enum(REFERENCE_KINDS),
  /** One file (a zip, CSV, XLSX or text), or for the FDA directory product.txt and package.txt. */
  files: z
    .array(
      z.object({
        fileName: z.string().trim().min(1).max(260),
        contentBase64: z.string().max(MAX_FILE_BASE64, { error: 'The file is larger than 120 MB.' }),
      }),
    )
    .min(1, { error: 'Choose the file to import.' })
    .max(4),
  /** "2025Q3" for CMS files, a date for the FDA directory; read from the file when it says. */
  release: z
    .string()
    .trim()
    .regex(/^(\d{4}Q[1-4]|\d{4}-\d{2}-\d{2})$/, {
      error: 'Write the release as a quarter (2025Q3) or a date (2025-06-30).',
    })
    .optional(),
});

export const referencePreviewSchema = z.object({
  stagedId: z.string(),
  kind: z.enum(REFERENCE_KINDS),
  source: z.string(),
  release: z.string(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  refusedRows: z.number().int(),
  /** The first rows as they will be stored, labelled for people. */
  sample: z.array(z.record(z.string(), z.string())),
  errors: z.array(importRowErrorSchema),
  /** The same release imported before, which this import replaces. */
  replaces: z.object({ importedAt: z.string(), fileName: z.string() }).nullable(),
  /** What this release changes against the newest one on file (codes added, drugs of ours affected). */
  changes: z.array(z.string()),
});
export type ReferencePreview = z.output<typeof referencePreviewSchema>;

export const referenceImportSchema = z.object({
  id: idSchema,
  kind: z.enum(REFERENCE_KINDS),
  release: z.string(),
  releaseStart: z.string(),
  fileName: z.string(),
  rowsTaken: z.number().int(),
  rowsRefused: z.number().int(),
  /** False for an FDA directory a newer one replaced (only its count stays). */
  rowsKept: z.boolean(),
  /** The release the code check uses now (the newest of its kind). */
  current: z.boolean(),
  createdAt: z.string(),
  actor: z.string(),
});
export type ReferenceImportView = z.output<typeof referenceImportSchema>;

export const specificCodeSchema = z.object({
  hcpcs: z.string(),
  descriptor: z.string(),
  effectiveFrom: z.string(),
  effectiveFromConfirmed: z.boolean(),
  billingUnit: z.string(),
  unitsForDose: z.string().nullable(),
  source: z.string(),
});
export type SpecificCodeView = z.output<typeof specificCodeSchema>;

export const codeCheckArgsSchema = z.object({
  /** Any printed form; 10 digits without hyphens are resolved through the FDA directory. */
  ndc: z.string().trim().min(1, { error: 'Enter the NDC.' }).max(40),
  date: isoDateField('Date of service'),
  hcpcs: hcpcsText.default('J3490'),
  dose: z
    .object({
      amount: z
        .string()
        .trim()
        .regex(/^\d+(\.\d+)?$/),
      unit: z.enum(DOSE_UNITS),
    })
    .optional(),
});

export const codeCheckSchema = z.object({
  ndc11: z.string(),
  date: z.string(),
  hcpcs: z.string(),
  specificCode: specificCodeSchema.nullable(),
  upcoming: specificCodeSchema.nullable(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type CodeCheckView = z.output<typeof codeCheckSchema>;

export const fdaPackageSchema = z.object({
  ndc11: z.string(),
  packageCode: z.string(),
  packageDescription: z.string(),
  proprietaryName: z.string(),
  nonproprietaryName: z.string(),
  dosageForm: z.string(),
  route: z.string(),
  labelerName: z.string(),
  strength: z.string(),
  marketingCategory: z.string(),
  startMarketing: z.string().nullable(),
  endMarketing: z.string().nullable(),
  excluded: z.boolean(),
});
export type FdaPackageView = z.output<typeof fdaPackageSchema>;

export const transitionRowSchema = z.object({
  ndc11: z.string(),
  genericName: z.string(),
  brandName: z.string(),
  nocCodes: z.array(z.string()),
  firstDateOfService: z.string(),
  lastDateOfService: z.string(),
  administrations: z.number().int(),
  /** Sum of the billed charges and of the expected totals of those administrations. */
  billed: z.string(),
  expected: z.string(),
  /** In force today, else the next one; null when no source names one. */
  specificCode: specificCodeSchema.nullable(),
  state: z.enum(['in-force', 'upcoming', 'none', 'date-unknown']),
  /** Administrations billed under a NOC code on or after the specific code's date. */
  afterEffective: z.number().int(),
  checklist: z.array(
    z.object({
      item: z.enum(TRANSITION_ITEMS),
      label: z.string(),
      doneAt: z.string().nullable(),
      doneBy: z.string().nullable(),
    }),
  ),
});
export type TransitionRow = z.output<typeof transitionRowSchema>;

export const quarterSummarySchema = z.object({
  kind: z.enum(['crosswalk', 'hcpcs']),
  release: z.string().nullable(),
  previousRelease: z.string().nullable(),
  added: z.array(z.object({ hcpcs: z.string(), descriptor: z.string(), effectiveFrom: z.string().nullable() })),
  terminated: z.array(z.object({ hcpcs: z.string(), descriptor: z.string(), terminatedOn: z.string().nullable() })),
  /** Drugs of the catalog whose code changed: newly mapped to a specific code, or its code ended. */
  ourDrugs: z.array(z.object({ ndc11: z.string(), drugName: z.string(), hcpcs: z.string(), change: z.string() })),
});
export type QuarterSummary = z.output<typeof quarterSummarySchema>;

export const referenceChannels = {
  'reference:imports': {
    summary: 'Every reference data import (crosswalk, HCPCS update, FDA directory), newest release first.',
    args: z.object({}),
    result: z.array(referenceImportSchema),
  },
  'reference:preview': {
    summary: 'Read a reference file and show what it holds and what it refuses; nothing is written.',
    args: referencePreviewArgsSchema,
    result: referencePreviewSchema,
    maxBodyBytes: REFERENCE_BODY_BYTES,
  },
  'reference:commit': {
    summary: 'Import a previewed reference file, all rows in one transaction or none.',
    args: z.object({ stagedId: z.string(), acceptRefused: z.boolean().default(false) }),
    result: referenceImportSchema,
  },
  'reference:check': {
    summary:
      'Whether a specific HCPCS code covers an NDC on a date of service, and what is wrong with the code billed.',
    args: codeCheckArgsSchema,
    result: codeCheckSchema,
  },
  'reference:lookupNdc': {
    summary: 'The FDA directory packages an NDC (10 digits without hyphens, or any printed form) names.',
    args: z.object({ ndc: z.string().trim().min(1).max(40) }),
    result: z.object({ packages: z.array(fdaPackageSchema), directoryRelease: z.string().nullable() }),
  },
  'reference:quarterSummary': {
    summary:
      'What the newest crosswalk or HCPCS release changed against the one before, and which of our drugs it affects.',
    args: z.object({ kind: z.enum(['crosswalk', 'hcpcs']) }),
    result: quarterSummarySchema,
  },
  'transitions:list': {
    summary: 'Every drug billed under a NOC code, with its specific code now or upcoming and its checklist.',
    args: z.object({}),
    result: z.array(transitionRowSchema),
  },
  'transitions:setItem': {
    summary: 'Tick or untick one item of a drug’s move to its specific code.',
    args: z.object({ ndc11: z.string().regex(/^\d{11}$/), item: z.enum(TRANSITION_ITEMS), done: z.boolean() }),
    result: transitionRowSchema.nullable(),
  },
  'transitions:export': {
    summary: 'The transition tracker as a CSV or XLSX file.',
    args: z.object({ format: z.enum(['csv', 'xlsx']) }),
    result: z.object({ fileName: z.string(), contentBase64: z.string(), rows: z.number().int() }),
  },
} as const satisfies Record<string, ChannelSpec>;

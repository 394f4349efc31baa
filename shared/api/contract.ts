/**
 * The one contract between the UI and the services. Every channel is listed here with zod
 * schemas for its arguments and its result; IPC (main + preload), the loopback HTTP host, the CLI
 * and the renderer's client are all derived from this table, so a channel cannot exist in one
 * door and not another.
 */
import type { ChannelSpec } from './channel-spec';
import { remittanceChannels } from './remittance-channels';
import { backupChannels } from './backup-channels';
import { sessionChannels } from './session-channels';
import { authChannels } from './auth-channels';
import { practiceNetworkChannels } from './practice-network-channels';
import { supplierRecordChannels } from './supplier-record-channels';
import { providerChannels } from './provider-channels';
import { auditChannels } from './audit-channels';
import { searchChannels } from './search-channels';
import { patientRecordChannels } from './patient-record-channels';
import { referenceChannels } from './reference-channels';
import { reportChannels } from './report-channels';
import { z } from 'zod';
import {
  drugCorrectionSchema,
  drugInputSchema,
  drugListQuerySchema,
  drugSchema,
  drugUpdateSchema,
  drugUsageSchema,
  ndcField,
} from '../domain/drug-catalog';
import { practiceInputSchema, practiceSettingsSchema } from '../domain/practice-settings';
import { idSchema, rowVersionSchema } from '../domain/field-rules';
import { estimateResultSchema, scenarioSchema } from '../domain/scenario';
import { contractInputSchema, contractSchema, isoDateField } from '../domain/contract-terms';
import { drugPriceInputSchema, drugPriceSchema, paymentLimitSchema } from '../domain/drug-price';
import { payerInputSchema, payerSchema } from '../domain/payer';
import { DOSE_UNITS } from '../domain/units';
import {
  importCommitArgsSchema,
  importPreviewArgsSchema,
  importPreviewSchema,
  importReportSchema,
  IMPORT_KINDS,
} from './import-schemas';
import {
  batchArgsSchema,
  batchStatusSchema,
  documentContentSchema,
  generateAttachmentArgsSchema,
  generatedDocumentSchema,
} from './document-schemas';
import { resolveArgsSchema, resolutionSchema, termsArgsSchema, termsSchema } from './resolution-schemas';
import {
  invoiceInputSchema,
  invoiceSchema,
  invoiceSummarySchema,
  supplierInputSchema,
  supplierSchema,
} from '../domain/invoice';
import { patientInputSchema, patientSchema } from '../domain/patient';
import { ADJUSTMENT_REASONS, LOT_STATUSES, lotSchema } from '../domain/stock';
import {
  ADMINISTRATION_STATUSES,
  administrationInputSchema,
  administrationListQuerySchema,
  administrationSchema,
  administrationSummarySchema,
} from '../domain/administration';

const feeScheduleEntrySchema = z.object({
  id: idSchema,
  payerId: idSchema,
  codeKind: z.enum(['hcpcs', 'ndc']),
  code: z.string(),
  rate: z.string(),
  perAmount: z.string(),
  perUnit: z.enum(DOSE_UNITS),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
});

const byId = z.object({ id: idSchema });
/** An update names the record and the version its form was loaded with (RECORD_CHANGED otherwise). */
const versioned = z.object({ id: idSchema, version: rowVersionSchema });

export const contract = {
  'app:info': {
    summary: 'Version, mode and where the data lives.',
    args: z.object({}),
    result: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'browser', 'cli', 'server']),
      dataDir: z.string(),
      databaseFile: z.string(),
      schemaVersion: z.number().int(),
    }),
  },
  'practice:get': {
    summary: 'The practice settings, or null before they are first saved.',
    args: z.object({}),
    result: practiceSettingsSchema.nullable(),
  },
  'practice:set': {
    summary: 'Save the practice settings (all fields at once).',
    // No version on the first save (nothing was loaded); once settings exist, a save without the
    // version they were loaded with is refused (RECORD_CHANGED), like any stale form.
    args: practiceInputSchema.extend({ version: rowVersionSchema.optional() }),
    result: practiceSettingsSchema,
  },
  'drugs:list': {
    summary: 'Drugs in the catalog, filtered by a search over NDC and names, sorted, paged.',
    args: drugListQuerySchema,
    result: z.object({ rows: z.array(drugSchema), total: z.number().int() }),
  },
  'drugs:get': {
    summary: 'One drug, by id or by NDC (any accepted form).',
    // One object rather than a union, so a bad NDC keeps its own code (NDC_AMBIGUOUS) on `ndc`.
    args: z
      .object({ id: idSchema.optional(), ndc: ndcField.optional() })
      .refine((a) => (a.id === undefined) !== (a.ndc === undefined), { error: 'Give either an id or an NDC.' }),
    result: drugSchema,
  },
  'drugs:create': {
    summary: 'Add a drug to the catalog; its NDC must not be there yet.',
    args: drugInputSchema,
    result: drugSchema,
  },
  'drugs:update': {
    summary: 'Change a drug (all fields at once).',
    args: drugUpdateSchema,
    result: drugSchema,
  },
  'drugs:usage': {
    summary: 'What uses a drug: invoice lines, open and billed administrations, prices.',
    args: byId,
    result: drugUsageSchema,
  },
  'drugs:correct': {
    summary:
      'Correct a drug entered wrong (unit, strength, package size, container) and recompute its open administrations; refused when any is billed.',
    // openAdministrations: how many the person was told would be recomputed (refused if that moved).
    args: drugCorrectionSchema,
    result: z.object({ drug: drugSchema, recomputed: z.number().int() }),
  },
  'drugs:delete': {
    summary: 'Remove a drug from the catalog.',
    args: byId,
    result: drugSchema,
  },
  'estimate:scenario': {
    summary: 'The expected reimbursement of one administration scenario: claim lines, allowed, shares, trace.',
    args: scenarioSchema,
    result: estimateResultSchema,
  },
  'payers:list': {
    summary: 'Every payer, by name.',
    args: z.object({}),
    result: z.array(payerSchema.extend({ contractCount: z.number().int() })),
  },
  'payers:get': {
    summary: 'One payer (by id or by name) with its contract versions (oldest first).',
    args: z
      .object({ id: idSchema.optional(), name: z.string().trim().min(1).optional() })
      .refine((a) => (a.id === undefined) !== (a.name === undefined), { error: 'Give either an id or a name.' }),
    result: z.object({ payer: payerSchema, contracts: z.array(contractSchema) }),
  },
  'payers:templates': {
    summary: 'The payer templates that ship with the app and their documented alternatives.',
    args: z.object({}),
    result: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        alternatives: z.array(
          z.object({ key: z.string(), label: z.string(), basis: z.string(), percent: z.string(), why: z.string() }),
        ),
      }),
    ),
  },
  'payers:createFromTemplate': {
    summary: 'Create a payer and its first contract version from a template.',
    args: z.object({
      template: z.string(),
      name: z.string().trim().max(120).optional(),
      alternative: z.string().optional(),
      effectiveFrom: isoDateField('Effective from').optional(),
    }),
    result: z.object({ payer: payerSchema, contract: contractSchema }),
  },
  'payers:create': { summary: 'Add a payer.', args: payerInputSchema, result: payerSchema },
  'payers:update': {
    summary: 'Change a payer and its requirements profile.',
    args: z.intersection(payerInputSchema, versioned),
    result: payerSchema,
  },
  'payers:confirmProfile': {
    summary: 'Record that the biller confirmed the payer requirements today.',
    args: byId,
    result: payerSchema,
  },
  'payers:delete': {
    summary: 'Remove a payer with its contracts and fee schedule.',
    args: byId,
    result: payerSchema,
  },
  'contracts:create': {
    summary: 'Add a contract version; refused when it overlaps another of the same scope.',
    args: contractInputSchema,
    result: contractSchema,
  },
  'contracts:update': {
    summary: 'Change a contract version.',
    args: versioned.extend({ terms: contractInputSchema }),
    result: contractSchema,
  },
  'contracts:delete': { summary: 'Remove a contract version.', args: byId, result: contractSchema },
  'feeSchedule:list': {
    summary: "A payer's fee schedule entries.",
    args: z.object({
      payerId: idSchema,
      search: z.string().trim().default(''),
      limit: z.number().int().min(1).max(500).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    result: z.object({ rows: z.array(feeScheduleEntrySchema), total: z.number().int() }),
  },
  'prices:history': {
    summary: 'AWP and WAC history of one NDC, newest first, with the CMS payment limits found for it.',
    args: z.object({ ndc: ndcField }),
    result: z.object({
      ndc11: z.string(),
      prices: z.array(drugPriceSchema),
      paymentLimits: z.array(paymentLimitSchema),
    }),
  },
  'prices:create': {
    summary: 'Enter an AWP or WAC per package from a date.',
    args: drugPriceInputSchema,
    result: drugPriceSchema,
  },
  'prices:update': {
    summary: 'Correct one price entry (type, price, effective date), checked as a new one would be.',
    args: z.intersection(drugPriceInputSchema, versioned),
    result: drugPriceSchema,
  },
  'prices:delete': { summary: 'Remove one price entry.', args: byId, result: drugPriceSchema },
  'paymentLimits:list': {
    summary: 'CMS payment limits, searchable by HCPCS or drug name, optionally for one quarter.',
    args: z.object({
      search: z.string().trim().default(''),
      quarter: z.string().trim().default(''),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    result: z.object({ rows: z.array(paymentLimitSchema), total: z.number().int() }),
  },
  'imports:preview': {
    summary: 'Read a fee schedule, price or CMS pricing file and show what would be imported; writes nothing.',
    args: importPreviewArgsSchema,
    result: importPreviewSchema,
    maxBodyBytes: 70 * 1024 * 1024,
  },
  'imports:commit': {
    summary: 'Write a previewed import: every valid row in one transaction, or nothing.',
    args: importCommitArgsSchema,
    result: importReportSchema,
  },
  'imports:mapping': {
    summary: 'The column mapping remembered for a kind of file (per payer for fee schedules).',
    args: z.object({ kind: z.enum(IMPORT_KINDS), payerId: idSchema.optional(), supplierId: idSchema.optional() }),
    result: z.record(z.string(), z.string()).nullable(),
  },
  'resolve:terms': {
    summary: 'The contract version, prices and profile in force for a payer, drug and date.',
    args: termsArgsSchema,
    result: termsSchema,
  },
  'resolve:estimate': {
    summary: 'Contract, prices and profile in force for a payer, drug and date, and the estimate from them.',
    args: resolveArgsSchema,
    result: resolutionSchema,
  },
  'suppliers:list': { summary: 'Every supplier, by name.', args: z.object({}), result: z.array(supplierSchema) },
  'suppliers:create': { summary: 'Add a supplier.', args: supplierInputSchema, result: supplierSchema },
  'suppliers:update': {
    summary: 'Change a supplier.',
    args: z.intersection(supplierInputSchema, versioned),
    result: supplierSchema,
  },
  'invoices:list': {
    summary: 'Invoices, newest first, searchable by invoice number, supplier, NDC or lot.',
    args: z.object({
      search: z.string().trim().max(100).default(''),
      supplierId: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    result: z.object({ rows: z.array(invoiceSummarySchema), total: z.number().int() }),
  },
  'invoices:get': {
    summary: 'One invoice with its lines, reconciliation and scan.',
    args: byId,
    result: invoiceSchema,
  },
  'invoices:create': {
    summary: 'Record an acquisition invoice and its lines (lots); the invoice number is unique per supplier.',
    args: invoiceInputSchema,
    result: invoiceSchema,
  },
  'invoices:update': {
    summary:
      'Change an invoice; lines sent with their id are corrected in place, and a used lot keeps its NDC, what left it and its dates of service.',
    args: versioned.extend({ invoice: invoiceInputSchema }),
    result: invoiceSchema,
  },
  'invoices:delete': { summary: 'Delete an invoice whose lots are not used.', args: byId, result: invoiceSchema },
  'invoices:attachScan': {
    summary: "Store the supplier's scanned invoice (PDF, PNG or JPEG) under its SHA-256 and link it.",
    args: z.object({
      invoiceId: idSchema,
      fileName: z.string().trim().min(1).max(260),
      contentBase64: z.string().max(34 * 1024 * 1024, { error: 'A scan may be at most 25 MB.' }),
    }),
    result: invoiceSchema,
    maxBodyBytes: 36 * 1024 * 1024,
  },
  'invoices:scan': {
    summary: "The invoice's scan, to view it.",
    args: z.object({ invoiceId: idSchema }),
    result: z.object({ fileName: z.string(), mediaType: z.string(), sha256: z.string(), contentBase64: z.string() }),
  },
  'stock:list': {
    summary: 'Lots with purchased, used, adjusted and on-hand quantities in NDC units, and their expiry status.',
    args: z.object({
      search: z.string().trim().max(100).default(''),
      status: z.enum(['all', ...LOT_STATUSES]).default('all'),
      expiringWithinDays: z.number().int().min(0).max(3650).default(60),
      includeEmpty: z.boolean().default(false),
      today: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    result: z.object({ rows: z.array(lotSchema), total: z.number().int() }),
  },
  'stock:adjust': {
    summary: 'Take stock out of a lot (or put it back, for a count correction) with a reason.',
    args: z.object({
      invoiceLineId: idSchema,
      quantity: z
        .string()
        .trim()
        .regex(/^-?\d{1,9}(\.\d{1,6})?$/, { error: 'Quantity is a number of NDC units, e.g. 2.5.' }),
      reason: z.enum(ADJUSTMENT_REASONS, { error: 'Choose a reason.' }),
      note: z.string().trim().max(500).default(''),
    }),
    result: lotSchema,
  },
  'stock:suggest': {
    summary: 'Lots of an NDC usable on a date of service, soonest expiry first.',
    args: z.object({ ndc: ndcField, dateOfService: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    result: z.array(lotSchema),
  },
  'patients:list': {
    summary: 'Patients by name, searchable by name, account/MRN or member ID.',
    args: z.object({
      search: z.string().trim().max(100).default(''),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    result: z.object({ rows: z.array(patientSchema), total: z.number().int() }),
  },
  'patients:get': { summary: 'One patient.', args: byId, result: patientSchema },
  'patients:create': { summary: 'Add a patient.', args: patientInputSchema, result: patientSchema },
  'patients:update': {
    summary: 'Change a patient.',
    args: z.intersection(patientInputSchema, versioned),
    result: patientSchema,
  },
  'patients:delete': { summary: 'Remove a patient.', args: byId, result: patientSchema },
  'administrations:list': {
    summary: 'Administrations filtered by payer, status, dates and readiness, sorted, paged.',
    args: administrationListQuerySchema,
    result: z.object({ rows: z.array(administrationSummarySchema), total: z.number().int() }),
  },
  'administrations:get': {
    summary: 'One administration with its estimate snapshot and readiness checklist.',
    args: byId,
    result: administrationSchema,
  },
  'administrations:create': {
    summary: 'Record an administration: draws its dose and waste from the lot and stores the estimate.',
    args: administrationInputSchema,
    result: administrationSchema,
  },
  'administrations:update': {
    summary: 'Change an administration that is not billed yet; its estimate is recomputed.',
    args: versioned.extend({ administration: administrationInputSchema }),
    result: administrationSchema,
  },
  'administrations:delete': {
    summary: 'Delete a draft administration; its stock returns to the lot.',
    args: byId,
    result: administrationSchema,
  },
  'administrations:setStatus': {
    summary: 'Move the claim along: draft → ready → billed → paid / denied → appealed.',
    // The version is optional here: a status move comes from list actions, seeds and scripts as
    // well as from a form, and the move itself is checked against the current status.
    args: z.object({ id: idSchema, status: z.enum(ADMINISTRATION_STATUSES), version: rowVersionSchema.optional() }),
    result: administrationSchema,
  },
  'administrations:recordNocInstruction': {
    summary:
      'Record that the payer told the practice to bill the NOC code although a specific code exists (or take it back).',
    args: z.object({
      id: idSchema,
      /** Who at the payer said so, when and how; empty takes the record back. */
      note: z.string().trim().max(2000),
    }),
    result: administrationSchema,
  },
  'administrations:useSpecificCode': {
    summary:
      'Bill the administration under the specific code that covers its drug on its date, with that code’s units.',
    args: byId,
    result: administrationSchema,
  },
  'administrations:recompute': {
    summary: 'Recompute the estimate snapshot from the terms and prices now on file (not once billed).',
    args: byId,
    result: administrationSchema,
  },
  'administrations:recomputeStale': {
    summary:
      'Recompute every open estimate that prices, contracts or payer terms made out of date; billed ones keep theirs.',
    args: z.object({}),
    result: z.object({ recomputed: z.number().int(), changed: z.number().int() }),
  },
  'administrations:preview': {
    summary: 'The estimate and readiness an administration would have, without saving it.',
    // editingId: previewing an edit, whose own earlier draw from the lot counts as given back.
    args: administrationInputSchema.extend({ editingId: idSchema.optional() }),
    result: administrationSchema.omit({ id: true, createdAt: true, updatedAt: true }),
  },
  'attachments:generate': {
    summary:
      'Make the PDF cost attachment of an administration (the whole claim when others share its claim number), store it and, if asked, the internal worksheet.',
    args: generateAttachmentArgsSchema,
    result: z.object({ attachment: generatedDocumentSchema, worksheet: generatedDocumentSchema.nullable() }),
  },
  'attachments:batchStart': {
    summary:
      'Start making attachments for every ready (or billed) administration of a payer in a date range; poll its status.',
    args: batchArgsSchema,
    result: batchStatusSchema,
  },
  'attachments:batchStatus': {
    summary: 'Progress of an attachment batch: how many made, which skipped and why.',
    args: z.object({ jobId: z.string().max(64) }),
    result: batchStatusSchema,
  },
  'attachments:batchCancel': {
    summary: 'Stop an attachment batch after the claim in hand; what was made is kept.',
    args: z.object({ jobId: z.string().max(64) }),
    result: batchStatusSchema,
  },
  'documents:list': {
    summary: 'Generated documents, newest first: those of one administration, or all of them.',
    args: z.object({
      administrationId: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    result: z.object({ rows: z.array(generatedDocumentSchema), total: z.number().int() }),
  },
  'documents:read': {
    summary: 'One generated document with its bytes (checked against its SHA-256), to view or download.',
    args: byId,
    result: documentContentSchema,
  },
  'documents:save': {
    summary: 'Write generated documents into a folder under their file names (never over an existing file).',
    args: z.object({
      ids: z.array(idSchema).min(1).max(5000),
      folder: z.string().trim().min(1, { error: 'Choose a folder.' }).max(4096),
    }),
    result: z.object({ written: z.array(z.object({ id: idSchema, path: z.string() })) }),
  },
  ...remittanceChannels,
  ...reportChannels,
  ...referenceChannels,
  ...supplierRecordChannels,
  ...providerChannels,
  ...auditChannels,
  ...searchChannels,
  ...patientRecordChannels,
  ...backupChannels,
  ...sessionChannels,
  ...authChannels,
  ...practiceNetworkChannels,
} as const satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsIn<C extends Channel> = z.input<Contract[C]['args']>;
export type ArgsOut<C extends Channel> = z.output<Contract[C]['args']>;
export type Result<C extends Channel> = z.output<Contract[C]['result']>;

export const channels = Object.keys(contract) as Channel[];

export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

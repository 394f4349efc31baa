/**
 * Attachment batches: every administration of a payer in a date range (ready to bill, or already
 * billed for a resend), one attachment per claim, made in the background while the caller polls.
 * Policy:
 * - The batch is fixed when it starts (which claims, in date-of-service order); each claim is made
 *   as a whole or skipped as a whole, with every administration's reason: not ready (the missing
 *   checklist items), the payer requires the invoice and its scan is not attached, still a draft,
 *   another line of the same claim is not ready, or what generation refused (a scan missing from
 *   the data folder).
 * - Cancel stops after the claim in hand; what was made is kept and listed.
 * - Between claims the loop yields, so the window (and other calls) stay responsive.
 * - Jobs live in memory for this run of the app; the documents they made are in the database.
 */
import { randomBytes } from 'node:crypto';
import type { BatchStatus } from '../../../shared/api/document-schemas';
import type { Administration, AdministrationStatus } from '../../../shared/domain/administration';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { administrationRepository } from '../repositories/administration-repository';
import type { AuditLog } from '../repositories/audit-log';
import { payerRepository } from '../repositories/payer-repository';
import { practiceRepository } from '../repositories/practice-repository';
import { requirePracticeHeader } from './attachment-data';
import { safeFileName, type AttachmentService } from './attachment-service';

export type BatchRequest = {
  payerId: number;
  from: string;
  to: string;
  status: 'ready' | 'billed';
  includePhysicianNotes: boolean;
  merged: boolean;
};

type Job = { status: BatchStatus; cancelRequested: boolean };

/**
 * "ready": the claims still to bill. Drafts are taken too, so the summary says what each one
 * lacks instead of leaving it out silently. "billed": a resend of claims already out.
 */
const TAKEN: Record<BatchRequest['status'], readonly AdministrationStatus[]> = {
  ready: ['draft', 'ready'],
  billed: ['billed', 'denied', 'appealed'],
};

/** Finished jobs kept for their summary; older ones are forgotten. */
const KEEP_FINISHED = 20;

const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const labelOf = (a: Administration): string => `${a.patientName} — ${a.dateOfService} — ${a.drugName}`;

/** Why an administration that is not ready is skipped, in the biller's words. */
function notReadyReason(a: Administration): { code: string; reason: string } {
  const missing = a.readiness.items.filter((i) => !i.ok);
  if (missing.length === 0) {
    return {
      code: 'NOT_MARKED_READY',
      reason: 'Its checklist is complete but it is still a draft: mark it ready to bill.',
    };
  }
  if (missing.length === 1 && missing[0]?.key === 'invoice-scan') {
    return {
      code: 'INVOICE_SCAN_MISSING',
      reason: `${a.payerName} requires the supplier's invoice and its scan is not attached (Invoices).`,
    };
  }
  return { code: 'NOT_READY', reason: `Not ready to bill: ${missing.map((i) => i.label).join('; ')}.` };
}

export function attachmentBatches(ctx: ServiceContext, audit: AuditLog, attachments: AttachmentService) {
  const administrations = administrationRepository(ctx.db);
  const payers = payerRepository(ctx.db, audit);
  const practice = practiceRepository(ctx.db, audit);
  const jobs = new Map<string, Job>();

  const snapshot = (job: Job): BatchStatus => structuredClone(job.status);

  function jobOf(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) {
      throw new AppError(
        'BATCH_NOT_FOUND',
        `There is no attachment batch ${jobId} in this session; its documents, if any, are listed under Attachments.`,
      );
    }
    return job;
  }

  function forgetOldJobs(): void {
    const finished = [...jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(id);
  }

  /** The administrations the batch takes, in date-of-service order. */
  function candidates(req: BatchRequest): number[] {
    const wanted = TAKEN[req.status];
    const ids: number[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = administrations.list({
        payerId: req.payerId,
        readiness: 'all',
        from: req.from,
        to: req.to,
        search: '',
        sortBy: 'dateOfService',
        sortDir: 'asc',
        limit: 500,
        offset,
      });
      ids.push(...page.rows.filter((r) => wanted.includes(r.status)).map((r) => r.id));
      if (page.rows.length < 500) return ids;
    }
  }

  /** One claim per group, each administration in exactly one group. */
  function claims(ids: readonly number[]): number[][] {
    const taken = new Set<number>();
    const groups: number[][] = [];
    for (const id of ids) {
      if (taken.has(id)) continue;
      const group = attachments.claimOf(id);
      group.forEach((g) => taken.add(g));
      groups.push(group);
    }
    return groups;
  }

  async function makeClaim(job: Job, group: readonly number[], req: BatchRequest): Promise<void> {
    const lines = group.map((id) => administrations.get(id));
    const notReady = lines.filter((a) => !a.readiness.ready || a.status === 'draft');
    if (notReady.length > 0) {
      for (const a of lines) {
        const why = !notReady.includes(a)
          ? { code: 'CLAIM_INCOMPLETE', reason: `Another line of claim ${a.claimNumber} is not ready to bill.` }
          : notReadyReason(a);
        job.status.skipped.push({ administrationId: a.id, label: labelOf(a), ...why });
      }
      return;
    }
    try {
      const first = lines[0] as Administration;
      const { attachment, unchanged } = await attachments.generate(first.id, {
        includePhysicianNotes: req.includePhysicianNotes,
        withWorksheet: false,
        reuseUnchanged: true,
      });
      job.status.made.push({
        documentId: attachment.id,
        fileName: attachment.fileName,
        claimNumber: first.claimNumber,
        dateOfService: first.dateOfService,
        administrationIds: attachment.administrationIds,
        unchanged,
      });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      for (const a of lines) {
        job.status.skipped.push({ administrationId: a.id, label: labelOf(a), code: err.code, reason: err.message });
      }
    }
  }

  async function run(job: Job, groups: readonly number[][], req: BatchRequest, payerName: string): Promise<void> {
    try {
      for (const group of groups) {
        if (job.cancelRequested) {
          job.status.state = 'cancelled';
          return;
        }
        await makeClaim(job, group, req);
        job.status.done += 1;
        await yieldToOthers();
      }
      if (req.merged && job.status.made.length > 0 && !job.cancelRequested) {
        const merged = await attachments.merge(
          job.status.made.map((m) => m.documentId),
          {
            jobId: job.status.jobId,
            fileName: `attachments_${safeFileName(payerName)}_${req.from}_${req.to}.pdf`,
            payerName,
            title: `Cost attachments, ${payerName}, ${req.from} to ${req.to}`,
          },
        );
        job.status.mergedDocumentId = merged.id;
      }
      job.status.state = job.cancelRequested ? 'cancelled' : 'done';
    } catch (err) {
      job.status.state = 'failed';
      job.status.error =
        err instanceof AppError
          ? { code: err.code, message: err.message }
          : { code: 'INTERNAL', message: 'The batch stopped on an unexpected error; what was made is kept.' };
      if (!(err instanceof AppError)) console.error('Attachment batch failed', err);
    }
  }

  return {
    start(req: BatchRequest): BatchStatus {
      if (req.from > req.to) {
        throw new AppError('DATE_RANGE_INVALID', 'From is after To.', [
          { field: 'to', code: 'DATE_RANGE_INVALID', message: 'To must be on or after From.' },
        ]);
      }
      const payer = payers.get(req.payerId);
      requirePracticeHeader(practice.get());
      const groups = claims(candidates(req));
      const job: Job = {
        cancelRequested: false,
        status: {
          jobId: randomBytes(6).toString('hex'),
          state: 'running',
          total: groups.length,
          done: 0,
          made: [],
          skipped: [],
          mergedDocumentId: null,
          error: null,
        },
      };
      jobs.set(job.status.jobId, job);
      forgetOldJobs();
      void run(job, groups, req, payer.name);
      return snapshot(job);
    },

    status: (jobId: string): BatchStatus => snapshot(jobOf(jobId)),

    cancel(jobId: string): BatchStatus {
      const job = jobOf(jobId);
      if (job.status.state === 'running') job.cancelRequested = true;
      return snapshot(job);
    },
  };
}

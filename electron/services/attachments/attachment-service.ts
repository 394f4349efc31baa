/**
 * Making, storing and reading the PDF documents of a claim. Policy:
 * - An attachment covers a claim: every administration with the same payer, patient and claim
 *   number (one administration when it has no claim number yet). Each generation is a new version
 *   of that claim's document; earlier versions are kept, never replaced.
 * - What is printed comes from the record and from the generation time stored with the document,
 *   so the same record rendered again gives the same bytes.
 * - The PDF is written to the document store before its row is added in one transaction with its
 *   lines and audit row: a failure leaves at most an unlisted file, never a row without its file.
 * - Generations run one at a time: the version number printed in the document is the one stored.
 * - A batch (`reuseUnchanged`) makes no new version of a claim whose attachment would say exactly
 *   what its latest version says (same record, options and scans; only the ID and time would
 *   differ): it hands back that version. A person's own "Generate" always makes a new one.
 * - A field holding a character the PDF cannot print refuses the generation (TEXT_UNPRINTABLE)
 *   with the field and the character named, before any document is made.
 */
import { createHash } from 'node:crypto';
import { savedFileName } from '../../../shared/api/document-names';
import { saveIntoFolder } from './save-into-folder';
import type { GeneratedDocument } from '../../../shared/api/document-schemas';
import { documentMaker } from '../../../shared/domain/document-maker';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { documentStore } from '../document-store';
import { renderAttachment } from '../pdf/attachment-pdf';
import { mergePdfs } from '../pdf/merge-pdfs';
import { pdfPageCount } from '../pdf/page-count';
import { TextUnprintableError } from '../pdf/printable-text';
import { ScanAppendError } from '../pdf/scan-append';
import { renderWorksheet } from '../pdf/worksheet-pdf';
import { administrationRepository } from '../repositories/administration-repository';
import { contractRepository } from '../repositories/contract-repository';
import type { AuditLog } from '../repositories/audit-log';
import { documentRepository } from '../repositories/document-repository';
import { drugRepository } from '../repositories/drug-repository';
import { invoiceRepository } from '../repositories/invoice-repository';
import { patientRepository } from '../repositories/patient-repository';
import { payerRepository } from '../repositories/payer-repository';
import { practiceRepository } from '../repositories/practice-repository';
import { scanStore } from '../scan-store';
import {
  appendedScans,
  assertReady,
  attachmentModel,
  requirePracticeHeader,
  worksheetModel,
  type ClaimRecord,
} from './attachment-data';

export type GenerateOptions = { includePhysicianNotes: boolean; withWorksheet: boolean; reuseUnchanged?: boolean };

/** A file name any file system takes: letters, digits, dot, dash and underscore (accents dropped). */
export const safeFileName = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80) || 'document';

const pad = (id: number): string => String(id).padStart(6, '0');

export function attachmentService(ctx: ServiceContext, audit: AuditLog) {
  const administrations = administrationRepository(ctx.db);
  const documents = documentRepository(ctx.db, audit);
  const drugs = drugRepository(ctx.db, audit);
  const invoices = invoiceRepository(ctx.db, audit);
  const patients = patientRepository(ctx.db, audit);
  const payers = payerRepository(ctx.db, audit);
  const contracts = contractRepository(ctx.db, audit);
  const practice = practiceRepository(ctx.db, audit);
  const scans = scanStore(ctx.dataDir, ctx.dataKey);
  const store = documentStore(ctx.dataDir, ctx.dataKey);

  let queue: Promise<unknown> = Promise.resolve();
  /** One generation at a time, in the order asked. */
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  /** The claim's record, checked ready. */
  function loadClaim(administrationId: number): ClaimRecord {
    const settings = requirePracticeHeader(practice.get());
    const list = administrations.claimOf(administrationId).map((id) => administrations.get(id));
    assertReady(list);
    const first = list[0];
    if (!first) throw new RangeError('A claim has at least one administration.');
    const patient = patients.get(first.patientId);
    return {
      practice: settings,
      patient: {
        name: `${patient.firstName} ${patient.lastName}`,
        dateOfBirth: patient.dateOfBirth,
        memberId: patient.memberId,
        accountNumber: patient.accountNumber,
      },
      payerName: payers.get(first.payerId).name,
      administrations: list.map((a) => ({
        administration: a,
        drug: drugs.getByNdc(a.ndc11),
        invoice: invoices.get(a.invoiceId),
        contract: a.contractId === null ? null : contracts.get(a.contractId),
      })),
    };
  }

  /** A field the PDF cannot print stops the document: nothing is printed in place of what was typed. */
  async function refusingUnprintable<T>(render: () => Promise<T>): Promise<T> {
    try {
      return await render();
    } catch (err) {
      if (!(err instanceof TextUnprintableError)) throw err;
      throw new AppError('TEXT_UNPRINTABLE', err.message);
    }
  }

  /** A scan that cannot be appended stops the attachment: without it the cost is not proven. */
  async function renderWithScans(...args: Parameters<typeof renderAttachment>): Promise<Uint8Array> {
    try {
      return await refusingUnprintable(() => renderAttachment(...args));
    } catch (err) {
      if (!(err instanceof ScanAppendError)) throw err;
      throw new AppError(
        err.reason === 'encrypted' ? 'SCAN_ENCRYPTED' : 'SCAN_UNREADABLE',
        `${err.message} Attach a plain copy of the invoice (Invoices), then generate again.`,
      );
    }
  }

  function groupKeyOf(claim: ClaimRecord): { key: string; primaryId: number } {
    const first = claim.administrations[0]?.administration;
    if (!first) throw new RangeError('A claim has at least one administration.');
    const primaryId = Math.min(...claim.administrations.map((x) => x.administration.id));
    return first.claimNumber === ''
      ? { key: `administration:${primaryId}`, primaryId }
      : { key: `claim:${first.payerId}:${first.patientId}:${first.claimNumber}`, primaryId };
  }

  async function storeDocument(
    bytes: Uint8Array,
    fields: Omit<Parameters<typeof documents.add>[0], 'sha256' | 'byteSize' | 'pageCount'>,
  ): Promise<GeneratedDocument> {
    const pageCount = await pdfPageCount(bytes);
    const { sha256 } = store.save(bytes);
    return documents.add({ ...fields, sha256, byteSize: bytes.length, pageCount });
  }

  async function generateClaim(
    administrationId: number,
    options: GenerateOptions,
  ): Promise<{ attachment: GeneratedDocument; worksheet: GeneratedDocument | null; unchanged: boolean }> {
    const claim = loadClaim(administrationId);
    const { key, primaryId } = groupKeyOf(claim);
    const first = claim.administrations[0]?.administration;
    if (!first) throw new RangeError('A claim has at least one administration.');
    const generatedAt = ctx.now();
    const generatedBy = documentMaker(ctx.actor, claim.practice.billingContact);
    // Named by the claim number only: a file name is seen in folders, e-mails and upload lists, so
    // it carries no patient name or date of service (issue 15, item 5).
    const baseName = safeFileName(first.claimNumber || `administration-${primaryId}`);
    const common = {
      groupKey: key,
      payerName: claim.payerName,
      claimNumber: first.claimNumber,
      generatedAt,
      generatedBy,
      administrationIds: claim.administrations.map((x) => x.administration.id),
    };

    const version = documents.nextVersion('attachment', key);
    const documentKey = `ATT-${pad(primaryId)}-v${version}`;
    const model = attachmentModel(claim, {
      documentId: documentKey,
      generatedAt,
      generatedBy,
      includePhysicianNotes: options.includePhysicianNotes,
    });
    const { documentId: _id, generatedAt: _at, generatedBy: _by, ...says } = model;
    const contentSha256 = createHash('sha256')
      .update(JSON.stringify({ says, scans: claim.administrations.map((x) => x.invoice.scan?.sha256 ?? null) }))
      .digest('hex');
    const latest = documents.latest('attachment', key);
    if (options.reuseUnchanged && !options.withWorksheet && latest?.contentSha256 === contentSha256) {
      return { attachment: documents.get(latest.id), worksheet: null, unchanged: true };
    }
    const bytes = await renderWithScans(model, appendedScans(claim, scans));
    // The worksheet is rendered before anything is stored, so its refusal leaves no attachment behind.
    const wVersion = documents.nextVersion('worksheet', key);
    const wKey = `WKS-${pad(primaryId)}-v${wVersion}`;
    const wBytes = options.withWorksheet
      ? await refusingUnprintable(() =>
          renderWorksheet(worksheetModel(claim, { documentId: wKey, generatedAt, generatedBy })),
        )
      : null;

    const attachment = await storeDocument(bytes, {
      ...common,
      kind: 'attachment',
      version,
      documentKey,
      fileName: `${baseName}${version > 1 ? `_v${version}` : ''}.pdf`,
      options: { includePhysicianNotes: options.includePhysicianNotes },
      contentSha256,
    });
    const worksheet =
      wBytes &&
      (await storeDocument(wBytes, {
        ...common,
        kind: 'worksheet',
        version: wVersion,
        documentKey: wKey,
        // Named so that a saved copy says what it is: internal, not for the payer.
        fileName: `${baseName}_worksheet-internal${wVersion > 1 ? `_v${wVersion}` : ''}.pdf`,
        options: {},
      }));
    return { attachment, worksheet, unchanged: false };
  }

  function read(id: number): { document: GeneratedDocument; bytes: Buffer } {
    const document = documents.get(id);
    return { document, bytes: store.load(document.sha256, `Document ${document.documentKey}`) };
  }

  return {
    generate: (administrationId: number, options: GenerateOptions) =>
      serially(() => generateClaim(administrationId, options)),

    /** The claim's administrations, ready or not (for a batch to group and explain skips). */
    claimOf: (administrationId: number): number[] => administrations.claimOf(administrationId),

    read,

    list: documents.list,

    /** One PDF of the given documents' pages, stored as a merged document of the batch. */
    merge: (
      ids: readonly number[],
      meta: { jobId: string; fileName: string; payerName: string; title: string },
    ): Promise<GeneratedDocument> =>
      serially(async () => {
        const parts = ids.map((id) => {
          const d = documents.get(id);
          return { d, bytes: store.load(d.sha256, `Document ${d.documentKey}`) };
        });
        const generatedAt = ctx.now();
        const bytes = await mergePdfs(
          parts.map((p) => p.bytes),
          { title: meta.title, generatedAt },
        );
        return storeDocument(bytes, {
          kind: 'merged',
          groupKey: `batch:${meta.jobId}`,
          version: 1,
          documentKey: `MRG-${meta.jobId}`,
          fileName: meta.fileName,
          payerName: meta.payerName,
          claimNumber: '',
          options: { documents: ids },
          generatedAt,
          generatedBy: documentMaker(ctx.actor, practice.get()?.billingContact),
          administrationIds: [...new Set(parts.flatMap((p) => p.d.administrationIds))],
        });
      }),

    /**
     * Write documents into a folder under their file names (a worksheet's always says "internal",
     * see document-names.ts). An existing file is never replaced:
     * the name gets " (2)", " (3)"... instead. Each file's bytes are checked against their hash first.
     */
    saveToFolder(ids: readonly number[], folder: string): { id: number; path: string }[] {
      const files = ids.map(read);
      const written: { id: number; path: string }[] = [];
      for (const { document, bytes } of files) {
        written.push({ id: document.id, path: saveIntoFolder(folder, savedFileName(document), bytes) });
      }
      return written;
    },
  };
}
export type AttachmentService = ReturnType<typeof attachmentService>;

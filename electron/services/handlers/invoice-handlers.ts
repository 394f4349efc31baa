/** Suppliers, acquisition invoices with their lots, and the supplier's scanned invoice. */
import type { ServiceContext } from '../context';
import type { AuditLog } from '../repositories/audit-log';
import { writeIfUnchanged } from '../repositories/row-version';
import { administrationRepository } from '../repositories/administration-repository';
import { invoiceRepository } from '../repositories/invoice-repository';
import { supplierRepository } from '../repositories/supplier-repository';
import { AppError } from '../app-error';
import { checkScan, scanStore } from '../scan-store';
import type { HandlersFor } from './handler-types';

/** "C:\scans\inv 123.pdf" → "inv 123.pdf": only the name travels with the claim. */
const baseName = (fileName: string): string => fileName.split(/[\\/]/).pop()?.trim() || fileName;

export function invoiceHandlers(
  ctx: ServiceContext,
  audit: AuditLog,
): HandlersFor<
  | 'suppliers:list'
  | 'suppliers:create'
  | 'suppliers:update'
  | 'invoices:list'
  | 'invoices:get'
  | 'invoices:create'
  | 'invoices:update'
  | 'invoices:delete'
  | 'invoices:attachScan'
  | 'invoices:scan'
> {
  const suppliers = supplierRepository(ctx.db, audit);
  const invoices = invoiceRepository(ctx.db, audit);
  const administrations = administrationRepository(ctx.db);
  const scans = scanStore(ctx.dataDir, ctx.dataKey);

  return {
    'suppliers:list': () => suppliers.list(),
    'suppliers:create': (fields) => suppliers.create(fields, ctx.now(), ctx.actor),
    'suppliers:update': ({ id, version, ...fields }) =>
      writeIfUnchanged(ctx.db, 'suppliers', id, version, () => suppliers.update(id, fields, ctx.now(), ctx.actor)),

    'invoices:list': (q) => {
      if (q.supplierId !== undefined) suppliers.get(q.supplierId);
      return invoices.list(q);
    },
    'invoices:get': ({ id }) => invoices.get(id),
    'invoices:create': (fields) => invoices.create(fields, ctx.now(), ctx.actor),
    'invoices:update': ({ id, version, invoice }) => {
      const updated = writeIfUnchanged(ctx.db, 'invoices', id, version, () =>
        invoices.update(id, invoice, ctx.now(), ctx.actor),
      );
      // A corrected lot number or cost is what the checklist of the administrations reads.
      if (updated.inUse) administrations.refreshReadiness({ invoiceId: id });
      return updated;
    },
    'invoices:delete': ({ id }) => invoices.delete(id, ctx.now(), ctx.actor),

    'invoices:attachScan': ({ invoiceId, fileName, contentBase64 }) => {
      // The invoice must exist before a file is written; the link is re-checked in its transaction.
      invoices.get(invoiceId);
      const { bytes, mediaType } = checkScan(fileName, contentBase64);
      // Written before the link: if linking fails, an unlinked file is harmless (content-addressed),
      // while a link to a file that was never written would not be.
      const { sha256 } = scans.save(bytes, mediaType);
      const linked = invoices.linkScan(
        invoiceId,
        { sha256, fileName: baseName(fileName), mediaType },
        ctx.now(),
        ctx.actor,
      );
      administrations.refreshReadiness({ invoiceId });
      return linked;
    },
    'invoices:scan': ({ invoiceId }) => {
      const invoice = invoices.get(invoiceId);
      if (!invoice.scan) {
        throw new AppError('SCAN_NOT_FOUND', `No scan is attached to ${invoices.describe(invoice)} yet.`);
      }
      const { sha256, fileName, mediaType } = invoice.scan;
      const bytes = scans.load(sha256, mediaType, invoices.describe(invoice));
      return { fileName, mediaType, sha256, contentBase64: bytes.toString('base64') };
    },
  };
}

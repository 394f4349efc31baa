/** Rows of the unmatched and never-billed worklists as export cells, in their columns' order. */
import { drugNameOf } from '../repositories/administrations/administration-rows';
import type { CellValue } from '../../../shared/domain/export-cells';
import { formatNdc542 } from '../../../shared/domain/ndc';
import type { UnmatchedLine } from '../../../shared/domain/remittance';
import type { NeverBilledLot } from '../../../shared/domain/stock-loss';

export function unmatchedCells(r: UnmatchedLine): CellValue[] {
  return [
    r.fileName,
    r.payerName,
    r.paymentDate,
    r.patientControlNumber,
    r.patient,
    r.code,
    r.modifiers.join(' '),
    r.dateOfService,
    r.charge,
    r.paid,
    r.reason,
  ];
}

export function neverBilledCells(l: NeverBilledLot): CellValue[] {
  return [
    l.supplierName,
    l.invoiceNumber,
    l.invoiceDate,
    formatNdc542(l.ndc11),
    drugNameOf(l),
    l.lotNumber,
    l.expiryDate,
    l.received,
    l.billed,
    l.administeredNotBilled,
    l.expiredOnShelf,
    l.expiredWrittenOff,
    l.damaged,
    l.returned,
    l.corrected,
    l.unexplained,
    l.netCost,
    l.unbilledCost,
  ];
}

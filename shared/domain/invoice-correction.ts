/**
 * Correcting an invoice whose lots were already used. What was given stays true: the lot keeps
 * its id (administrations point at it), its NDC (the claims went out with it), at least the stock
 * that already left it, an expiry no earlier than its last date of service, and an arrival no
 * later than its first. Everything else is a correction of what the supplier printed and may
 * change: costs, discounts, lot number typos, the invoice's number, dates within those bounds,
 * notes, and lines nobody used (added, changed or removed freely).
 *
 * Pure: the repository reads the stored facts and the typed lines, this decides which stored line
 * each typed line corrects and what is refused, with each refusal keyed to its form field.
 */
import { Dec } from './money';
import { formatNdc542 } from './ndc';
import { unitsFromMicro } from './stock-quantity';

/** A stored line (lot) and what already drew on it. */
export type StoredLot = {
  id: number;
  lineNumber: number;
  ndc11: string;
  ndcUnit: string;
  lotNumber: string;
  packageQuantity: string;
  unitsMicro: number;
  /** Units bought minus everything that left (administrations and stock adjustments). */
  onHandMicro: number;
  /** "2 administrations", "1 stock adjustment": empty while nothing used the lot. */
  uses: readonly string[];
  /** Earliest and latest date of service given from it; null when nothing was given. */
  firstGiven: string | null;
  lastGiven: string | null;
};

/** A typed line as the service would store it (NDC and units already worked out). */
export type TypedLine = { id?: number | undefined; ndc11: string; expiryDate: string; unitsMicro: number };

export type CorrectionIssue = { field: string; code: string; message: string };

export type CorrectionPlan = {
  /** For each typed line (by index): the stored line it updates in place, or null to insert. */
  targets: (number | null)[];
  /** Stored lines no typed line keeps (none of them used). */
  removed: number[];
  issues: CorrectionIssue[];
};

export function planCorrection(input: {
  stored: readonly StoredLot[];
  lines: readonly TypedLine[];
  /** The typed received date, or '' when the invoice date stands for it. */
  receivedDate: string;
  invoiceDate: string;
}): CorrectionPlan {
  const byId = new Map(input.stored.map((s) => [s.id, s]));
  const claimed = new Set<number>();
  const issues: CorrectionIssue[] = [];
  const targets = input.lines.map((line, index) => {
    const n = index + 1;
    if (line.id === undefined) return null;
    const lot = byId.get(line.id);
    if (!lot || claimed.has(line.id)) {
      issues.push({
        field: `lines.${index}.ndc`,
        code: 'LINE_NOT_ON_INVOICE',
        message: `Line ${n} is not a line of this invoice as it is stored now; open the invoice again and redo the change.`,
      });
      return null;
    }
    claimed.add(line.id);
    if (lot.uses.length === 0) return lot.id;
    const used = lot.uses.join(' and ');
    if (line.ndc11 !== lot.ndc11) {
      issues.push({
        field: `lines.${index}.ndc`,
        code: 'LOT_NDC_IN_USE',
        message: `Line ${n}: lot ${lot.lotNumber} has ${used} under NDC ${formatNdc542(lot.ndc11)}, so its NDC cannot change. If the wrong drug was entered, record the right lot on a new line.`,
      });
    }
    const leftMicro = lot.unitsMicro - lot.onHandMicro;
    if (line.unitsMicro < leftMicro) {
      // Packages have at most 3 decimals: the fewest that still hold what left the lot.
      const fewest = new Dec(leftMicro)
        .dividedBy(lot.unitsMicro)
        .times(lot.packageQuantity)
        .toDecimalPlaces(3, Dec.ROUND_UP)
        .toFixed();
      const left = unitsFromMicro(leftMicro);
      issues.push({
        field: `lines.${index}.packageQuantity`,
        code: 'QUANTITY_BELOW_USED',
        message: `Line ${n}: at least ${fewest} ${fewest === '1' ? 'package' : 'packages'}; ${left} ${lot.ndcUnit} of lot ${lot.lotNumber} ${left === '1' ? 'was' : 'were'} already used.`,
      });
    }
    if (lot.lastGiven !== null && line.expiryDate < lot.lastGiven) {
      issues.push({
        field: `lines.${index}.expiryDate`,
        code: 'LOT_EXPIRY_BEFORE_USE',
        message: `Line ${n}: lot ${lot.lotNumber} was given on ${lot.lastGiven}, so it cannot have expired before then.`,
      });
    }
    return lot.id;
  });

  const removed: number[] = [];
  for (const lot of input.stored) {
    if (claimed.has(lot.id)) continue;
    if (lot.uses.length > 0) {
      issues.push({
        field: 'lines',
        code: 'LOT_IN_USE',
        message: `Lot ${lot.lotNumber} (line ${lot.lineNumber}) has ${lot.uses.join(' and ')}, so it cannot be removed from the invoice.`,
      });
    } else {
      removed.push(lot.id);
    }
  }

  const firstGiven = input.stored
    .map((s) => s.firstGiven)
    .filter((d): d is string => d !== null)
    .sort()[0];
  const arrived = input.receivedDate || input.invoiceDate;
  if (firstGiven !== undefined && arrived > firstGiven) {
    const lot = input.stored.find((s) => s.firstGiven === firstGiven);
    issues.push({
      field: input.receivedDate ? 'receivedDate' : 'invoiceDate',
      code: 'LOT_NOT_YET_RECEIVED',
      message: `Lot ${lot?.lotNumber ?? ''} of this invoice was given on ${firstGiven}, so the invoice cannot have arrived after that.`,
    });
  }
  return { targets, removed, issues };
}

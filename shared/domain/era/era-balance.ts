/**
 * The 835's three balancing rules, checked on every line, claim and transaction:
 *
 *   line         SVC02 − SVC03 = Σ line CAS
 *   claim        CLP03 − CLP04 = Σ claim CAS + Σ line CAS
 *   transaction  BPR02 = Σ CLP04 − Σ PLB        (BPR03 = D, a debit: −BPR02)
 *
 * Each item keeps `balanced`; a line or claim that does not balance also keeps how the rule
 * came out (`balance`; null on a balanced one, whose figures say nothing new: 30,000 objects
 * for a 10,000-claim file), and every item that does not balance gets a warning and a place
 * in the reading's `outOfBalance` list. A transaction keeps its `balance` either way. Nothing is corrected:
 * the payer's figures are reported as the payer wrote them.
 */
import { claimWhere, lineWhere } from './era-where';
import { type EraClaim, type EraImbalance, type EraLine, type EraTransaction } from './era-types';
import { type EraWarnings } from './era-warnings';
import * as money from './era-money';
import { type Total } from './era-money';

// Helpers called for every line and claim, read once: see era-reader.ts (tsx's import getters).
const { absMoneyText, centsOf, isZeroTotal, minus, moneyText, plus, sumAmounts } = money;

const ZERO = '0.00';

/** SVC02 − SVC03 = Σ line CAS. Returns the line's CAS total, which the claim's rule adds up. */
export function balanceLine(line: EraLine): Total {
  const chargeMinusPaid = minus(centsOf(line.charge), centsOf(line.paid));
  const adjustments = sumAmounts(line.adjustments);
  const difference = minus(chargeMinusPaid, adjustments);
  const balanced = isZeroTotal(difference);
  line.balanced = balanced;
  line.balance = balanced
    ? null
    : {
        chargeMinusPaid: moneyText(chargeMinusPaid),
        adjustments: moneyText(adjustments),
        difference: moneyText(difference),
      };
  return adjustments;
}

/** CLP03 − CLP04 = Σ claim CAS + Σ line CAS, after balancing each of its lines. */
export function balanceClaim(
  claim: EraClaim,
  transactionIndex: number,
  warnings: EraWarnings,
  imbalances: EraImbalance[],
): void {
  let lineAdjustments: Total = 0;
  for (let i = 0; i < claim.lines.length; i++) {
    const line = claim.lines[i] as EraLine;
    lineAdjustments = plus(lineAdjustments, balanceLine(line));
    const b = line.balance;
    if (b === null) continue;
    warnings.add(
      'LINE_OUT_OF_BALANCE',
      line.segment,
      `${lineWhere(claim, i, line.code)} does not balance: charge ${line.charge} minus paid ${line.paid} is ${b.chargeMinusPaid}, but the line's adjustments add up to ${b.adjustments} (a difference of ${absMoneyText(centsOf(b.difference))}).`,
    );
    imbalances.push({
      level: 'line',
      segment: line.segment,
      transactionIndex,
      patientControlNumber: claim.patientControlNumber,
      difference: b.difference,
    });
  }
  const chargeMinusPaid = minus(centsOf(claim.charge), centsOf(claim.paid));
  const claimAdjustments = sumAmounts(claim.adjustments);
  const adjusted = plus(claimAdjustments, lineAdjustments);
  const difference = minus(chargeMinusPaid, adjusted);
  claim.balanced = isZeroTotal(difference);
  if (claim.balanced) {
    claim.balance = null;
    return;
  }
  const b = {
    chargeMinusPaid: moneyText(chargeMinusPaid),
    claimAdjustments: moneyText(claimAdjustments),
    lineAdjustments: moneyText(lineAdjustments),
    difference: moneyText(difference),
  };
  claim.balance = b;
  const interest = claim.amounts.find((a) => a.qualifier === 'I');
  warnings.add(
    'CLAIM_OUT_OF_BALANCE',
    claim.segment,
    `${claimWhere(claim)} does not balance: charge ${claim.charge} minus paid ${claim.paid} is ${b.chargeMinusPaid}, but its adjustments (claim ${b.claimAdjustments}, lines ${b.lineAdjustments}) add up to ${moneyText(adjusted)} (a difference of ${absMoneyText(difference)}).${interest ? ` The payer reports interest of ${interest.amount} on it (AMT*I), which may explain part of it.` : ''}`,
  );
  imbalances.push({
    level: 'claim',
    segment: claim.segment,
    transactionIndex,
    patientControlNumber: claim.patientControlNumber,
    difference: b.difference,
  });
}

/**
 * BPR02 = Σ CLP04 − Σ PLB, after balancing each claim. A transaction without BPR is checked
 * against a payment of 0.00 (its BPR_MISSING warning says so). Returns Σ CLP04 (the reading's
 * summary adds them up).
 */
export function balanceTransaction(
  txn: EraTransaction,
  transactionIndex: number,
  warnings: EraWarnings,
  imbalances: EraImbalance[],
): Total {
  let claimsPaid: Total = 0;
  for (let i = 0; i < txn.claims.length; i++) {
    const claim = txn.claims[i] as EraClaim;
    balanceClaim(claim, transactionIndex, warnings, imbalances);
    claimsPaid = plus(claimsPaid, centsOf(claim.paid));
  }
  const providerAdjustments = sumAmounts(txn.providerAdjustments);
  const written = centsOf(txn.payment.amount ?? ZERO);
  const payment = txn.payment.creditDebit === 'D' ? -written : written;
  const net = minus(claimsPaid, providerAdjustments);
  const difference = minus(net, payment);
  const balanced = isZeroTotal(difference);
  txn.balanced = balanced;
  txn.balance = {
    payment: moneyText(payment),
    claimsPaid: moneyText(claimsPaid),
    providerAdjustments: moneyText(providerAdjustments),
    difference: balanced ? ZERO : moneyText(difference),
  };
  if (balanced) return claimsPaid;
  const b = txn.balance;
  const named = txn.payment.trace === null ? 'The payment' : `Payment ${txn.payment.trace}`;
  warnings.add(
    'TRANSACTION_OUT_OF_BALANCE',
    txn.segment,
    `${named} does not balance: it is ${b.payment}, but its claims paid ${b.claimsPaid} minus provider adjustments of ${b.providerAdjustments} is ${moneyText(net)} (a difference of ${absMoneyText(difference)}).`,
  );
  imbalances.push({
    level: 'transaction',
    segment: txn.segment,
    transactionIndex,
    patientControlNumber: null,
    difference: b.difference,
  });
  return claimsPaid;
}

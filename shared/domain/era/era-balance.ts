/**
 * The 835's three balancing rules, checked on every line, claim and transaction:
 *
 *   line         SVC02 − SVC03 = Σ line CAS
 *   claim        CLP03 − CLP04 = Σ claim CAS + Σ line CAS
 *   transaction  BPR02 = Σ CLP04 − Σ PLB        (BPR03 = D, a debit: −BPR02)
 *
 * Each item keeps how the rule came out (`balance`) and `balanced`; an item that does not
 * balance gets a warning and a place in the reading's `outOfBalance` list. Nothing is corrected:
 * the payer's figures are reported as the payer wrote them.
 */
import { claimWhere, lineWhere } from './era-segments';
import { type EraClaim, type EraImbalance, type EraLine, type EraTransaction } from './era-types';
import { type EraWarnings } from './era-warnings';
import { MoneyTotal, totalOf } from './era-money';

const differenceNote = (difference: MoneyTotal): string => `a difference of ${difference.absText()}`;

/** SVC02 − SVC03 = Σ line CAS. Returns the line's CAS total for the claim's rule. */
export function balanceLine(line: EraLine): MoneyTotal {
  const chargeMinusPaid = totalOf(line.charge).subtract(line.paid);
  const adjustments = new MoneyTotal();
  for (const a of line.adjustments) adjustments.add(a.amount);
  const difference = new MoneyTotal().addTotal(chargeMinusPaid).subtractTotal(adjustments);
  line.balanced = difference.isZero();
  line.balance = {
    chargeMinusPaid: chargeMinusPaid.text(),
    adjustments: adjustments.text(),
    difference: difference.text(),
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
  const lineAdjustments = new MoneyTotal();
  claim.lines.forEach((line, i) => {
    lineAdjustments.addTotal(balanceLine(line));
    if (line.balanced) return;
    warnings.add(
      'LINE_OUT_OF_BALANCE',
      line.segment,
      `${lineWhere(claim, i, line.code)} does not balance: charge ${line.charge} minus paid ${line.paid} is ${line.balance.chargeMinusPaid}, but the line's adjustments add up to ${line.balance.adjustments} (${differenceNote(totalOf(line.balance.difference))}).`,
    );
    imbalances.push({
      level: 'line',
      segment: line.segment,
      transactionIndex,
      patientControlNumber: claim.patientControlNumber,
      difference: line.balance.difference,
    });
  });
  const chargeMinusPaid = totalOf(claim.charge).subtract(claim.paid);
  const claimAdjustments = new MoneyTotal();
  for (const a of claim.adjustments) claimAdjustments.add(a.amount);
  const difference = new MoneyTotal()
    .addTotal(chargeMinusPaid)
    .subtractTotal(claimAdjustments)
    .subtractTotal(lineAdjustments);
  claim.balanced = difference.isZero();
  claim.balance = {
    chargeMinusPaid: chargeMinusPaid.text(),
    claimAdjustments: claimAdjustments.text(),
    lineAdjustments: lineAdjustments.text(),
    difference: difference.text(),
  };
  if (claim.balanced) return;
  const adjusted = new MoneyTotal().addTotal(claimAdjustments).addTotal(lineAdjustments).text();
  const interest = claim.amounts.find((a) => a.qualifier === 'I');
  warnings.add(
    'CLAIM_OUT_OF_BALANCE',
    claim.segment,
    `${claimWhere(claim)} does not balance: charge ${claim.charge} minus paid ${claim.paid} is ${claim.balance.chargeMinusPaid}, but its adjustments (claim ${claim.balance.claimAdjustments}, lines ${claim.balance.lineAdjustments}) add up to ${adjusted} (${differenceNote(difference)}).${interest ? ` The payer reports interest of ${interest.amount} on it (AMT*I), which may explain part of it.` : ''}`,
  );
  imbalances.push({
    level: 'claim',
    segment: claim.segment,
    transactionIndex,
    patientControlNumber: claim.patientControlNumber,
    difference: claim.balance.difference,
  });
}

/**
 * BPR02 = Σ CLP04 − Σ PLB, after balancing each claim. A transaction without BPR is checked
 * against a payment of 0.00 (its BPR_MISSING warning says so).
 */
export function balanceTransaction(
  txn: EraTransaction,
  transactionIndex: number,
  warnings: EraWarnings,
  imbalances: EraImbalance[],
): void {
  const claimsPaid = new MoneyTotal();
  for (const claim of txn.claims) {
    balanceClaim(claim, transactionIndex, warnings, imbalances);
    claimsPaid.add(claim.paid);
  }
  const providerAdjustments = new MoneyTotal();
  for (const p of txn.providerAdjustments) providerAdjustments.add(p.amount);
  const payment = totalOf(txn.payment.amount ?? '0.00');
  const signedPayment = txn.payment.creditDebit === 'D' ? new MoneyTotal().subtractTotal(payment) : payment;
  const difference = new MoneyTotal()
    .addTotal(claimsPaid)
    .subtractTotal(providerAdjustments)
    .subtractTotal(signedPayment);
  txn.balanced = difference.isZero();
  txn.balance = {
    payment: signedPayment.text(),
    claimsPaid: claimsPaid.text(),
    providerAdjustments: providerAdjustments.text(),
    difference: difference.text(),
  };
  if (txn.balanced) return;
  const net = new MoneyTotal().addTotal(claimsPaid).subtractTotal(providerAdjustments).text();
  const named = txn.payment.trace === null ? 'The payment' : `Payment ${txn.payment.trace}`;
  warnings.add(
    'TRANSACTION_OUT_OF_BALANCE',
    txn.segment,
    `${named} does not balance: it is ${txn.balance.payment}, but its claims paid ${txn.balance.claimsPaid} minus provider adjustments of ${txn.balance.providerAdjustments} is ${net} (${differenceNote(difference)}).`,
  );
  imbalances.push({
    level: 'transaction',
    segment: txn.segment,
    transactionIndex,
    patientControlNumber: null,
    difference: txn.balance.difference,
  });
}

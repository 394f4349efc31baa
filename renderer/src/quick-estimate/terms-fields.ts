/**
 * The Quick estimate's fields that come from what is on file for a payer and date: the contract
 * version's terms, the AWP/WAC and CMS limit in force, and the payer's unit rules. Filled in when
 * the payer, drug or date changes; the person can still edit them for a what-if.
 */
import type { Terms } from '../../../shared/api/resolution-schemas';
import type { Fields } from './scenario-fields';

export function fieldsFromTerms(terms: Terms, doseUnit: string): Fields {
  const { payer, contract, prices } = terms;
  const out: Fields = {
    'prices.awpPerPackage': prices.awp?.pricePerPackage ?? '',
    'prices.wacPerPackage': prices.wac?.pricePerPackage ?? '',
    'prices.paymentLimit.amount': prices.paymentLimit?.dosageAmount ? prices.paymentLimit.paymentLimit : '',
    'payerProfile.ndcUnits': payer.ndcUnits.join(','),
    // The form's billing unit is in the dose's unit; a payer rule in another unit is shown, not applied.
    'billingUnit.amount':
      payer.nocUnitsMode === 'per-quantity' && payer.nocUnitsPerUnit === doseUnit ? payer.nocUnitsPerAmount : '',
  };
  if (prices.paymentLimit?.dosageAmount && prices.paymentLimit.dosageUnit) {
    out['prices.paymentLimit.per.amount'] = prices.paymentLimit.dosageAmount;
    out['prices.paymentLimit.per.unit'] = prices.paymentLimit.dosageUnit;
  }
  if (contract) {
    Object.assign(out, {
      'contract.basis': contract.basis,
      'contract.percent': contract.percent,
      'contract.addOn': contract.addOn === '0' ? '' : contract.addOn,
      'contract.lesserOfBilled': contract.lesserOfBilled ? 'true' : 'false',
      'contract.coinsurancePercent': contract.coinsurancePercent,
      'contract.sequestration': contract.sequestration,
    });
    const fee = contract.feeScheduleRate
      ? {
          rate: contract.feeScheduleRate,
          perAmount: contract.feeSchedulePerAmount,
          perUnit: contract.feeSchedulePerUnit,
        }
      : prices.feeSchedule;
    out['contract.feeSchedule.rate'] = fee?.rate ?? '';
    if (fee) {
      out['contract.feeSchedule.per.amount'] = fee.perAmount;
      out['contract.feeSchedule.per.unit'] = fee.perUnit;
    }
  }
  return out;
}

/** "95% of AWP", "WAC + 3%", "invoice + 10%", "fee schedule", in words a biller uses. */
export function termsInWords(c: { basis: string; percent: string; addOn: string }): string {
  const names: Record<string, string> = {
    AWP: 'AWP',
    WAC: 'WAC',
    ASP: 'the CMS payment limit',
    ASP_DERIVED: 'ASP',
    INVOICE: 'invoice cost',
    FEE_SCHEDULE: 'the fee schedule',
    BILLED: 'billed charges',
  };
  const name = names[c.basis] ?? c.basis;
  const [whole = '0', frac = ''] = c.percent.split('.');
  const over = Number(whole) >= 100 && c.percent !== '100';
  // Percent strings are exact decimals; the markup is written by subtracting 100 on the text.
  const markup = over ? `${Number(whole) - 100}${frac ? `.${frac}` : ''}` : '';
  const base = c.percent === '100' ? name : over ? `${name} + ${markup}%` : `${c.percent}% of ${name}`;
  return c.addOn && c.addOn !== '0' ? `${base} + $${c.addOn}` : base;
}

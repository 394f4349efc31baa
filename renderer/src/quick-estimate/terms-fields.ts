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
    // The practice's own cost of this NDC: its newest invoice received by the date of service.
    'prices.acquisitionPerPackage': terms.acquisition?.netCostPerPackage ?? '',
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

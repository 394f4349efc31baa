/**
 * The Quick estimate form keeps every input as a string under the scenario's own path
 * ("drug.packageSize", "contract.percent"), so a schema error's path is directly the field to
 * mark. `scenarioFromFields` turns them into the scenario JSON the engine (and the CLI) takes,
 * leaving out optional groups the user left empty.
 */
import type { Drug } from '../../../shared/domain/drug-catalog';
import { formatNdc542 } from '../../../shared/domain/ndc';

export type Fields = Record<string, string>;

/** Domain.md §9 B: a 10 mL multi-dose vial at 20 mg/mL, 45 mg given, 95% of AWP. */
export const EXAMPLE_FIELDS: Fields = {
  dateOfService: '2024-03-15',
  hcpcs: 'J3490',
  'drug.ndc': '0002-7597-01',
  'drug.name': 'example drug',
  'drug.brandName': '',
  'drug.ndcUnit': 'ML',
  'drug.packageSize': '10',
  'drug.strength.amount': '20',
  'drug.strength.unit': 'mg',
  'drug.container': 'multi-dose',
  'dose.amount': '45',
  'dose.unit': 'mg',
  'wasted.amount': '',
  route: 'IV',
  'billingUnit.amount': '',
  'prices.awpPerPackage': '1200.00',
  'prices.wacPerPackage': '',
  'prices.acquisitionPerPackage': '950.00',
  'prices.paymentLimit.amount': '',
  'prices.paymentLimit.per.amount': '1',
  'prices.paymentLimit.per.unit': 'mg',
  billedCharge: '300.00',
  wastedBilledCharge: '',
  'contract.basis': 'AWP',
  'contract.percent': '95',
  'contract.addOn': '',
  'contract.feeSchedule.rate': '',
  'contract.feeSchedule.per.amount': '1',
  'contract.feeSchedule.per.unit': 'mg',
  'contract.lesserOfBilled': 'true',
  'contract.coinsurancePercent': '20',
  'contract.deductibleRemaining': '',
  'contract.sequestration': 'medicare',
  'payerProfile.ndcUnits': 'UN,ML,GR,F2,ME',
};

/**
 * Fields a catalog drug fills in. The prices typed so far (the example's, or another drug's) are
 * cleared: they were not this drug's. A payer then fills in its AWP, WAC, limit and the
 * practice's invoice cost for the date of service.
 */
export function fieldsFromDrug(d: Drug): Fields {
  return {
    'prices.awpPerPackage': '',
    'prices.wacPerPackage': '',
    'prices.paymentLimit.amount': '',
    'prices.acquisitionPerPackage': '',
    'drug.ndc': formatNdc542(d.ndc11),
    'drug.name': d.genericName,
    'drug.brandName': d.brandName,
    'drug.ndcUnit': d.ndcUnit,
    'drug.packageSize': d.packageSize,
    'drug.strength.amount': d.strengthAmount,
    'drug.strength.unit': d.strengthUnit,
    'drug.container': d.container,
    route: d.route,
  };
}

const v = (f: Fields, k: string): string => (f[k] ?? '').trim();
const present = (f: Fields, k: string): boolean => v(f, k) !== '';

export function scenarioFromFields(f: Fields): unknown {
  const prices: Record<string, unknown> = {};
  for (const k of ['awpPerPackage', 'wacPerPackage', 'acquisitionPerPackage']) {
    if (present(f, `prices.${k}`)) prices[k] = v(f, `prices.${k}`);
  }
  if (present(f, 'prices.paymentLimit.amount')) {
    prices.paymentLimit = {
      amount: v(f, 'prices.paymentLimit.amount'),
      per: { amount: v(f, 'prices.paymentLimit.per.amount'), unit: v(f, 'prices.paymentLimit.per.unit') },
    };
  }
  const contract: Record<string, unknown> = {
    basis: v(f, 'contract.basis'),
    percent: v(f, 'contract.percent'),
    lesserOfBilled: v(f, 'contract.lesserOfBilled') === 'true',
    coinsurancePercent: v(f, 'contract.coinsurancePercent'),
    sequestration: v(f, 'contract.sequestration'),
  };
  if (present(f, 'contract.addOn')) contract.addOn = v(f, 'contract.addOn');
  if (present(f, 'contract.deductibleRemaining')) contract.deductibleRemaining = v(f, 'contract.deductibleRemaining');
  if (present(f, 'contract.feeSchedule.rate')) {
    contract.feeSchedule = {
      rate: v(f, 'contract.feeSchedule.rate'),
      per: { amount: v(f, 'contract.feeSchedule.per.amount'), unit: v(f, 'contract.feeSchedule.per.unit') },
    };
  }
  const doseUnit = v(f, 'dose.unit');
  const scenario: Record<string, unknown> = {
    dateOfService: v(f, 'dateOfService'),
    hcpcs: v(f, 'hcpcs'),
    drug: {
      ndc: v(f, 'drug.ndc'),
      name: v(f, 'drug.name'),
      ...(present(f, 'drug.brandName') ? { brandName: v(f, 'drug.brandName') } : {}),
      ndcUnit: v(f, 'drug.ndcUnit'),
      packageSize: v(f, 'drug.packageSize'),
      strength: { amount: v(f, 'drug.strength.amount'), unit: v(f, 'drug.strength.unit') },
      container: v(f, 'drug.container'),
    },
    dose: { amount: v(f, 'dose.amount'), unit: doseUnit },
    route: v(f, 'route'),
    prices,
    billedCharge: v(f, 'billedCharge'),
    contract,
    payerProfile: { ndcUnits: v(f, 'payerProfile.ndcUnits').split(',').filter(Boolean) },
  };
  // Waste is entered in the dose's unit: one unit choice fewer for the biller.
  if (present(f, 'wasted.amount')) scenario.wasted = { amount: v(f, 'wasted.amount'), unit: doseUnit };
  if (present(f, 'billingUnit.amount')) scenario.billingUnit = { amount: v(f, 'billingUnit.amount'), unit: doseUnit };
  if (present(f, 'wastedBilledCharge')) scenario.wastedBilledCharge = v(f, 'wastedBilledCharge');
  return scenario;
}

/** Map a schema issue path to the form field that shows it (waste/billing unit follow the dose). */
export function fieldForPath(path: string): string {
  if (path === 'wasted.unit' || path === 'billingUnit.unit') return 'dose.unit';
  return path;
}

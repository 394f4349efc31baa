/**
 * Payer templates that ship with the app. Medicare Part B as the billing guide describes it for
 * J3490: 95% of AWP, with the CMS payment limit (ASP + 6%) and WAC + 3% (new drugs without an
 * ASP, from 2019-01-01) as documented alternatives; 20% coinsurance after the deductible;
 * Medicare sequestration by date of service. Invoice attached to every NOC claim (Palmetto asks
 * for one; a MAC may differ: confirm with yours).
 */
import type { PayerInput } from './payer';
import type { ContractInput } from './contract-terms';

export type ContractAlternative = {
  key: string;
  label: string;
  basis: 'AWP' | 'ASP' | 'WAC';
  percent: string;
  why: string;
};

export type PayerTemplate = {
  key: string;
  label: string;
  payer: PayerInput;
  contract: Omit<ContractInput, 'payerId'>;
  alternatives: ContractAlternative[];
};

export const MEDICARE_PART_B_ALTERNATIVES: ContractAlternative[] = [
  {
    key: 'awp95',
    label: '95% of AWP',
    basis: 'AWP',
    percent: '95',
    why: 'How MACs commonly price J3490 drugs (the billing guide).',
  },
  {
    key: 'asp',
    label: 'CMS payment limit (ASP + 6%)',
    basis: 'ASP',
    percent: '100',
    why: 'When the drug is on the CMS ASP or NOC pricing file; the limit already includes the 6%.',
  },
  {
    key: 'wac103',
    label: 'WAC + 3%',
    basis: 'WAC',
    percent: '103',
    why: 'New drugs with no ASP yet, from 2019-01-01 (42 CFR 414.904(e)(4)).',
  },
];

export const MEDICARE_PART_B_TEMPLATE: PayerTemplate = {
  key: 'medicare-part-b',
  label: 'Medicare Part B',
  payer: {
    name: 'Medicare Part B',
    payerType: 'medicare-part-b',
    payerCode: '',
    requiresInvoice: true,
    nocUnitsMode: 'one-per-line',
    ndcUnits: ['UN', 'ML', 'GR', 'F2', 'ME'],
    jwJzPolicy: 'cms',
    narrativeLocation: 'sv101-7',
    timelyFilingDays: 365,
    notes: 'J3490 lines: drug name, total dose given and NDC in SV101-7; invoice with the claim.',
    contacts: '',
  },
  contract: {
    label: '95% of AWP',
    scopeKind: 'all',
    scopeValue: '',
    effectiveFrom: '2005-01-01',
    effectiveTo: '',
    basis: 'AWP',
    percent: '95',
    addOn: '0',
    lesserOfBilled: true,
    coinsurancePercent: '20',
    sequestration: 'medicare',
  },
  alternatives: MEDICARE_PART_B_ALTERNATIVES,
};

export const PAYER_TEMPLATES: readonly PayerTemplate[] = [MEDICARE_PART_B_TEMPLATE];

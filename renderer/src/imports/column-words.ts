/**
 * The import preview's sample columns as people name them. Each kind's stored fields have a title
 * here; a field without one (added later) is still spelled out in words ("effectiveTo" →
 * "Effective to", "ndc11" → "NDC 11"), never shown as the field's name.
 */
import { spellField } from '../components/field-words';

export { spellField };
const SAMPLE_LABELS: Record<string, string> = {
  codeKind: 'Code type',
  code: 'Code',
  rate: 'Rate',
  perAmount: 'Per amount',
  perUnit: 'Per unit',
  effectiveFrom: 'Effective from',
  effectiveTo: 'Effective to',
  ndc11: 'NDC (11 digits)',
  priceType: 'Type',
  pricePerPackage: 'Price per package',
  hcpcs: 'HCPCS',
  drugName: 'Drug',
  description: 'Description',
  dosageText: 'Dosage',
  dosageAmount: 'Dosage amount',
  dosageUnit: 'Dosage unit',
  paymentLimit: 'Payment limit',
  notes: 'Notes',
  quarter: 'Quarter',
  invoiceNumber: 'Invoice number',
  invoiceDate: 'Invoice date',
  lineNumber: 'Line',
  lotNumber: 'Lot',
  expiryDate: 'Expiry',
  packageQuantity: 'Packages',
  costPerPackage: 'Cost per package',
  extendedCost: 'Extended cost',
  discount: 'Discount',
};

export const sampleColumnTitle = (field: string): string => SAMPLE_LABELS[field] ?? spellField(field);

/**
 * The kinds of import: their fields (what a column can be mapped to), how a header is
 * recognized without a mapping, and which combination of fields must be mapped before any row can
 * be read. Header patterns are matched against the header text with case, spaces and punctuation
 * removed ("HCPCS Code" → "hcpcscode", "_2024_CODE" → "2024code"), so they stay short.
 */
import type { ImportKind } from '../../../shared/api/import-schemas';
import type { EntryMatcher } from './read-table';

export type FieldSpec = { field: string; label: string; required: boolean; pattern: RegExp };

export type KindSpec = {
  kind: ImportKind;
  title: string;
  fields: readonly FieldSpec[];
  /** Labels of what still has to be mapped (empty when the mapping is complete). */
  missing: (mapped: (field: string) => boolean) => string[];
  /** A published layout (CMS): without a recognized header the file is refused. */
  fixedLayout: boolean;
  /** For bundles: which file inside the zip. */
  entry: EntryMatcher | null;
};

const EFFECTIVE_FROM =
  /^(effective|effectivefrom|effectivedate|effdate|effectivestart|effectivestartdate|startdate|from|fromdate|begindate|datefrom|validfrom|asof|asofdate|pricedate|date)$/;
const EFFECTIVE_TO =
  /^(effectiveto|effectiveend|effectiveenddate|enddate|to|todate|thrudate|through|throughdate|dateto|validto|expirationdate|termdate|terminationdate)$/;
const PAYMENT_LIMIT = /^(paymentlimit|paymentlimitamount|limit|asppaymentlimit)$/;

const required = (mapped: (f: string) => boolean, fields: readonly FieldSpec[]): string[] =>
  fields.filter((f) => f.required && !mapped(f.field)).map((f) => f.label);

const FEE_FIELDS: readonly FieldSpec[] = [
  {
    field: 'code',
    label: 'Code (HCPCS or NDC)',
    required: true,
    pattern:
      /^(code|hcpcs|hcpc|hcpcscode|hcpcscpt|cpthcpcs|cpt|cptcode|procedurecode|billingcode|drugcode|ndc|ndc11|ndccode|\d{4}code)$/,
  },
  {
    field: 'rate',
    label: 'Rate',
    required: true,
    pattern:
      /^(rate|fee|feeamount|feescheduleamount|feeschedulerate|allowed|allowedamount|allowable|maxfee|price|payment|paymentamount|reimbursement|reimbursementrate|amount|paymentlimit)$/,
  },
  {
    field: 'perAmount',
    label: 'Per amount',
    required: false,
    pattern: /^(peramount|perqty|perquantity|unitamount|doseamount|billingunitamount)$/,
  },
  { field: 'perUnit', label: 'Per unit', required: false, pattern: /^(perunit|unit|uom|unitofmeasure|doseunit)$/ },
  {
    field: 'dosage',
    label: 'Dosage (e.g. "1 MG"; instead of per amount + per unit)',
    required: false,
    pattern: /^(dosage|dose|per|billingunit|hcpcsdosage|hcpcscodedosage|dosagedescriptor|unitdose)$/,
  },
  { field: 'effectiveFrom', label: 'Effective from', required: true, pattern: EFFECTIVE_FROM },
  { field: 'effectiveTo', label: 'Effective to', required: false, pattern: EFFECTIVE_TO },
];

const PRICE_FIELDS: readonly FieldSpec[] = [
  {
    field: 'ndc',
    label: 'NDC',
    required: true,
    pattern: /^(ndc|ndc11|ndc2|ndc10|ndccode|ndcnumber|packagendc|ndcpackagecode)$/,
  },
  {
    field: 'priceType',
    label: 'Price type (AWP or WAC)',
    required: false,
    pattern: /^(pricetype|type|pricekind|basis)$/,
  },
  {
    field: 'pricePerPackage',
    label: 'Price per package',
    required: false,
    pattern: /^(price|priceperpackage|packageprice|pkgprice|priceperpkg|amount)$/,
  },
  {
    field: 'awp',
    label: 'AWP per package',
    required: false,
    pattern: /^(awp|awpprice|awpperpackage|awppackageprice|awppkg|awppackage|awppkgprice)$/,
  },
  {
    field: 'wac',
    label: 'WAC per package',
    required: false,
    pattern: /^(wac|wacprice|wacperpackage|wacpackageprice|wacpkg|wacpackage|wacpkgprice)$/,
  },
  { field: 'effectiveFrom', label: 'Effective from', required: true, pattern: EFFECTIVE_FROM },
];

const ASP_FIELDS: readonly FieldSpec[] = [
  {
    field: 'hcpcs',
    label: 'HCPCS code',
    required: true,
    pattern: /^(\d{4}code|hcpcs|hcpc|hcpcscode|hcpcslevel(ii|2)code|code)$/,
  },
  {
    field: 'description',
    label: 'Short description',
    required: false,
    pattern: /^(shortdescription|shortdesc|description|longdescription)$/,
  },
  {
    field: 'dosage',
    label: 'HCPCS code dosage',
    required: true,
    pattern: /^(hcpcscodedosage|hcpcsdosage|dosage|dosagedescriptor)$/,
  },
  { field: 'paymentLimit', label: 'Payment limit', required: true, pattern: PAYMENT_LIMIT },
];

const NOC_FIELDS: readonly FieldSpec[] = [
  {
    field: 'drugName',
    label: 'Drug generic name (trade name)',
    required: true,
    pattern: /^(druggenericnametradename|druggenericname|genericname|genericnametradename|drugname|drug)$/,
  },
  { field: 'dosage', label: 'Dosage', required: true, pattern: /^(dosage|dose|hcpcsdosage)$/ },
  { field: 'paymentLimit', label: 'Payment limit', required: true, pattern: PAYMENT_LIMIT },
  { field: 'notes', label: 'Notes', required: false, pattern: /^(notes?|comments?|footnotes?)$/ },
];

const INVOICE_FIELDS: readonly FieldSpec[] = [
  {
    field: 'invoiceNumber',
    label: 'Invoice number',
    required: true,
    pattern:
      /^(invoice|invoiceno|invoicenumber|invoicenum|invoiceid|invno|invnumber|invoice#|document|documentnumber)$/,
  },
  {
    field: 'invoiceDate',
    label: 'Invoice date',
    required: true,
    pattern: /^(invoicedate|invdate|date|documentdate|billingdate)$/,
  },
  {
    field: 'lineNumber',
    label: 'Line',
    required: false,
    pattern: /^(line|lineno|linenumber|linenum|lineitem|seq|sequence)$/,
  },
  {
    field: 'ndc',
    label: 'NDC',
    required: true,
    pattern: /^(ndc|ndc11|ndc10|ndccode|ndcnumber|packagendc|itemndc)$/,
  },
  {
    field: 'lotNumber',
    label: 'Lot number',
    required: true,
    pattern: /^(lot|lotno|lotnumber|lotnum|batch|batchnumber)$/,
  },
  {
    field: 'expiryDate',
    label: 'Expiry date',
    required: true,
    pattern: /^(expiry|expiration|expirydate|expirationdate|exp|expdate|expires|bestbefore)$/,
  },
  {
    field: 'packageQuantity',
    label: 'Packages',
    required: true,
    pattern:
      /^(packages|pkgs|qty|quantity|qtyshipped|shippedqty|quantityshipped|packagequantity|pkgqty|units|shipped)$/,
  },
  {
    field: 'costPerPackage',
    label: 'Cost per package',
    required: true,
    pattern: /^(cost|unitcost|costperpackage|packagecost|pkgcost|price|unitprice|costperpkg|invoicecost)$/,
  },
  {
    field: 'extendedCost',
    label: 'Extended cost',
    required: false,
    pattern: /^(extended|extendedcost|extcost|extendedprice|extprice|extendedamount|lineamount|linetotal|amount)$/,
  },
  {
    field: 'discount',
    label: 'Discount or credit',
    required: false,
    pattern: /^(discount|discountamount|credit|rebate|linediscount)$/,
  },
  {
    field: 'receivedDate',
    label: 'Received date',
    required: false,
    pattern: /^(received|receiveddate|receiptdate|datereceived|shipdate|deliverydate)$/,
  },
  {
    field: 'total',
    label: 'Invoice total',
    required: false,
    pattern: /^(total|invoicetotal|invoiceamount|totalamount|invtotal)$/,
  },
];

export const KINDS: Record<ImportKind, KindSpec> = {
  'fee-schedule': {
    kind: 'fee-schedule',
    title: 'fee schedule',
    fields: FEE_FIELDS,
    missing: (mapped) => {
      const out = required(mapped, FEE_FIELDS);
      if (!(mapped('perAmount') && mapped('perUnit')) && !mapped('dosage'))
        out.push('Per amount and per unit, or Dosage');
      return out;
    },
    fixedLayout: false,
    entry: null,
  },
  prices: {
    kind: 'prices',
    title: 'drug price list',
    fields: PRICE_FIELDS,
    missing: (mapped) => {
      const out = required(mapped, PRICE_FIELDS);
      if (!(mapped('priceType') && mapped('pricePerPackage')) && !mapped('awp') && !mapped('wac')) {
        out.push('Price type and Price per package, or an AWP or WAC column');
      }
      return out;
    },
    fixedLayout: false,
    entry: null,
  },
  'cms-asp': {
    kind: 'cms-asp',
    title: 'CMS ASP Pricing File',
    fields: ASP_FIELDS,
    missing: (mapped) => required(mapped, ASP_FIELDS),
    fixedLayout: true,
    entry: { test: (n) => /ASP\W*Pricing\W*File/i.test(n) && !/NOC/i.test(n), describe: 'ASP Pricing File' },
  },
  'cms-noc': {
    kind: 'cms-noc',
    title: 'CMS NOC Pricing File',
    fields: NOC_FIELDS,
    missing: (mapped) => required(mapped, NOC_FIELDS),
    fixedLayout: true,
    entry: { test: (n) => /NOC\W*Pricing\W*File/i.test(n), describe: 'NOC Pricing File' },
  },
  invoices: {
    kind: 'invoices',
    title: 'distributor invoice file',
    fields: INVOICE_FIELDS,
    missing: (mapped) => required(mapped, INVOICE_FIELDS),
    fixedLayout: false,
    entry: null,
  },
};

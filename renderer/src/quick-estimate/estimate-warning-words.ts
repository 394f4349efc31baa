/**
 * A heading in words for each warning an estimate can carry, so the screen never leads with
 * NO_PRICE_FOR_BASIS; the sentence under it says what to do and the code goes in small print for
 * support. A code without its own heading (a new one) still gets a heading in words.
 */
const TITLES: Record<string, string> = {
  NO_PRICE_FOR_BASIS: 'A price the contract needs is missing',
  NO_PRICE: 'No price on file',
  NO_CONTRACT: 'No contract for this date',
  NO_ACQUISITION_COST: 'No acquisition cost',
  BILLED_BELOW_COST: 'Billed below cost',
  PROFILE_NOT_CONFIRMED: 'Payer requirements not confirmed',
  PAYMENT_LIMIT_DOSAGE_UNREADABLE: 'The payment limit’s dosage cannot be read',
  NDC_QUANTITY_ROUNDED: 'NDC quantity rounded',
  JW_REQUIRED: 'JW line needed for the waste',
  JZ_REQUIRED: 'JZ modifier needed',
  WASTE_NOT_WHOLE_PACKAGES: 'Waste is not whole packages',
  NOC_CODE_MISMATCH: 'The code does not fit this drug',
};

export const estimateWarningTitle = (code: string): string => TITLES[code] ?? 'Check before billing';

/**
 * National Provider Identifier: 10 digits whose last digit is a Luhn check digit computed over
 * the card-issuer prefix 80840 followed by the first nine digits (CMS NPI check-digit standard).
 */
export type NpiCheck = { ok: true; npi: string } | { ok: false; code: 'NPI_INVALID'; message: string };

export function checkNpi(input: string): NpiCheck {
  const npi = input.trim();
  if (!/^\d{10}$/.test(npi)) {
    return { ok: false, code: 'NPI_INVALID', message: 'An NPI is exactly 10 digits.' };
  }
  if (luhnCheckDigit(`80840${npi.slice(0, 9)}`) !== npi.charCodeAt(9) - 48) {
    return {
      ok: false,
      code: 'NPI_INVALID',
      message: 'This NPI fails its check digit; compare it with the NPPES record.',
    };
  }
  return { ok: true, npi };
}

/** Luhn check digit for a payload of decimal digits (the digit that would be appended). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  // Walk from the right; the digit next to the (future) check digit is doubled.
  for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = payload.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

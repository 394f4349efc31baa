/**
 * Taxpayer Identification Number (the practice's EIN on claims): nine digits. People type it as
 * 12-3456789; we accept that hyphen and store the bare digits.
 */
export type TinCheck = { ok: true; tin: string } | { ok: false; code: 'TIN_INVALID'; message: string };

export function checkTin(input: string): TinCheck {
  const trimmed = input.trim();
  if (!/^(\d{9}|\d{2}-\d{7})$/.test(trimmed)) {
    return { ok: false, code: 'TIN_INVALID', message: 'A TIN is 9 digits, written 12-3456789 or 123456789.' };
  }
  return { ok: true, tin: trimmed.replace('-', '') };
}

export const formatTin = (tin: string): string => `${tin.slice(0, 2)}-${tin.slice(2)}`;

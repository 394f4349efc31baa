/** Reading the chosen file in the page, and the quarter a CMS file name announces. */
import { MAX_IMPORT_BASE64_CHARS } from '../../../shared/api/import-schemas';

/** Largest file whose base64 fits the contract's limit (4 base64 characters per 3 bytes). */
export const MAX_IMPORT_FILE_BYTES = Math.floor(MAX_IMPORT_BASE64_CHARS / 4) * 3;

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () =>
      reject(new Error(`Could not read ${file.name}: ${reader.error?.message ?? 'unknown error'}`));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * CMS names its quarterly files by the month they take effect ("July 2025 ASP Pricing File") or,
 * in copies people rename, by quarter ("2025Q3", "Q3 2025", "2025_q3"). Null when it says neither.
 */
export function quarterFromFileName(name: string): string | null {
  const s = name.toLowerCase();
  const yq = /(20\d\d)[\s_-]*q([1-4])/.exec(s);
  if (yq) return `${yq[1]}Q${yq[2]}`;
  const qy = /q([1-4])[\s_-]*(20\d\d)/.exec(s);
  if (qy) return `${qy[2]}Q${qy[1]}`;
  const my = /(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s_.-]*(20\d\d)/.exec(s);
  if (my) return `${my[2]}Q${Math.floor(MONTHS.indexOf(my[1] ?? '') / 3) + 1}`;
  return null;
}

/** "2025 q3" → "2025Q3": what the person typed, in the one spelling the contract accepts. */
export const normalizeQuarter = (s: string): string => s.replace(/\s+/g, '').toUpperCase();

/** How generated documents read in the UI. */
import type { DocumentKind } from '../../../shared/api/document-schemas';

/**
 * Said next to every worksheet wherever it can be viewed, downloaded or saved: it holds the
 * expected payment, contract terms and margin, which never go to a payer.
 */
export const INTERNAL_MARK = 'Internal — not for the payer';

export const KIND_LABELS: Record<DocumentKind, string> = {
  attachment: 'Attachment',
  worksheet: 'Worksheet',
  merged: 'Merged',
};

/** "2025-03-02T14:05:09.123Z" → "2025-03-02 14:05" (as stored, UTC). */
export const stamp = (iso: string): string => iso.replace('T', ' ').slice(0, 16);

/** 48213 → "47.1 KB": a size for people, not arithmetic. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

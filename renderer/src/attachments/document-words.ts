/** How generated documents read in the UI. */
import type { DocumentKind } from '../../../shared/api/document-schemas';
import { localTime } from '../components/local-time';

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

/** "2025-03-02T14:05:09.123Z" → "Mar 2, 2025, 8:05 AM" in the practice's own time zone. */
export const stamp = (iso: string): string => localTime(iso);

/** 48213 → "47.1 KB": a size for people, not arithmetic. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
